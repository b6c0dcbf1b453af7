/**
 * Strength: the sum of a node's link weights (Barrat et al. 2004), the weighted degree: with full
 * counting, the number of its project partnerships.
 */
import type { AnyGraph } from "../model/graph.ts";
import { byNode, toCsr, type EdgeWeight } from "../model/csr.ts";
import { assignToNodes } from "./options.ts";

export interface StrengthOptions {
  getEdgeWeight: EdgeWeight;
  attribute: string;
}

export const DEFAULTS: StrengthOptions = { getEdgeWeight: "weight", attribute: "strength" };

export function strength(graph: AnyGraph, options: Partial<StrengthOptions> = {}): Record<string, number> {
  const { getEdgeWeight } = { ...DEFAULTS, ...options };
  const { nodes, offsets, weights } = toCsr(graph, getEdgeWeight);
  const values = new Float64Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let sum = 0;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) sum += weights[k] as number;
    values[i] = sum;
  }
  return byNode(nodes, values);
}

export function assignStrength(graph: AnyGraph, options: Partial<StrengthOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, strength(graph, options));
}
