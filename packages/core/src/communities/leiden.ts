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
import type { AnyGraph } from "../model/graph.ts";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { assignToNodes, weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { modularity } from "./modularity.ts";
import { renumber, type CommunityResult } from "./louvain.ts";

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

/** One level of the aggregation: an undirected network without self-loops, as flat arrays. */
interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
  /** Total strength of the original nodes inside each node. */
  strength: Float64Array;
}

interface Run {
  rng: Rng;
  gamma: number;
  theta: number;
  /** 2m: the total strength of the network. */
  total: number;
}

export function leiden(graph: AnyGraph, options: Partial<LeidenOptions> = {}): CommunityResult {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let k = csr.offsets[i] as number; k < (csr.offsets[i + 1] as number); k++) strength[i] = (strength[i] as number) + (csr.weights[k] as number);
  }
  const base: Level = { n, offsets: csr.offsets, targets: csr.targets, weights: csr.weights, strength };
  let total = 0;
  for (const s of strength) total += s;
  const run: Run = { rng: settings.rng ?? seededRandom(settings.seed), gamma: settings.resolution, theta: settings.randomness, total };

  let membership: Int32Array = Int32Array.from({ length: n }, (_, i) => i);
  for (let iteration = 0; settings.iterations < 0 || iteration < settings.iterations; iteration++) {
    const next = total > 0 ? leidenRun(base, membership, run) : membership;
    const changed = next.some((c, i) => c !== membership[i]);
    membership = next;
    if (!changed && settings.iterations < 0) break;
  }
  const labels: Record<string, number> = {};
  csr.nodes.forEach((node, i) => (labels[node] = membership[i] as number));
  const result = renumber(csr.nodes, labels);
  return { ...result, modularity: modularity(graph, result.communities, settings) };
}

export function assignLeiden(graph: AnyGraph, options: Partial<LeidenOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, leiden(graph, options).communities);
}

/** One Leiden run from a starting partition of the base nodes; returns the new partition. */
function leidenRun(base: Level, start: Int32Array, run: Run): Int32Array {
  let level = base;
  let community = compact(start);
  // For each base node, the level-node that holds it.
  const holder = Int32Array.from({ length: base.n }, (_, i) => i);
  for (;;) {
    const communities = moveNodesFast(level, community, run);
    if (communities === level.n) break;
    const refined = refine(level, community, run);
    const aggregate = aggregateLevel(level, refined);
    const nextCommunity = new Int32Array(aggregate.level.n);
    for (let v = 0; v < level.n; v++) nextCommunity[refined[v] as number] = community[v] as number;
    for (let i = 0; i < base.n; i++) holder[i] = refined[holder[i] as number] as number;
    level = aggregate.level;
    community = nextCommunity;
  }
  return Int32Array.from(holder, (v) => community[v] as number);
}

/** Labels 0..k−1 in order of first appearance; returns a new array. */
function compact(labels: Int32Array): Int32Array {
  const map = new Map<number, number>();
  return labels.map((label) => {
    let c = map.get(label);
    if (c === undefined) {
      c = map.size;
      map.set(label, c);
    }
    return c;
  });
}

function shuffled(n: number, rng: Rng): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

/**
 * Fast local moving: visit nodes from a queue, move each to the neighbouring (or an empty)
 * community with the largest modularity gain, and queue its neighbours outside that community.
 * Rewrites `community` as labels 0..k−1 and returns k.
 */
function moveNodesFast(level: Level, community: Int32Array, { rng, gamma, total }: Run): number {
  const { n, offsets, targets, weights, strength } = level;
  const communityStrength = new Float64Array(n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    communityStrength[community[v] as number] = (communityStrength[community[v] as number] as number) + (strength[v] as number);
    size[community[v] as number] = (size[community[v] as number] as number) + 1;
  }
  const empty: number[] = [];
  for (let c = n - 1; c >= 0; c--) if (size[c] === 0) empty.push(c);

  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  queue.set(shuffled(n, rng));
  let head = 0;
  let length = n;
  const linkWeight = new Float64Array(n);
  const touched: number[] = [];

  while (length > 0) {
    const v = queue[head] as number;
    head = (head + 1) % n;
    length--;
    queued[v] = 0;
    const current = community[v] as number;
    const kv = strength[v] as number;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const c = community[targets[e] as number] as number;
      if (linkWeight[c] === 0) touched.push(c);
      linkWeight[c] = (linkWeight[c] as number) + (weights[e] as number);
    }
    communityStrength[current] = (communityStrength[current] as number) - kv;
    size[current] = (size[current] as number) - 1;
    if (size[current] === 0) empty.push(current);
    const scale = (gamma * kv) / total;
    let best = current;
    let bestGain = (linkWeight[current] as number) - scale * (communityStrength[current] as number);
    for (const c of touched) {
      const gain = (linkWeight[c] as number) - scale * (communityStrength[c] as number);
      if (gain > bestGain) {
        best = c;
        bestGain = gain;
      }
    }
    if (bestGain < 0) best = empty[empty.length - 1] as number;
    if (size[best] === 0) empty.splice(empty.lastIndexOf(best), 1);
    communityStrength[best] = (communityStrength[best] as number) + kv;
    size[best] = (size[best] as number) + 1;
    community[v] = best;
    for (const c of touched) linkWeight[c] = 0;
    touched.length = 0;
    if (best !== current) {
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
        const u = targets[e] as number;
        if (queued[u] === 0 && community[u] !== best) {
          queued[u] = 1;
          queue[(head + length) % n] = u;
          length++;
        }
      }
    }
  }
  const labels = compact(community);
  community.set(labels);
  let k = 0;
  for (const c of labels) if (c + 1 > k) k = c + 1;
  return k;
}

