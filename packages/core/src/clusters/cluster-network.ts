/**
 * The cluster network: one node per cluster (any grouping of organisations: a `cluster` column,
 * city, region, country, type, a community partition, geographic clusters) and one link per pair
 * of clusters whose organisations collaborate, aggregating the organisation links between them.
 *
 * A cluster carries its members (by type and by country, known values only), its internal links
 * and weight, its internal density, its openness (Krackhardt & Stern's E-I index, counted and
 * weighted, as ei-index.ts) and its gatekeepers: the fewest members that carry half of its
 * external weight (gatekeepers.ts). Its links to other clusters are the cluster links (cluster-links.ts).
 *
 * Unknown membership is never a cluster: an organisation without one is left out with its links,
 * and counted, for the network and per cluster (`excludedLinks`: a member's links to such
 * organisations, neither internal nor external).
 */
import type { ReadableGraph } from "../model/graph.ts";
import { edgeList, nodeTable, slotValues, toCsr, type EdgeList, type EdgeWeight } from "../model/csr.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions, type Groups } from "../groups/group-index.ts";
import { openness, type Openness } from "../groups/ei-index.ts";
import { DEFAULTS as CLASSIFY_DEFAULTS, LinkClasses, type ClassifyOptions } from "../scales/classify.ts";
import { linkYears } from "../scales/shares.ts";
import { clusterLinks, type Carrier, type ClusterLink } from "./cluster-links.ts";

export type { Carrier, ClusterLink, PlainClusterLink } from "./cluster-links.ts";

export interface ClusterNetworkOptions extends Omit<ClassifyOptions, "attribute">, GroupOptions {
  groupBy: GroupBy;
  getEdgeWeight: EdgeWeight;
  /** The share of a cluster's external weight its gatekeepers carry together. */
  gatekeeperShare: number;
}

export const DEFAULTS: ClusterNetworkOptions = { ...CLASSIFY_DEFAULTS, groupBy: "cluster", getEdgeWeight: "weight", gatekeeperShare: 0.5 };

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

export interface ClusterNetwork {
  /** Cluster names in order, each with its measures. */
  clusters: Record<string, Cluster>;
  /** Cluster links, sorted by source then target. */
  links: ClusterLink[];
  /** Organisations in no cluster and the links with an end among them. */
  excluded: Required<Exclusion>;
}

const record = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function clusterNetwork(graph: ReadableGraph, options: Partial<ClusterNetworkOptions> = {}): ClusterNetwork {
  const settings = { ...DEFAULTS, ...options };
  const csr = toCsr(graph, settings.getEdgeWeight);
  const { nodes } = nodeTable(graph);
  const { names, of, ungrouped } = groupIndices(graph, settings.groupBy, { keepUnknown: settings.keepUnknown ?? false });
  const years = linkYears(graph);
  const classes = new LinkClasses(graph, csr, settings);
  const G = names.length;
  const { tally, external, excludedLinks, excludedWeight } = tallyClusters(edgeList(csr), of, G, nodes.length);

  const clusters = record<Cluster>();
  const membersOf = membersByCluster(of, G);
  const types = new MemberCounts(groupIndices(graph, "type"));
  const countries = new MemberCounts(groupIndices(graph, "country"));
  names.forEach((name, g) => {
    const members = membersOf[g] as number[];
    const byType = types.count(members);
    const byCountry = countries.count(members);
    const [internalLinks = 0, internalWeight = 0, externalLinks = 0, externalWeight = 0, excludedLinks = 0, excludedWeight = 0] = tally.subarray(g * 6, g * 6 + 6);
    const n = members.length;
    clusters[name] = {
      members: n,
      byType: byType.counts,
      withoutType: byType.without,
      byCountry: byCountry.counts,
      withoutCountry: byCountry.without,
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

  const links = clusterLinks({ csr, firstYears: slotValues(graph, "firstYear"), lastYears: slotValues(graph, "lastYear"), years, classes, of, members: membersOf, names });
  const excluded = { organisations: ungrouped, links: excludedLinks, weight: excludedWeight, rule: exclusionRule(settings.groupBy) };
  return { clusters, links, excluded };
}

/** Per cluster: internal, external and excluded links and weight (6 columns); per organisation: external links and weight. */
function tallyClusters({ source, target, weight }: EdgeList, of: Int32Array, G: number, n: number) {
  const tally = new Float64Array(G * 6);
  const external = new Float64Array(n * 2);
  let excludedLinks = 0;
  let excludedWeight = 0;
  for (let e = 0; e < source.length; e++) {
    const u = source[e] as number;
    const v = target[e] as number;
    const w = weight[e] as number;
    const a = of[u] as number;
    const b = of[v] as number;
    if (a === NO_GROUP || b === NO_GROUP) {
      excludedLinks++;
      excludedWeight += w;
      if (a !== NO_GROUP) add(tally, a * 6 + 4, 1, w);
      if (b !== NO_GROUP) add(tally, b * 6 + 4, 1, w);
    } else if (a === b) {
      add(tally, a * 6, 1, w);
    } else {
      add(tally, a * 6 + 2, 1, w);
      add(tally, b * 6 + 2, 1, w);
      add(external, u * 2, 1, w);
      add(external, v * 2, 1, w);
    }
  }
  return { tally, external, excludedLinks, excludedWeight };
}

function add(tally: Float64Array, cell: number, links: number, weight: number): void {
  tally[cell] = (tally[cell] as number) + links;
  tally[cell + 1] = (tally[cell + 1] as number) + weight;
}

/** Members by a grouping's value (type, country), known values only, in the grouping's sorted order. */
class MemberCounts {
  private readonly scratch: Uint32Array;

  constructor(private readonly groups: Groups) {
    this.scratch = new Uint32Array(groups.names.length);
  }

  count(members: readonly number[]): { counts: Record<string, number>; without: number } {
    const { scratch, groups } = this;
    const seen: number[] = [];
    let without = 0;
    for (const u of members) {
      const g = groups.of[u] as number;
      if (g === NO_GROUP) without++;
      else if ((scratch[g] = (scratch[g] as number) + 1) === 1) seen.push(g);
    }
    const counts = record<number>();
    for (const g of seen.sort((x, y) => x - y)) {
      counts[groups.names[g] as string] = scratch[g] as number;
      scratch[g] = 0;
    }
    return { counts, without };
  }
}

function membersByCluster(of: Int32Array, G: number): number[][] {
  const members: number[][] = Array.from({ length: G }, () => []);
  of.forEach((g, u) => {
    if (g !== NO_GROUP) members[g]?.push(u);
  });
  return members;
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
