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
 * One pass over the links tallies clusters and cluster pairs in typed arrays; a pair's links are
 * then read together (a counting sort by pair) for their carriers and years.
 */
import type { AnyGraph } from "../model/graph.ts";
import { edgeList, edgeValues, nodeTable, toCsr, type EdgeWeight } from "../model/csr.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions } from "../groups/group-index.ts";
import { openness, type Openness } from "../groups/ei-index.ts";
import { classifyEdges, DEFAULTS as CLASSIFY_DEFAULTS, type ClassifyOptions } from "../scales/classify.ts";

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
  /** Each side's organisations with links in this pair, by weight (ties by id); shares sum to 1 per side. */
  carriers: { source: Carrier[]; target: Carrier[] };
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
  const firstYears = edgeValues(graph, "firstYear");
  const lastYears = edgeValues(graph, "lastYear");
  const { scales, scale } = classifyEdges(graph, csr, settings);
  const G = names.length;
  const S = scales.length;
  const m = source.length;

  // Per cluster: internal, external and excluded links and weight; per organisation: external.
  const tally = new Float64Array(G * 6);
  const external = new Float64Array(nodes.length * 2);
  const excluded = { organisations: ungrouped, links: 0, weight: 0, rule: exclusionRule(settings.groupBy) };
  // Per cluster pair (in order of first meeting): links, weight, scales; each link's pair.
  const pairOf = new Map<number, number>();
  const pairEnds: number[] = [];
  const pairTally: number[] = [];
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
      const [low, high] = a < b ? [a, b] : [b, a];
      let p = pairOf.get(low * G + high);
      if (p === undefined) {
        p = pairEnds.length / 2;
        pairOf.set(low * G + high, p);
        pairEnds.push(low, high);
        for (let k = 0; k < 2 + 2 * S; k++) pairTally.push(0);
      }
      linkPair[e] = p;
      const row = p * (2 + 2 * S);
      pairTally[row] = (pairTally[row] as number) + 1;
      pairTally[row + 1] = (pairTally[row + 1] as number) + w;
      const cell = row + 2 + 2 * (scale[e] as number);
      pairTally[cell] = (pairTally[cell] as number) + 1;
      pairTally[cell + 1] = (pairTally[cell + 1] as number) + w;
    }
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
    const [internalLinks, internalWeight, externalLinks, externalWeight, excludedLinks, excludedWeight] = tally.subarray(g * 6, g * 6 + 6);
    const n = members.length;
    clusters[name] = {
      members: n,
      byType: types.counts,
      withoutType: types.without,
      byCountry: countries.counts,
      withoutCountry: countries.without,
      internalLinks: internalLinks as number,
      internalWeight: internalWeight as number,
      density: n > 1 ? (internalLinks as number) / ((n * (n - 1)) / 2) : null,
      externalLinks: externalLinks as number,
      externalWeight: externalWeight as number,
      excludedLinks: excludedLinks as number,
      excludedWeight: excludedWeight as number,
      openness: { counted: openness(externalLinks as number, internalLinks as number), weighted: openness(externalWeight as number, internalWeight as number) },
      gatekeepers: gatekeepersOf(members, external, nodes, externalWeight as number, settings.gatekeeperShare),
    };
  });

  const pairs = pairEnds.length / 2;
  const linksOfPair = groupByPair(linkPair, pairs);
  const carried = new Float64Array(nodes.length * 2);
  const links: ClusterLink[] = [];
  for (let p = 0; p < pairs; p++) {
    const row = p * (2 + 2 * S);
    const scaleCounts = record<{ links: number; weight: number }>();
    scales.forEach((name, s) => {
      const linksAtScale = pairTally[row + 2 + 2 * s] as number;
      if (linksAtScale > 0) scaleCounts[name] = { links: linksAtScale, weight: pairTally[row + 3 + 2 * s] as number };
    });
    const low = pairEnds[2 * p] as number;
    const high = pairEnds[2 * p + 1] as number;
    const pairLinks = linksOfPair[p] as Uint32Array;
    const total = pairTally[row + 1] as number;
    links.push({
      source: names[low] as string,
      target: names[high] as string,
      links: pairTally[row] as number,
      weight: total,
      ...years(pairLinks, firstYears, lastYears),
      scales: scaleCounts,
      carriers: carriersOf(pairLinks, source, target, weight, of, low, carried, nodes, total),
    });
  }
  links.sort((x, y) => compare(x.source, y.source) || compare(x.target, y.target));
  return { clusters, links, excluded };
}

function add(tally: Float64Array, cell: number, links: number, weight: number): void {
  tally[cell] = (tally[cell] as number) + links;
  tally[cell + 1] = (tally[cell + 1] as number) + weight;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

function years(links: Uint32Array, firstYears: Float64Array, lastYears: Float64Array) {
  let firstYear = Infinity;
  let lastYear = -Infinity;
  let withoutYear = 0;
  const counts = new Map<number, number>();
  for (const e of links) {
    const first = firstYears[e] as number;
    const last = lastYears[e] as number;
    if (Number.isNaN(first)) withoutYear++;
    else {
      counts.set(first, (counts.get(first) ?? 0) + 1);
      firstYear = Math.min(firstYear, first);
    }
    if (!Number.isNaN(last)) lastYear = Math.max(lastYear, last);
  }
  const byYear = record<number>();
  for (const year of [...counts.keys()].sort((a, b) => a - b)) byYear[String(year)] = counts.get(year) as number;
  return { firstYear: Number.isFinite(firstYear) ? firstYear : null, lastYear: Number.isFinite(lastYear) ? lastYear : null, byYear, withoutYear };
}

/** Each side's organisations and their links and weight in the pair; `scratch` is left zeroed. */
function carriersOf(
  links: Uint32Array,
  source: Uint32Array,
  target: Uint32Array,
  weight: Float64Array,
  of: Int32Array,
  low: number,
  scratch: Float64Array,
  nodes: readonly string[],
  total: number,
): ClusterLink["carriers"] {
  const touched: number[] = [];
  for (const e of links) {
    for (const u of [source[e] as number, target[e] as number]) {
      if ((scratch[2 * u] as number) === 0) touched.push(u);
      add(scratch, 2 * u, 1, weight[e] as number);
    }
  }
  touched.sort((a, b) => (scratch[2 * b + 1] as number) - (scratch[2 * a + 1] as number) || a - b);
  const sides: ClusterLink["carriers"] = { source: [], target: [] };
  for (const u of touched) {
    const w = scratch[2 * u + 1] as number;
    (of[u] === low ? sides.source : sides.target).push({ organisation: nodes[u] as string, links: scratch[2 * u] as number, weight: w, share: w / total });
    scratch[2 * u] = 0;
    scratch[2 * u + 1] = 0;
  }
  return sides;
}
