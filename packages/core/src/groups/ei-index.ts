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

/** Per group: [E counted, I counted, E weighted, I weighted]; the network total last. */
export function tallyEi({ source, target, weight }: EdgeList, group: Int32Array, groups: number): Float64Array {
  const tally = new Float64Array((groups + 1) * 4);
  const net = groups * 4;
  const add = (at: number, w: number) => {
    tally[at] = (tally[at] as number) + 1;
    tally[at + 2] = (tally[at + 2] as number) + w;
  };
  for (let e = 0; e < source.length; e++) {
    const g = group[source[e] as number] as number;
    const h = group[target[e] as number] as number;
    const w = weight[e] as number;
    if (g === h) {
      add(g * 4 + 1, w);
      add(net + 1, w);
    } else {
      add(g * 4, w);
      add(h * 4, w);
      add(net, w);
    }
  }
  return tally;
}

export function eiIndex(graph: AnyGraph, options: Partial<EiOptions> = {}): EiResult {
  const { groupBy, getEdgeWeight } = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, getEdgeWeight);
  const groups: Groups = groupIndices(graph, groupBy);
  const tally = tallyEi(edgeList(csr), groups.of, groups.names.length);
  const at = (g: number): EiIndex => ({
    counted: openness(tally[g * 4] as number, tally[g * 4 + 1] as number),
    weighted: openness(tally[g * 4 + 2] as number, tally[g * 4 + 3] as number),
  });
  return {
    network: at(groups.names.length),
    byGroup: Object.fromEntries(groups.names.map((name, g) => [name, at(g)])),
  };
}
