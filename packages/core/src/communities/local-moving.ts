/**
 * The machinery Louvain and Leiden share, on flat arrays: a network level (the CSR, then each
 * aggregate network), fast local moving of nodes between communities for modularity with a
 * resolution (Traag et al. 2019, §"Fast local move"; for Louvain, Blondel et al. 2008 move nodes
 * in sweeps, and a queue of the nodes whose neighbourhood changed reaches the same kind of local
 * optimum with less work), and aggregation of a level by a partition of its nodes.
 */
import { nodeStrengths, type Csr } from "../model/csr.ts";
import type { Rng } from "../random/seeded.ts";

/** One level of the aggregation: an undirected network without self-loops, as flat arrays. */
export interface Level {
  n: number;
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
  /** Total strength of the original nodes inside each node. */
  strength: Float64Array;
}

export interface Run {
  rng: Rng;
  gamma: number;
  theta: number;
  /** 2m: the total strength of the network. */
  total: number;
}

/**
 * Chains `iterations` runs, each starting from the partition the last one found (−1: until a run
 * changes nothing), from singletons. Louvain and Leiden both gain a little from a second run.
 */
export function chainRuns(n: number, iterations: number, runOnce: (start: Int32Array) => Int32Array): Int32Array {
  let membership = identity(n);
  for (let iteration = 0; iterations < 0 || iteration < iterations; iteration++) {
    const next = runOnce(membership);
    const changed = next.some((c, i) => c !== membership[i]);
    membership = next;
    if (!changed) break;
  }
  return membership;
}

/** The first level: the CSR itself, with each node's strength. */
export function baseLevel(csr: Csr): Level {
  const { offsets, targets, weights, nodes } = csr;
  return { n: nodes.length, offsets, targets, weights, strength: nodeStrengths(csr) };
}

/** Labels 0..k−1 in order of first appearance; returns a new array. Labels must be non-negative. */
export function compact(labels: Int32Array): Int32Array {
  let max = -1;
  for (const label of labels) if (label > max) max = label;
  const map = new Int32Array(max + 1).fill(-1);
  const result = new Int32Array(labels.length);
  let k = 0;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    let c = map[label] as number;
    if (c === -1) c = map[label] = k++;
    result[i] = c;
  }
  return result;
}

/** 0, 1, …, n − 1: every node in a community (or position) of its own. */
export function identity(n: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = i;
  return labels;
}

export function shuffled(n: number, rng: Rng): Int32Array {
  const order = identity(n);
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
export function moveNodesFast(level: Level, community: Int32Array, { rng, gamma, total }: Run): number {
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
  // The communities v links to, in the order first seen.
  const touched = new Int32Array(n);
  let touchedCount = 0;

  while (length > 0) {
    const v = queue[head] as number;
    if (++head === n) head = 0;
    length--;
    queued[v] = 0;
    const current = community[v] as number;
    const kv = strength[v] as number;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const c = community[targets[e] as number] as number;
      if (linkWeight[c] === 0) touched[touchedCount++] = c;
      linkWeight[c] = (linkWeight[c] as number) + (weights[e] as number);
    }
    communityStrength[current] = (communityStrength[current] as number) - kv;
    size[current] = (size[current] as number) - 1;
    if (size[current] === 0) empty.push(current);
    const scale = (gamma * kv) / total;
    let best = current;
    let bestGain = (linkWeight[current] as number) - scale * (communityStrength[current] as number);
    for (let t = 0; t < touchedCount; t++) {
      const c = touched[t] as number;
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
    for (let t = 0; t < touchedCount; t++) linkWeight[touched[t] as number] = 0;
    touchedCount = 0;
    if (best !== current) {
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
        const u = targets[e] as number;
        if (queued[u] === 0 && community[u] !== best) {
          queued[u] = 1;
          const tail = head + length++;
          queue[tail < n ? tail : tail - n] = u;
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

/** The network of sub-communities: nodes merged by `groups` (labels 0..r−1), weights summed. */
export function aggregateLevel(level: Level, groups: Int32Array): Level {
  let r = 0;
  for (const g of groups) if (g + 1 > r) r = g + 1;
  // Each group's members in node order: a counting sort of the nodes by group.
  const memberStart = new Int32Array(r + 1);
  for (const g of groups) memberStart[g + 1] = (memberStart[g + 1] as number) + 1;
  for (let g = 0; g < r; g++) memberStart[g + 1] = (memberStart[g + 1] as number) + (memberStart[g] as number);
  const members = new Int32Array(groups.length);
  const filled = memberStart.slice(0, r);
  for (let v = 0; v < groups.length; v++) {
    const g = groups[v] as number;
    members[filled[g] as number] = v;
    filled[g] = (filled[g] as number) + 1;
  }
  const strength = new Float64Array(r);
  const offsets = new Uint32Array(r + 1);
  // At most one arc per arc of the level.
  const targets = new Uint32Array(level.targets.length);
  const weights = new Float64Array(level.targets.length);
  const linkWeight = new Float64Array(r);
  const touched = new Int32Array(r);
  let arcs = 0;
  for (let g = 0; g < r; g++) {
    let touchedCount = 0;
    for (let m = memberStart[g] as number; m < (memberStart[g + 1] as number); m++) {
      const v = members[m] as number;
      strength[g] = (strength[g] as number) + (level.strength[v] as number);
      for (let e = level.offsets[v] as number; e < (level.offsets[v + 1] as number); e++) {
        const h = groups[level.targets[e] as number] as number;
        if (h === g) continue;
        if (linkWeight[h] === 0) touched[touchedCount++] = h;
        linkWeight[h] = (linkWeight[h] as number) + (level.weights[e] as number);
      }
    }
    const neighbours = touched.subarray(0, touchedCount).sort();
    for (const h of neighbours) {
      targets[arcs] = h;
      weights[arcs++] = linkWeight[h] as number;
      linkWeight[h] = 0;
    }
    offsets[g + 1] = arcs;
  }
  return { n: r, offsets, targets: targets.slice(0, arcs), weights: weights.slice(0, arcs), strength };
}
