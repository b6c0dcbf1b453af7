/**
 * Compressed sparse rows: a graph as flat typed arrays (DESIGN.md, "Large data"), so that metrics
 * which scan every edge many times (PageRank, betweenness, clustering) read contiguous memory
 * instead of graphology's per-edge objects. Undirected: each edge is stored in both directions.
 * Node i is the i-th node id in sorted order, not in insertion order: every metric then adds up
 * its floating-point sums in one canonical order, so the same network gives byte-identical
 * results however it was built. Neighbours of i are `targets[offsets[i] .. offsets[i + 1])`,
 * with `weights` beside them, sorted by index.
 *
 * A CSR is cached per graph and weight attribute, and dropped when the graph changes (graphology
 * emits an event for every change), so calling several metrics in a row builds it once. A
 * `CompactGraph` holds its links as arrays already: its CSR is read from them.
 */
import type { Attributes } from "graphology-types";
import { createEdgeWeightGetter } from "graphology-utils/getters.js";
import { CompactGraph } from "./compact-graph.ts";
import type { AnyGraph, ReadableGraph } from "./graph.ts";
import { recordView } from "./record-view.ts";

export interface Csr {
  nodes: readonly string[];
  offsets: Uint32Array;
  targets: Uint32Array;
  weights: Float64Array;
}

/** Edge weights: an attribute name (default "weight", 1 when absent) or a getter. */
export type EdgeWeight = string | ((edge: string, attributes: Attributes) => number);

const cache = new WeakMap<ReadableGraph, Map<string, unknown>>();
const CHANGES = [
  "nodeAdded",
  "edgeAdded",
  "nodeDropped",
  "edgeDropped",
  "cleared",
  "edgesCleared",
  "attributesUpdated",
  "nodeAttributesUpdated",
  "edgeAttributesUpdated",
  "eachNodeAttributesUpdated",
  "eachEdgeAttributesUpdated",
] as const;

/** The graph as CSR, weighted by `weight`; built once per graph and weight until it changes. */
export function toCsr(graph: ReadableGraph, weight: EdgeWeight = "weight"): Csr {
  if (typeof weight === "function") return buildCsr(graph, createEdgeWeightGetter(weight).fromMinimalEntry);
  return graphIndex(graph, `csr:${weight}`, () =>
    graph instanceof CompactGraph
      ? // graphology's weight getter: 1 for a link without a numeric weight.
        csrOf(graph.ids, graph.source, graph.target, graph.linkColumns.numbers(weight, 1))
      : buildCsr(graph, createEdgeWeightGetter(weight).fromMinimalEntry),
  );
}

/** Each node's position in the CSR's order; cached like the CSR. */
export function nodePositions(graph: ReadableGraph): ReadonlyMap<string, number> {
  if (graph instanceof CompactGraph) return graph.positions();
  return graphIndex(graph, "positions", () => new Map(nodeTable(graph).nodes.map((node, i) => [node, i])));
}

/** The graph's nodes in sorted id order, the CSR's order, with their attributes beside. */
export interface NodeTable {
  nodes: readonly string[];
  attributes: readonly Attributes[];
}

/** The nodes in CSR order with their attributes, read in one sweep; cached like the CSR. */
export function nodeTable(graph: ReadableGraph): NodeTable {
  return graphIndex(graph, "nodes", () => {
    if (graph instanceof CompactGraph) return { nodes: graph.ids, attributes: graph.ids.map((id) => graph.getNodeAttributes(id)) };
    const entries: [string, Attributes][] = [];
    graph.forEachNode((node, attributes) => void entries.push([node, attributes]));
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { nodes: entries.map(([node]) => node), attributes: entries.map(([, attributes]) => attributes) };
  });
}

/**
 * A numeric edge attribute aligned with `edgeList`'s links (NaN where an edge lacks it), as the
 * edge list's `weight` is: a link's year, say. Cached like the CSR.
 */
export function edgeValues(graph: ReadableGraph, attribute: string): Float64Array {
  return edgeList(valueCsr(graph, attribute)).weight;
}

/** The same aligned with the CSR's slots, as its `weights` are: a link's value in both its rows. */
export function slotValues(graph: ReadableGraph, attribute: string): Float64Array {
  return valueCsr(graph, attribute).weights;
}

function valueCsr(graph: ReadableGraph, attribute: string): Csr {
  return graphIndex(graph, `values:${attribute}`, (): Csr =>
    graph instanceof CompactGraph
      ? csrOf(graph.ids, graph.source, graph.target, graph.linkColumns.numbers(attribute))
      : buildCsr(graph, (_edge, attributes) => {
          const value = attributes[attribute];
          return typeof value === "number" ? value : NaN;
        }),
  );
}

/**
 * An index derived from the graph (a CSR, the node table, group codes…), built once under `key`
 * and dropped with every other index of the graph when it changes.
 */
export function graphIndex<T>(graph: ReadableGraph, key: string, build: () => T): T {
  let byWeight = cache.get(graph);
  if (byWeight === undefined) {
    const entry = new Map<string, unknown>();
    byWeight = entry;
    cache.set(graph, entry);
    const forget = () => entry.clear();
    if (graph instanceof CompactGraph) graph.on("attributesUpdated", forget);
    else for (const event of CHANGES) (graph as AnyGraph).on(event, forget);
  }
  let value = byWeight.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    byWeight.set(key, value);
  }
  return value;
}