/**
 * Refinement: within each community, every node starts alone; a node still alone and well
 * connected to its community joins a well-connected sub-community (or stays alone) at random,
 * with probability ∝ exp(ΔQ/θ) over the moves with ΔQ ≥ 0. Returns sub-community labels 0..r−1.
 */
function refine(level: Level, community: Int32Array, { rng, gamma, theta, total }: Run): Int32Array {
  const { n, offsets, targets, weights, strength } = level;
  const refined = Int32Array.from({ length: n }, (_, i) => i);
  const refinedStrength = Float64Array.from(strength);
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
  const touched: number[] = [];
  const candidates: number[] = [];
  const gains: number[] = [];

  for (const v of shuffled(n, rng)) {
    if (alone[v] === 0) continue;
    const c = community[v] as number;
    const kv = strength[v] as number;
    const kc = communityStrength[c] as number;
    if ((external[v] as number) < (gamma * kv * (kc - kv)) / total) continue;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const u = targets[e] as number;
      if (community[u] !== c) continue;
      const r = refined[u] as number;
      if (linkWeight[r] === 0) touched.push(r);
      linkWeight[r] = (linkWeight[r] as number) + (weights[e] as number);
    }
    const own = refined[v] as number;
    refinedStrength[own] = 0;
    candidates.length = 0;
    gains.length = 0;
    candidates.push(own);
    gains.push(0);
    let maxGain = 0;
    for (const r of touched) {
      const kr = refinedStrength[r] as number;
      if ((external[r] as number) < (gamma * kr * (kc - kr)) / total) continue;
      const gain = (linkWeight[r] as number) - (gamma * kv * kr) / total;
      if (gain < 0) continue;
      candidates.push(r);
      gains.push(gain);
      if (gain > maxGain) maxGain = gain;
    }
    let sum = 0;
    for (let i = 0; i < gains.length; i++) sum += gains[i] = Math.exp(((gains[i] as number) - maxGain) / theta);
    let pick = rng() * sum;
    let chosen = candidates[candidates.length - 1] as number;
    for (let i = 0; i < candidates.length; i++) {
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
    for (const r of touched) linkWeight[r] = 0;
    touched.length = 0;
  }
  return compact(refined);
}

/** The network of sub-communities: nodes merged by `groups` (labels 0..r−1), weights summed. */
function aggregateLevel(level: Level, groups: Int32Array): { level: Level } {
  let r = 0;
  for (const g of groups) if (g + 1 > r) r = g + 1;
  const members: number[][] = Array.from({ length: r }, () => []);
  groups.forEach((g, v) => members[g]?.push(v));
  const strength = new Float64Array(r);
  const offsets = new Uint32Array(r + 1);
  const targets: number[] = [];
  const weights: number[] = [];
  const linkWeight = new Float64Array(r);
  const touched: number[] = [];
  for (let g = 0; g < r; g++) {
    for (const v of members[g] as number[]) {
      strength[g] = (strength[g] as number) + (level.strength[v] as number);
      for (let e = level.offsets[v] as number; e < (level.offsets[v + 1] as number); e++) {
        const h = groups[level.targets[e] as number] as number;
        if (h === g) continue;
        if (linkWeight[h] === 0) touched.push(h);
        linkWeight[h] = (linkWeight[h] as number) + (level.weights[e] as number);
      }
    }
    touched.sort((a, b) => a - b);
    for (const h of touched) {
      targets.push(h);
      weights.push(linkWeight[h] as number);
      linkWeight[h] = 0;
    }
    touched.length = 0;
    offsets[g + 1] = targets.length;
  }
  return { level: { n: r, offsets, targets: Uint32Array.from(targets), weights: Float64Array.from(weights), strength } };
}
