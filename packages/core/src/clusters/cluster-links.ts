/**
 * The links of a cluster network: the organisation links between two clusters, grouped by their
 * pair of clusters. A cluster link carries the number and weight of the links it aggregates, their
 * years (a link's year is its `firstYear`, the year the two first worked together), their scales
 * by the place rules (classify.ts), and the organisations on each side that carry it, each with
 * its share of the cluster link's weight.
 *
 * Each cluster's links to higher clusters are read from its members' rows in the CSR: a first sweep
 * finds its partners (one scratch slot per cluster, no hashing), which are numbered in order, so
 * pairs come out in order of their names (cluster names are sorted); a second puts each link in its
 * pair's place (a counting sort) and tallies the pair. A network by city has tens of thousands of
 * cluster links, most never read whole, so a link is a view on these tallies, and its years by
 * year, scales and carriers are worked out from its own links when first read.
 */
import { UNKNOWN } from "../model/describe.ts";
import type { Csr } from "../model/csr.ts";
import type { LinkClasses } from "../scales/classify.ts";
import type { YearRows } from "../scales/shares.ts";

/** An organisation's part in a cluster's outward links or in a cluster link. */
export interface Carrier {
  organisation: string;
  links: number;
  weight: number;
  /** Its weight over the whole (the cluster's external weight, or the cluster link's weight). */
  share: number;
}

/**
 * A link between two clusters: a view on the network's tables, every value a getter (`byYear`,
 * `scales` and `carriers` worked out when first read). JSON.stringify and console.log show every
 * value; a spread or Object.keys sees none: `link.toJSON()` gives a plain copy.
 */
export interface ClusterLink {
  /** The two clusters, source < target. */
  readonly source: string;
  readonly target: string;
  readonly links: number;
  readonly weight: number;
  /** The first and last year of the links (`firstYear`, `lastYear`); null when none has one. */
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  /** Links by the year they first appear, in order; links without a year are counted apart. */
  readonly byYear: Readonly<Record<string, number>>;
  readonly withoutYear: number;
  /** Links and weight by scale (local, national, transnational…, "unknown"), scales that occur, in the place rules' order. */
  readonly scales: Readonly<Record<string, { links: number; weight: number }>>;
  /** Each side's organisations with links in this pair, by weight (ties by id); shares sum to 1 per side. */
  readonly carriers: { readonly source: Carrier[]; readonly target: Carrier[] };
  toJSON(): PlainClusterLink;
}

export type PlainClusterLink = { -readonly [K in Exclude<keyof ClusterLink, "toJSON">]: ClusterLink[K] };

/** What cluster links are read from: the CSR and its slots' years, the grouping and its members. */
export interface LinkSources {
  csr: Csr;
  /** `firstYear` and `lastYear` aligned with the CSR's slots (slotValues), NaN where a link has none. */
  firstYears: Float64Array;
  lastYears: Float64Array;
  /** The years in order (linkYears), which `byYear` follows. */
  years: YearRows;
  classes: LinkClasses;
  /** Each organisation's cluster (NO_GROUP, below every cluster: none), and each cluster's members, ascending. */
  of: Int32Array;
  members: readonly (readonly number[])[];
  /** The cluster names, sorted. */
  names: readonly string[];
}

/** The cluster links, sorted by source then target. */
export function clusterLinks(sources: LinkSources): ClusterLink[] {
  const pairs = tallyPairs(sources);
  const reader = new PairReader(sources, pairs);
  const links: ClusterLink[] = [];
  for (let p = 0; p < pairs.ends.length / 2; p++) links.push(new ClusterLinkRow(reader, p));
  return links;
}

/** The pairs of clusters that share links: pair p joins ends[2p] < ends[2p + 1], and cluster a's pairs with higher ones are firstPair[a]..firstPair[a + 1]. */
interface Pairs {
  ends: number[];
  firstPair: Uint32Array;
  /** Per pair: links, weight, first year, last year, links without a year. */
  totals: Float64Array;
}

const TOTALS = 5;

