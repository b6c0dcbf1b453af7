/**
 * Strength: the sum of a node's link weights (Barrat et al. 2004), the weighted degree: with full
 * counting, the number of its project partnerships.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode, nodeStrengths, toCsr, type EdgeWeight } from "../model/csr.ts";
import { assignToNodes } from "./options.ts";

export interface StrengthOptions {
  getEdgeWeight: EdgeWeight;
  attribute: string;
}

export const DEFAULTS: StrengthOptions = { getEdgeWeight: "weight", attribute: "strength" };

export function strength(graph: ReadableGraph, options: Partial<StrengthOptions> = {}): Record<string, number> {
  const { getEdgeWeight } = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, getEdgeWeight);
  return byNode(csr.nodes, nodeStrengths(csr));
}

export function assignStrength(graph: AnyGraph, options: Partial<StrengthOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, strength(graph, options));
}
