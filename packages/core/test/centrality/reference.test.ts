// Centrality on the bundled semiconductor-ev network (765 organisations, 38,733 links, weight =
// shared projects) against datasets/reference/centrality.py, which computed every
// expected number with NetworkX 2.8.8 and python-igraph 0.10.2 (Debian) into centrality.json.gz.
import { describe, expect, it } from "vitest";
import { betweenness } from "../../src/centrality/betweenness.ts";
import { closeness } from "../../src/centrality/closeness.ts";
import { clustering } from "../../src/centrality/clustering.ts";
import { degree } from "../../src/centrality/degree.ts";
import { eigenvector } from "../../src/centrality/eigenvector.ts";
import { harmonic } from "../../src/centrality/harmonic.ts";
import { pagerank } from "../../src/centrality/pagerank.ts";
import { strength } from "../../src/centrality/strength.ts";
import { transitivity } from "../../src/centrality/transitivity.ts";
import { reference as readReference, semiconductorEv } from "../bundled.ts";

type Values = Record<string, number>;
const reference = readReference<{
  networkx: Record<"unweighted" | "weighted", Record<string, Values>> & { graph: Record<string, number> };
  igraph: Record<"unweighted" | "weighted", Record<string, Values>> & { graph: Record<string, number> };
  weightedPathTies: { betweennessExactTies: Values };
}>("centrality.json.gz");
const graph = semiconductorEv();

function expectClose(actual: Values, expected: Values | undefined, tolerance = 1e-9): void {
  expect(expected).toBeDefined();
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected as Values).sort());
  const worst = Object.keys(actual).reduce((max, node) => Math.max(max, Math.abs((actual[node] as number) - ((expected as Values)[node] as number))), 0);
  expect(worst).toBeLessThanOrEqual(tolerance);
}

const scaledToMax = (values: Values): Values => {
  const max = Math.max(...Object.values(values));
  return Object.fromEntries(Object.entries(values).map(([node, value]) => [node, value / max]));
};

describe.each([false, true])("weighted: %s", (weighted) => {
  const key = weighted ? "weighted" : "unweighted";
  const nx = reference.networkx[key];
  const ig = reference.igraph[key];

  it("closeness equals NetworkX's and igraph's", () => {
    const values = closeness(graph, { weighted });
    expectClose(values, nx["closeness"]);
    expectClose(values, ig["closeness"]); // connected graph: the Wasserman–Faust factor is 1
  });

  it("harmonic equals NetworkX's, and igraph's normalised", () => {
    expectClose(harmonic(graph, { weighted }), nx["harmonic"]);
    expectClose(harmonic(graph, { weighted, normalized: true }), ig["harmonic"]);
  });

  it("eigenvector equals NetworkX's (unit norm) and igraph's (scaled to max 1)", () => {
    const values = eigenvector(graph, { weighted });
    expectClose(values, nx["eigenvector"]);
    expectClose(scaledToMax(values), ig["eigenvector"]);
  });

  it("PageRank equals NetworkX's (tol 1e-13) and igraph's (PRPACK)", () => {
    const values = pagerank(graph, { weighted, tolerance: 1e-13 });
    expectClose(values, nx["pagerank"]);
    expectClose(values, ig["pagerank"]);
  });

  it("clustering equals NetworkX's (Onnela et al. 2005 when weighted)", () => {
    expectClose(clustering(graph, { weighted }), nx["clustering"]);
    if (!weighted) expectClose(clustering(graph), ig["clustering"]);
  });
});

describe("unweighted only", () => {
  const nx = reference.networkx.unweighted;
  it("degree equals NetworkX's and igraph's, raw and normalised", () => {
    expectClose(degree(graph), nx["degree"], 0);
    expectClose(degree(graph), reference.igraph.unweighted["degree"], 0);
    expectClose(degree(graph, { normalized: true }), nx["degreeCentrality"]);
  });

  it("strength equals NetworkX's and igraph's", () => {
    expectClose(strength(graph), reference.networkx.weighted["strength"], 0);
    expectClose(strength(graph), reference.igraph.weighted["strength"], 0);
  });

  it("betweenness equals NetworkX's (normalised) and igraph's (raw)", () => {
    expectClose(betweenness(graph), nx["betweenness"]);
    expectClose(betweenness(graph, { normalized: false }), reference.igraph.unweighted["betweenness"]);
  });

  it("transitivity equals NetworkX's and igraph's", () => {
    expect(transitivity(graph)).toBeCloseTo(reference.networkx.graph["transitivity"] as number, 14);
    expect(transitivity(graph)).toBeCloseTo(reference.igraph.graph["transitivity"] as number, 14);
  });
});

describe("weighted betweenness (distance = 1/weight)", () => {
  it("equals igraph's and the exact-arithmetic value, where NetworkX's float equality misses ties", () => {
    const values = betweenness(graph, { weighted: true });
    expectClose(betweenness(graph, { weighted: true, normalized: false }), reference.igraph.weighted["betweenness"]);
    // centrality.py recomputed each path length as an exact rational (lcm of weights 360) and
    // counted ties exactly: NetworkX's exact float comparison misses 290 tied pairs, so its
    // values differ at 19 nodes (by up to 2.3e-4); ours and igraph's match the exact ones.
    expectClose(values, reference.weightedPathTies.betweennessExactTies);
    const nx = reference.networkx.weighted["betweenness"] as Values;
    const differ = Object.keys(values).filter((node) => Math.abs((values[node] as number) - (nx[node] as number)) > 1e-9);
    expect(differ).toHaveLength(19);
  });
});
