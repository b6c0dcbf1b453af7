/**
 * Shares of links by scale, counted and weighted: for the whole network, for each organisation
 * (its own links), for each group of organisations by any node attribute (links with at least
 * one end in the group, each counted once per group), and for each year (links by the year they
 * first appear, `firstYear`). Flags of unknown places are counted beside, as `unknown:<level>`.
 *
 * For each grouping, the same pass also gives each group's openness (the E-I index: its links
 * inside against its other links) and, with `mixing: true`, the group-by-group matrix, so one
 * call answers "at which scale, and how open" together.
 *
 * One pass over the CSR into flat tallies by link class (classify.ts), run in WebAssembly where
 * it can (tally-kernel.ts); the per-key results are read from the tallies on demand
 * (`SharesTable`, a read-only Map), since a network of 36,000 organisations would otherwise spend
 * most of its time building records nobody reads.
 */
import { recordView } from "../model/record-view.ts";
import type { ReadableGraph } from "../model/graph.ts";
import { edgeValues, graphIndex, toCsr, type Csr, type EdgeWeight } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";
import { LinkscaleError } from "../errors.ts";
import { exclusionRule, groupIndices, NO_GROUP, type GroupOptions, type Groups } from "../groups/group-index.ts";
import { EI_CELLS, eiFromTally, type EiResult } from "../groups/ei-index.ts";
import { MixingCells, type MixingMatrix } from "../groups/mixing-matrix.ts";
import { DEFAULTS as CLASSIFY_DEFAULTS, LinkClasses, type ClassifyOptions } from "./classify.ts";
import type { PlaceLevel } from "./hierarchy.ts";
import { Tally } from "./tally.ts";
import { tallyLinksWasm } from "./tally-kernel.ts";

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

/** A rule that decides links' scales, and the links it decided. */
export interface ScaleRule {
  /** Its name, as a link's `rule` gives it: a level, "city", "distance", "beyond" or "none". */
  rule: string;
  scale: string;
  /** What it means, in words, for reports. */
  description: string;
  links: number;
  weight: number;
}

export interface SharesOptions extends ClassifyOptions, GroupOptions {
  getEdgeWeight: EdgeWeight;
  /** Node attributes to group organisations by (e.g. "country", "cluster", "type"). */
  groupBy: readonly string[];
  /** Also tally each grouping's group-by-group matrix: k × k cells for k groups, so not by default. */
  mixing: boolean;
}

export const DEFAULTS: SharesOptions = { ...CLASSIFY_DEFAULTS, getEdgeWeight: "weight", groupBy: [], mixing: false };

export interface ScaleReport {
  /** The scales in hierarchy order. */
  scales: string[];
  /** The rules in force, finest first, each with the links it decided: how "local" was decided, and what stayed unknown. */
  rules: ScaleRule[];
  /** Organisations whose place is known at each level (a NUTS code too short for its level is not), and with a city key when the same-city rule is on. */
  knownPlaces: Record<string, number>;
  network: ScaleShares;
  byOrganisation: SharesTable;
  /** Attribute → shares per group value. */
  byGroup: Record<string, SharesTable>;
  /** Per year, in order, "unknown" last. */
  byYear: SharesTable;
  /** Attribute → each group's openness, the E-I index: as `eiIndex` gives it, to rounding in the weighted sums. */
  openness: Record<string, EiResult>;
  /** Attribute → the group-by-group link matrix, as `mixingMatrix` gives it; with `mixing: true` only. */
  mixing: Record<string, MixingMatrix>;
}

/** Largest span of years tallied (a guard against a stray value such as 20150). */
const MAX_YEAR_SPAN = 1000;

