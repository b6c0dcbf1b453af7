/**
 * Which clusters does one cluster collaborate with, at which scale, and through which
 * organisations? Reads a dataset folder, groups its organisations into clusters (an attribute
 * such as country, "city", or "geo" for geographic clusters) and prints the chosen cluster's
 * partners: links, weight, the scales they run at, and the organisations on both sides that
 * carry them.
 *
 *   npx tsx examples/01-cluster-partners.ts [folder] [grouping] [cluster]
 *   npx tsx examples/01-cluster-partners.ts datasets/h2020-eastasia country JP
 *   npx tsx examples/01-cluster-partners.ts datasets/semiconductor-ev geo "EINDHOVEN, NL"
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cityClusters, clusterNetwork, DEFAULT_MACRO_REGIONS, defaultHierarchy, geographicClusters, type GroupBy } from "@linkscale/core";
import { loadFiles } from "@linkscale/io";

const [folder = "datasets/h2020-eastasia", by = "country", focus = "JP"] = process.argv.slice(2);
const loaded = loadFiles(["organisations.csv", "participations.csv"].map((name) => ({ name: join(folder, name), text: readFileSync(join(folder, name), "utf8") })));
if (loaded.form !== "tables") throw new Error(`${folder}: expected organisation and participation tables`);
const graph = loaded.dataset.graph;

const groupBy: GroupBy = by === "city" ? cityClusters(graph) : by === "geo" ? geographicClusters(graph, { radiusKm: 10, minSize: 5 }).membership : by;
const network = clusterNetwork(graph, { groupBy, hierarchy: defaultHierarchy({ macroRegions: DEFAULT_MACRO_REGIONS }) });
const cluster = network.clusters[focus];
if (cluster === undefined) throw new Error(`no cluster "${focus}" by ${by}; some there are: ${Object.keys(network.clusters).slice(0, 10).join(", ")}`);

const name = (id: string) => String(graph.getNodeAttribute(id, "name") || id);
const partners = network.links.filter((link) => link.source === focus || link.target === focus).sort((a, b) => b.weight - a.weight);
console.log(`${focus} (by ${by}): ${cluster.members} organisations, ${cluster.internalLinks} links inside, ${cluster.externalLinks} to ${partners.length} other clusters; E-I ${cluster.openness.weighted.EI?.toFixed(3) ?? "n/a (no links)"}`);
for (const link of partners.slice(0, 8)) {
  const [partner, ours, theirs] = link.source === focus ? [link.target, link.carriers.source, link.carriers.target] : [link.source, link.carriers.target, link.carriers.source];
  const scales = Object.entries(link.scales).map(([scale, { links }]) => `${scale} ${links}`).join(", ");
  const carried = (carriers: typeof ours) => carriers.slice(0, 2).map((c) => `${name(c.organisation)} ${(100 * c.share).toFixed(0)}%`).join("; ");
  console.log(`\n${partner}: ${link.links} links, weight ${link.weight}, ${link.firstYear ?? "?"}–${link.lastYear ?? "?"} (${scales})`);
  console.log(`  carried by ${carried(ours)}`);
  console.log(`  and on the other side by ${carried(theirs)}`);
}
