/**
 * Transitivity, the global clustering coefficient: 3 × triangles / connected triples (Newman,
 * Strogatz & Watts 2001), as NetworkX's `transitivity`. Unweighted.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { toCsr } from "../model/csr.ts";
import { triangleCountsPerNode } from "./triangles.ts";

export function transitivity(graph: ReadableGraph): number {
  const csr = toCsr(graph);
  const triangles = triangleCountsPerNode(csr);
  let closed = 0;
  let triples = 0;
  for (let i = 0; i < csr.nodes.length; i++) {
    const d = (csr.offsets[i + 1] as number) - (csr.offsets[i] as number);
    closed += triangles[i] as number;
    triples += (d * (d - 1)) / 2;
  }
  return triples === 0 ? 0 : closed / triples;
}
