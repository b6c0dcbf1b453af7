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
  const cells = new MixingCells(names);
  for (let e = 0; e < source.length; e++) cells.add(of[source[e] as number] as number, of[target[e] as number] as number, weight[e] as number);
  return cells.table();
}

/** The matrix being tallied, link by link: dense k × k counts and weight sums (the scale shares tally it too). */
export class MixingCells {
  private readonly counts: Float64Array;
  private readonly sums: Float64Array;

  constructor(private readonly names: string[]) {
    this.counts = new Float64Array(names.length * names.length);
    this.sums = new Float64Array(names.length * names.length);
  }

  /** Adds a link of weight `w` between an organisation of group `a` and one of group `b`. */
  add(a: number, b: number, w: number): void {
    const k = this.names.length;
    this.counts[a * k + b] = (this.counts[a * k + b] as number) + 1;
    this.sums[a * k + b] = (this.sums[a * k + b] as number) + w;
    if (a === b) return;
    this.counts[b * k + a] = (this.counts[b * k + a] as number) + 1;
    this.sums[b * k + a] = (this.sums[b * k + a] as number) + w;
  }

  /** The result, leaving out empty cells. */
  table(): MixingMatrix {
    const { names, counts } = this;
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
    return { groups: names, counted: table(counts), weighted: table(this.sums) };
  }
}
