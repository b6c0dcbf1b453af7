/**
 * Groups of organisations given by any node attribute (country, region, cluster, type…) or by a
 * mapping, as dense indices over the CSR's sorted nodes; organisations without a value form the
 * group "unknown". Shared by the E-I index, the mixing matrix and the gatekeepers.
 */
import type { AnyGraph } from "../model/graph.ts";
import { UNKNOWN } from "../model/describe.ts";

export type GroupBy = string | Readonly<Record<string, string>>;

export interface Groups {
  /** Group names, sorted. */
  names: string[];
  /** Group index of each CSR node. */
  of: Int32Array;
}

export function groupIndices(graph: AnyGraph, nodes: readonly string[], groupBy: GroupBy): Groups {
  const label = (node: string): string => {
    const value = typeof groupBy === "string" ? graph.getNodeAttribute(node, groupBy) : groupBy[node];
    return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : UNKNOWN;
  };
  const labels = nodes.map(label);
  const names = [...new Set(labels)].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  return { names, of: Int32Array.from(labels, (name) => index.get(name) as number) };
}
