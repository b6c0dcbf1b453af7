/**
 * What each community is made of: its size, the link weight inside it and leaving it, and its
 * dominant organisation types, countries and regions, so a reader can tell whether communities
 * follow geography, sector or something else. A share is of all the community's members, and an
 * organisation without the value is in none: never a value "unknown", so where values are missing
 * the shares add up to less than 1.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr, type EdgeWeight } from "../model/csr.ts";
import type { Partition } from "./partition.ts";

export interface Share {
  value: string;
  count: number;
  share: number;
}

export interface CommunitySummary {
  community: string;
  size: number;
  /** Total weight of links with both ends inside. */
  internalWeight: number;
  /** Total weight of links with one end outside. */
  externalWeight: number;
  types: Share[];
  countries: Share[];
  regions: Share[];
}

export interface CommunitySummaryOptions {
  getEdgeWeight: EdgeWeight;
  /** How many of the most frequent values to list per attribute. */
  top: number;
}

export const DEFAULTS: CommunitySummaryOptions = { getEdgeWeight: "weight", top: 3 };

/** One summary per community, largest first (ties by label). */
export function summariseCommunities(
  graph: ReadableGraph,
  partition: Partition,
  options: Partial<CommunitySummaryOptions> = {},
): CommunitySummary[] {
  const { getEdgeWeight, top } = { ...DEFAULTS, ...options };
  const members = new Map<string, string[]>();
  graph.forEachNode((node) => {
    const label = String(partition[node]);
    const list = members.get(label) ?? [];
    list.push(node);
    members.set(label, list);
  });
  // Summed over the CSR's links, in sorted id order, so the order of the input's rows never
  // changes a bit of a weight.
  const csr = toCsr(graph, getEdgeWeight);
  const labels = csr.nodes.map((node) => String(partition[node]));
  const { source, target, weight } = edgeList(csr);
  const internal = new Map<string, number>();
  const external = new Map<string, number>();
  for (let e = 0; e < source.length; e++) {
    const w = weight[e] as number;
    const a = labels[source[e] as number] as string;
    const b = labels[target[e] as number] as string;
    if (a === b) internal.set(a, (internal.get(a) ?? 0) + w);
    else {
      external.set(a, (external.get(a) ?? 0) + w);
      external.set(b, (external.get(b) ?? 0) + w);
    }
  }
  const summaries = [...members].map(([community, nodes]) => ({
    community,
    size: nodes.length,
    internalWeight: internal.get(community) ?? 0,
    externalWeight: external.get(community) ?? 0,
    types: dominant(graph, nodes, "type", top),
    countries: dominant(graph, nodes, "country", top),
    regions: dominant(graph, nodes, "region", top),
  }));
  return summaries.sort((x, y) => y.size - x.size || (x.community < y.community ? -1 : 1));
}

function dominant(graph: ReadableGraph, nodes: readonly string[], attribute: string, top: number): Share[] {
  const counts = new Map<string, number>();
  for (const node of nodes) {
    const value = graph.getNodeAttribute(node, attribute);
    if (typeof value === "string" && value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))
    .slice(0, top)
    .map(([value, count]) => ({ value, count, share: count / nodes.length }));
}
