/**
 * Betweenness centrality (Freeman 1977) by Brandes' algorithm (Brandes 2001): for each source, one
 * shortest-path search and one backward pass accumulating pair dependencies. Exact over all
 * sources, or estimated from k pivots drawn with the seeded generator and rescaled by n/k, as
 * NetworkX's `betweenness_centrality(k=…)` does (Brandes & Pich 2007). `normalized` divides by
 * (n − 1)(n − 2), NetworkX's default for undirected graphs; otherwise each unordered pair counts
 * once. Weighted path lengths add up 1/weight by default (see options.ts).
 *
 * Written on the CSR rather than called from graphology-metrics: that one is several times slower
 * on large graphs, cannot sample pivots and cannot be split across workers. `accumulateBetweenness`
 * takes any subset of sources so that a worker pool can share them (see the Node entry point), and
 * reports progress per source: on the full Horizon 2020 network this is minutes of work. Sources
 * are always summed in the same fixed chunks, in chunk order, with or without workers, so the
 * result is the same to the last bit however many threads ran it.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode, type Csr } from "../model/csr.ts";
import { sampleIndices, type Rng } from "../random/seeded.ts";
import { assignToNodes, DISTANCE_DEFAULTS, lengths, weightedCsr, type DistanceOptions } from "./options.ts";
import { createSearchState, sameLength, singleSource } from "./shortest-paths.ts";

export interface BetweennessOptions extends DistanceOptions {
  normalized: boolean;
  /** Estimate from this many pivot sources instead of all nodes. */
  samples?: number;
  /** Seeded generator drawing the pivots (see `seededRandom`); required with `samples`. */
  rng?: Rng;
  onProgress?: (done: number, total: number) => void;
  attribute: string;
}

export const DEFAULTS: BetweennessOptions = { ...DISTANCE_DEFAULTS, normalized: true, attribute: "betweenness" };

/** The sources a run uses: every node, or the sampled pivots, in a fixed order. */
export function betweennessSources(n: number, { samples, rng }: Pick<BetweennessOptions, "samples" | "rng">): Int32Array {
  if (samples === undefined || samples >= n) return Int32Array.from({ length: n }, (_, i) => i);
  if (rng === undefined) throw new TypeError("linkscale/centrality/betweenness: sampling pivots needs a seeded rng (seededRandom(seed))");
  return sampleIndices(n, samples, rng).sort();
}

/** Raw dependency sums (over ordered pairs) from the given sources. */
export function accumulateBetweenness(
  csr: Csr,
  length: Float64Array | undefined,
  sources: ArrayLike<number>,
  onSource?: (done: number) => void,
): Float64Array {
  if (length === undefined) return accumulateOverHops(csr, sources, onSource);
  const n = csr.nodes.length;
  const { offsets, targets } = csr;
  const state = createSearchState(n);
  const { dist, sigma, order } = state;
  const delta = new Float64Array(n);
  const total = new Float64Array(n);
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s] as number;
    singleSource(csr, source, length, state);
    for (let k = 0; k < state.settled; k++) delta[order[k] as number] = 0;
    for (let k = state.settled - 1; k > 0; k--) {
      const w = order[k] as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      const dw = dist[w] as number;
      for (let e = offsets[w] as number; e < (offsets[w + 1] as number); e++) {
        const v = targets[e] as number;
        const isPredecessor = length === undefined ? dist[v] === dw - 1 : sameLength((dist[v] as number) + (length[e] as number), dw);
        if (isPredecessor) delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      total[w] = (total[w] as number) + (delta[w] as number);
    }
    onSource?.(s + 1);
  }
  return total;
}

/**
 * The same for hop counts, with the breadth-first search inline: it lists each node's arcs in the
 * shortest-path DAG (v → w, dist[w] = dist[v] + 1) as it finds them, grouped by v in queue order,
 * and the backward pass walks the queue from its end, reading only those arcs rather than every
 * neighbour of every node looking for predecessors. A node's successors all come later in the
 * queue, so walked backwards, each successor's share (1 + δ(w)) / σ(w) is final before it is read,
 * and δ(v) = σ(v) · Σ shares.
 */