export function scaleShares(graph: ReadableGraph, options: Partial<SharesOptions> = {}): ScaleReport {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, settings.getEdgeWeight);
  const classes = new LinkClasses(graph, csr, settings);
  const groupings = settings.groupBy.map((attribute) => groupIndices(graph, attribute, { keepUnknown: settings.keepUnknown ?? false }));
  const years = linkYears(graph);
  const tallies = tallyLinksWasm(csr, classes, years, groupings, settings.mixing) ?? tallyLinks(csr, classes, years, groupings, settings.mixing);

  const table = (rowKeys: readonly string[], tally: Tally) => new SharesTable(rowKeys, (row) => tally.shares(row));
  const byYear = Tally.fromKeys(classes, tallies.byYear);
  // Every link has exactly one year row (perhaps "unknown"): the network is their sum.
  const network = byYear.total();
  const byGroup: Record<string, SharesTable> = {};
  const openness: Record<string, EiResult> = {};
  const mixing: Record<string, MixingMatrix> = {};
  settings.groupBy.forEach((attribute, i) => {
    const groups = groupings[i] as Groups;
    const internal = tallies.internal[i] as Tally;
    // A group's links: its members' link ends, less the second end of each link inside it.
    const tally = new Tally(classes, groups.names.length);
    for (let u = 0; u < groups.of.length; u++) if (groups.of[u] !== NO_GROUP) tally.addRow(groups.of[u] as number, tallies.byNode, u);
    for (let g = 0; g < groups.names.length; g++) tally.addRow(g, internal, g, -1);
    byGroup[attribute] = table(groups.names, tally);
    openness[attribute] = opennessOf(groups, exclusionRule(attribute), tally, internal, tallies.excluded[i] as Float64Array, network);
    const matrix = tallies.matrices[i];
    if (matrix !== undefined) mixing[attribute] = { ...matrix.table(), excluded: (openness[attribute] as EiResult).excluded };
  });
  return {
    scales: classes.scales,
    rules: scaleRules(settings, classes, tallies.byYear),
    knownPlaces: classes.knownPlaces(),
    network: network.shares(0),
    byOrganisation: table(csr.nodes, tallies.byNode),
    byGroup,
    byYear: table(years.keys, byYear),
    openness,
    mixing,
  };
}

/** The rules in force, with the links each decided, read from the tallies by year and class key. */
function scaleRules({ hierarchy, localWithinKm }: SharesOptions, classes: LinkClasses, byYear: Float64Array): ScaleRule[] {
  const { levels } = hierarchy;
  const coarsest = levels[levels.length - 1] as PlaceLevel;
  const finest = levels[0] as PlaceLevel;
  const unknownFinest = `${finest.level} unknown at an end`;
  const words: Record<string, string> = {
    ...Object.fromEntries(levels.map((level) => [level.level, `both ends share ${level.description ?? `the ${level.level}`}`])),
    distance: `${unknownFinest}; ends within ${localWithinKm} km (great circle)`,
    ...Object.fromEntries((hierarchy.standIns ?? []).map((standIn) => [standIn.rule, `${unknownFinest}; ${standIn.description}`])),
    beyond: `no level shared; the ${coarsest.level} known at both ends`,
    none: `no level shared; the ${coarsest.level} unknown at an end`,
  };
  const inForce = (rule: string) => rule !== "distance" || localWithinKm !== undefined;
  const tally = classes.rules.map(() => [0, 0]);
  for (let cell = 0; cell < byYear.length; cell += 2) {
    const counts = tally[classes.ruleOf((cell / 2) % classes.keys)] as number[];
    counts[0] = (counts[0] as number) + (byYear[cell] as number);
    counts[1] = (counts[1] as number) + (byYear[cell + 1] as number);
  }
  // Finest first, in the order they are tried: the region, its stand-ins, the distance rule, then the coarser levels.
  const L = levels.length;
  const S = hierarchy.standIns?.length ?? 0;
  const order = [0, ...Array.from({ length: S }, (_, i) => L + 1 + i), L, ...levels.slice(1).map((_level, l) => l + 1), L + 1 + S, L + 2 + S];
  return order.flatMap((r) => {
    const rule = classes.rules[r] as string;
    if (!inForce(rule)) return [];
    const [links, weight] = tally[r] as [number, number];
    return [{ rule, scale: classes.scales[classes.scaleOf[r << levels.length] as number] as string, description: words[rule] as string, links, weight }];
  });
}

/**
 * The one pass over the CSR. Each organisation's link ends are tallied by class key in `row`
 * (a self-loop has two ends there, as in its degree) and folded into its tally at the end of
 * its row; the years, each group's internal links and the group-by-group matrices are tallied
 * from one end of each link, v ≥ u, which is the edge list's order: `e` counts its links. Years
 * are few, so they are tallied by class key and their flags counted once per key afterwards;
 * groups may be many, so their internal links go straight into a Tally, flags and all.
 *
 * The WebAssembly kernel (assembly/tally-links.ts) makes the same pass, step for step; this is
 * where WebAssembly may not run, and the reference the kernel is tested against.
 */
