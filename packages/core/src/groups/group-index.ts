/**
 * Groups of organisations given by any node attribute (country, region, cluster, type…) or by a
 * mapping, as dense indices over the CSR's sorted nodes. Unknown is never a value: an
 * organisation without a value is in no group (index −1), so every measure on groups leaves it
 * out, with its links, and counts what it left out (`Exclusion`). `keepUnknown: true` puts such
 * organisations in an explicit group "unknown" instead, for a user who wants it counted like any
 * other. Shared by the E-I index, the mixing matrix, the gatekeepers, the scales and brokerage;
 * groups by an attribute are built once per graph until it changes (csr.ts).
 */
import type { ReadableGraph } from "../model/graph.ts";
import { graphIndex, nodePositions, nodeTable } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";

export type GroupBy = string | Readonly<Record<string, string>>;

export interface GroupOptions {
  /** Put organisations without a value in a group "unknown" instead of leaving them out. */
  keepUnknown?: boolean;
}

/** An organisation's group index where it has none. */
export const NO_GROUP = -1;

export interface Groups {
  /** Group names, sorted. */
  names: string[];
  /** Group index of each node, in the CSR's sorted order, NO_GROUP without a value; shared between callers, so read only. */
  of: Int32Array;
  /** Organisations in no group. */
  ungrouped: number;
}

/** What a measure on groups left out: organisations without a group, and links with an end among them. */
export interface Exclusion {
  organisations: number;
  links: number;
  /** Their weight, where the measure reads weights. */
  weight?: number;
  /** The rule, in words, for the report. */
  rule: string;
}

export function groupIndices(graph: ReadableGraph, groupBy: GroupBy, { keepUnknown = false }: GroupOptions = {}): Groups {
  const build = () => buildGroups(graph, groupBy, keepUnknown);
  return typeof groupBy === "string" ? graphIndex(graph, `groups:${groupBy}:${keepUnknown ? "kept" : "left"}`, build) : build();
}

function buildGroups(graph: ReadableGraph, groupBy: GroupBy, keepUnknown: boolean): Groups {
  const values = typeof groupBy === "string" ? nodeTable(graph).attributes.map((attributes) => attributes[groupBy]) : mappedValues(graph, groupBy);
  const labels = values.map((value) =>
    typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : keepUnknown ? UNKNOWN : undefined,
  );
  const names = [...new Set(labels.filter((label) => label !== undefined))].sort();
  const index = new Map(names.map((name, i) => [name, i]));
  const of = new Int32Array(labels.length);
  let ungrouped = 0;
  labels.forEach((label, i) => {
    if (label === undefined) ungrouped++;
    of[i] = label === undefined ? NO_GROUP : (index.get(label) as number);
  });
  return { names, of, ungrouped };
}

/** A mapping's value for each node in CSR order: read from the mapping's own entries, a few of many nodes at times. */
function mappedValues(graph: ReadableGraph, mapping: Readonly<Record<string, string>>): unknown[] {
  const position = nodePositions(graph);
  const values: unknown[] = new Array(position.size).fill(undefined);
  for (const [node, value] of Object.entries(mapping)) {
    const i = position.get(node);
    if (i !== undefined) values[i] = value;
  }
  return values;
}

/** The exclusion rule's words for a grouping. */
export function exclusionRule(groupBy: GroupBy): string {
  const what = typeof groupBy === "string" ? `a ${groupBy}` : "a group in the mapping";
  return `organisations without ${what} are left out, with every link they have`;
}
