/**
 * The typed-array graph gives every metric the same result as the graphology graph it was copied
 * from, byte for byte (issue 21, item 1): the expected value of each check is the function run on
 * the graphology graph, and both are compared as JSON text, so a last-bit difference fails.
 */
import { describe, expect, it } from "vitest";
import * as core from "../../src/index.ts";
import { CompactGraph, CompactGraphBuilder } from "../../src/model/compact-graph.ts";
import type { ReadableGraph } from "../../src/model/graph.ts";
import { bundledDataset, datasetFolder, tablesIn } from "../bundled.ts";

const SEED = 7;

/** Every metric the core exports that reads a whole graph, with the options a report uses. */
const METRICS: Record<string, (graph: ReadableGraph) => unknown> = {
  describeGraph: (g) => core.describeGraph(g),
  degree: (g) => core.degree(g),
  strength: (g) => core.strength(g),
  closeness: (g) => core.closeness(g),
  harmonic: (g) => core.harmonic(g),
  betweenness: (g) => core.betweenness(g),
  eigenvector: (g) => core.eigenvector(g),
  pagerank: (g) => core.pagerank(g),
  clustering: (g) => core.clustering(g),
  transitivity: (g) => core.transitivity(g),
  connectedComponents: (g) => core.connectedComponents(g),
  louvain: (g) => core.louvain(g, { seed: SEED }),
  leiden: (g) => core.leiden(g, { seed: SEED }),
  modularityByCountry: (g) => core.modularity(g, "country"),
  summariseCommunities: (g) => core.summariseCommunities(g, core.louvain(g, { seed: SEED }).communities),
  classifyLinks: (g) => core.classifyLinks(g),
  scaleShares: (g) => core.scaleShares(g),
  linkDistances: (g) => core.linkDistances(g),
  distanceDecay: (g) => core.distanceDecay(g),
  eiIndex: (g) => core.eiIndex(g, { groupBy: "country" }),
  eiPermutationTest: (g) => core.eiPermutationTest(g, { groupBy: "type", permutations: 50, seed: SEED }),
  mixingMatrix: (g) => core.mixingMatrix(g, { groupBy: "type" }),
  mixingPermutationTest: (g) => core.mixingPermutationTest(g, { groupBy: "type", permutations: 50, seed: SEED }),
  assortativity: (g) => core.assortativity(g, { groupBy: "country" }),
  gatekeepers: (g) => core.gatekeepers(g, { groupBy: "country" }),
  effectiveSize: (g) => core.effectiveSize(g),
  structuralConstraint: (g) => core.structuralConstraint(g),
  brokerage: (g) => core.brokerage(g, { groupBy: "type" }),
  brokeragePermutationTest: (g) => core.brokeragePermutationTest(g, { groupBy: "type", permutations: 3, seed: SEED }),
  clusterGrouping: (g) => core.clusterGrouping(g),
  geographicClusters: (g) => core.geographicClusters(g),
  cityClusters: (g) => core.cityClusters(g),
  clusterPositions: (g) => core.clusterPositions(g, "country"),
  clusterNetwork: (g) => core.clusterNetwork(g, { groupBy: "city" }),
  clusterBridges: (g) => core.clusterBridges(g, { groupBy: "country" }),
  linkSpan: (g) => core.linkSpan(g),
  associationStrengthByPair: (g) => byPair(g, core.associationStrength(g)),
};

/** Every link with its ends and attributes, in the graph's order, as JSON text. */
function linksAsText(graph: ReadableGraph): string {
  const all: unknown[] = [];
  graph.forEachEdge((_edge, attributes, source, target) => all.push([source, target, attributes]));
  return JSON.stringify(all);
}

/** Edge keys differ between the forms (graphology's own, the compact graph's link numbers): compare by pair. */
function byPair(graph: ReadableGraph, values: Record<string, number>): Record<string, number> {
  const result: Record<string, number> = {};
  graph.forEachEdge((edge, _attributes, source, target) => {
    result[source < target ? `${source}|${target}` : `${target}|${source}`] = values[edge] as number;
  });
  return result;
}

// Every metric on semiconductor-ev; h2020-eastasia (4x the links) adds the node columns of a
// CORDIS extract, where some organisations have no name or place.
describe.each([
  { name: "semiconductor-ev", metrics: Object.keys(METRICS) },
  { name: "h2020-eastasia", metrics: ["describeGraph", "classifyLinks", "scaleShares", "eiIndex", "gatekeepers"] },
])("$name as a compact graph", ({ name, metrics }) => {
  const graph = bundledDataset(name);
  const compact = CompactGraph.fromGraph(graph);

  it("holds the same nodes, links and attributes, in the same order", () => {
    expect(compact.order).toBe(graph.order);
    expect(compact.size).toBe(graph.size);
    expect(compact.nodes()).toEqual(graph.nodes());
    expect(linksAsText(compact)).toBe(linksAsText(graph));
    // Attribute keys come in column order, where graphology keeps each node's own order.
    const nodes = (g: ReadableGraph) => {
      const all: unknown[] = [];
      g.forEachNode((node, attributes) => all.push([node, Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)))]));
      return JSON.stringify(all);
    };
    expect(nodes(compact)).toBe(nodes(graph));
  });

  it.each(metrics)("%s equals the graphology graph's, byte for byte", (metric) => {
    const run = METRICS[metric] as (graph: ReadableGraph) => unknown;
    expect(JSON.stringify(run(compact))).toBe(JSON.stringify(run(graph)));
  });

});

