/**
 * Single-source shortest paths on a CSR, as Brandes (2001) needs them: distances, the number of
 * shortest paths (sigma) and the nodes in the order they were settled. Breadth-first search for
 * hop counts; Dijkstra for lengths. Shared by closeness, harmonic centrality and betweenness.
 *
 * Weighted path lengths that are equal in exact arithmetic often differ in the last bit once
 * added up in floating point (1/2 + 1/6 against 1/3 + 1/3): two lengths within a relative 1e-10
 * count as equal, as in igraph. NetworkX compares floats exactly and so misses such ties: on the
 * semiconductor-ev network it misses 290 tied pairs, changing 19 nodes' weighted betweenness by up
 * to 0.5 % (datasets/reference/centrality.py checks this in exact rationals).
 *
 * The heap is written here (a binary heap over two typed arrays, with lazy deletion) rather than
 * taken from mnemonist: its heaps hold objects and call a comparator, which allocates per push in
 * the loop that dominates betweenness on large graphs.
 */
import type { Csr } from "../model/csr.ts";

export interface SearchState {
  dist: Float64Array;
  sigma: Float64Array;
  /** Settled nodes in non-decreasing distance; `settled` of them are valid. */
  order: Int32Array;
  settled: number;
  /** 1 for nodes Dijkstra has settled in the current run. */
  done: Uint8Array;
  heap: MinHeap;
}

export function createSearchState(n: number): SearchState {
  return {
    dist: new Float64Array(n).fill(Infinity),
    sigma: new Float64Array(n),
    order: new Int32Array(n),
    settled: 0,
    done: new Uint8Array(n),
    heap: new MinHeap(),
  };
}

const TIE = 1e-10;

/** Whether two path lengths are equal up to floating-point error (see the banner). */
export function sameLength(a: number, b: number): boolean {
  return a !== Infinity && b !== Infinity && Math.abs(a - b) <= TIE * Math.max(a, b);
}

/** One value per node, computed by `measure` from the search that starts at it. */
export function fromEachNode(csr: Csr, lengths: Float64Array | undefined, measure: (state: SearchState) => number): Float64Array {
  const n = csr.nodes.length;
  const state = createSearchState(n);
  const values = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    singleSource(csr, u, lengths, state);
    values[u] = measure(state);
  }
  return values;
}

/** Runs from `source`; resets only what the previous run touched. */
export function singleSource(csr: Csr, source: number, lengths: Float64Array | undefined, state: SearchState): void {
  const { dist, sigma, order } = state;
  for (let k = 0; k < state.settled; k++) {
    const v = order[k] as number;
    dist[v] = Infinity;
    sigma[v] = 0;
  }
  state.settled = 0;
  if (lengths === undefined) breadthFirst(csr, source, state);
  else dijkstra(csr, source, lengths, state);
}

function breadthFirst({ offsets, targets }: Csr, source: number, state: SearchState): void {
  const { dist, sigma, order } = state;
  dist[source] = 0;
  sigma[source] = 1;
  order[0] = source;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++] as number;
    const next = (dist[v] as number) + 1;
    for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
      const w = targets[k] as number;
      if (dist[w] === Infinity) {
        dist[w] = next;
        order[tail++] = w;
      }
      if (dist[w] === next) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
    }
  }
  state.settled = tail;
}

function dijkstra({ offsets, targets }: Csr, source: number, lengths: Float64Array, state: SearchState): void {
  const { dist, sigma, order, done, heap } = state;
  heap.clear();
  dist[source] = 0;
  sigma[source] = 1;
  heap.push(0, source);
  let settled = 0;
  while (heap.size > 0) {
    const d = heap.topKey();
    const v = heap.pop();
    if (done[v] === 1 || d > (dist[v] as number)) continue;
    done[v] = 1;
    order[settled++] = v;
    for (let k = offsets[v] as number; k < (offsets[v + 1] as number); k++) {
      const w = targets[k] as number;
      if (done[w] === 1) continue;
      const candidate = d + (lengths[k] as number);
      const known = dist[w] as number;
      if (sameLength(candidate, known)) {
        sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      } else if (candidate < known) {
        dist[w] = candidate;
        sigma[w] = sigma[v] as number;
        heap.push(candidate, w);
      }
    }
  }
  for (let k = 0; k < settled; k++) done[order[k] as number] = 0;
  state.settled = settled;
}

/** A binary min-heap of (key, node) pairs; equal keys leave in no particular order. */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Int32Array(64);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      this.keys = keys;
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.values = values;
    }
    let i = this.size++;
    const { keys, values } = this;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((keys[parent] as number) <= key) break;
      keys[i] = keys[parent] as number;
      values[i] = values[parent] as number;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  topKey(): number {
    return this.keys[0] as number;
  }

  pop(): number {
    const { keys, values } = this;
    const top = values[0] as number;
    const last = --this.size;
    const key = keys[last] as number;
    const value = values[last] as number;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && (keys[child + 1] as number) < (keys[child] as number)) child++;
      if ((keys[child] as number) >= key) break;
      keys[i] = keys[child] as number;
      values[i] = values[child] as number;
      i = child;
    }
    keys[i] = key;
    values[i] = value;
    return top;
  }
}
