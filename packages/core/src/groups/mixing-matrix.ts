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

/**
 * The matrix being tallied, link by link (the scale shares tally it too): each link in the cell
 * of its ends' groups as given, a count and a weight sum side by side; `table` folds [a][b] and
 * [b][a] together, so a link costs one write.
 */
export class MixingCells {
  private readonly cells: Float64Array;

  /** An empty matrix, or one holding `cells` as tallied elsewhere (the scale shares' WebAssembly pass). */
  constructor(
    private readonly names: string[],
    cells?: Float64Array,
  ) {
    this.cells = cells ?? new Float64Array(names.length * names.length * 2);
  }

  /** Adds a link of weight `w` between an organisation of group `a` and one of group `b`. */
  add(a: number, b: number, w: number): void {
    const cell = (a * this.names.length + b) * 2;
    this.cells[cell] = (this.cells[cell] as number) + 1;
    this.cells[cell + 1] = (this.cells[cell + 1] as number) + w;
  }

  /** The result, symmetric, leaving out empty cells. */
  table(): MixingMatrix {
    const { names, cells } = this;
    const k = names.length;
    const table = (part: 0 | 1) => {
      const rows: Record<string, Record<string, number>> = {};
      for (let i = 0; i < k; i++) {
        const row: Record<string, number> = {};
        for (let j = 0; j < k; j++) {
          const value = (cells[(i * k + j) * 2 + part] as number) + (i === j ? 0 : (cells[(j * k + i) * 2 + part] as number));
          if (value > 0) row[names[j] as string] = value;
        }
        rows[names[i] as string] = row;
      }
      return rows;
    };
    return { groups: names, counted: table(0), weighted: table(1) };
  }
}
