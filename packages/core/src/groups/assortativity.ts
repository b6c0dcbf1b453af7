/**
 * Nominal attribute assortativity (Newman 2003, "Mixing patterns in networks", Phys. Rev. E 67):
 * r = (Σ_g e_gg − Σ_g a_g²) / (1 − Σ_g a_g²), with e the share of link ends joining group g to
 * group h (each link counted in both directions) and a_g the share of ends in g. 1: links only
 * within groups; 0: as random; negative: links prefer other groups (firms with universities).
 * Unweighted, as NetworkX's `attribute_assortativity_coefficient`; `weighted` counts link weight.
 * Over the links whose two ends have a group: the others are left out (group-index.ts).
 */
import type { ReadableGraph } from "../model/graph.ts";
import { weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { groupIndices, NO_GROUP, type GroupBy, type GroupOptions } from "./group-index.ts";

export interface AssortativityOptions extends WeightOptions, GroupOptions {
  groupBy: GroupBy;
}

export const DEFAULTS: AssortativityOptions = { ...WEIGHT_DEFAULTS, groupBy: "type" };

/** Null where r is undefined: no link between grouped organisations, or every link end in one group (1 − Σ a_g² = 0). */
export function assortativity(graph: ReadableGraph, options: Partial<AssortativityOptions> = {}): number | null {
  const settings = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets, weights } = weightedCsr(graph, settings);
  const { names, of } = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const k = names.length;
  const ends = new Float64Array(k);
  const within = new Float64Array(k);
  let total = 0;
  for (let u = 0; u < nodes.length; u++) {
    const g = of[u] as number;
    if (g === NO_GROUP) continue;
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      if (of[targets[e] as number] === NO_GROUP) continue;
      const w = weights[e] as number;
      ends[g] = (ends[g] as number) + w;
      if (of[targets[e] as number] === g) within[g] = (within[g] as number) + w;
      total += w;
    }
  }
  if (total === 0) return null;
  let trace = 0;
  let squares = 0;
  for (let g = 0; g < k; g++) {
    trace += (within[g] as number) / total;
    squares += ((ends[g] as number) / total) ** 2;
  }
  return squares === 1 ? null : (trace - squares) / (1 - squares);
}
