/**
 * The group-by-group link matrix (region × region, country × country, cluster × cluster),
 * counted and weighted: cell [a][b] holds the links between an organisation of group a and one of
 * group b, symmetric, with each group's internal links on the diagonal (counted once). Cells
 * without links are left out, so the result stays small for many groups.
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, toCsr, type EdgeWeight } from "../model/csr.ts";
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
  const { source, target, weight } = edgeList(toCsr(graph, getEdgeWeight));
  const { names, of } = groupIndices(graph, groupBy);
  const k = names.length;
  const counts = new Float64Array(k * k);
  const sums = new Float64Array(k * k);
  for (let e = 0; e < source.length; e++) {
    const a = of[source[e] as number] as number;
    const b = of[target[e] as number] as number;
    const w = weight[e] as number;
    counts[a * k + b] = (counts[a * k + b] as number) + 1;
    sums[a * k + b] = (sums[a * k + b] as number) + w;
    if (a === b) continue;
    counts[b * k + a] = (counts[b * k + a] as number) + 1;
    sums[b * k + a] = (sums[b * k + a] as number) + w;
  }
  return mixingTable(names, counts, sums);
}

/** The result from dense k × k `counts` and `sums`, leaving out empty cells. */
export function mixingTable(names: string[], counts: Float64Array, sums: Float64Array): MixingMatrix {
  const k = names.length;
  const table = (values: Float64Array) => {
    const rows: Record<string, Record<string, number>> = {};
    for (let i = 0; i < k; i++) {
      const row: Record<string, number> = {};
      for (let j = 0; j < k; j++) if ((values[i * k + j] as number) > 0) row[names[j] as string] = values[i * k + j] as number;
      rows[names[i] as string] = row;
    }
    return rows;
  };
  return { groups: names, counted: table(counts), weighted: table(sums) };
}
