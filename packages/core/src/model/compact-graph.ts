/**
 * The typed-array graph: an undirected, simple network held as flat arrays (DESIGN.md, "Data
 * model"), for networks where graphology's per-node and per-edge objects cost too much. Every
 * metric takes it as it takes a graphology graph and gives the same result, bit for bit.
 *
 * - Nodes are numbered in sorted id order, the order of the core's CSR, so the CSR and every
 *   index the metrics build read straight from these arrays. `nodes()` and `forEachNode` keep the
 *   order the nodes were added in, as graphology does.
 * - Links are two Uint32Arrays of node numbers, in the order they were added; attributes of nodes
 *   and links are columns (`columns.ts`).
 * - Its nodes and links are fixed: a builder fills it (`CompactGraphBuilder`, what loaders and
 *   projections write into), `CompactGraph.fromGraph` copies a graphology graph, `toGraph` gives
 *   one back. Attributes can be set (a region found for a node's city, a link's association
 *   strength); the change is announced as graphology announces it, so the indexes the core
 *   caches are dropped.
 *
 * About 70 bytes a link with a weight, a project count and two years, CSR included; graphology
 * takes over a kilobyte. It answers the small part of graphology's reading API the core uses
 * (`ReadableGraph`), so a function written against that runs on both.
 */
import type { Attributes } from "graphology-types";
import { DuplicateOrganisationError, InvalidLinkError, UnknownOrganisationError } from "../errors.ts";
import { Columns } from "./columns.ts";
import { createAllianceGraph, type AllianceGraph, type ReadableGraph } from "./graph.ts";
import type { Link, LinkAttributes } from "./link.ts";
import type { Organisation, OrganisationAttributes } from "./organisation.ts";

interface Parts {
  ids: readonly string[];
  addedOrder: Uint32Array;
  nodeColumns: Columns;
  source: Uint32Array;
  target: Uint32Array;
  linkColumns: Columns;
}

export class CompactGraph implements ReadableGraph {
  /** Node ids in sorted order: node i is `ids[i]`. */
  readonly ids: readonly string[];
  /** Each link's ends as node numbers, as they were given, in the order the links were added. */
  readonly source: Uint32Array;
  readonly target: Uint32Array;
  readonly nodeColumns: Columns;
  readonly linkColumns: Columns;
  readonly #addedOrder: Uint32Array;
  #indexOf: Map<string, number> | undefined;
  #rows: Attributes[] | undefined;
  #degree: Uint32Array | undefined;
  #adjacency: { offsets: Uint32Array; neighbours: Uint32Array; links: Uint32Array } | undefined;
  readonly #listeners: Array<() => void> = [];

  constructor({ ids, addedOrder, nodeColumns, source, target, linkColumns }: Parts) {
    this.ids = ids;
    this.#addedOrder = addedOrder;
    this.nodeColumns = nodeColumns;
    this.source = source;
    this.target = target;
    this.linkColumns = linkColumns;
  }

  /** A compact copy of any graph the core reads (a graphology graph, say). */
  static fromGraph(graph: ReadableGraph): CompactGraph {
    const builder = new CompactGraphBuilder();
    graph.forEachNode((node, attributes) => builder.addNode(node, attributes));
    graph.forEachEdge((_edge, attributes, source, target) => builder.addEdge(source, target, attributes));
    return builder.build();
  }

  /** The graph of an organisation table and a link table, as `buildAllianceGraph` builds it. */
  static of(organisations: readonly Organisation[], links: readonly Link[]): CompactGraph {
    const builder = new CompactGraphBuilder();
    for (const { id, ...attributes } of organisations) builder.addNode(id, attributes);
    for (const { source, target, ...attributes } of links) builder.addEdge(source, target, attributes);
    return builder.build();
  }

  get order(): number {
    return this.ids.length;
  }

  get size(): number {
    return this.source.length;
  }

  /** Each node's number (its place in sorted order), by id: the core's `nodePositions` for this graph. */
  positions(): ReadonlyMap<string, number> {
    this.#indexOf ??= new Map(this.ids.map((id, i) => [id, i]));
    return this.#indexOf;
  }

  /** The node's number, or undefined. */
  indexOf(node: string): number | undefined {
    return this.positions().get(node);
  }

