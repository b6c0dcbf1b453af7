/**
 * Louvain community detection (Blondel et al. 2008) through graphology-communities-louvain, with
 * the seeded generator and a resolution. The result does not depend on the order nodes were
 * added in: the algorithm runs on the nodes in sorted id order, and communities are numbered
 * 0, 1, … in order of their first node. Communities may come out internally disconnected, a known
 * flaw of Louvain (Traag et al. 2019); use `leiden` where that matters.
 */
import louvainModule from "graphology-communities-louvain";
import { UndirectedGraph } from "graphology";
import type { AnyGraph } from "../model/graph.ts";
import { createEdgeWeightGetter } from "graphology-utils/getters.js";
import { seededRandom, type Rng } from "../random/seeded.ts";
import { assignToNodes, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";

// The package is CommonJS (`module.exports = louvain`) with a `export default` declaration: Node
// hands the function itself to a default import, while TypeScript (NodeNext) types that import
// as the module object. Take the function whichever way it arrives.
const louvainLibrary = ((louvainModule as unknown as { default?: typeof louvainModule.default }).default ??
  louvainModule) as unknown as typeof louvainModule.default;

export interface LouvainOptions extends WeightOptions {
  resolution: number;
  /** Seed of the generator; ignored when `rng` is given. */
  seed: number;
  rng?: Rng;
  attribute: string;
}

export const DEFAULTS: LouvainOptions = { ...WEIGHT_DEFAULTS, weighted: true, resolution: 1, seed: 0, attribute: "community" };

export interface CommunityResult {
  /** Node id → community number, keys in sorted id order. */
  communities: Record<string, number>;
  count: number;
  modularity: number;
}

export function louvain(graph: AnyGraph, options: Partial<LouvainOptions> = {}): CommunityResult {
  const settings = { ...DEFAULTS, ...options };
  const canonical = canonicalCopy(graph, settings);
  const detailed = louvainLibrary.detailed(canonical, {
    getEdgeWeight: "weight",
    resolution: settings.resolution,
    rng: settings.rng ?? seededRandom(settings.seed),
  });
  return { ...renumber(canonical.nodes(), detailed.communities), modularity: detailed.modularity };
}

export function assignLouvain(graph: AnyGraph, options: Partial<LouvainOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, louvain(graph, options).communities);
}

/** The graph with nodes and edges in sorted order and the weight as asked under "weight". */
export function canonicalCopy(graph: AnyGraph, { weighted, getEdgeWeight }: WeightOptions): UndirectedGraph {
  const weightOf = createEdgeWeightGetter(weighted ? getEdgeWeight : () => 1).fromMinimalEntry;
  const copy = new UndirectedGraph();
  for (const node of graph.nodes().sort()) copy.addNode(node);
  const edges = graph.mapEdges((edge, attributes, source, target) => {
    const [a, b] = source < target ? [source, target] : [target, source];
    return { a, b, weight: weightOf(edge, attributes) };
  });
  edges.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  for (const { a, b, weight } of edges) copy.mergeEdge(a, b, { weight });
  return copy;
}

/** Community labels renumbered 0, 1, … in order of their first node (in sorted id order). */
export function renumber(nodes: readonly string[], labels: Readonly<Record<string, number>>): { communities: Record<string, number>; count: number } {
  const numberOf = new Map<number, number>();
  const communities: Record<string, number> = {};
  for (const node of nodes) {
    const label = labels[node] as number;
    let number = numberOf.get(label);
    if (number === undefined) {
      number = numberOf.size;
      numberOf.set(label, number);
    }
    communities[node] = number;
  }
  return { communities, count: numberOf.size };
}
