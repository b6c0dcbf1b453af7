/**
 * The organisations that bridge clusters, per pair of clusters: Gould & Fernandez's brokerage
 * roles (1989; brokerage/gould-fernandez.ts) read across clusters. For every open two-path
 * i – j – k (i and k not linked) whose ends are in two different clusters A and B, the broker j is
 *   a gatekeeper of the pair when it is in A or in B: it carries its cluster's tie to the other
 *     (G&F's representative and gatekeeper, which are one role on undirected links);
 *   a liaison when it is in a third cluster: it joins two clusters it belongs to neither of.
 * Each open triad is counted once, as one path. sna reads an undirected link as two arcs and so
 * counts each triad twice, once each way: summed over the pairs, the gatekeeper paths are sna's
 * b_IO (and b_OI) network total and the liaison paths half its b_O.
 *
 * Roles need the clusters of all three organisations: organisations in no cluster are left out,
 * with their links, and counted.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { toCsr } from "../model/csr.ts";
import { exclusionRule, groupIndices, NO_GROUP, type Exclusion, type GroupBy, type GroupOptions } from "../groups/group-index.ts";

export interface BridgeOptions extends GroupOptions {
  groupBy: GroupBy;
}

export const DEFAULTS: BridgeOptions = { groupBy: "cluster" };

export interface Bridge {
  organisation: string;
  cluster: string;
  /** Open two-paths between the pair's clusters through it. */
  paths: number;
}

export interface PairBridges {
  /** The two clusters, source < target. */
  source: string;
  target: string;
  /** By paths (ties by id). */
  gatekeepers: Bridge[];
  liaisons: Bridge[];
}

export interface ClusterBridges {
  /** Pairs with at least one broker, sorted by source then target. */
  pairs: PairBridges[];
  excluded: Pick<Exclusion, "organisations" | "rule">;
}

const GATEKEEPER = 0;
const LIAISON = 1;

export function clusterBridges(graph: ReadableGraph, options: Partial<BridgeOptions> = {}): ClusterBridges {
  const { groupBy, keepUnknown = false } = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets } = toCsr(graph);
  const { names, of, ungrouped } = groupIndices(graph, groupBy, { keepUnknown });
  const G = names.length;
  const stamp = new Int32Array(nodes.length).fill(-1);
  // Per pair (low × G + high): broker → [gatekeeper paths, liaison paths].
  const pairs = new Map<number, Map<number, [number, number]>>();
  let mark = 0;
  for (let j = 0; j < nodes.length; j++) {
    const gj = of[j] as number;
    if (gj === NO_GROUP) continue;
    const begin = offsets[j] as number;
    const end = offsets[j + 1] as number;
    for (let x = begin; x < end; x++) {
      const i = targets[x] as number;
      const gi = of[i] as number;
      if (gi === NO_GROUP || i === j) continue;
      mark++;
      for (let y = offsets[i] as number; y < (offsets[i + 1] as number); y++) stamp[targets[y] as number] = mark;
      for (let z = x + 1; z < end; z++) {
        const k = targets[z] as number;
        const gk = of[k] as number;
        if (gk === NO_GROUP || gk === gi || k === j || stamp[k] === mark) continue;
        const code = gi < gk ? gi * G + gk : gk * G + gi;
        let brokers = pairs.get(code);
        if (brokers === undefined) pairs.set(code, (brokers = new Map()));
        let paths = brokers.get(j);
        if (paths === undefined) brokers.set(j, (paths = [0, 0]));
        paths[gj === gi || gj === gk ? GATEKEEPER : LIAISON]++;
      }
    }
  }
  const result: PairBridges[] = [...pairs]
    .sort(([a], [b]) => a - b)
    .map(([code, brokers]) => {
      const list = (role: number) =>
        [...brokers]
          .filter(([, paths]) => paths[role] as number > 0)
          .sort(([a, x], [b, y]) => (y[role] as number) - (x[role] as number) || a - b)
          .map(([j, paths]) => ({ organisation: nodes[j] as string, cluster: names[of[j] as number] as string, paths: paths[role] as number }));
      return { source: names[Math.floor(code / G)] as string, target: names[code % G] as string, gatekeepers: list(GATEKEEPER), liaisons: list(LIAISON) };
    });
  return { pairs: result, excluded: { organisations: ungrouped, rule: exclusionRule(groupBy) } };
}