  hasNode(node: string): boolean {
    return this.indexOf(node) !== undefined;
  }

  /** Node ids in the order they were added. */
  nodes(): string[] {
    return Array.from(this.#addedOrder, (i) => this.ids[i] as string);
  }

  getNodeAttribute(node: string, name: string): unknown {
    return this.nodeColumns.get(this.#existing(node), name);
  }

  /** Sets one attribute of one node, as graphology's `setNodeAttribute` does. */
  setNodeAttribute(node: string, name: string, value: unknown): void {
    const i = this.#existing(node);
    this.nodeColumns.set(i, name, value);
    if (this.#rows !== undefined) (this.#rows[i] as Attributes)[name] = value;
    for (const listener of this.#listeners) listener();
  }

  /** Sets one attribute of one link (its key, `String(e)`), as graphology's `setEdgeAttribute` does. */
  setEdgeAttribute(edge: string, name: string, value: unknown): void {
    const e = Number(edge);
    if (!(Number.isInteger(e) && e >= 0 && e < this.size)) throw new InvalidLinkError("model/compact-graph", `no link "${edge}"`);
    this.linkColumns.set(e, name, value);
    for (const listener of this.#listeners) listener();
  }

  /** Listens to changes, as graphology's `on` does; every change here is an attribute's. */
  on(_event: string, listener: () => void): this {
    this.#listeners.push(listener);
    return this;
  }

  getNodeAttributes(node: string): Attributes {
    return this.#nodeRows()[this.#existing(node)] as Attributes;
  }

  forEachNode(callback: (node: string, attributes: Attributes) => void): void {
    const rows = this.#nodeRows();
    for (const i of this.#addedOrder) callback(this.ids[i] as string, rows[i] as Attributes);
  }

  someNode(test: (node: string, attributes: Attributes) => boolean): boolean {
    const rows = this.#nodeRows();
    for (const i of this.#addedOrder) if (test(this.ids[i] as string, rows[i] as Attributes)) return true;
    return false;
  }

  degree(node: string): number {
    this.#degree ??= this.#degrees();
    return this.#degree[this.#existing(node)] as number;
  }

  /**
   * Every link in the order added, with a fresh attribute object each (so callers may keep it);
   * the key of link e is `String(e)`. Links are undirected.
   */
  forEachEdge(callback: (edge: string, attributes: Attributes, source: string, target: string, sourceAttributes: Attributes, targetAttributes: Attributes, undirected: boolean) => void): void {
    const rows = this.#nodeRows();
    for (let e = 0; e < this.source.length; e++) {
      const s = this.source[e] as number;
      const t = this.target[e] as number;
      callback(String(e), this.linkColumns.row(e), this.ids[s] as string, this.ids[t] as string, rows[s] as Attributes, rows[t] as Attributes, true);
    }
  }

  /** The key of the link between two nodes, or undefined. */
  edge(source: string, target: string): string | undefined {
    const e = this.#linkBetween(source, target);
    return e === undefined ? undefined : String(e);
  }

  getEdgeAttributes(source: string, target: string): Attributes {
    const e = this.#linkBetween(source, target);
    if (e === undefined) throw new InvalidLinkError("model/compact-graph", `no link between "${source}" and "${target}"`);
    return this.linkColumns.row(e);
  }

  /**
   * The graph with the links `keep` accepts, and with all nodes, or (`dropIsolated`) only those
   * left with a link. Nodes keep their order, links theirs.
   */
  filterLinks(keep: (link: number) => boolean, { dropIsolated = false } = {}): CompactGraph {
    const links: number[] = [];
    for (let e = 0; e < this.source.length; e++) if (keep(e)) links.push(e);
    let renumber: Int32Array | undefined;
    let nodes: number[] | undefined;
    if (dropIsolated) {
      const linked = new Uint8Array(this.order);
      for (const e of links) linked[this.source[e] as number] = linked[this.target[e] as number] = 1;
      nodes = [];
      renumber = new Int32Array(this.order).fill(-1);
      for (let i = 0; i < this.order; i++) if (linked[i]) renumber[i] = nodes.push(i) - 1;
    }
    const number = (i: number) => (renumber === undefined ? i : (renumber[i] as number));
    return new CompactGraph({
      ids: nodes === undefined ? this.ids : nodes.map((i) => this.ids[i] as string),
      addedOrder: Uint32Array.from([...this.#addedOrder].filter((i) => number(i) >= 0), number),
      // Copied even when all nodes stay: a slice's attributes are its own to set.
      nodeColumns: this.nodeColumns.select(nodes ?? Uint32Array.from(this.ids, (_, i) => i)),
      source: Uint32Array.from(links, (e) => number(this.source[e] as number)),
      target: Uint32Array.from(links, (e) => number(this.target[e] as number)),
      linkColumns: this.linkColumns.select(links),
    });
  }

  /** A graphology graph of the same nodes and links, in the same order. */
  toGraph(): AllianceGraph {
    const graph = createAllianceGraph();
    this.forEachNode((node, attributes) => graph.addNode(node, { ...attributes } as OrganisationAttributes));
    this.forEachEdge((_edge, attributes, source, target) => graph.addEdge(source, target, attributes as LinkAttributes));
    return graph;
  }

  #existing(node: string): number {
    const i = this.indexOf(node);
    if (i === undefined) throw new UnknownOrganisationError("model/compact-graph", `no organisation "${node}"`);
    return i;
  }

  #nodeRows(): Attributes[] {
    this.#rows ??= Array.from(this.ids, (_, i) => this.nodeColumns.row(i));
    return this.#rows;
  }

  #degrees(): Uint32Array {
    const degree = new Uint32Array(this.order);
    for (let e = 0; e < this.source.length; e++) {
      (degree[this.source[e] as number] as number)++;
      (degree[this.target[e] as number] as number)++;
    }
    return degree;
  }

  #linkBetween(source: string, target: string): number | undefined {
    const s = this.indexOf(source);
    const t = this.indexOf(target);
    if (s === undefined || t === undefined) return undefined;
    this.#adjacency ??= this.#adjacencyIndex();
    const { offsets, neighbours, links } = this.#adjacency;
    for (let k = offsets[s] as number; k < (offsets[s + 1] as number); k++) if (neighbours[k] === t) return links[k];
    return undefined;
  }

  #adjacencyIndex() {
    this.#degree ??= this.#degrees();
    const offsets = new Uint32Array(this.order + 1);
    for (let i = 0; i < this.order; i++) offsets[i + 1] = (offsets[i] as number) + (this.#degree[i] as number);
    const fill = offsets.slice(0, this.order);
    const neighbours = new Uint32Array(2 * this.size);
    const links = new Uint32Array(2 * this.size);
    for (let e = 0; e < this.size; e++) {
      const s = this.source[e] as number;
      const t = this.target[e] as number;
      let at = (fill[s] as number)++;
      neighbours[at] = t;
      links[at] = e;
      at = (fill[t] as number)++;
      neighbours[at] = s;
      links[at] = e;
    }
    return { offsets, neighbours, links };
  }
}

/**
 * Fills a compact graph a node and a link at a time, with graphology's `addNode` and `addEdge`
 * (so a loader or the projection writes into either). Ids are checked as graphology checks
 * them: a node given twice, a link to an unknown node or to itself, a pair linked twice.
 */
export class CompactGraphBuilder {
  readonly #ids: string[] = [];
  readonly #indexOf = new Map<string, number>();
  readonly #nodeColumns = new Columns();
  #linkColumns = new Columns(1024);
  #source: Uint32Array = new Uint32Array(1024);
  #target: Uint32Array = new Uint32Array(1024);
  #links = 0;

  hasNode(node: string): boolean {
    return this.#indexOf.has(node);
  }

  addNode(node: string, attributes: Readonly<Record<string, unknown>> = {}): void {
    if (this.#indexOf.has(node)) throw new DuplicateOrganisationError("model/compact-graph", `organisation "${node}" is given twice`);
    this.#indexOf.set(node, this.#ids.length);
    this.#ids.push(node);
    this.#nodeColumns.push(attributes);
  }

  addEdge(source: string, target: string, attributes: Readonly<Record<string, unknown>> = {}): void {
    const s = this.#known(source, source, target);
    const t = this.#known(target, source, target);
    if (s === t) throw new InvalidLinkError("model/compact-graph", `link from "${source}" to itself`);
    if (this.#links === this.#source.length) {
      const grow = (old: Uint32Array) => {
        const grown = new Uint32Array(old.length * 2);
        grown.set(old);
        return grown;
      };
      this.#source = grow(this.#source);
      this.#target = grow(this.#target);
    }
    this.#source[this.#links] = s;
    this.#target[this.#links] = t;
    this.#links++;
    this.#linkColumns.push(attributes);
  }

  /**
   * Sets every link at once, by the numbers of its ends in the order the nodes were added: the
   * first `count` of `source` and `target`, with their attributes in `linkColumns` (a projection's
   * tallies). Only on a builder without links; `build` checks them as it checks added links.
   */
  setLinks(source: Uint32Array, target: Uint32Array, count: number, linkColumns: Columns): void {
    if (this.#links > 0) throw new Error("linkscale/compact-graph: setLinks on a builder that has links");
    for (let e = 0; e < count; e++) {
      const s = source[e] as number;
      const t = target[e] as number;
      if (s >= this.#ids.length || t >= this.#ids.length) throw new UnknownOrganisationError("model/compact-graph", `link ${e} names node number ${Math.max(s, t)} of ${this.#ids.length}`);
      if (s === t) throw new InvalidLinkError("model/compact-graph", `link from "${this.#ids[s]}" to itself`);
    }
    this.#source = source;
    this.#target = target;
    this.#links = count;
    this.#linkColumns = linkColumns;
  }

  build(): CompactGraph {
    const added = this.#ids;
    const sorted = added.map((_, i) => i).sort((a, b) => ((added[a] as string) < (added[b] as string) ? -1 : 1));
    const numberOf = new Uint32Array(added.length);
    sorted.forEach((position, i) => (numberOf[position] = i));
    const source = new Uint32Array(this.#links);
    const target = new Uint32Array(this.#links);
    for (let e = 0; e < this.#links; e++) {
      source[e] = numberOf[this.#source[e] as number] as number;
      target[e] = numberOf[this.#target[e] as number] as number;
    }
    refuseRepeatedLinks(source, target, sorted.map((i) => added[i] as string));
    return new CompactGraph({
      ids: sorted.map((i) => added[i] as string),
      addedOrder: numberOf,
      nodeColumns: this.#nodeColumns.select(sorted),
      source,
      target,
      linkColumns: this.#linkColumns,
    });
  }

  #known(node: string, source: string, target: string): number {
    const i = this.#indexOf.get(node);
    if (i === undefined) throw new UnknownOrganisationError("model/compact-graph", `link ${source}–${target} names unknown organisation "${node}"`);
    return i;
  }
}

/**
 * A pair linked twice, in either direction, is refused, naming the second link as it was given.
 * Each link is listed under its lower end and each such list sorted (numbers, no comparator): a
 * repeat then sits beside its first.
 */
function refuseRepeatedLinks(source: Uint32Array, target: Uint32Array, ids: readonly string[]): void {
  const n = ids.length;
  const offsets = new Uint32Array(n + 1);
  for (let e = 0; e < source.length; e++) (offsets[Math.min(source[e] as number, target[e] as number) + 1] as number)++;
  for (let u = 0; u < n; u++) offsets[u + 1] = (offsets[u + 1] as number) + (offsets[u] as number);
  const fill = offsets.slice(0, n);
  const higher = new Uint32Array(source.length);
  for (let e = 0; e < source.length; e++) {
    const s = source[e] as number;
    const t = target[e] as number;
    higher[(fill[Math.min(s, t)] as number)++] = Math.max(s, t);
  }
  for (let u = 0; u < n; u++) {
    const row = higher.subarray(offsets[u] as number, offsets[u + 1] as number).sort();
    for (let k = 1; k < row.length; k++) {
      if (row[k] !== row[k - 1]) continue;
      const v = row[k] as number;
      let seen = 0;
      for (let e = 0; e < source.length; e++) {
        const s = source[e] as number;
        const t = target[e] as number;
        if (Math.min(s, t) === u && Math.max(s, t) === v && ++seen === 2) {
          throw new InvalidLinkError("model/compact-graph", `link ${ids[s]}–${ids[t]} is given twice`);
        }
      }
    }
  }
}