function tallyPairs({ csr: { offsets, targets, weights }, firstYears, lastYears, of, members }: LinkSources): Pairs {
  const G = members.length;
  // A partner's totals while its lower cluster is swept: opened at its first link, closed (zeroed) into its pair's row.
  const open = new Float64Array(G * TOTALS);
  const partners = new Int32Array(G);
  const firstPair = new Uint32Array(G + 1);
  const ends: number[] = [];
  let totals = new Float64Array(TOTALS * 1024);
  for (let a = 0; a < G; a++) {
    let found = 0;
    for (const u of members[a] as readonly number[]) {
      for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
        const b = of[targets[k] as number] as number;
        if (b <= a) continue;
        const row = TOTALS * b;
        if (open[row] === 0) {
          partners[found++] = b;
          open[row + 2] = Infinity;
          open[row + 3] = -Infinity;
        }
        open[row] = (open[row] as number) + 1;
        open[row + 1] = (open[row + 1] as number) + (weights[k] as number);
        const first = firstYears[k] as number;
        if (Number.isNaN(first)) open[row + 4] = (open[row + 4] as number) + 1;
        else if (first < (open[row + 2] as number)) open[row + 2] = first;
        if ((lastYears[k] as number) > (open[row + 3] as number)) open[row + 3] = lastYears[k] as number;
      }
    }
    for (const b of partners.subarray(0, found).sort()) {
      const p = ends.length / 2;
      ends.push(a, b);
      if (TOTALS * (p + 1) > totals.length) {
        const grown = new Float64Array(totals.length * 2);
        grown.set(totals);
        totals = grown;
      }
      for (let c = 0; c < TOTALS; c++) {
        totals[TOTALS * p + c] = open[TOTALS * b + c] as number;
        open[TOTALS * b + c] = 0;
      }
    }
    firstPair[a + 1] = ends.length / 2;
  }
  return { ends, firstPair, totals };
}

/** Each pair's links: pair p's are at start[p]..start[p + 1], each a CSR slot and its row's node (in the lower cluster). */
interface PairLinks {
  start: Uint32Array;
  slot: Uint32Array;
  node: Uint32Array;
}

/** The links of every pair, by a counting sort on the pair, sweeping the clusters as tallyPairs does. */
function groupLinks({ csr: { offsets, targets }, of, members }: LinkSources, { ends, firstPair, totals }: Pairs): PairLinks {
  const P = ends.length / 2;
  const start = new Uint32Array(P + 1);
  for (let p = 0; p < P; p++) start[p + 1] = (start[p] as number) + (totals[TOTALS * p] as number);
  const slot = new Uint32Array(start[P] as number);
  const node = new Uint32Array(slot.length);
  const next = start.slice(0, P);
  // A partner's pair while its lower cluster is swept.
  const pairOf = new Int32Array(members.length);
  members.forEach((cluster, a) => {
    for (let p = firstPair[a] as number; p < (firstPair[a + 1] as number); p++) pairOf[ends[2 * p + 1] as number] = p;
    for (const u of cluster) {
      for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
        const b = of[targets[k] as number] as number;
        if (b <= a) continue;
        const i = next[pairOf[b] as number] as number;
        next[pairOf[b] as number] = i + 1;
        slot[i] = k;
        node[i] = u;
      }
    }
  });
  return { start, slot, node };
}

/** Reads each pair's ends and totals, and works out its years, scales and carriers at the first read. */
class PairReader {
  private scratch: Float64Array | undefined;
  private linksByPair: PairLinks | undefined;
  private readonly read = { byYear: [] as Record<string, number>[], scales: [] as Record<string, { links: number; weight: number }>[], carriers: [] as { source: Carrier[]; target: Carrier[] }[] };

  constructor(
    private readonly sources: LinkSources,
    private readonly pairs: Pairs,
  ) {}

  /** Pair p's lower (side 0) or higher (side 1) cluster. */
  end(p: number, side: 0 | 1): string {
    return this.sources.names[this.pairs.ends[2 * p + side] as number] as string;
  }

  links(p: number): number {
    return this.pairs.totals[TOTALS * p] as number;
  }

  weight(p: number): number {
    return this.pairs.totals[TOTALS * p + 1] as number;
  }

  /** Its first (column 2) or last (column 3) year, null when none of its links has one. */
  year(p: number, column: 2 | 3): number | null {
    const year = this.pairs.totals[TOTALS * p + column] as number;
    return Number.isFinite(year) ? year : null;
  }

  withoutYear(p: number): number {
    return this.pairs.totals[TOTALS * p + 4] as number;
  }

  byYear(p: number): Record<string, number> {
    return (this.read.byYear[p] ??= this.countYears(p));
  }

  scales(p: number): Record<string, { links: number; weight: number }> {
    return (this.read.scales[p] ??= this.countScales(p));
  }

  carriers(p: number): { source: Carrier[]; target: Carrier[] } {
    return (this.read.carriers[p] ??= this.sides(p));
  }

  /** Calls `visit` with each of pair p's links: its node in the lower cluster, the other, its CSR slot. */
  private forEachLink(p: number, visit: (u: number, v: number, k: number) => void): void {
    const { start, slot, node } = (this.linksByPair ??= groupLinks(this.sources, this.pairs));
    for (let i = start[p] as number; i < (start[p + 1] as number); i++) visit(node[i] as number, this.sources.csr.targets[slot[i] as number] as number, slot[i] as number);
  }

