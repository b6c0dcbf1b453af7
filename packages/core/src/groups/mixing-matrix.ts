/**
 * The group-by-group link matrix (region × region, country × country, cluster × cluster),
 * counted and weighted: cell [a][b] holds the links between an organisation of group a and one of
 * group b, symmetric, with each group's internal links on the diagonal (counted once). Cells
 * without links are left out, so the result stays small for many groups.
 */
import type { AnyGraph } from "../model/graph.ts";
import { toCsr, type EdgeWeight } from "../model/csr.ts";
import { groupIndices, type GroupBy } from "./group-index.ts";

export interface MixingOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
}

export const DEFAULTS: MixingOptions = { groupBy: "country", getEdgeWeight: "weight" };

export interface MixingMatrix {
  groups: string[];
  counted: Record<string, Record<string, number>>;
  weighted: Record<string, Record<string, number>>;
}

export function mixingMatrix(graph: AnyGraph, options: Partial<MixingOptions> = {}): MixingMatrix {
  const { groupBy, getEdgeWeight } = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets, weights } = toCsr(graph, getEdgeWeight);
  const { names, of } = groupIndices(graph, nodes, groupBy);
  const k = names.length;
  const counts = new Float64Array(k * k);
  const sums = new Float64Array(k * k);
  for (let u = 0; u < nodes.length; u++) {
    for (let e = offsets[u] as number; e < (offsets[u + 1] as number); e++) {
      const v = targets[e] as number;
      if (v <= u) continue;
      const a = of[u] as number;
      const b = of[v] as number;
      for (const cell of a === b ? [a * k + a] : [a * k + b, b * k + a]) {
        counts[cell] = (counts[cell] as number) + 1;
        sums[cell] = (sums[cell] as number) + (weights[e] as number);
      }
    }
  }
  const table = (values: Float64Array) =>
    Object.fromEntries(
      names.map((a, i) => [a, Object.fromEntries(names.flatMap((b, j) => ((values[i * k + j] as number) > 0 ? [[b, values[i * k + j] as number]] : [])))]),
    );
  return { groups: names, counted: table(counts), weighted: table(sums) };
}
