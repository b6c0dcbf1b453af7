/**
 * Association strength of each link (van Eck & Waltman 2009, "How to normalize cooccurrence data?
 * An analysis of some well-known similarity measures", JASIST 60(8)), in the form VOSviewer uses
 * (van Eck, Waltman, Dekker & van den Berg 2010):
 *
 *     AS(i, j) = 2m · w(i, j) / (s(i) · s(j))
 *
 * where s(i) is the strength (total link weight) of i and m the total link weight of the graph.
 * It is the observed weight over the weight expected if links formed at random in proportion to
 * strength: 1 means "as often as chance", above 1 a preferred partner. It corrects the pull of
 * large organisations, which share many projects with everyone.
 */
import { createEdgeWeightGetter } from "graphology-utils/getters.js";
import { edgeList, nodePositions, nodeStrengths, toCsr } from "../model/csr.ts";
import type { CompactGraph } from "../model/compact-graph.ts";
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";

export interface AssociationStrengthOptions {
  /** Edge attribute holding the weight, or a getter. */
  getEdgeWeight: string | ((edge: string, attributes: Record<string, unknown>) => number);
  /** Edge attribute the `assign` twin writes. */
  attribute: string;
}

export const DEFAULTS: AssociationStrengthOptions = {
  getEdgeWeight: "weight",
  attribute: "associationStrength",
};

/** Association strength keyed by edge key, in edge order. */
export function associationStrength(
  graph: ReadableGraph,
  options: Partial<AssociationStrengthOptions> = {},
): Record<string, number> {
  const { getEdgeWeight } = { ...DEFAULTS, ...options };
  const weightOf = createEdgeWeightGetter(getEdgeWeight).fromMinimalEntry;
  // Strengths and the total summed over the CSR, in sorted id order, so the order the links were
  // added in never changes a bit.
  const csr = toCsr(graph, getEdgeWeight);
  const strengths = nodeStrengths(csr);
  const total = edgeList(csr).weight.reduce((sum, w) => sum + w, 0);
  const position = nodePositions(graph);
  const strength = (node: string) => strengths[position.get(node) as number] as number;
  const result: Record<string, number> = {};
  graph.forEachEdge((edge, attributes, source, target) => {
    result[edge] = (2 * total * weightOf(edge, attributes)) / (strength(source) * strength(target));
  });
  return result;
}

/** Writes each link's association strength to an edge attribute. */
export function assignAssociationStrength(
  graph: AnyGraph | CompactGraph,
  options: Partial<AssociationStrengthOptions> = {},
): void {
  const { attribute } = { ...DEFAULTS, ...options };
  const values = associationStrength(graph, options);
  for (const edge in values) graph.setEdgeAttribute(edge, attribute, values[edge]);
}
