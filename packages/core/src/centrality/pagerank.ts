/**
 * PageRank (Brin & Page 1998) by power iteration on the CSR, as NetworkX's `pagerank` computes it:
 * a walker follows a link in proportion to its weight with probability `alpha` and otherwise jumps
 * to a node at random; the rank of an isolated (dangling) node is spread uniformly. Stops when the
 * L1 change of the whole vector falls below n × `tolerance` (NetworkX's test). Written on the CSR
 * because graphology-metrics' version iterates graphology's edge objects and is ten times slower
 * than igraph on the full Horizon 2020 network.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode, nodeStrengths } from "../model/csr.ts";
import { LinkscaleError } from "../errors.ts";
import { assignToNodes, weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "./options.ts";

export interface PagerankOptions extends WeightOptions {
  /** Probability of following a link rather than jumping. */
  alpha: number;
  tolerance: number;
  maxIterations: number;
  attribute: string;
}

export const DEFAULTS: PagerankOptions = {
  ...WEIGHT_DEFAULTS,
  weighted: true,
  alpha: 0.85,
  tolerance: 1e-10,
  maxIterations: 1000,
  attribute: "pagerank",
};

export class ConvergenceError extends LinkscaleError {
  override name = "ConvergenceError";
}

export function pagerank(graph: ReadableGraph, options: Partial<PagerankOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const { alpha, tolerance, maxIterations } = settings;
  const csr = weightedCsr(graph, settings);
  const { nodes, offsets, targets, weights } = csr;
  const n = nodes.length;
  if (n === 0) return {};
  const outShare = nodeStrengths(csr).map((s) => (s > 0 ? 1 / s : 0)); // 0 for dangling nodes
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  // What each node passes on per unit of link weight, worked out once per iteration so that the
  // pull over the links reads one value per neighbour, not two.
  const passed = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outShare[i] === 0) dangling += rank[i] as number;
      passed[i] = (rank[i] as number) * (outShare[i] as number);
    }
    const base = (alpha * dangling + (1 - alpha)) / n;
    let change = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) sum += (passed[targets[k] as number] as number) * (weights[k] as number);
      const value = alpha * sum + base;
      change += Math.abs(value - (rank[i] as number));
      next[i] = value;
    }
    [rank, next] = [next, rank];
    if (change < n * tolerance) return byNode(nodes, rank);
  }
  throw new ConvergenceError("centrality/pagerank", `no convergence to ${tolerance} in ${maxIterations} iterations`);
}

export function assignPagerank(graph: AnyGraph, options: Partial<PagerankOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, pagerank(graph, options));
}
