/**
 * Node keys where no prototype can answer, in every graphology graph of the process.
 *
 * graphology 0.26 indexes each node's neighbours in plain objects (`{}`) keyed by neighbour key,
 * asks them `target in index`, `index[target]`, and `index.hasOwnProperty(target)`. So a node
 * called `constructor`, `toString` or `hasOwnProperty` is "already linked" to every node before
 * its first edge (Object.prototype answers), and `__proto__` replaces the index's prototype:
 * `addEdge(a, "constructor")` throws "an edge linking a to constructor already exists". An
 * organisation id is free text from a data file, so every loader met this.
 *
 * The fix is where the ids meet the objects: each node's indices are made with
 * `Object.create(null)`, and the three `has…Edge(source, target)` methods, the only ones that
 * call a method on an index, ask `Object.hasOwn` instead. Both are patched on graphology's own
 * prototypes once, on import, so that graphs made anywhere (the readers' multigraphs, copies,
 * a user's own graph handed to a metric) hold any id; `assertPrototypeFreeKeys` checks it still
 * holds, should a graphology release move these internals (a test calls it).
 */
import { DirectedGraph, MultiGraph, UndirectedGraph } from "graphology";
import { LinkscaleError } from "../errors.ts";

const PATCHED = Symbol.for("linkscale.prototypeFreeKeys");
const INDICES = ["in", "out", "undirected"] as const;

type NodeData = Partial<Record<(typeof INDICES)[number], object>> & { clear(): void };
type Patchable = Record<PropertyKey, unknown>;
interface GraphInternals {
  _nodes: Map<string, NodeData>;
  type: "mixed" | "directed" | "undirected";
}

function patchNodeData(prototype: Patchable): void {
  if (prototype[PATCHED] === true) return;
  const clear = prototype["clear"] as (this: NodeData) => void;
  prototype["clear"] = function clearWithoutPrototypes(this: NodeData): void {
    clear.call(this);
    for (const name of INDICES) if (this[name] !== undefined) this[name] = Object.create(null) as object;
  };
  prototype[PATCHED] = true;
}

function hasNeighbour(index: object | undefined, target: string): boolean {
  return index !== undefined && Object.hasOwn(index, target);
}

function patchEdgeQueries(prototype: Patchable): void {
  if (prototype[PATCHED] === true) return;
  const methods = {
    hasDirectedEdge: (data: NodeData, target: string, type: GraphInternals["type"]) =>
      type !== "undirected" && hasNeighbour(data.out, target),
    hasUndirectedEdge: (data: NodeData, target: string, type: GraphInternals["type"]) =>
      type !== "directed" && hasNeighbour(data.undirected, target),
    hasEdge: (data: NodeData, target: string) => hasNeighbour(data.out, target) || hasNeighbour(data.undirected, target),
  };
  for (const [name, byPair] of Object.entries(methods)) {
    const original = prototype[name] as (this: GraphInternals, ...args: unknown[]) => boolean;
    // Arity 1 (an edge key) and wrong arities keep graphology's own behaviour and errors.
    prototype[name] = function (this: GraphInternals, ...args: unknown[]): boolean {
      if (args.length !== 2) return original.apply(this, args);
      const data = this._nodes.get(String(args[0]));
      return data !== undefined && byPair(data, String(args[1]), this.type);
    };
  }
  prototype[PATCHED] = true;
}

// One graph of each type (mixed, directed, undirected), each with its own node-data class.
const GRAPH_CLASSES = [MultiGraph, DirectedGraph, UndirectedGraph];

for (const GraphClass of GRAPH_CLASSES) {
  const probe = new GraphClass();
  probe.addNode("probe");
  const data = (probe as unknown as GraphInternals)._nodes.get("probe");
  patchNodeData(Object.getPrototypeOf(data) as Patchable);
}
// The three subclasses share graphology's Graph.prototype, where the edge queries live.
patchEdgeQueries(Object.getPrototypeOf(UndirectedGraph.prototype) as Patchable);

/** Throws when graphology's internals moved and a key like `constructor` is unsafe again. */
export function assertPrototypeFreeKeys(): void {
  for (const GraphClass of GRAPH_CLASSES) {
    const graph = new GraphClass();
    const { type } = graph;
    graph.addNode("a");
    for (const key of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      graph.addNode(key);
      if (graph.hasEdge("a", key) || graph.areNeighbors("a", key)) {
        throw new LinkscaleError("model/prototype-free-keys", `graphology: node "${key}" answers as a neighbour before any edge (${type} graph)`);
      }
      graph.addEdge("a", key);
      if (!graph.hasEdge("a", key) || graph.degree(key) !== 1) {
        throw new LinkscaleError("model/prototype-free-keys", `graphology: the edge to node "${key}" is not found (${type} graph)`);
      }
    }
  }
}
