/**
 * Local clustering coefficient: the share of a node's pairs of partners that are partners
 * themselves (Watts & Strogatz 1998). Weighted, Onnela et al. (2005) as NetworkX's
 * `clustering(G, weight=…)`: each triangle counts the geometric mean of its three weights, each
 * divided by the largest weight in the network. graphology-metrics has no clustering coefficient.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode } from "../model/csr.ts";
import { assignToNodes, weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "./options.ts";
import { triangleCountsPerNode, trianglesPerNode } from "./triangles.ts";

export interface ClusteringOptions extends WeightOptions {
  attribute: string;
}

export const DEFAULTS: ClusteringOptions = { ...WEIGHT_DEFAULTS, attribute: "clustering" };

export function clustering(graph: ReadableGraph, options: Partial<ClusteringOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  let maxWeight = 0;
  for (const w of csr.weights) if (w > maxWeight) maxWeight = w;
  const triangles = settings.weighted
    ? trianglesPerNode(csr, (a, b, c) => Math.cbrt((a / maxWeight) * (b / maxWeight) * (c / maxWeight)))
    : triangleCountsPerNode(csr);
  const values = new Float64Array(csr.nodes.length);
  for (let i = 0; i < values.length; i++) {
    const d = (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);
    values[i] = d < 2 ? 0 : (2 * (triangles[i] as number)) / (d * (d - 1));
  }
  return byNode(csr.nodes, values);
}

export function assignClustering(graph: AnyGraph, options: Partial<ClusteringOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, clustering(graph, options));
}
