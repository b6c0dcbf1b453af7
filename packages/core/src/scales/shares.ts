/**
 * Shares of links by scale, counted and weighted: for the whole network, for each organisation
 * (its own links), for each group of organisations by any node attribute (links with at least
 * one end in the group, each counted once per group), and for each year (links by the year they
 * first appear, `firstYear`). Flags of unknown places are counted beside, as `unknown:<level>`.
 *
 * One pass over the classified edge list into flat tallies; the per-key results are read from
 * the tallies on demand (`SharesTable`, a read-only Map), since a network of 36,000
 * organisations would otherwise spend most of its time building records nobody reads.
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, edgeValues, graphIndex, toCsr, type EdgeWeight } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";
import { LinkscaleError } from "../errors.ts";
import { groupIndices } from "../groups/group-index.ts";
import { classifyEdges, DEFAULTS as CLASSIFY_DEFAULTS, type ClassifyOptions } from "./classify.ts";

export interface ScaleShares {
  links: number;
  weight: number;
  /** Links per scale, in hierarchy order. */
  counts: Record<string, number>;
  weights: Record<string, number>;
  countShares: Record<string, number>;
  weightShares: Record<string, number>;
  /** Links flagged `unknown:<level>`. */
  flags: Record<string, number>;
}

export interface SharesOptions extends ClassifyOptions {
  getEdgeWeight: EdgeWeight;
  /** Node attributes to group organisations by (e.g. "country", "cluster", "type"). */
  groupBy: readonly string[];
}

export const DEFAULTS: SharesOptions = { ...CLASSIFY_DEFAULTS, getEdgeWeight: "weight", groupBy: [] };

export interface ScaleReport {
  /** The scales in hierarchy order. */
  scales: string[];
  network: ScaleShares;
  byOrganisation: SharesTable;
  /** Attribute → shares per group value. */
  byGroup: Record<string, SharesTable>;
  /** Per year, in order, "unknown" last. */
  byYear: SharesTable;
}

/** Largest span of years tallied (a guard against a stray value such as 20150). */
const MAX_YEAR_SPAN = 1000;

export function scaleShares(graph: AnyGraph, options: Partial<SharesOptions> = {}): ScaleReport {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, settings.getEdgeWeight);
  const { source, target, weight } = edgeList(csr);
  const { scales, scale, flags } = classifyEdges(graph, csr, settings);
  const levels = settings.hierarchy.levels.map((l) => l.level);
  const S = scales.length;
  const L = levels.length;
  const groupings = settings.groupBy.map((attribute) => groupIndices(graph, attribute));
  const years = graphIndex(graph, "years:firstYear", () => yearRows(edgeValues(graph, "firstYear")));

  const byNode = new Tally(csr.nodes.length, S, L);
  const byGroup = groupings.map((g) => new Tally(g.names.length, S, L));
  const byYear = new Tally(years.keys.length, S, L);
  for (let e = 0; e < source.length; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    const s = scale[e] as number;
    const w = weight[e] as number;
    const f = flags[e] as number;
    byNode.add(u, s, w, f);
    byNode.add(v, s, w, f);
    for (let i = 0; i < groupings.length; i++) {
      const of = (groupings[i] as { of: Int32Array }).of;
      const tally = byGroup[i] as Tally;
      tally.add(of[u] as number, s, w, f);
      if (of[v] !== of[u]) tally.add(of[v] as number, s, w, f);
    }
    byYear.add(years.row[e] as number, s, w, f);
  }
  // Every link has exactly one year row (perhaps "unknown"): the network is their sum.
  const network = byYear.total();

  const table = (keys: readonly string[], tally: Tally) => new SharesTable(keys, (row) => tally.shares(row, scales, levels));
  return {
    scales,
    network: network.shares(0, scales, levels),
    byOrganisation: table(csr.nodes, byNode),
    byGroup: Object.fromEntries(settings.groupBy.map((attribute, i) => [attribute, table((groupings[i] as { names: string[] }).names, byGroup[i] as Tally)])),
    byYear: table(years.keys, byYear),
  };
}

/**
 * Each link's row by year: years in order from the first to the last, then "unknown" (a link
 * without `firstYear`), keeping only years that have links.
 */
function yearRows(values: Float64Array): { keys: string[]; row: Int32Array } {
  let first = Infinity;
  let last = -Infinity;
  for (let e = 0; e < values.length; e++) {
    const year = values[e] as number;
    if (Number.isNaN(year)) continue;
    if (!Number.isInteger(year)) throw new LinkscaleError("scales/shares", `a link's firstYear is ${year}, not a whole year`);
    if (year < first) first = year;
    if (year > last) last = year;
  }
  if (last - first > MAX_YEAR_SPAN) throw new LinkscaleError("scales/shares", `links' firstYear runs from ${first} to ${last}: more than ${MAX_YEAR_SPAN} years apart`);
  const span = Number.isFinite(first) ? last - first + 1 : 0;
  const row = new Int32Array(values.length); // first the slot: year − first, or span when unknown
  const rowOfSlot = new Int32Array(span + 1).fill(-1);
  for (let e = 0; e < values.length; e++) {
    const year = values[e] as number;
    const slot = Number.isNaN(year) ? span : year - first;
    row[e] = slot;
    rowOfSlot[slot] = 0;
  }
  const keys: string[] = [];
  rowOfSlot.forEach((used, slot) => {
    if (used < 0) return;
    rowOfSlot[slot] = keys.length;
    keys.push(slot === span ? UNKNOWN : String(first + slot));
  });
  for (let e = 0; e < row.length; e++) row[e] = rowOfSlot[row[e] as number] as number;
  return { keys, row };
}