export function tallyLinks(csr: Csr, classes: LinkClasses, years: YearRows, groupings: readonly Groups[], mixing: boolean): Tallies {
  const { offsets, targets, weights } = csr;
  const { keys } = classes;
  const n = offsets.length - 1;
  const byNode = new Tally(classes, n);
  const byYear = new Float64Array(years.keys.length * keys * 2);
  const of = groupings.map((g) => g.of);
  const internal = groupings.map((g) => new Tally(classes, g.names.length));
  const matrices = mixing ? groupings.map((g) => new MixingCells(g.names)) : [];
  const excluded = groupings.map((g) => new Float64Array((g.names.length + 1) * 2));
  const row = new Float64Array(keys * 2);
  const keysInRow = new Int32Array(keys);
  let e = 0;
  for (let u = 0; u < n; u++) {
    let seen = 0;
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      const w = weights[k] as number;
      const key = classes.keyOf(u, v);
      if (row[key * 2] === 0) keysInRow[seen++] = key;
      add(row, key * 2, w);
      if (v < u) continue;
      if (v === u) add(row, key * 2, w);
      add(byYear, ((years.row[e++] as number) * keys + key) * 2, w);
      for (let i = 0; i < of.length; i++) {
        const a = (of[i] as Int32Array)[u] as number;
        const b = (of[i] as Int32Array)[v] as number;
        if (a === NO_GROUP || b === NO_GROUP) {
          const grouped = a === NO_GROUP ? (b === NO_GROUP ? (groupings[i] as Groups).names.length : b) : a;
          add(excluded[i] as Float64Array, grouped * 2, w);
          continue;
        }
        if (a === b) (internal[i] as Tally).addKey(a, key, 1, w);
        matrices[i]?.add(a, b, w);
      }
    }
    for (let t = 0; t < seen; t++) {
      const key = keysInRow[t] as number;
      byNode.addKey(u, key, row[key * 2] as number, row[key * 2 + 1] as number);
      row[key * 2] = row[key * 2 + 1] = 0;
    }
  }
  return { byNode, byYear, internal, matrices, excluded };
}

/**
 * E-I per group and for the network: I counts the links inside a group, E the group's links to
 * other groups; links to an organisation without a group (`excluded`) are neither.
 */
function opennessOf(groups: Groups, rule: string, byGroup: Tally, internal: Tally, excluded: Float64Array, network: Tally): EiResult {
  const k = groups.names.length;
  const tally = new Float64Array((k + 1) * EI_CELLS); // laid out as eiTallier's
  const set = (slot: number, [links, weight]: [number, number], [I, Iw]: [number, number], [X, Xw]: [number, number]) =>
    tally.set([links - I - X, I, weight - Iw - Xw, Iw, X, Xw], slot * EI_CELLS);
  const inside: [number, number] = [0, 0];
  const left: [number, number] = [0, 0];
  for (let g = 0; g <= k; g++) {
    const X = excluded[g * 2] as number;
    const Xw = excluded[g * 2 + 1] as number;
    left[0] += X;
    left[1] += Xw;
    if (g === k) break;
    const [I, Iw] = internal.totals(g);
    set(g, byGroup.totals(g), [I, Iw], [X, Xw]);
    inside[0] += I;
    inside[1] += Iw;
  }
  set(k, network.totals(0), inside, left);
  return eiFromTally(groups, rule, tally);
}

/** Adds one link of weight `w` to the count and weight at `cell`. */
function add(cells: Float64Array, cell: number, w: number): void {
  cells[cell] = (cells[cell] as number) + 1;
  cells[cell + 1] = (cells[cell + 1] as number) + w;
}

/** What the pass tallies: see `tallyLinks`. */
export interface Tallies {
  byNode: Tally;
  /** Per year row and class key, a count and a weight. */
  byYear: Float64Array;
  /** Per grouping, each group's internal links. */
  internal: Tally[];
  /** Per grouping, its matrix; empty without `mixing`. */
  matrices: MixingCells[];
  /** Per grouping, links left out for an end without a group: [count, weight] per group (by its grouped end), then for links with neither end grouped. */
  excluded: Float64Array[];
}

export interface YearRows {
  keys: string[];
  /** Each link's row in `keys`, in the edge list's order. */
  row: Int32Array;
}

/** Each link's year row (`firstYear`), built once per graph until it changes. */
export function linkYears(graph: ReadableGraph): YearRows {
  return graphIndex(graph, "years:firstYear", () => yearRows(edgeValues(graph, "firstYear")));
}

/**
 * Each link's row by year: years in order from the first to the last, then "unknown" (a link
 * without `firstYear`), keeping only years that have links.
 */
export function yearRows(values: Float64Array): YearRows {
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

  /** The same read as a record, each row's shares made when read (record-view.ts): for a table kept long. */
  asRecord(): Readonly<Record<string, ScaleShares>> {
    return recordView(this.rowKeys, this.sharesOf);
  }
}