describe("semiconductor-ev as a compact graph: stages, slices and the way back", () => {
  const graph = bundledDataset("semiconductor-ev");
  const compact = CompactGraph.fromGraph(graph);

  it("stages over link windows equal the graphology graph's", () => {
    const options = { windowing: { kind: "rolling", width: 3, step: 2 } as const, seed: SEED, permutations: 20, groupBy: ["country", "type"] };
    expect(JSON.stringify(core.stages({ graph: compact }, options))).toBe(JSON.stringify(core.stages({ graph }, options)));
  });

  it("time slices and link windows keep the same links", () => {
    const window = { from: 2016, to: 2018 };
    const text = (g: ReadableGraph) => JSON.stringify(core.describeGraph(g)) + JSON.stringify(core.degree(g));
    expect(text(core.timeSlice(compact, window))).toBe(text(core.timeSlice(graph, window)));
    expect(text(core.linkWindow(compact, window))).toBe(text(core.linkWindow(graph, window)));
    expect(core.linkWindow(compact, window).nodes()).toEqual(core.linkWindow(graph, window).nodes());
  });

  it("gives back a graphology graph equal to the one it came from", () => {
    const back = compact.toGraph();
    expect(back.export().nodes).toEqual(graph.export().nodes);
    expect(back.mapEdges((_e, attributes, s, t) => [s, t, attributes])).toEqual(graph.mapEdges((_e, attributes, s, t) => [s, t, attributes]));
  });
});

describe("projectCompact", () => {
  it("projects the same nodes and links, in the same order and to the same bits, as projectParticipations", () => {
    const { organisations, participations } = tablesIn(datasetFolder("semiconductor-ev"));
    const options = { counting: "fractional", associationStrength: true } as const;
    const compact = core.projectCompact(participations, organisations, options);
    const graph = core.projectParticipations(participations, organisations, options);
    expect(compact.nodes()).toEqual(graph.nodes());
    expect(linksAsText(compact)).toBe(linksAsText(graph));
  });
});

describe("CompactGraphBuilder", () => {
  it("refuses what graphology refuses: a node twice, an unknown end, a self-link, a pair twice", () => {
    const builder = new CompactGraphBuilder();
    builder.addNode("a");
    builder.addNode("b");
    expect(() => builder.addNode("a")).toThrow(/organisation "a" is given twice/);
    expect(() => builder.addEdge("a", "c")).toThrow(/names unknown organisation "c"/);
    expect(() => builder.addEdge("a", "a")).toThrow(/link from "a" to itself/);
    builder.addEdge("a", "b", { weight: 2 });
    builder.addEdge("b", "a", { weight: 1 });
    expect(() => builder.build()).toThrow(/link b–a is given twice/);
  });

  it("keeps attributes of every kind, a column turning plain when a value does not fit it", () => {
    const builder = new CompactGraphBuilder();
    builder.addNode("z", { name: "Zeta", lat: 1.5 });
    builder.addNode("a", { name: "Alpha", lat: "n/a", tags: ["x"] });
    builder.addNode("__proto__", {});
    builder.addEdge("z", "a", { weight: 0.5, kind: "grant" });
    builder.addEdge("z", "__proto__", { projects: ["p1", "p2"] });
    const graph = builder.build();
    expect(graph.ids).toEqual(["__proto__", "a", "z"]);
    expect(graph.nodes()).toEqual(["z", "a", "__proto__"]);
    expect(graph.getNodeAttributes("z")).toEqual({ name: "Zeta", lat: 1.5 });
    expect(graph.getNodeAttributes("a")).toEqual({ name: "Alpha", lat: "n/a", tags: ["x"] });
    expect(graph.getNodeAttributes("__proto__")).toEqual({});
    expect(graph.getEdgeAttributes("a", "z")).toEqual({ weight: 0.5, kind: "grant" });
    expect(graph.getEdgeAttributes("__proto__", "z")).toEqual({ projects: ["p1", "p2"] });
    expect(graph.edge("a", "__proto__")).toBeUndefined();
    // A link without a weight weighs 1, as graphology-utils' getter says.
    expect(core.strength(graph)).toEqual(Object.fromEntries([["__proto__", 1], ["a", 0.5], ["z", 1.5]]));
  });

  it("sets node attributes as graphology does: the metrics' cached indexes follow, a slice's are its own", () => {
    const builder = new CompactGraphBuilder();
    for (const id of ["a", "b", "c"]) builder.addNode(id, { country: "DE" });
    builder.addEdge("a", "b", { weight: 1, firstYear: 2015 });
    builder.addEdge("b", "c", { weight: 1, firstYear: 2020 });
    const graph = builder.build();
    // All in one country: every link inside (E-I -1); then c moves to France and one link of two is outside (E-I 0).
    expect(core.eiIndex(graph, { groupBy: "country" }).network.counted.EI).toBe(-1);
    graph.setNodeAttribute("c", "country", "FR");
    expect(core.eiIndex(graph, { groupBy: "country" }).network.counted.EI).toBe(0);
    const slice = core.timeSlice(graph, { from: 2015, to: 2015 });
    slice.setNodeAttribute("a", "country", "IT");
    expect(graph.getNodeAttribute("a", "country")).toBe("DE");
    expect(slice.getNodeAttribute("a", "country")).toBe("IT");
  });

  it("drops its indexes when asked, and builds them again the same when next read", () => {
    const builder = new CompactGraphBuilder();
    for (const id of ["a", "b", "c"]) builder.addNode(id);
    builder.addEdge("a", "b", { weight: 2 });
    builder.addEdge("b", "c", { weight: 1 });
    const graph = builder.build();
    const first = core.toCsr(graph);
    expect(core.toCsr(graph)).toBe(first);
    core.dropIndexes(graph);
    const again = core.toCsr(graph);
    expect(again).not.toBe(first);
    expect(again).toStrictEqual(first);
    expect(core.strength(graph)).toEqual({ a: 2, b: 3, c: 1 });
  });
});
