import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { classifyLinks } from "../../src/scales/classify.ts";
import { greatCircleKm } from "../../src/scales/distance.ts";
import { defaultHierarchy } from "../../src/scales/hierarchy.ts";
import { DEFAULT_MACRO_REGIONS } from "../../src/scales/macro-regions.ts";
import { eiIndex } from "../../src/groups/ei-index.ts";
import { mixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { scaleShares } from "../../src/scales/shares.ts";

// Hand-made places: A and B in the same NUTS-2 region (DEA2) but different NUTS-3; C in Berlin;
// D in Germany without a region, 2 km from A; E in France; F unknown everywhere; G in Japan;
// H in the United States (in no bundled macro-region).
function fixture(): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode("A", { region: "DEA23", country: "DE", lat: 51.2277, lon: 6.7735 });
  graph.addNode("B", { region: "DEA22", country: "DE" });
  graph.addNode("C", { region: "DE300", country: "DE" });
  graph.addNode("D", { country: "DE", lat: 51.24, lon: 6.8 });
  graph.addNode("E", { region: "FR101", country: "FR" });
  graph.addNode("F", {});
  graph.addNode("G", { country: "JP" });
  graph.addNode("H", { country: "US" });
  graph.addEdge("A", "B", { weight: 2, firstYear: 2015 });
  graph.addEdge("A", "C", { weight: 1 });
  graph.addEdge("A", "D", { weight: 3 });
  graph.addEdge("A", "E", { weight: 1, firstYear: 2016 });
  graph.addEdge("D", "E", { weight: 1 });
  graph.addEdge("A", "F", { weight: 1 });
  graph.addEdge("G", "A", { weight: 1 });
  graph.addEdge("H", "A", { weight: 1 });
  return graph;
}

const scaleOf = (links: ReturnType<typeof classifyLinks>) =>
  Object.fromEntries(links.map(({ source, target, scale, rule, unknown }) => [`${source}–${target}`, [scale, rule, unknown.join(",")]]));

describe("classifyLinks", () => {
  it("names each link by the first level both ends share, skipping and flagging unknown places", () => {
    expect(scaleOf(classifyLinks(fixture()))).toEqual({
      "A–B": ["national", "country", ""], // DEA23 ≠ DEA22 as given; same country
      "A–C": ["national", "country", ""],
      "A–D": ["national", "country", "region"], // D's region unknown: could have been local
      "A–E": ["transnational", "beyond", ""],
      "D–E": ["transnational", "beyond", ""], // different countries: the unknown region cannot matter
      "A–F": ["unknown", "none", "region,country"], // nothing known of F: never counted as local
      "A–G": ["transnational", "beyond", ""],
      "A–H": ["transnational", "beyond", ""],
    });
  });

  it("cuts NUTS codes to the chosen level, since they nest by prefix", () => {
    const nuts2 = scaleOf(classifyLinks(fixture(), { hierarchy: defaultHierarchy({ nutsLevel: 2 }) }));
    expect(nuts2["A–B"]).toEqual(["local", "region", ""]); // DEA2 = DEA2
    expect(nuts2["A–C"]).toEqual(["national", "country", ""]); // DEA2 ≠ DE30
    const nuts1 = scaleOf(classifyLinks(fixture(), { hierarchy: defaultHierarchy({ nutsLevel: 1 }) }));
    expect(nuts1["A–C"]).toEqual(["national", "country", ""]); // DEA ≠ DE3
  });

  it("counts ends within R km as local where regions are unknown, and says so", () => {
    // A–D by hand (flat at this scale): Δlat 0.0123° × 111.195 km = 1.3677 km; Δlon 0.0265° ×
    // 111.195 km × cos 51.234° = 1.8450 km; √(1.3677² + 1.8450²) = 2.2966 km.
    expect(greatCircleKm(51.2277, 6.7735, 51.24, 6.8)).toBeCloseTo(2.2966, 3);
    const links = scaleOf(classifyLinks(fixture(), { localWithinKm: 5 }));
    expect(links["A–D"]).toEqual(["local", "distance", ""]);
    expect(scaleOf(classifyLinks(fixture(), { localWithinKm: 1 }))["A–D"]).toEqual(["national", "country", "region"]);
  });

  it("adds macro-regions: intra- and inter-macro-region, a country in none counting as its own", () => {
    const links = scaleOf(classifyLinks(fixture(), { hierarchy: defaultHierarchy({ macroRegions: DEFAULT_MACRO_REGIONS }) }));
    expect(links["A–E"]).toEqual(["intra-macro-region", "macroRegion", ""]); // DE, FR: EU27
    expect(links["A–G"]).toEqual(["inter-macro-region", "beyond", ""]); // EU27, East Asia
    expect(links["A–H"]).toEqual(["inter-macro-region", "beyond", ""]); // US in no listed macro-region: one of its own
  });

  it("takes a user's own chain of levels", () => {
    const graph = new UndirectedGraph();
    graph.addNode("p", { cluster: "Fukuoka LSI", city: "Fukuoka", country: "JP" });
    graph.addNode("q", { cluster: "Fukuoka LSI", city: "Kitakyushu", country: "JP" });
    graph.addNode("r", { city: "Fukuoka", country: "JP" });
    graph.addNode("s", { city: "Hsinchu", country: "TW" });
    graph.addEdge("p", "q");
    graph.addEdge("p", "r");
    graph.addEdge("q", "r");
    graph.addEdge("p", "s");
    const hierarchy = {
      levels: [
        { level: "cluster", scale: "in-cluster", place: "cluster" },
        { level: "city", scale: "same city", place: "city" },
        { level: "country", scale: "domestic", place: "country" },
      ],
      beyond: "abroad",
    };
    expect(scaleOf(classifyLinks(graph, { hierarchy }))).toEqual({
      "p–q": ["in-cluster", "cluster", ""],
      "p–r": ["same city", "city", "cluster"], // r's cluster unknown
      "q–r": ["domestic", "country", ""], // cities differ, so the unknown cluster cannot matter
      "p–s": ["abroad", "beyond", ""],
    });
  });
});