/**
 * Drops every index built for the graph (its CSRs, edge lists, node table…), to be built again
 * when next asked for: a caller done with a phase of work frees their memory (80 MB on the full
 * Horizon 2020 network) rather than keep it for as long as the graph.
 */
export function dropIndexes(graph: ReadableGraph): void {
  cache.get(graph)?.clear();
}

function buildCsr(graph: ReadableGraph, valueOf: (edge: string, attributes: Attributes) => number): Csr {
  const { nodes } = nodeTable(graph);
  const indexOf = nodePositions(graph);
  const source = new Uint32Array(graph.size);
  const target = new Uint32Array(graph.size);
  const values = new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((edge, attributes, s, t) => {
    source[e] = indexOf.get(s) as number;
    target[e] = indexOf.get(t) as number;
    values[e++] = valueOf(edge, attributes);
  });
  return csrOf(nodes, source, target, values);
}

/** The CSR of links given as node numbers with a value each. */
function csrOf(nodes: readonly string[], source: Uint32Array, target: Uint32Array, values: Float64Array): Csr {
  const n = nodes.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < source.length; e++) {
    const s = source[e] as number;
    const t = target[e] as number;
    (offsets[s + 1] as number)++;
    if (s !== t) (offsets[t + 1] as number)++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] = (offsets[i + 1] as number) + (offsets[i] as number);
  const m = offsets[n] as number;
  // Each row's links in the order they came, then read back node by node: going through the
  // nodes in order and appending each to the rows of its neighbours leaves every row sorted by
  // neighbour, with a pair's repeated links (a multigraph's) in the order they came. No sort.
  // The first pass keeps link numbers alone (4 bytes a slot): a neighbour and a weight each
  // (12 bytes) took 19 MB more on the full Horizon 2020 network, for every CSR built.
  const linksOf = new Uint32Array(m);
  const fill = offsets.slice(0, n);
  for (let e = 0; e < source.length; e++) {
    const s = source[e] as number;
    const t = target[e] as number;
    linksOf[(fill[s] as number)++] = e;
    if (s !== t) linksOf[(fill[t] as number)++] = e;
  }
  const targets = new Uint32Array(m);
  const weights = new Float64Array(m);
  fill.set(offsets.subarray(0, n));
  for (let c = 0; c < n; c++) {
    for (let k = offsets[c] as number; k < (offsets[c + 1] as number); k++) {
      const e = linksOf[k] as number;
      const s = source[e] as number;
      const at = (fill[s === c ? (target[e] as number) : s] as number)++;
      targets[at] = c;
      weights[at] = values[e] as number;
    }
  }
  return { nodes, offsets, targets, weights };
}

/**
 * Each slot's reverse: the slot of the same link in the row of its other end. Rows are sorted by
 * neighbour, so going through the nodes in order meets each row's slots in order too.
 */
export function reverseSlots({ offsets, targets }: Csr): Uint32Array {
  const n = offsets.length - 1;
  const next = offsets.slice(0, n);
  const reverse = new Uint32Array(targets.length);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      reverse[k] = (next[v] as number)++;
    }
  }
  return reverse;
}

/** Each node's strength: the sum of its link weights, in CSR order. */
export function nodeStrengths({ offsets, weights }: Csr): Float64Array {
  const n = offsets.length - 1;
  const strength = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) sum += weights[k] as number;
    strength[i] = sum;
  }
  return strength;
}

/**
 * A result keyed by node id, in sorted id order: a read-only record over a copy of the values
 * (`recordView`), 8 bytes a node where an object took about 40; an id such as "__proto__" or
 * "constructor" is a key like any other.
 */
export function byNode(nodes: readonly string[], values: ArrayLike<number>): Readonly<Record<string, number>> {
  const copy = Float64Array.from(values);
  return recordView(nodes, (i) => copy[i] as number);
}

/** The same for a measure undefined for some nodes: NaN in `values` reads as null. */
export function byNodeOrNull(nodes: readonly string[], values: ArrayLike<number>): Readonly<Record<string, number | null>> {
  const copy = Float64Array.from(values);
  return recordView(nodes, (i) => {
    const value = copy[i] as number;
    return Number.isNaN(value) ? null : value;
  });
}

/** Each undirected link once (source index < target index), as three aligned arrays. */
export interface EdgeList {
  source: Uint32Array;
  target: Uint32Array;
  weight: Float64Array;
  /** Links come grouped by source, in node order: node u's are start[u] .. start[u + 1]. */
  start: Uint32Array;
}

const edgeLists = new WeakMap<Csr, EdgeList>();

/** The CSR's links, each once; built once per CSR (and so per graph until it changes). */
export function edgeList(csr: Csr): EdgeList {
  let edges = edgeLists.get(csr);
  if (edges === undefined) {
    edges = buildEdgeList(csr);
    edgeLists.set(csr, edges);
  }
  return edges;
}

function buildEdgeList({ offsets, targets, weights }: Csr): EdgeList {
  // Counted first, so the lists are made at their length, not at the CSR's twice it.
  let links = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) if ((targets[k] as number) >= u) links++;
  }
  const source = new Uint32Array(links);
  const target = new Uint32Array(links);
  const weight = new Float64Array(links);
  const start = new Uint32Array(offsets.length);
  let e = 0;
  for (let u = 0; u + 1 < offsets.length; u++) {
    start[u] = e;
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (v < u) continue;
      source[e] = u;
      target[e] = v;
      weight[e] = weights[k] as number;
      e++;
    }
  }
  start[offsets.length - 1] = e;
  return { source, target, weight, start };
}
