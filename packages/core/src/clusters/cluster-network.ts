/**
 * The cluster network: one node per cluster (any grouping of organisations: a `cluster` column,
 * city, region, country, type, a community partition, geographic clusters) and one link per pair
 * of clusters whose organisations collaborate, aggregating the organisation links between them.
 *
 * A cluster carries its members (by type and by country, known values only), its internal links
 * and weight, its internal density, its openness (Krackhardt & Stern's E-I index, counted and
 * weighted, as ei-index.ts) and its gatekeepers: the fewest members that carry half of its
 * external weight (gatekeepers.ts). A cluster link carries the number and weight of the links it
 * aggregates, their years (a link's year is its `firstYear`, the year the two first worked
 * together), their scales by the place rules (classify.ts), and the organisations on each side
 * that carry it, each with its share of the cluster link's weight.
 *
 * Unknown membership is never a cluster: an organisation without one is left out with its links,
 * and counted, for the network and per cluster (`excludedLinks`: a member's links to such
 * organisations, neither internal nor external).
 *
 * A first pass over the links tallies the clusters and numbers the pairs of clusters; a second
 * tallies each pair's links, weight, scales and years into one typed-array row. Carriers are
 * worked out when first read, from each pair's links (grouped by a counting sort on the pair).
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, edgeValues, nodeTable, toCsr, type EdgeWeight } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions } from "../groups/group-index.ts";
import { openness, type Openness } from "../groups/ei-index.ts";
import { DEFAULTS as CLASSIFY_DEFAULTS, LinkClasses, type ClassifyOptions } from "../scales/classify.ts";
import { linkYears } from "../scales/shares.ts";

export interface ClusterNetworkOptions extends Omit<ClassifyOptions, "attribute">, GroupOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
  /** The share of a cluster's external weight its gatekeepers carry together. */
  gatekeeperShare: number;
}

export const DEFAULTS: ClusterNetworkOptions = { ...CLASSIFY_DEFAULTS, groupBy: "cluster", getEdgeWeight: "weight", gatekeeperShare: 0.5 };

/** An organisation's part in a cluster's outward links or in a cluster link. */
export interface Carrier {
  organisation: string;
  links: number;
  weight: number;
  /** Its weight over the whole (the cluster's external weight, or the cluster link's weight). */
  share: number;
}

export interface Cluster {
  members: number;
  /** Members by type and by country; members without one are counted apart, never as a value. */
  byType: Record<string, number>;
  withoutType: number;
  byCountry: Record<string, number>;
  withoutCountry: number;
  internalLinks: number;
  internalWeight: number;
  /** Internal links over the pairs of members; null for a cluster of one. */
  density: number | null;
  /** Links to members of other clusters. */
  externalLinks: number;
  externalWeight: number;
  /** Links to organisations in no cluster: neither internal nor external. */
  excludedLinks: number;
  excludedWeight: number;
  /** E-I index of its links, counted and weighted. */
  openness: { counted: Openness; weighted: Openness };
  /** The fewest members that carry `gatekeeperShare` of its external weight, largest first. */
  gatekeepers: Carrier[];
}

export interface ClusterLink {
  /** The two clusters, source < target. */
  source: string;
  target: string;
  links: number;
  weight: number;
  /** The first and last year of the links (`firstYear`, `lastYear`); null when none has one. */
  firstYear: number | null;
  lastYear: number | null;
  /** Links by the year they first appear; links without a year are counted apart. */
  byYear: Record<string, number>;
  withoutYear: number;
  /** Links and weight by scale (local, national, transnational…, "unknown"), scales that occur. */
  scales: Record<string, { links: number; weight: number }>;
  /**
   * Each side's organisations with links in this pair, by weight (ties by id); shares sum to 1
   * per side. Worked out when first read (JSON.stringify writes them): a network by city has
   * hundreds of thousands of carriers that most callers never read.
   */
  readonly carriers: { readonly source: Carrier[]; readonly target: Carrier[] };
}

