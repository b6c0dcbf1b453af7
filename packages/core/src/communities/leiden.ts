/**
 * Leiden community detection (Traag, Waltman & van Eck 2019, "From Louvain to Leiden:
 * guaranteeing well-connected communities", Scientific Reports 9:5233), optimising modularity with
 * a resolution γ. Each round: (1) fast local moving of nodes between communities, (2) refinement,
 * in which each community is rebuilt from singletons that merge only with well-connected
 * sub-communities, chosen at random with probability ∝ exp(ΔQ/θ), (3) aggregation of the refined
 * sub-communities, starting from the unrefined partition. The refinement is what guarantees
 * connected communities, which Louvain does not. Rounds repeat until a local-moving phase leaves
 * every node alone; `iterations` whole runs are chained, each starting from the last partition
 * (−1: until one changes nothing), as igraph's `community_leiden(n_iterations=…)`.
 *
 * Written here: no graphology package implements Leiden. Works on flat arrays of the CSR and of
 * each aggregate network; all randomness comes from the seeded generator, and nodes are visited in
 * sorted id order before shuffling, so the same graph and seed give the same partition.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { assignToNodes, weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { membershipModularity } from "./modularity.ts";
import { renumber, type CommunityResult } from "./partition.ts";
import { aggregateLevel, baseLevel, chainRuns, compact, identity, moveNodesFast, shuffled, type Level, type Run } from "./local-moving.ts";

export interface LeidenOptions extends WeightOptions {
  resolution: number;
  /** θ: how random the refinement's merges are (0.01 in the paper and igraph). */
  randomness: number;
  /** Chained runs; −1 runs until a run changes nothing. */
  iterations: number;
  seed: number;
  rng?: Rng;
  attribute: string;
}

export const DEFAULTS: LeidenOptions = {
  ...WEIGHT_DEFAULTS,
  weighted: true,
  resolution: 1,
  randomness: 0.01,
  iterations: 2,
  seed: 0,
  attribute: "community",
};

export function leiden(graph: ReadableGraph, options: Partial<LeidenOptions> = {}): CommunityResult {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const base = baseLevel(csr);
  let total = 0;
  for (const s of base.strength) total += s;
  const run: Run = { rng: settings.rng ?? seededRandom(settings.seed), gamma: settings.resolution, theta: settings.randomness, total };

  const membership = chainRuns(n, total > 0 ? settings.iterations : 0, (start) => leidenRun(base, start, run));
  return { ...renumber(csr.nodes, membership), modularity: membershipModularity(csr, membership, settings.resolution) };
}

export function assignLeiden(graph: AnyGraph, options: Partial<LeidenOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, leiden(graph, options).communities);
}

/** One Leiden run from a starting partition of the base nodes; returns the new partition. */
function leidenRun(base: Level, start: Int32Array, run: Run): Int32Array {
  let level = base;
  let community = compact(start);
  // For each base node, the level-node that holds it.
  const holder = identity(base.n);
  for (;;) {
    const communities = moveNodesFast(level, community, run);
    if (communities === level.n) break;
    let refined = refine(level, community, run);
    // A refinement that merged nothing would aggregate to the same network: aggregate by the
    // communities themselves instead, as igraph does.
    if (refined.every((r, v) => r === v)) refined = community;
    const aggregate = aggregateLevel(level, refined);
    const nextCommunity = new Int32Array(aggregate.n);
    for (let v = 0; v < level.n; v++) nextCommunity[refined[v] as number] = community[v] as number;
    for (let i = 0; i < base.n; i++) holder[i] = refined[holder[i] as number] as number;
    level = aggregate;
    community = nextCommunity;
  }
  for (let i = 0; i < base.n; i++) holder[i] = community[holder[i] as number] as number;
  return holder;
}

/**
 * Refinement: within each community, every node starts alone; a node still alone and well
 * connected to its community joins a well-connected sub-community (or stays alone) at random,
 * with probability ∝ exp(ΔQ/θ) over the moves with ΔQ ≥ 0. Returns sub-community labels 0..r−1.
 */
function refine(level: Level, community: Int32Array, { rng, gamma, theta, total }: Run): Int32Array {
  const { n, offsets, targets, weights, strength } = level;
  const refined = identity(n);
  const refinedStrength = strength.slice();
  const alone = new Uint8Array(n).fill(1);
  // Weight from each sub-community to the rest of its community.
  const external = new Float64Array(n);
  const communityStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    communityStrength[community[v] as number] = (communityStrength[community[v] as number] as number) + (strength[v] as number);
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      if (community[targets[e] as number] === community[v]) external[v] = (external[v] as number) + (weights[e] as number);
    }
  }
  const linkWeight = new Float64Array(n);
  // The sub-communities v links to inside its community, in the order first seen.
  const touched = new Int32Array(n);
  // The moves open to v, its own sub-community first, and their weights.
  const candidates = new Int32Array(n + 1);
  const gains = new Float64Array(n + 1);

  for (const v of shuffled(n, rng)) {
    if (alone[v] === 0) continue;
    const c = community[v] as number;
    const kv = strength[v] as number;
    const kc = communityStrength[c] as number;
    if ((external[v] as number) < (gamma * kv * (kc - kv)) / total) continue;
    let touchedCount = 0;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const u = targets[e] as number;
      if (community[u] !== c) continue;
      const r = refined[u] as number;
      if (linkWeight[r] === 0) touched[touchedCount++] = r;
      linkWeight[r] = (linkWeight[r] as number) + (weights[e] as number);
    }
    const own = refined[v] as number;
    refinedStrength[own] = 0;
    candidates[0] = own;
    gains[0] = 0;
    let count = 1;
    let maxGain = 0;
    for (let t = 0; t < touchedCount; t++) {
      const r = touched[t] as number;
      const kr = refinedStrength[r] as number;
      if ((external[r] as number) < (gamma * kr * (kc - kr)) / total) continue;
      const gain = (linkWeight[r] as number) - (gamma * kv * kr) / total;
      if (gain < 0) continue;
      candidates[count] = r;
      gains[count++] = gain;
      if (gain > maxGain) maxGain = gain;
    }
    let sum = 0;
    for (let i = 0; i < count; i++) sum += gains[i] = Math.exp(((gains[i] as number) - maxGain) / theta);
    let pick = rng() * sum;
    let chosen = candidates[count - 1] as number;
    for (let i = 0; i < count; i++) {
      pick -= gains[i] as number;
      if (pick < 0) {
        chosen = candidates[i] as number;
        break;
      }
    }
    refinedStrength[chosen] = (refinedStrength[chosen] as number) + kv;
    if (chosen !== own) {
      external[chosen] = (external[chosen] as number) + (external[v] as number) - 2 * (linkWeight[chosen] as number);
      refined[v] = chosen;
      alone[v] = 0;
      alone[chosen] = 0;
    }
    for (let t = 0; t < touchedCount; t++) linkWeight[touched[t] as number] = 0;
  }
  return compact(refined);
}
