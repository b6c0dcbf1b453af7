/**
 * The order links were added in never changes a bit of a result (issue 22, point 9). A links
 * table or a graph file adds its links in the file's order, so every sum over links must be taken
 * in a canonical order (the CSR's sorted ids). Hand-made check: the same fractional network of
 * h2020-health built twice, once in a seeded shuffled order of nodes and links; before, the
 * community summaries and association strengths of the two differed in their last bits.
 */
import { describe, expect, it } from "vitest";
import { summariseCommunities } from "../../src/communities/summary.ts";
import { createAllianceGraph, type AllianceGraph } from "../../src/model/graph.ts";
import { associationStrength } from "../../src/projection/association-strength.ts";
import { seededRandom } from "../../src/random/seeded.ts";
import { bundledDataset } from "../bundled.ts";

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** The same network, its nodes and links added in a shuffled order, each link's ends swapped half the time. */
function rebuilt(graph: AllianceGraph, seed: number): AllianceGraph {
  const copy = createAllianceGraph();
  for (const node of shuffled(graph.nodes(), seed)) copy.addNode(node, graph.getNodeAttributes(node));
  const random = seededRandom(seed + 1);
  for (const edge of shuffled(graph.edges(), seed)) {
    const [source, target] = graph.extremities(edge);
    if (random() < 0.5) copy.addEdge(target, source, graph.getEdgeAttributes(edge));
    else copy.addEdge(source, target, graph.getEdgeAttributes(edge));
  }
  return copy;
}

const byPair = (graph: AllianceGraph, values: Record<string, number>) =>
  Object.fromEntries(
    graph.mapEdges((edge, _attributes, source, target) => [source < target ? `${source}|${target}` : `${target}|${source}`, values[edge]]),
  );

describe("sums over links, in another order (issue 22)", () => {
  const graph = bundledDataset("h2020-health", "fractional");
  const other = rebuilt(graph, 22);
  // Communities by country (an organisation without one alone): a partition no order changes.
  const byCountry = (g: AllianceGraph) => Object.fromEntries(g.mapNodes((node, { country }) => [node, String(country ?? `alone:${node}`)]));

  it("community summaries: the same bits", () => {
    // toStrictEqual compares numbers with Object.is: the last bit counts.
    expect(summariseCommunities(other, byCountry(other))).toStrictEqual(summariseCommunities(graph, byCountry(graph)));
  });

  it("association strength: the same bits", () => {
    expect(byPair(other, associationStrength(other))).toStrictEqual(byPair(graph, associationStrength(graph)));
  });
});
