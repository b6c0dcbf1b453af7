/**
 * Degree: the number of partners. `normalized` divides by n − 1, as NetworkX's
 * `degree_centrality` does (Freeman 1978). Read straight from the CSR offsets.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode, toCsr } from "../model/csr.ts";
import { assignToNodes } from "./options.ts";

export interface DegreeOptions {
  normalized: boolean;
  attribute: string;
}

export const DEFAULTS: DegreeOptions = { normalized: false, attribute: "degree" };

export function degree(graph: ReadableGraph, options: Partial<DegreeOptions> = {}): Record<string, number> {
  const { normalized } = { ...DEFAULTS, ...options };
  const { nodes, offsets } = toCsr(graph);
  const n = nodes.length;
  const scale = normalized && n > 1 ? 1 / (n - 1) : 1;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = ((offsets[i + 1] as number) - (offsets[i] as number)) * scale;
  return byNode(nodes, values);
}

export function assignDegree(graph: AnyGraph, options: Partial<DegreeOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, degree(graph, options));
}