/** Shares per key (organisation, group, year), read from the tallies when asked for. */
export class SharesTable implements ReadonlyMap<string, ScaleShares> {
  private rowOf: Map<string, number> | undefined;

  constructor(
    private readonly rowKeys: readonly string[],
    private readonly sharesOf: (row: number) => ScaleShares,
  ) {}

  /** Key → row, built on first use: 36,000 organisations take longer to index than to tally. */
  private get rows(): ReadonlyMap<string, number> {
    if (this.rowOf === undefined) {
      this.rowOf = new Map();
      for (let row = 0; row < this.rowKeys.length; row++) this.rowOf.set(this.rowKeys[row] as string, row);
    }
    return this.rowOf;
  }

  get size(): number {
    return this.rowKeys.length;
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  get(key: string): ScaleShares | undefined {
    const row = this.rows.get(key);
    return row === undefined ? undefined : this.sharesOf(row);
  }

  keys(): MapIterator<string> {
    return this.rows.keys();
  }

  *entries(): MapIterator<[string, ScaleShares]> {
    for (const [key, row] of this.rows) yield [key, this.sharesOf(row)];
  }

  *values(): MapIterator<ScaleShares> {
    for (const row of this.rows.values()) yield this.sharesOf(row);
  }

  [Symbol.iterator](): MapIterator<[string, ScaleShares]> {
    return this.entries();
  }

  forEach(callback: (value: ScaleShares, key: string, map: ReadonlyMap<string, ScaleShares>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  /** A plain record, for JSON. */
  toJSON(): Record<string, ScaleShares> {
    return Object.fromEntries(this);
  }
}

/**
 * Counts, weights and flags per scale for rows (organisations, groups, years), in flat arrays;
 * a cell's count and weight sit side by side, so one link touches one cache line per row.
 */
class Tally {
  private readonly cells: Float64Array;
  private readonly flags: Float64Array;

  constructor(
    private readonly rows: number,
    private readonly scaleCount: number,
    private readonly levelCount: number,
  ) {
    this.cells = new Float64Array(rows * scaleCount * 2);
    this.flags = new Float64Array(rows * levelCount);
  }

  add(row: number, scale: number, weight: number, flags: number): void {
    const cell = (row * this.scaleCount + scale) * 2;
    this.cells[cell] = (this.cells[cell] as number) + 1;
    this.cells[cell + 1] = (this.cells[cell + 1] as number) + weight;
    if (flags !== 0) this.addFlags(row, flags);
  }

  private addFlags(row: number, flags: number): void {
    for (let l = 0; l < this.levelCount; l++) {
      if ((flags & (1 << l)) !== 0) this.flags[row * this.levelCount + l] = (this.flags[row * this.levelCount + l] as number) + 1;
    }
  }

  /** A one-row tally summing every row. */
  total(): Tally {
    const total = new Tally(1, this.scaleCount, this.levelCount);
    for (let row = 0; row < this.rows; row++) {
      for (let i = 0; i < this.scaleCount * 2; i++) total.cells[i] = (total.cells[i] as number) + (this.cells[row * this.scaleCount * 2 + i] as number);
      for (let l = 0; l < this.levelCount; l++) total.flags[l] = (total.flags[l] as number) + (this.flags[row * this.levelCount + l] as number);
    }
    return total;
  }

  shares(row: number, scales: readonly string[], levels: readonly string[]): ScaleShares {
    const at = (i: number, part: 0 | 1) => this.cells[(row * this.scaleCount + i) * 2 + part] as number;
    let links = 0;
    let weight = 0;
    for (let i = 0; i < scales.length; i++) {
      links += at(i, 0);
      weight += at(i, 1);
    }
    const record = (part: 0 | 1, scale: number) => Object.fromEntries(scales.map((s, i) => [s, at(i, part) * scale]));
    const flags: Record<string, number> = {};
    levels
      .map((level, l) => [`unknown:${level}`, this.flags[row * this.levelCount + l] as number] as const)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .forEach(([key, count]) => (flags[key] = count));
    return {
      links,
      weight,
      counts: record(0, 1),
      weights: record(1, 1),
      countShares: record(0, links > 0 ? 1 / links : 0),
      weightShares: record(1, weight > 0 ? 1 / weight : 0),
      flags,
    };
  }
}