export interface ClusterNetwork {
  /** Cluster names in order, each with its measures. */
  clusters: Record<string, Cluster>;
  /** Cluster links, sorted by source then target. */
  links: ClusterLink[];
  /** Organisations in no cluster and the links with an end among them. */
  excluded: Required<Exclusion>;
}

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function clusterNetwork(graph: AnyGraph, options: Partial<ClusterNetworkOptions> = {}): ClusterNetwork {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, settings.getEdgeWeight);
  const { nodes, attributes } = nodeTable(graph);
  const { names, of, ungrouped } = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const { source, target, weight } = edgeList(csr);
  const years = linkYears(graph);
  const lastYears = edgeValues(graph, "lastYear");
  const classes = new LinkClasses(graph, csr, settings);
  const G = names.length;
  const S = classes.scales.length;
  const Y = years.keys.length;
  const m = source.length;

  // Per cluster: internal, external and excluded links and weight; per organisation: external.
  const tally = new Float64Array(G * 6);
  const external = new Float64Array(nodes.length * 2);
  const excluded = { organisations: ungrouped, links: 0, weight: 0, rule: exclusionRule(settings.groupBy) };
  // Each link between two clusters gets its pair (−1: none), numbered in order of first meeting.
  const pairOf = new Map<number, number>();
  const pairEnds: number[] = [];
  const linkPair = new Int32Array(m).fill(-1);
  for (let e = 0; e < m; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    const w = weight[e] as number;
    const a = of[u] as number;
    const b = of[v] as number;
    if (a === NO_GROUP || b === NO_GROUP) {
      excluded.links++;
      excluded.weight += w;
      if (a !== NO_GROUP) add(tally, a * 6 + 4, 1, w);
      if (b !== NO_GROUP) add(tally, b * 6 + 4, 1, w);
    } else if (a === b) {
      add(tally, a * 6, 1, w);
    } else {
      add(tally, a * 6 + 2, 1, w);
      add(tally, b * 6 + 2, 1, w);
      add(external, u * 2, 1, w);
      add(external, v * 2, 1, w);
      const code = a < b ? a * G + b : b * G + a;
      let p = pairOf.get(code);
      if (p === undefined) {
        pairOf.set(code, (p = pairEnds.length / 2));
        pairEnds.push(a < b ? a : b, a < b ? b : a);
      }
      linkPair[e] = p;
    }
  }
  // Then per pair a row: links, weight, last year, links and weight per scale, links per year row.
  const pairs = pairEnds.length / 2;
  const width = 3 + 2 * S + Y;
  const pairTally = new Float64Array(pairs * width);
  for (let p = 0; p < pairs; p++) pairTally[p * width + 2] = -Infinity;
  for (let e = 0; e < m; e++) {
    const p = linkPair[e] as number;
    if (p < 0) continue;
    const row = p * width;
    add(pairTally, row, 1, weight[e] as number);
    const last = lastYears[e] as number;
    if (last > (pairTally[row + 2] as number)) pairTally[row + 2] = last;
    add(pairTally, row + 3 + 2 * (classes.scaleOf[classes.keyOf(source[e] as number, target[e] as number)] as number), 1, weight[e] as number);
    const year = row + 3 + 2 * S + (years.row[e] as number);
    pairTally[year] = (pairTally[year] as number) + 1;
  }

  const clusters = record<Cluster>();
  const membersOf = membersByCluster(of, G);
  names.forEach((name, g) => {
    const members = membersOf[g] as number[];
    const count = (attribute: string) => {
      const counts = record<number>();
      let without = 0;
      for (const u of members) {
        const value = attributes[u]?.[attribute];
        if (typeof value === "string" && value !== "") counts[value] = (counts[value] ?? 0) + 1;
        else without++;
      }
      return { counts: sortedKeys(counts), without };
    };
    const types = count("type");
    const countries = count("country");
    const [internalLinks = 0, internalWeight = 0, externalLinks = 0, externalWeight = 0, excludedLinks = 0, excludedWeight = 0] = tally.subarray(g * 6, g * 6 + 6);
    const n = members.length;
    clusters[name] = {
      members: n,
      byType: types.counts,
      withoutType: types.without,
      byCountry: countries.counts,
      withoutCountry: countries.without,
      internalLinks,
      internalWeight,
      density: n > 1 ? internalLinks / ((n * (n - 1)) / 2) : null,
      externalLinks,
      externalWeight,
      excludedLinks,
      excludedWeight,
      openness: { counted: openness(externalLinks, internalLinks), weighted: openness(externalWeight, internalWeight) },
      gatekeepers: gatekeepersOf(members, external, nodes, externalWeight, settings.gatekeeperShare),
    };
  });

  // Group names are sorted, so pairs in order of their codes (low × G + high) are links in order of their names.
  const order = Float64Array.from(pairOf.keys()).sort();
  const links: ClusterLink[] = [];
  const carriers = new CarrierTable(linkPair, pairs, source, target, weight, of, nodes);
  for (const code of order) {
    const p = pairOf.get(code) as number;
    const row = p * width;
    const scales: Record<string, { links: number; weight: number }> = {};
    for (let s = 0; s < S; s++) {
      const count = pairTally[row + 3 + 2 * s] as number;
      if (count > 0) scales[classes.scales[s] as string] = { links: count, weight: pairTally[row + 4 + 2 * s] as number };
    }
    const byYear: Record<string, number> = {};
    let firstYear: number | null = null;
    let withoutYear = 0;
    for (let y = 0; y < Y; y++) {
      const count = pairTally[row + 3 + 2 * S + y] as number;
      if (count === 0) continue;
      const year = years.keys[y] as string;
      if (year === UNKNOWN) withoutYear = count;
      else {
        byYear[year] = count;
        firstYear ??= Number(year);
      }
    }
    const low = pairEnds[2 * p] as number;
    const total = pairTally[row + 1] as number;
    const lastYear = pairTally[row + 2] as number;
    links.push({
      source: names[low] as string,
      target: names[pairEnds[2 * p + 1] as number] as string,
      links: pairTally[row] as number,
      weight: total,
      firstYear,
      lastYear: Number.isFinite(lastYear) ? lastYear : null,
      byYear,
      withoutYear,
      scales,
      carriers: carriers.carriersOf(p, low, total),
    });
  }
  return { clusters, links, excluded };
}