  private countYears(p: number): Record<string, number> {
    const counts = new Map<string, number>();
    this.forEachLink(p, (_u, _v, k) => {
      const year = this.sources.firstYears[k] as number;
      if (!Number.isNaN(year)) counts.set(String(year), (counts.get(String(year)) ?? 0) + 1);
    });
    const byYear: Record<string, number> = {};
    for (const year of this.sources.years.keys) if (year !== UNKNOWN && counts.has(year)) byYear[year] = counts.get(year) as number;
    return byYear;
  }

  private countScales(p: number): Record<string, { links: number; weight: number }> {
    const { classes, csr } = this.sources;
    const tally = new Float64Array(classes.scales.length * 2);
    this.forEachLink(p, (u, v, k) => {
      const s = classes.scaleOf[u < v ? classes.keyOf(u, v) : classes.keyOf(v, u)] as number;
      tally[2 * s] = (tally[2 * s] as number) + 1;
      tally[2 * s + 1] = (tally[2 * s + 1] as number) + (csr.weights[k] as number);
    });
    const scales: Record<string, { links: number; weight: number }> = {};
    classes.scales.forEach((name, s) => {
      if ((tally[2 * s] as number) > 0) scales[name] = { links: tally[2 * s] as number, weight: tally[2 * s + 1] as number };
    });
    return scales;
  }

  /** Each side's organisations and their links and weight in pair p; the scratch row is left zeroed. */
  private sides(p: number): { source: Carrier[]; target: Carrier[] } {
    const { csr, of } = this.sources;
    const low = this.pairs.ends[2 * p] as number;
    const total = this.weight(p);
    const scratch = (this.scratch ??= new Float64Array(csr.nodes.length * 2));
    const touched: number[] = [];
    const carry = (u: number, w: number) => {
      if ((scratch[2 * u] as number) === 0) touched.push(u);
      scratch[2 * u] = (scratch[2 * u] as number) + 1;
      scratch[2 * u + 1] = (scratch[2 * u + 1] as number) + w;
    };
    this.forEachLink(p, (u, v, k) => {
      carry(u, csr.weights[k] as number);
      carry(v, csr.weights[k] as number);
    });
    touched.sort((a, b) => (scratch[2 * b + 1] as number) - (scratch[2 * a + 1] as number) || a - b);
    const sides: { source: Carrier[]; target: Carrier[] } = { source: [], target: [] };
    for (const u of touched) {
      const w = scratch[2 * u + 1] as number;
      (of[u] === low ? sides.source : sides.target).push({ organisation: csr.nodes[u] as string, links: scratch[2 * u] as number, weight: w, share: w / total });
      scratch[2 * u] = 0;
      scratch[2 * u + 1] = 0;
    }
    return sides;
  }
}

/**
 * A cluster link as a view on its pair's row (as Apache Arrow's rows are): two fields, every value
 * a getter, so tens of thousands of links cost little until read. `toJSON()` gives a plain copy.
 */
class ClusterLinkRow implements ClusterLink {
  readonly #reader: PairReader;
  readonly #pair: number;

  constructor(reader: PairReader, pair: number) {
    this.#reader = reader;
    this.#pair = pair;
  }

  get source(): string {
    return this.#reader.end(this.#pair, 0);
  }

  get target(): string {
    return this.#reader.end(this.#pair, 1);
  }

  get links(): number {
    return this.#reader.links(this.#pair);
  }

  get weight(): number {
    return this.#reader.weight(this.#pair);
  }

  get firstYear(): number | null {
    return this.#reader.year(this.#pair, 2);
  }

  get lastYear(): number | null {
    return this.#reader.year(this.#pair, 3);
  }

  get withoutYear(): number {
    return this.#reader.withoutYear(this.#pair);
  }

  get byYear(): Record<string, number> {
    return this.#reader.byYear(this.#pair);
  }

  get scales(): Record<string, { links: number; weight: number }> {
    return this.#reader.scales(this.#pair);
  }

  get carriers(): { source: Carrier[]; target: Carrier[] } {
    return this.#reader.carriers(this.#pair);
  }

  toJSON(): PlainClusterLink {
    const { source, target, links, weight, firstYear, lastYear, byYear, withoutYear, scales, carriers } = this;
    return { source, target, links, weight, firstYear, lastYear, byYear, withoutYear, scales, carriers };
  }

  /** console.log and the Node REPL show the values, not an empty object. */
  [Symbol.for("nodejs.util.inspect.custom")](): PlainClusterLink {
    return this.toJSON();
  }
}