describe("issue 16: scales on messy places", () => {
  it("answers local from the same city where regions are unknown, and names the rule", () => {
    // p, q: Paris with a district number and CEDEX; r: Munich by its exonym and s: MUENCHEN;
    // t: Cambridge GB, u: Cambridge US (one name, two countries); v: a city without a country.
    const graph = new UndirectedGraph();
    graph.addNode("p", { country: "FR", city: "PARIS 15" });
    graph.addNode("q", { country: "FR", city: "Paris Cedex 16" });
    graph.addNode("r", { country: "DE", city: "Munich" });
    graph.addNode("s", { country: "DE", city: "MUENCHEN" });
    graph.addNode("t", { country: "GB", city: "Cambridge" });
    graph.addNode("u", { country: "US", city: "Cambridge" });
    graph.addNode("v", { city: "Paris" });
    for (const [a, b] of [["p", "q"], ["r", "s"], ["t", "u"], ["p", "v"], ["p", "r"]] as const) graph.addEdge(a, b, { weight: 1 });
    expect(scaleOf(classifyLinks(graph))).toEqual({
      "p–q": ["local", "city", ""], // paris = paris
      "r–s": ["local", "city", ""], // munich → munchen; muenchen → munchen
      "t–u": ["transnational", "beyond", ""], // a city key holds its country
      "p–v": ["unknown", "none", "region,country"], // v has no country, so no city key
      "p–r": ["transnational", "beyond", ""],
    });
    // Without the stand-in, p–q is national, flagged unknown:region: local 0, as before issue 16.
    expect(scaleOf(classifyLinks(graph, { hierarchy: defaultHierarchy({ sameCity: false }) }))["p–q"]).toEqual(["national", "country", "region"]);
    const { rules } = scaleShares(graph);
    expect(rules.map(({ rule, scale, links }) => [rule, scale, links])).toEqual([
      ["region", "local", 0],
      ["city", "local", 2],
      ["country", "national", 0],
      ["beyond", "transnational", 2],
      ["none", "unknown", 1],
    ]);
  });

  it("answers local from the same administrative region (admin1) where regions are unknown, after the same city", () => {
    // Bilbao and Donostia: both ES-PV (Basque Country), different cities; two in Donostia; one in Madrid (ES-MD).
    const graph = new UndirectedGraph();
    graph.addNode("b", { country: "ES", city: "Bilbao", admin1: "ES-PV" });
    graph.addNode("d", { country: "ES", city: "Donostia", admin1: "ES-PV" });
    graph.addNode("e", { country: "ES", city: "San Sebastián", admin1: "ES-PV" });
    graph.addNode("m", { country: "ES", city: "Madrid", admin1: "ES-MD" });
    for (const [x, y] of [["b", "d"], ["d", "e"], ["b", "m"]] as const) graph.addEdge(x, y);
    const links = scaleOf(classifyLinks(graph, { hierarchy: defaultHierarchy({ admin1: true }) }));
    expect(links["b–d"]).toEqual(["local", "admin1", ""]);
    expect(links["d–e"]).toEqual(["local", "city", ""]); // donostia → donostia san sebastian, tried first
    expect(links["b–m"]).toEqual(["national", "country", "region"]);
    expect(scaleOf(classifyLinks(graph))["b–d"]).toEqual(["national", "country", "region"]); // admin1 off by default
    const { rules, knownPlaces } = scaleShares(graph, { hierarchy: defaultHierarchy({ admin1: true }) });
    expect(rules.map(({ rule, links }) => [rule, links])).toEqual([["region", 0], ["city", 1], ["admin1", 1], ["country", 1], ["beyond", 0], ["none", 0]]);
    expect(knownPlaces).toEqual({ region: 0, country: 4, city: 4, admin1: 4 });
  });

  it("takes a region code too short for the NUTS level as unknown, never cut and compared", () => {
    // a, b: region "US" (CORDIS gives a bare country code outside the EU); c, d: DE1 (NUTS-1)
    // where NUTS-2 is asked, in different cities; e, f: DEA23 and DEA27, both in DEA2.
    const graph = new UndirectedGraph();
    graph.addNode("a", { country: "US", region: "US", city: "Boston" });
    graph.addNode("b", { country: "US", region: "US", city: "Austin" });
    graph.addNode("c", { country: "DE", region: "DE1", city: "Stuttgart" });
    graph.addNode("d", { country: "DE", region: "DE1", city: "Ulm" });
    graph.addNode("e", { country: "DE", region: "DEA23" });
    graph.addNode("f", { country: "DE", region: "DEA27" });
    for (const [x, y] of [["a", "b"], ["c", "d"], ["e", "f"]] as const) graph.addEdge(x, y);
    const links = scaleOf(classifyLinks(graph, { hierarchy: defaultHierarchy({ nutsLevel: 2 }) }));
    expect(links["a–b"]).toEqual(["national", "country", "region"]); // was local: "US".slice(0, 4) = "US" on both ends
    expect(links["c–d"]).toEqual(["national", "country", "region"]); // was local: DE1 = DE1
    expect(links["e–f"]).toEqual(["local", "region", ""]); // DEA2 = DEA2
    // Regions known at NUTS-2: e and f only; every organisation has a country; a–d have a city key.
    expect(scaleShares(graph, { hierarchy: defaultHierarchy({ nutsLevel: 2 }) }).knownPlaces).toEqual({ region: 2, country: 6, city: 4 });
  });

  it("never takes different regions for different countries", () => {
    // g in DE300 with no country, h in FR101 in France: the regions differ, the countries may not
    // (a mislabelled or foreign-coded region). Was transnational, flagged unknown:country.
    const graph = new UndirectedGraph();
    graph.addNode("g", { region: "DE300" });
    graph.addNode("h", { region: "FR101", country: "FR" });
    graph.addNode("i", { region: "FR102", country: "DE" });
    graph.addEdge("g", "h");
    graph.addEdge("h", "i");
    const links = scaleOf(classifyLinks(graph));
    expect(links["g–h"]).toEqual(["unknown", "none", "country"]);
    expect(links["h–i"]).toEqual(["transnational", "beyond", ""]); // both countries known and different
  });
});