function add(tally: Float64Array, cell: number, links: number, weight: number): void {
  tally[cell] = (tally[cell] as number) + links;
  tally[cell + 1] = (tally[cell + 1] as number) + weight;
}

function sortedKeys(values: Record<string, number>): Record<string, number> {
  const sorted = record<number>();
  for (const key of Object.keys(values).sort()) sorted[key] = values[key] as number;
  return sorted;
}

function membersByCluster(of: Int32Array, G: number): number[][] {
  const members: number[][] = Array.from({ length: G }, () => []);
  of.forEach((g, u) => {
    if (g !== NO_GROUP) members[g]?.push(u);
  });
  return members;
}

/** Each pair's links (edge-list positions, ascending), by a counting sort on the pair. */
function groupByPair(linkPair: Int32Array, pairs: number): Uint32Array[] {
  const counts = new Uint32Array(pairs + 1);
  for (const p of linkPair) if (p >= 0) counts[p + 1] = (counts[p + 1] as number) + 1;
  for (let p = 0; p < pairs; p++) counts[p + 1] = (counts[p + 1] as number) + (counts[p] as number);
  const order = new Uint32Array(counts[pairs] as number);
  const next = counts.slice(0, pairs);
  linkPair.forEach((p, e) => {
    if (p < 0) return;
    order[next[p] as number] = e;
    next[p] = (next[p] as number) + 1;
  });
  return Array.from({ length: pairs }, (_, p) => order.subarray(counts[p] as number, counts[p + 1] as number));
}

/** Largest first, ties by id (nodes are in id order): the fewest that reach `share` of `total`. */
function gatekeepersOf(members: readonly number[], external: Float64Array, nodes: readonly string[], total: number, share: number): Carrier[] {
  const outward = members.filter((u) => (external[2 * u + 1] as number) > 0);
  outward.sort((a, b) => (external[2 * b + 1] as number) - (external[2 * a + 1] as number) || a - b);
  const core: Carrier[] = [];
  let carried = 0;
  for (const u of outward) {
    if (carried / total >= share) break;
    const weight = external[2 * u + 1] as number;
    core.push({ organisation: nodes[u] as string, links: external[2 * u] as number, weight, share: weight / total });
    carried += weight;
  }
  return core;
}

/** The edge list and grouping carriers are read from; each pair's links and a scratch row per organisation, made at the first read. */
class CarrierTable {
  private scratch: Float64Array | undefined;
  private linksOfPair: Uint32Array[] | undefined;

  constructor(
    readonly linkPair: Int32Array,
    readonly pairs: number,
    readonly source: Uint32Array,
    readonly target: Uint32Array,
    readonly weight: Float64Array,
    readonly of: Int32Array,
    readonly nodes: readonly string[],
  ) {}

  carriersOf(p: number, low: number, total: number): PairCarriers {
    return new PairCarriers(this, p, low, total);
  }

  /** Each side's organisations and their links and weight in pair p; the scratch row is left zeroed. */
  sides(p: number, low: number, total: number): { source: Carrier[]; target: Carrier[] } {
    const { source, target, weight, of, nodes } = this;
    const links = (this.linksOfPair ??= groupByPair(this.linkPair, this.pairs))[p] as Uint32Array;
    const scratch = (this.scratch ??= new Float64Array(nodes.length * 2));
    const touched: number[] = [];
    const carry = (u: number, w: number) => {
      if ((scratch[2 * u] as number) === 0) touched.push(u);
      add(scratch, 2 * u, 1, w);
    };
    for (let i = 0; i < links.length; i++) {
      const e = links[i] as number;
      carry(source[e] as number, weight[e] as number);
      carry(target[e] as number, weight[e] as number);
    }
    touched.sort((a, b) => (scratch[2 * b + 1] as number) - (scratch[2 * a + 1] as number) || a - b);
    const sides: { source: Carrier[]; target: Carrier[] } = { source: [], target: [] };
    for (const u of touched) {
      const w = scratch[2 * u + 1] as number;
      (of[u] === low ? sides.source : sides.target).push({ organisation: nodes[u] as string, links: scratch[2 * u] as number, weight: w, share: w / total });
      scratch[2 * u] = 0;
      scratch[2 * u + 1] = 0;
    }
    return sides;
  }
}

/** A cluster link's carriers, worked out when first read; written to JSON like a plain object. */
class PairCarriers {
  private sides: { source: Carrier[]; target: Carrier[] } | undefined;

  constructor(
    private readonly table: CarrierTable,
    private readonly pair: number,
    private readonly low: number,
    private readonly total: number,
  ) {}

  get source(): Carrier[] {
    return this.toJSON().source;
  }

  get target(): Carrier[] {
    return this.toJSON().target;
  }

  toJSON(): { source: Carrier[]; target: Carrier[] } {
    return (this.sides ??= this.table.sides(this.pair, this.low, this.total));
  }
}
