/**
 * Clusters: which clusters link to which, at which scale, and through whom. The cluster ×
 * cluster heat map (the mixing-matrix chart, with a cluster's internal links on the diagonal);
 * where clusters have coordinates, a map of cluster bubbles (size: members; colour: openness,
 * the weighted E-I) joined by their strongest links (colour: the scale that carries most of the
 * link's weight), over Natural Earth's country outlines (world-atlas, drawn offline like every
 * chart); then the clusters, the strongest cluster links with their carriers, and the bridges.
 */
import { mainScale } from "@linkscale/core";
import type { TopLevelSpec } from "vega-lite";
import world from "world-atlas/countries-110m.json" with { type: "json" };
import type { Report } from "../../report.ts";
import { SCALE_COLOURS, UNKNOWN_COLOUR } from "../charts.ts";
import { TOP_GROUPS, type SectionContext } from "../context.ts";
import { heatMap } from "../heat-map.ts";
import { figure, fixed, html, integer, measure, percent, table, type Content, type Html } from "../markup.ts";

type Section = NonNullable<Report["results"]["clusters"]>;
type Found = Extract<Section, { grouping: object }>;
type ClusterLink = Found["links"][number];

/** Cluster links drawn on the map: the strongest, so the map stays readable. */
const MAP_LINKS = 150;
const LINKS_LISTED = 15;
const CARRIERS_LISTED = 2;
const MAP_WIDTH = 720;
const MAP_HEIGHT = 440;

export function clustersSection(report: Report, context: SectionContext): Html {
  const section = report.results.clusters;
  if (section === undefined) return html``;
  if (section.grouping === null) return html`<section id="clusters"><h2>Clusters</h2><p>n/a (${section.why})</p></section>`;
  return html`<section id="clusters"><h2>Clusters</h2>${intro(section)}${heat(section, context)}${map(section, report, context)}${clusterTable(section, context)}${linkTable(section, context)}${bridgeTable(section, context)}</section>`;
}

function intro({ grouping, geographic, excluded, clusters, links, communities }: Found): Html {
  const left =
    excluded.organisations > 0
      ? `Left out: ${integer(excluded.organisations)} organisations${geographic === null ? "" : ` (${integer(geographic.noise)} noise, ${integer(geographic.withoutCoordinates)} without coordinates, ${integer(geographic.sharedPoint)} at a point shared by several cities)`} and ${integer(excluded.links)} links: ${excluded.rule}. `
      : "";
  return html`<p>By ${grouping.by}${grouping.chosen === null ? "" : ` (chosen because ${grouping.chosen})`}: ${grouping.rule}. ${integer(Object.keys(clusters).length)} clusters and ${integer(links.length)} links between them. ${left}Communities of clusters (Louvain, seed ${communities.seed}): ${integer(communities.count)}, modularity ${fixed(communities.modularity, 3, "no links")}.</p>`;
}

function heat({ clusters, links, grouping }: Found, { charts }: SectionContext): Html {
  const groups = Object.keys(clusters);
  const counted: Record<string, Record<string, number>> = Object.create(null);
  for (const name of groups) counted[name] = { [name]: clusters[name]?.internalLinks ?? 0 };
  for (const { source, target, links: n } of links) {
    (counted[source] as Record<string, number>)[target] = n;
    (counted[target] as Record<string, number>)[source] = n;
  }
  const map = heatMap({ groups, counted }, { top: TOP_GROUPS, groupLabel: "cluster", description: `Links between clusters by ${grouping.by}, as a heat map` });
  const id = charts.unique("clusters-heat-map");
  const hidden = groups.length - map.shown.length;
  const title = "Links between clusters" + (hidden > 0 ? ` (the ${map.shown.length} of ${groups.length} with most links)` : "");
  return figure(id, title, charts.add(id, map.spec), "Cell: organisation links between the row's cluster and the column's; the diagonal holds links inside a cluster. Colour on a log scale.");
}