function accumulateOverHops(csr: Csr, sources: ArrayLike<number>, onSource?: (done: number) => void): Float64Array {
  const { offsets, targets } = csr;
  const { dist, sigma, share, queue, arcStart, arcTo } = hopSearch(csr);
  const total = new Float64Array(csr.nodes.length);
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s] as number;
    dist[source] = 0;
    sigma[source] = 1;
    queue[0] = source;
    let head = 0;
    let tail = 1;
    let arcs = 0;
    while (head < tail) {
      arcStart[head] = arcs;
      const v = queue[head++] as number;
      const next = (dist[v] as number) + 1;
      const sigmaV = sigma[v] as number;
      const end = offsets[v + 1] as number;
      for (let k = offsets[v] as number; k < end; k++) {
        const w = targets[k] as number;
        let d = dist[w] as number;
        if (d === -1) {
          d = dist[w] = next;
          queue[tail++] = w;
        }
        if (d === next) {
          sigma[w] = (sigma[w] as number) + sigmaV;
          arcTo[arcs++] = w;
        }
      }
    }
    arcStart[tail] = arcs;
    for (let i = tail - 1; i > 0; i--) {
      const v = queue[i] as number;
      let sum = 0;
      const end = arcStart[i + 1] as number;
      for (let a = arcStart[i] as number; a < end; a++) sum += share[arcTo[a] as number] as number;
      const sigmaV = sigma[v] as number;
      const delta = sigmaV * sum;
      total[v] = (total[v] as number) + delta;
      share[v] = (1 + delta) / sigmaV;
    }
    for (let k = 0; k < tail; k++) {
      const w = queue[k] as number;
      dist[w] = -1;
      sigma[w] = 0;
    }
    onSource?.(s + 1);
  }
  return total;
}

interface HopSearch {
  /** Hops from the source, -1 where not reached; every entry is -1 between searches. */
  dist: Int32Array;
  /** Shortest paths from the source; every entry is 0 between searches. */
  sigma: Float64Array;
  share: Float64Array;
  queue: Int32Array;
  /** Where each queue position's arcs start in `arcTo`. */
  arcStart: Int32Array;
  arcTo: Int32Array;
}

// One search's arrays per CSR, kept for the next chunk of sources: made for each chunk, a worker's
// 6.4 MB of arcs on the full Horizon 2020 network piled up as garbage between its collections.
const hopSearches = new WeakMap<Csr, HopSearch>();

function hopSearch(csr: Csr): HopSearch {
  let search = hopSearches.get(csr);
  if (search === undefined) {
    const n = csr.nodes.length;
    search = {
      dist: new Int32Array(n).fill(-1),
      sigma: new Float64Array(n),
      share: new Float64Array(n),
      queue: new Int32Array(n),
      arcStart: new Int32Array(n + 1),
      arcTo: new Int32Array(csr.targets.length),
    };
    hopSearches.set(csr, search);
  }
  return search;
}

/** Sources fall into this many contiguous chunks, summed in order (see the banner). */
export const SOURCE_CHUNKS = 16;

export function sourceChunks(sources: Int32Array): Int32Array[] {
  const size = Math.ceil(sources.length / SOURCE_CHUNKS);
  const chunks: Int32Array[] = [];
  for (let start = 0; start < sources.length; start += size) chunks.push(sources.subarray(start, start + size));
  return chunks;
}

/** Adds chunk sums in chunk order. */
export function sumChunks(n: number, partials: readonly Float64Array[]): Float64Array {
  const total = new Float64Array(n);
  for (const partial of partials) for (let i = 0; i < n; i++) total[i] = (total[i] as number) + (partial[i] as number);
  return total;
}

/** From raw sums to the reported scale (NetworkX's `_rescale` for undirected graphs). */
export function scaleBetweenness(raw: Float64Array, n: number, { normalized, samples }: Pick<BetweennessOptions, "normalized" | "samples">): Float64Array {
  let scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5;
  if (samples !== undefined && samples < n) scale *= n / samples;
  return raw.map((value) => value * scale);
}

export function betweenness(graph: ReadableGraph, options: Partial<BetweennessOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const n = csr.nodes.length;
  const sources = betweennessSources(n, settings);
  const length = lengths(csr, settings);
  let done = 0;
  const partials = sourceChunks(sources).map((chunk) => {
    const partial = accumulateBetweenness(csr, length, chunk, (k) => settings.onProgress?.(done + k, sources.length));
    done += chunk.length;
    return partial;
  });
  return byNode(csr.nodes, scaleBetweenness(sumChunks(n, partials), n, settings));
}

export function assignBetweenness(graph: AnyGraph, options: Partial<BetweennessOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, betweenness(graph, options));
}