describe("the place hierarchy's length", () => {
  it("refuses more than 8 levels: a link's class keeps one flag per level", () => {
    const levels = Array.from({ length: 9 }, (_, l) => ({ level: `l${l}`, scale: `s${l}`, place: "country" }));
    expect(() => classifyLinks(fixture(), { hierarchy: { levels, beyond: "beyond" } })).toThrow(/has 9 levels; at most 8/);
  });
});

describe("scaleShares", () => {
  const report = scaleShares(fixture(), { groupBy: ["country"], mixing: true });

  it("counts and weighs links by scale for the network", () => {
    // national: A–B (2), A–C (1), A–D (3); transnational: A–E, D–E, A–G, A–H (1 each); unknown: A–F (1).
    expect(report.scales).toEqual(["local", "national", "transnational", "unknown"]);
    expect(report.network).toEqual({
      links: 8,
      weight: 11,
      counts: { local: 0, national: 3, transnational: 4, unknown: 1 },
      weights: { local: 0, national: 6, transnational: 4, unknown: 1 },
      countShares: { local: 0, national: 3 / 8, transnational: 4 / 8, unknown: 1 / 8 },
      weightShares: { local: 0, national: 6 / 11, transnational: 4 / 11, unknown: 1 / 11 },
      flags: { "unknown:country": 1, "unknown:region": 2 },
    });
  });

  it("per organisation, per group and per year", () => {
    expect(report.byOrganisation.get("D")?.counts).toEqual({ local: 0, national: 1, transnational: 1, unknown: 0 });
    expect(report.byGroup["country"]?.get("FR")?.counts).toEqual({ local: 0, national: 0, transnational: 2, unknown: 0 });
    expect(report.byGroup["country"]?.get("DE")?.links).toBe(8); // A is German, and in every link
    expect(report.byGroup["country"]?.has("unknown")).toBe(false); // F has no country: in no group, never a group "unknown"
    expect([...report.byYear.keys()]).toEqual(["2015", "2016", "unknown"]);
    expect(report.byYear.get("2015")?.counts["national"]).toBe(1);
    expect(report.byYear.get("unknown")?.links).toBe(6);
  });

  it("per grouping, the openness (E-I) and the group-by-group matrix, as eiIndex and mixingMatrix give them", () => {
    // DE holds A–D. Inside it: A–B, A–C, A–D (3 links, weight 6); leaving it for another country:
    // A–E, D–E, G–A, H–A (4 links, weight 4); A–F is left out, F's country being unknown.
    // E-I = (4 − 3)/7 counted, (4 − 6)/10 weighted.
    const byCountry = report.openness["country"];
    expect(byCountry?.byGroup["DE"]).toEqual({ counted: { E: 4, I: 3, EI: 1 / 7, ratio: 4 / 3 }, weighted: { E: 4, I: 6, EI: -0.2, ratio: 4 / 6 }, excluded: { links: 1, weight: 1 } });
    expect(byCountry?.byGroup["FR"]?.counted).toEqual({ E: 2, I: 0, EI: 1, ratio: null }); // E: A–E, D–E
    expect(byCountry?.network.counted).toEqual({ E: 4, I: 3, EI: 1 / 7, ratio: 4 / 3 }); // every link has an end in DE
    expect(report.mixing["country"]?.counted["DE"]).toEqual({ DE: 3, FR: 2, JP: 1, US: 1 });
    expect(report.mixing["country"]?.weighted["FR"]).toEqual({ DE: 2 });
    // Equal, not just close: the weights are whole numbers, so no sum rounds.
    expect(byCountry).toEqual(eiIndex(fixture(), { groupBy: "country" }));
    expect(report.mixing["country"]).toEqual(mixingMatrix(fixture(), { groupBy: "country" }));
    expect(scaleShares(fixture(), { groupBy: ["country"] }).mixing).toEqual({}); // k × k cells only when asked
  });

  it("counts a self-loop's two ends for its organisation, as its degree does, and the loop once elsewhere", () => {
    // a–a is local (both in region R); a–b national, flagged unknown:region (b has no region).
    const graph = new UndirectedGraph();
    graph.addNode("a", { region: "R", country: "DE" });
    graph.addNode("b", { country: "DE" });
    graph.addEdge("a", "a", { weight: 1 });
    graph.addEdge("a", "b", { weight: 2 });
    const loops = scaleShares(graph, { groupBy: ["country"] });
    expect(loops.byOrganisation.get("a")).toMatchObject({ links: 3, weight: 4, counts: { local: 2, national: 1 }, flags: { "unknown:region": 1 } });
    // DE: its members' 4 link ends, less the second end of a–a and of a–b.
    expect(loops.byGroup["country"]?.get("DE")).toMatchObject({ links: 2, weight: 3, counts: { local: 1, national: 1 } });
    expect(loops.network).toMatchObject({ links: 2, weight: 3, counts: { local: 1, national: 1 } });
    expect(loops.openness["country"]?.byGroup["DE"]?.counted).toEqual({ E: 0, I: 2, EI: -1, ratio: 0 });
  });

  it("reads per-key shares as a read-only Map, and as a plain record in JSON", () => {
    expect(report.byOrganisation.size).toBe(8);
    expect(report.byOrganisation.has("Z")).toBe(false);
    expect([...report.byOrganisation.keys()]).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
    const json = JSON.parse(JSON.stringify(report.byYear)) as Record<string, { links: number }>;
    expect(Object.keys(json)).toEqual(["2015", "2016", "unknown"]);
    expect(json["2016"]?.links).toBe(1); // A–E
  });

  it("follows changes to the graph: place and group codes are rebuilt, never stale", () => {
    const graph = fixture();
    expect(scaleShares(graph, { groupBy: ["country"] }).network.counts["national"]).toBe(3);
    graph.setNodeAttribute("E", "country", "DE"); // A–E and D–E become national
    const after = scaleShares(graph, { groupBy: ["country"] });
    expect(after.network.counts["national"]).toBe(5);
    expect(after.byGroup["country"]?.has("FR")).toBe(false);
  });

  it("refuses a year that is not a whole year, naming it", () => {
    const graph = fixture();
    graph.setEdgeAttribute("A", "B", "firstYear", 2015.5);
    expect(() => scaleShares(graph)).toThrow(/firstYear is 2015.5, not a whole year/);
  });
});