function map(section: Found, report: Report, { charts }: SectionContext): Html {
  const { positions, clusters, links } = section;
  const placed = Object.keys(positions);
  if (placed.length === 0) return html``;
  const at = (name: string) => positions[name] as { lat: number; lon: number };
  const drawn = links
    .filter((link) => link.source in positions && link.target in positions)
    .sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1))
    .slice(0, MAP_LINKS)
    .reverse(); // strongest drawn last, on top
  const scaleNames = report.results.scales?.scales ?? [...new Set(drawn.map(mainScale))].sort();
  const bubbles = placed.map((name) => ({ name, ...at(name), members: clusters[name]?.members ?? 0, openness: clusters[name]?.openness.weighted.EI ?? null }));
  const labelled = [...bubbles].sort((a, b) => b.members - a.members || (a.name < b.name ? -1 : 1)).slice(0, 12);
  const spec: TopLevelSpec = {
    description: `Map of clusters by ${section.grouping.by} and the strongest links between them`,
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    projection: projectionFor(bubbles),
    layer: [
      {
        data: { values: world, format: { type: "topojson", feature: "countries" } },
        mark: { type: "geoshape", fill: "#f3f3f0", stroke: "#cfcfcf", strokeWidth: 0.5, clip: true },
      },
      {
        data: { values: drawn.map((link) => ({ lon: at(link.source).lon, lat: at(link.source).lat, lon2: at(link.target).lon, lat2: at(link.target).lat, weight: link.weight, scale: mainScale(link) })) },
        mark: { type: "rule", opacity: 0.5, clip: true },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          longitude2: { field: "lon2" },
          latitude2: { field: "lat2" },
          strokeWidth: { field: "weight", type: "quantitative", scale: { range: [0.4, 6] }, legend: { title: "link weight" } },
          color: {
            field: "scale",
            type: "nominal",
            scale: { domain: scaleNames, range: scaleNames.map((name, i) => (name === "unknown" ? UNKNOWN_COLOUR : (SCALE_COLOURS[i % SCALE_COLOURS.length] as string))) },
            legend: { title: "link's main scale" },
          },
        },
      },
      {
        data: { values: bubbles },
        mark: { type: "circle", stroke: "#333", strokeWidth: 0.6, opacity: 0.9, clip: true },
        encoding: {
          longitude: { field: "lon", type: "quantitative" },
          latitude: { field: "lat", type: "quantitative" },
          size: { field: "members", type: "quantitative", scale: { range: [15, 700] }, legend: { title: "members" } },
          fill: { field: "openness", type: "quantitative", scale: { domain: [-1, 1], scheme: "viridis" }, legend: { title: "openness (E-I)" } },
        },
      },
      {
        data: { values: labelled },
        mark: { type: "text", dy: -11, fontSize: 10, fontWeight: 600, clip: true },
        encoding: { longitude: { field: "lon", type: "quantitative" }, latitude: { field: "lat", type: "quantitative" }, text: { field: "name" } },
      },
    ],
    resolve: { scale: { color: "independent", size: "independent" }, legend: { color: "independent", size: "independent" } },
  };
  const id = charts.unique("clusters-map");
  const shown = drawn.length < links.length ? `the ${drawn.length} strongest of ${integer(links.length)} links` : "every link";
  return figure(
    id,
    `Clusters on the map, with ${shown}`,
    charts.add(id, spec),
    `A cluster sits at the mean of its members with coordinates. Openness: −1 all links inside the cluster, +1 all outward. Country outlines: Natural Earth via world-atlas.`,
  );
}

/** Mercator centred on the clusters, zoomed to hold them all (with a margin), never past the whole world. */
function projectionFor(points: ReadonlyArray<{ lat: number; lon: number }>) {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => Math.max(-80, Math.min(80, p.lat)));
  const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const spanX = Math.max(((east - west) * Math.PI) / 180, 0.15);
  const spanY = Math.max(y(north) - y(south), 0.1);
  const scale = Math.min((MAP_WIDTH * 0.85) / spanX, (MAP_HEIGHT * 0.8) / spanY, 5000);
  const centreY = (y(north) + y(south)) / 2;
  const centreLat = ((2 * Math.atan(Math.exp(centreY)) - Math.PI / 2) * 180) / Math.PI;
  return { type: "mercator" as const, scale: Math.max(scale, MAP_WIDTH / (2 * Math.PI)), center: [(west + east) / 2, centreLat] as [number, number], translate: [MAP_WIDTH / 2, MAP_HEIGHT / 2] as [number, number] };
}

