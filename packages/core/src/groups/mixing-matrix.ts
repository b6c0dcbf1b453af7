/**
 * The group-by-group link matrix (region × region, country × country, cluster × cluster),
 * counted and weighted: cell [a][b] holds the links between an organisation of group a and one of
 * group b, symmetric, with each group's internal links on the diagonal (counted once). Cells
 * without links are left out, so the result stays small for many groups. A link with an end
 * without a group is in no cell: it is counted as excluded (group-index.ts).
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, toCsr, type EdgeWeight } from "../model/csr.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions } from "./group-index.ts";

export interface MixingOptions extends GroupOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
}

export const DEFAULTS: MixingOptions = { groupBy: "country", getEdgeWeight: "weight" };

export interface MixingMatrix {
  groups: string[];
  counted: Record<string, Record<string, number>>;
  weighted: Record<string, Record<string, number>>;
  /** What was left out, and by which rule. */
  excluded: Exclusion;
}

export function mixingMatrix(graph: ReadableGraph, options: Partial<MixingOptions> = {}): MixingMatrix {
  const { groupBy, getEdgeWeight, keepUnknown } = { ...DEFAULTS, ...options };
  const { source, target, weight } = edgeList(toCsr(graph, getEdgeWeight));
  const groups = groupIndices(graph, groupBy, { keepUnknown: keepUnknown ?? false });
  const { names, of } = groups;
  const cells = new MixingCells(names);
  let links = 0;
  let excludedWeight = 0;
  for (let e = 0; e < source.length; e++) {
    const a = of[source[e] as number] as number;
    const b = of[target[e] as number] as number;
    if (a !== NO_GROUP && b !== NO_GROUP) cells.add(a, b, weight[e] as number);
    else {
      links++;
      excludedWeight += weight[e] as number;
    }
  }
  return { ...cells.table(), excluded: { organisations: groups.ungrouped, links, weight: excludedWeight, rule: exclusionRule(groupBy) } };
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
  table(): Omit<MixingMatrix, "excluded"> {
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
