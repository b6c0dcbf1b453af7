/**
 * Options shared by the centrality measures: how edge weights are read, and how a weight becomes
 * a distance for the measures built on shortest paths (closeness, harmonic, betweenness).
 *
 * Alliance weights are strength-like (more shared projects = closer partners), so by default a
 * weighted path length adds up 1/weight: `distance: "inverse"`, as in Newman (2001) and Opsahl et
 * al. (2010). Give `distance: "weight"` when the attribute already is a length (kilometres, say).
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { graphIndex, toCsr, type Csr, type EdgeWeight } from "../model/csr.ts";

export interface WeightOptions {
  /** Use edge weights; false counts every link as 1. */
  weighted: boolean;
  /** The edge attribute holding the weight (1 when absent), or a getter. */
  getEdgeWeight: EdgeWeight;
}

export interface DistanceOptions extends WeightOptions {
  /** How a weight becomes a path length: its inverse (strength-like weights) or as it is. */
  distance: "inverse" | "weight";
}

export const WEIGHT_DEFAULTS: WeightOptions = { weighted: false, getEdgeWeight: "weight" };
export const DISTANCE_DEFAULTS: DistanceOptions = { ...WEIGHT_DEFAULTS, distance: "inverse" };

/** The graph as CSR with weights as asked: all 1 when unweighted. */
export function weightedCsr(graph: ReadableGraph, { weighted, getEdgeWeight }: WeightOptions): Csr {
  if (weighted) return toCsr(graph, getEdgeWeight);
  // Built once, like the weighted CSR: a getter () => 1 would be read link by link each time.
  return graphIndex(graph, "csr:unit", () => {
    const csr = toCsr(graph);
    return { ...csr, weights: new Float64Array(csr.weights.length).fill(1) };
  });
}

/** Edge lengths for shortest paths, or undefined for hop counts (breadth-first search). */
export function lengths(csr: Csr, options: DistanceOptions): Float64Array | undefined {
  if (!options.weighted) return undefined;
  return options.distance === "inverse" ? csr.weights.map((w) => 1 / w) : csr.weights;
}

/** Writes a per-node result to a node attribute: the `assign` twin of every measure. */
export function assignToNodes(graph: AnyGraph, attribute: string, values: Record<string, number>): void {
  for (const node in values) graph.setNodeAttribute(node, attribute, values[node]);
}
