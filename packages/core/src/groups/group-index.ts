/**
 * Groups of organisations given by any node attribute (country, region, cluster, type…) or by a
 * mapping, as dense indices over the CSR's sorted nodes; organisations without a value form the
 * group "unknown". Shared by the E-I index, the mixing matrix, the gatekeepers, the scales and
 * brokerage; groups by an attribute are built once per graph until it changes (csr.ts).
 */
import type { AnyGraph } from "../model/graph.ts";
import { graphIndex, nodeTable } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";

export type GroupBy = string | Readonly<Record<string, string>>;

export interface Groups {
  /** Group names, sorted. */
  names: string[];
  /** Group index of each node, in the CSR's sorted order; shared between callers, so read only. */
  of: Int32Array;
}

export function groupIndices(graph: AnyGraph, groupBy: GroupBy): Groups {
  return typeof groupBy === "string" ? graphIndex(graph, `groups:${groupBy}`, () => buildGroups(graph, groupBy)) : buildGroups(graph, groupBy);
}

function buildGroups(graph: AnyGraph, groupBy: GroupBy): Groups {
  const { nodes, attributes } = nodeTable(graph);
  const labels = nodes.map((node, i) => {
    const value = typeof groupBy === "string" ? attributes[i]?.[groupBy] : groupBy[node];
    return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : UNKNOWN;
  });
  const names = [...new Set(labels)].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const of = new Int32Array(labels.length);
  labels.forEach((label, i) => (of[i] = index.get(label) as number));
  return { names, of };
}
