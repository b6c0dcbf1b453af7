/**
 * Krackhardt & Stern's E-I index (1988, "Informal networks and organizational crises", Social
 * Psychology Quarterly 51(2)): (E − I) / (E + I), where I counts links inside a group and E links
 * leaving it: −1 for a closed group, +1 for one tied only outward. Per group and for the network,
 * counted and weighted, with the external/internal ratio E/I. This is the openness of a cluster:
 * its self-organisation against its outward ties.
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, toCsr, type EdgeList, type EdgeWeight } from "../model/csr.ts";
import { groupIndices, type GroupBy, type Groups } from "./group-index.ts";

export interface Openness {
  /** Links (or weight) leaving the group, and inside it. */
  E: number;
  I: number;
  /** (E − I)/(E + I); null without links. */
  EI: number | null;
  /** E/I; null without internal links. */
  ratio: number | null;
}

export interface EiIndex {
  counted: Openness;
  weighted: Openness;
}

export interface EiResult {
  network: EiIndex;
  byGroup: Record<string, EiIndex>;
}

export interface EiOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
}

export const DEFAULTS: EiOptions = { groupBy: "country", getEdgeWeight: "weight" };

export function openness(E: number, I: number): Openness {
  return { E, I, EI: E + I > 0 ? (E - I) / (E + I) : null, ratio: I > 0 ? E / I : null };
}

/**
 * Per group: [E counted, I counted, E weighted, I weighted]; the network total last. Built for
 * one edge list and used for any labelling (the permutation test calls it a thousand times):
 * each organisation's degree and strength are summed once, so a labelling costs one pass that
 * only tallies internal links, and E follows as the group's degree sum less twice its I.
 */
export function eiTallier({ source, target, weight }: EdgeList, nodes: number): (group: Int32Array, groups: number) => Float64Array {
  const degree = new Float64Array(nodes);
  const strength = new Float64Array(nodes);
  let links = 0;
  let total = 0;
  for (let e = 0; e < source.length; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    const w = weight[e] as number;
    degree[u] = (degree[u] as number) + 1;
    degree[v] = (degree[v] as number) + 1;
    strength[u] = (strength[u] as number) + w;
    strength[v] = (strength[v] as number) + w;
    links++;
    total += w;
  }
  return (group, groups) => {
    const tally = new Float64Array((groups + 1) * 4);
    for (let e = 0; e < source.length; e++) {
      const g = group[source[e] as number] as number;
      if (g !== group[target[e] as number]) continue;
      tally[g * 4 + 1] = (tally[g * 4 + 1] as number) + 1;
      tally[g * 4 + 3] = (tally[g * 4 + 3] as number) + (weight[e] as number);
    }
    // E: the ends in the group, less the two ends of each internal link.
    for (let u = 0; u < nodes; u++) {
      const g = group[u] as number;
      tally[g * 4] = (tally[g * 4] as number) + (degree[u] as number);
      tally[g * 4 + 2] = (tally[g * 4 + 2] as number) + (strength[u] as number);
    }
    let internal = 0;
    let internalWeight = 0;
    for (let g = 0; g < groups; g++) {
      tally[g * 4] = (tally[g * 4] as number) - 2 * (tally[g * 4 + 1] as number);
      tally[g * 4 + 2] = (tally[g * 4 + 2] as number) - 2 * (tally[g * 4 + 3] as number);
      internal += tally[g * 4 + 1] as number;
      internalWeight += tally[g * 4 + 3] as number;
    }
    const net = groups * 4;
    tally.set([links - internal, internal, total - internalWeight, internalWeight], net);
    return tally;
  };
}

export function eiIndex(graph: AnyGraph, options: Partial<EiOptions> = {}): EiResult {
  const { groupBy, getEdgeWeight } = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, getEdgeWeight);
  const groups: Groups = groupIndices(graph, groupBy);
  return eiFromTally(groups.names, eiTallier(edgeList(csr), csr.nodes.length)(groups.of, groups.names.length));
}

/** The result from a tally laid out as `eiTallier`'s: [E, I, E weighted, I weighted] per group, the network last. */
export function eiFromTally(names: readonly string[], tally: Float64Array): EiResult {
  const at = (g: number): EiIndex => ({
    counted: openness(tally[g * 4] as number, tally[g * 4 + 1] as number),
    weighted: openness(tally[g * 4 + 2] as number, tally[g * 4 + 3] as number),
  });
  return {
    network: at(names.length),
    byGroup: Object.fromEntries(names.map((name, g) => [name, at(g)])),
  };
}
