// The cluster network of the hand-made fixture (fixtures/hand/README.md works every number below
// out on paper) against fixtures/hand/expected.json, written by datasets/reference/clusters.py
// (pandas, scikit-learn). The explicit values are the README's hand working.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { cityClusters } from "../../src/clusters/city-clusters.ts";
import { clusterNetwork } from "../../src/clusters/cluster-network.ts";
import { geographicClusters } from "../../src/clusters/geographic.ts";
import { datasetIn } from "../bundled.ts";
import { asReference, close, expectSamePartition, type Reference } from "./reference-shape.ts";

const folder = fileURLToPath(new URL("./fixtures/hand/", import.meta.url));
const reference = JSON.parse(readFileSync(folder + "expected.json", "utf8")) as Reference;
const graph = datasetIn(folder);
const byCountry = clusterNetwork(graph, { groupBy: "country" });
const byCity = clusterNetwork(graph, { groupBy: cityClusters(graph) });

describe("the cluster network of the hand fixture", () => {
  it("equals the pandas reference by country and by city", () => {
    expect(close(asReference(byCountry))).toEqual(close(reference.byCountry));
    expect(close(asReference(byCity))).toEqual(close(reference.byCity));
  });

  it("leaves out, and counts, organisations without a country or a city", () => {
    // By country: O08 (no country) with links 5 and 6. By city: O08 and O09 (no city), links 5, 6, 8, 9.
    expect(byCountry.excluded).toMatchObject({ organisations: 1, links: 2, weight: 2 });
    expect(byCity.excluded).toMatchObject({ organisations: 2, links: 4, weight: 4 });
    expect(byCountry.clusters["DE"]).toMatchObject({ members: 4, withoutType: 1, internalLinks: 3, internalWeight: 4, density: 0.5, externalLinks: 8, externalWeight: 10, excludedLinks: 2 });
    expect(Object.keys(byCountry.clusters)).not.toContain("unknown");
  });

  it("names city clusters by the spelling most members use, one per country", () => {
    expect(Object.keys(byCity.clusters)).toEqual(["Cambridge, GB", "Cambridge, US", "Eindhoven, NL", "München, DE", "PARIS, FR", "Stuttgart, DE", "Torino, IT"]);
  });

  it("aggregates links with their years, scales and carriers", () => {
    // DE|NL: links 13 (no year), 17 (2019), 18 (2022); O01, O02 and O11 carry one each, O10 all three.
    const deNl = byCountry.links.find((link) => link.source === "DE" && link.target === "NL");
    expect(deNl).toMatchObject({ links: 3, weight: 3, firstYear: 2019, lastYear: 2022, byYear: { "2019": 1, "2022": 1 }, withoutYear: 1, scales: { transnational: { links: 3, weight: 3 } } });
    expect(deNl?.carriers.source.map((c) => [c.organisation, c.share])).toEqual([["O01", 1 / 3], ["O02", 1 / 3], ["O11", 1 / 3]]);
    expect(deNl?.carriers.target).toEqual([{ organisation: "O10", links: 3, weight: 3, share: 1 }]);
    // München–Stuttgart (link 19) is the one national cluster link by city; internal by country.
    expect(byCity.links.find((link) => link.target === "Stuttgart, DE" && link.source === "München, DE")?.scales).toEqual({ national: { links: 1, weight: 1 } });
    // Gatekeepers of DE: O01 and O02 carry 4 of 10 each; half is reached after both.
    expect(byCountry.clusters["DE"]?.gatekeepers.map((g) => [g.organisation, g.share])).toEqual([["O01", 0.4], ["O02", 0.4]]);
  });

  it("gives each cluster link as a view whose toJSON, JSON and console form hold every value", () => {
    const deNl = byCountry.links.find((link) => link.source === "DE" && link.target === "NL");
    const plain = deNl?.toJSON();
    // The same DE|NL numbers as above, now as a plain object's own fields.
    expect(plain).toEqual({
      source: "DE",
      target: "NL",
      links: 3,
      weight: 3,
      firstYear: 2019,
      lastYear: 2022,
      byYear: { "2019": 1, "2022": 1 },
      withoutYear: 1,
      scales: { transnational: { links: 3, weight: 3 } },
      carriers: { source: deNl?.carriers.source, target: deNl?.carriers.target },
    });
    expect(JSON.parse(JSON.stringify(deNl))).toEqual(plain);
    expect(inspect(deNl)).toContain("withoutYear: 1");
    // Read twice, the worked-out values are the same objects.
    expect(deNl?.carriers).toBe(deNl?.carriers);
  });

  it("finds scikit-learn's geographic clusters: Munich and Paris, five noise points", () => {
    const geo = geographicClusters(graph, { radiusKm: 10, minSize: 2 });
    expect(Object.keys(geo.clusters)).toEqual(["München, DE", "PARIS, FR"]);
    expect([geo.withCoordinates, geo.noise, geo.withoutCoordinates]).toEqual([10, 5, 2]);
    expectSamePartition(geo.membership, (reference.geo["10km-2"] as Reference["geo"][string]).labels);
  });
});

describe("geographic clusters on messy coordinates", () => {
  it("leaves out a point that organisations of two cities share, and counts them", () => {
    // Three organisations of three cities at Spain's centre as CORDIS gives it, two of one city
    // (two spellings) at one point in Madrid: only the Madrid pair is clustered.
    const graph = new UndirectedGraph();
    for (const [id, city] of [["a", "Sevilla"], ["b", "Toledo"], ["c", "Cuenca"]]) graph.addNode(id as string, { country: "ES", city, lat: 39.33, lon: -4.84 });
    graph.addNode("d", { country: "ES", city: "Madrid", lat: 40.42, lon: -3.7 });
    graph.addNode("e", { country: "ES", city: "MADRID", lat: 40.42, lon: -3.7 });
    const geo = geographicClusters(graph, { radiusKm: 10, minSize: 2 });
    expect([geo.sharedPoint, geo.withCoordinates, geo.noise]).toEqual([3, 2, 0]);
    // One member per spelling: the tie goes to the smaller string, "MADRID" < "Madrid".
    expect(geo.membership).toEqual({ d: "MADRID, ES", e: "MADRID, ES" });
    expect(geo.rule).toContain("coordinates that organisations of two or more cities share");
  });
});
