/**
 * Krackhardt & Stern's E-I index (1988, "Informal networks and organizational crises", Social
 * Psychology Quarterly 51(2)): (E − I) / (E + I), where I counts links inside a group and E links
 * leaving it: −1 for a closed group, +1 for one tied only outward. Per group and for the network,
 * counted and weighted, with the external/internal ratio E/I. This is the openness of a cluster:
 * its self-organisation against its outward ties.
 */
import type { AnyGraph } from "../model/graph.ts";
import { toCsr, type Csr, type EdgeWeight } from "../model/csr.ts";
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
export function tallyEi(csr: Csr, group: Int32Array, groups: number): Float64Array {
  const { offsets, targets, weights } = csr;
  const tally = new Float64Array((groups + 1) * 4);
  const net = groups * 4;
  for (let u = 0; u < group.length; u++) {
    const g = group[u] as number;
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (v <= u) continue;
      const h = group[v] as number;
      const w = weights[k] as number;
      if (g === h) {
        tally[g * 4 + 1] = (tally[g * 4 + 1] as number) + 1;
        tally[g * 4 + 3] = (tally[g * 4 + 3] as number) + w;
        tally[net + 1] = (tally[net + 1] as number) + 1;
        tally[net + 3] = (tally[net + 3] as number) + w;
      } else {
        for (const x of [g, h]) {
          tally[x * 4] = (tally[x * 4] as number) + 1;
          tally[x * 4 + 2] = (tally[x * 4 + 2] as number) + w;
        }
        tally[net] = (tally[net] as number) + 1;
        tally[net + 2] = (tally[net + 2] as number) + w;
      }
    }
  }
  return tally;
}

export function eiIndex(graph: AnyGraph, options: Partial<EiOptions> = {}): EiResult {
  const { groupBy, getEdgeWeight } = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, getEdgeWeight);
  const groups: Groups = groupIndices(graph, csr.nodes, groupBy);
  const tally = tallyEi(csr, groups.of, groups.names.length);
  const at = (g: number): EiIndex => ({
    counted: openness(tally[g * 4] as number, tally[g * 4 + 1] as number),
    weighted: openness(tally[g * 4 + 2] as number, tally[g * 4 + 3] as number),
  });
  return {
    network: at(groups.names.length),
    byGroup: Object.fromEntries(groups.names.map((name, g) => [name, at(g)])),
  };
}
