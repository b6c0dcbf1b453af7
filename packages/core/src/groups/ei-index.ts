/**
 * Krackhardt & Stern's E-I index (1988, "Informal networks and organizational crises", Social
 * Psychology Quarterly 51(2)): (E − I) / (E + I), where I counts links inside a group and E links
 * leaving it: −1 for a closed group, +1 for one tied only outward. Per group and for the network,
 * counted and weighted, with the external/internal ratio E/I. This is the openness of a cluster:
 * its self-organisation against its outward ties. A link to an organisation without a group is
 * neither: it is left out of E and I and counted as excluded (group-index.ts).
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr, type EdgeList, type EdgeWeight } from "../model/csr.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions, type Groups } from "./group-index.ts";

export interface Openness {
  /** Links (or weight) leaving the group for another group, and inside it. */
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
  /** Links (and their weight) left out: to an organisation without a group (for the network: with such an end). */
  excluded: { links: number; weight: number };
}

export interface EiResult {
  network: EiIndex;
  byGroup: Record<string, EiIndex>;
  /** What was left out, and by which rule. */
  excluded: Exclusion;
}

export interface EiOptions extends GroupOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
}

export const DEFAULTS: EiOptions = { groupBy: "country", getEdgeWeight: "weight" };

export function openness(E: number, I: number): Openness {
  return { E, I, EI: E + I > 0 ? (E - I) / (E + I) : null, ratio: I > 0 ? E / I : null };
}

/** Cells per group in a tally: E, I, E weighted, I weighted, links left out, their weight. */
export const EI_CELLS = 6;

/**
 * The links inside each group and their weight, where a caller has counted them in a pass of its
 * own: each group's weight summed source by source in link order, as the tallier sums it.
 */
export interface InternalTally {
  links: ArrayLike<number>;
  weight: ArrayLike<number>;
}

/**
 * Per group: [E, I, E weighted, I weighted, excluded, excluded weight]; the network last. Built
 * for one edge list and the organisations that have a group in `labels` (the permutation test
 * shuffles labels among those only), and used for any labelling of them: each organisation's
 * links to grouped and to ungrouped organisations are summed once, so a labelling costs one pass
 * that only tallies internal links, and E follows as the group's link ends less twice its I.
 */
export function eiTallier(
  { source, target, weight, start }: EdgeList,
  labels: Int32Array,
): (group: Int32Array, groups: number, counted?: InternalTally) => Float64Array {
  const nodes = labels.length;
  // Per node: link ends to grouped organisations ([2u]) and to ungrouped ones ([2u + 1]), counted and weighted.
  const degree = new Float64Array(nodes * 2);
  const strength = new Float64Array(nodes * 2);
  let links = 0;
  let total = 0;
  let excluded = 0;
  let excludedWeight = 0;
  for (let e = 0; e < source.length; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    const w = weight[e] as number;
    const ungroupedU = labels[u] === NO_GROUP ? 1 : 0;
    const ungroupedV = labels[v] === NO_GROUP ? 1 : 0;
    degree[u * 2 + ungroupedV] = (degree[u * 2 + ungroupedV] as number) + 1;
    degree[v * 2 + ungroupedU] = (degree[v * 2 + ungroupedU] as number) + 1;
    strength[u * 2 + ungroupedV] = (strength[u * 2 + ungroupedV] as number) + w;
    strength[v * 2 + ungroupedU] = (strength[v * 2 + ungroupedU] as number) + w;
    if (ungroupedU + ungroupedV > 0) {
      excluded++;
      excludedWeight += w;
    } else {
      links++;
      total += w;
    }
  }
  return (group, groups, counted) => {
    const tally = new Float64Array((groups + 1) * EI_CELLS);
    if (counted !== undefined) {
      for (let g = 0; g < groups; g++) {
        tally[g * EI_CELLS + 1] = counted.links[g] as number;
        tally[g * EI_CELLS + 3] = counted.weight[g] as number;
      }
    } else {
      // Source by source, in link order: a count kept in a register rather than in the tally is a
      // quarter faster, and weights are still added to each group in link order, to the same bits.
      for (let u = 0; u < nodes; u++) {
        const g = group[u] as number;
        if (g === NO_GROUP) continue;
        const weightCell = g * EI_CELLS + 3;
        let inside = 0;
        for (let e = start[u] as number; e < (start[u + 1] as number); e++) {
          if (group[target[e] as number] !== g) continue;
          inside++;
          tally[weightCell] = (tally[weightCell] as number) + (weight[e] as number);
        }
        tally[g * EI_CELLS + 1] = (tally[g * EI_CELLS + 1] as number) + inside;
      }
    }
    // E: the ends in the group, less the two ends of each internal link.
    for (let u = 0; u < nodes; u++) {
      const g = group[u] as number;
      if (g === NO_GROUP) continue;
      const cell = g * EI_CELLS;
      tally[cell] = (tally[cell] as number) + (degree[u * 2] as number);
      tally[cell + 2] = (tally[cell + 2] as number) + (strength[u * 2] as number);
      tally[cell + 4] = (tally[cell + 4] as number) + (degree[u * 2 + 1] as number);
      tally[cell + 5] = (tally[cell + 5] as number) + (strength[u * 2 + 1] as number);
    }
    let internal = 0;
    let internalWeight = 0;
    for (let g = 0; g < groups; g++) {
      const cell = g * EI_CELLS;
      tally[cell] = (tally[cell] as number) - 2 * (tally[cell + 1] as number);
      tally[cell + 2] = (tally[cell + 2] as number) - 2 * (tally[cell + 3] as number);
      internal += tally[cell + 1] as number;
      internalWeight += tally[cell + 3] as number;
    }
    tally.set([links - internal, internal, total - internalWeight, internalWeight, excluded, excludedWeight], groups * EI_CELLS);
    return tally;
  };
}

export function eiIndex(graph: ReadableGraph, options: Partial<EiOptions> = {}): EiResult {
  const { groupBy, getEdgeWeight, keepUnknown } = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, getEdgeWeight);
  const groups: Groups = groupIndices(graph, groupBy, { keepUnknown: keepUnknown ?? false });
  return eiFromTally(groups, exclusionRule(groupBy), eiTallier(edgeList(csr), groups.of)(groups.of, groups.names.length));
}

/** The result from a tally laid out as `eiTallier`'s: EI_CELLS per group, the network last. */
export function eiFromTally({ names, ungrouped }: Groups, rule: string, tally: Float64Array): EiResult {
  const at = (g: number): EiIndex => {
    const [E, I, Ew, Iw, X, Xw] = tally.subarray(g * EI_CELLS, (g + 1) * EI_CELLS) as unknown as number[];
    return { counted: openness(E as number, I as number), weighted: openness(Ew as number, Iw as number), excluded: { links: X as number, weight: Xw as number } };
  };
  const network = at(names.length);
  return {
    network,
    byGroup: Object.fromEntries(names.map((name, g) => [name, at(g)])),
    excluded: { organisations: ungrouped, links: network.excluded.links, weight: network.excluded.weight, rule },
  };
}