function clusterTable({ clusters, centrality, communities }: Found, { organisation }: SectionContext): Html {
  const names = Object.keys(clusters).sort((a, b) => (clusters[b]?.members ?? 0) - (clusters[a]?.members ?? 0) || (a < b ? -1 : 1));
  const shown = names.slice(0, TOP_GROUPS);
  const rows = shown.map((name): Content[] => {
    const c = clusters[name];
    if (c === undefined) return [];
    const core = c.gatekeepers.slice(0, CARRIERS_LISTED).map((g, i) => html`${i > 0 ? "; " : ""}${organisation(g.organisation)} <span class="muted">${percent(g.share, 0)}</span>`);
    return [
      name,
      integer(c.members),
      integer(c.internalLinks),
      fixed(c.density, 3, "one member"),
      integer(c.externalLinks),
      fixed(c.openness.weighted.EI, 3, "no links"),
      measure(centrality.measures.degree[name]),
      measure(centrality.measures.pagerank[name]),
      measure(centrality.measures.betweenness[name]),
      String(communities.membership[name] ?? "n/a"),
      html`${core}${c.gatekeepers.length > CARRIERS_LISTED ? html` <span class="more">+${c.gatekeepers.length - CARRIERS_LISTED}</span>` : ""}`,
    ];
  });
  const caption = shown.length < names.length ? `the ${shown.length} largest of ${names.length} clusters` : `all ${names.length} clusters`;
  return table(["cluster", "members", "internal links", "density", "external links", "E-I (weight)", "partners", "PageRank", "betweenness", "community", "gatekeepers (share of outward weight)"], rows, {
    numeric: [1, 2, 3, 4, 5, 6, 7, 8],
    caption,
    className: "wide",
  });
}

function linkTable({ links }: Found, { organisation }: SectionContext): Html {
  const strongest = [...links].sort((a, b) => b.weight - a.weight || b.links - a.links).slice(0, LINKS_LISTED);
  const side = (carriers: ClusterLink["carriers"]["source"]) =>
    carriers.slice(0, CARRIERS_LISTED).map((c, i) => html`${i > 0 ? "; " : ""}${organisation(c.organisation)} <span class="muted">${percent(c.share, 0)}</span>`);
  const rows = strongest.map((link): Content[] => [
    html`${link.source} – ${link.target}`,
    integer(link.links),
    measure(link.weight),
    link.firstYear === null ? "n/a (no year)" : link.firstYear === link.lastYear ? String(link.firstYear) : `${link.firstYear}–${link.lastYear}`,
    Object.entries(link.scales).map(([scale, { weight }], i) => `${i > 0 ? ", " : ""}${scale} ${percent(weight / link.weight, 0)}`),
    side(link.carriers.source),
    side(link.carriers.target),
  ]);
  return table(["clusters", "links", "weight", "years", "scales (share of weight)", "carried on the first side by", "on the second side by"], rows, {
    numeric: [1, 2],
    caption: `the ${strongest.length} strongest of ${integer(links.length)} links between clusters`,
    className: "wide",
  });
}

function bridgeTable({ bridges }: Found, { organisation }: SectionContext): Html {
  if (bridges.length === 0) return html``;
  const paths = (list: Found["bridges"][number]["gatekeepers"]) => list.reduce((sum, b) => sum + b.paths, 0);
  const busiest = [...bridges].sort((a, b) => paths(b.gatekeepers) + paths(b.liaisons) - (paths(a.gatekeepers) + paths(a.liaisons))).slice(0, LINKS_LISTED);
  const list = (brokers: Found["bridges"][number]["gatekeepers"]) =>
    brokers.length === 0 ? html`<span class="muted">none</span>` : brokers.slice(0, CARRIERS_LISTED).map((b, i) => html`${i > 0 ? "; " : ""}${organisation(b.organisation)} <span class="muted">${b.cluster}, ${integer(b.paths)}</span>`);
  const rows = busiest.map((pair): Content[] => [html`${pair.source} – ${pair.target}`, integer(paths(pair.gatekeepers)), list(pair.gatekeepers), integer(paths(pair.liaisons)), list(pair.liaisons)]);
  return table(["clusters", "through a member", "gatekeepers (cluster, paths)", "through a third cluster", "liaisons (cluster, paths)"], rows, {
    numeric: [1, 3],
    caption: "Bridges: open two-paths between two clusters (the ends unlinked), by the broker's cluster (Gould & Fernandez); the pairs with most",
    className: "wide",
  });
}
