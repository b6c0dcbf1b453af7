/**
 * Eigenvector centrality (Bonacich 1972): the leading eigenvector of the (weighted) adjacency
 * matrix, with unit Euclidean norm and positive entries, as NetworkX's
 * `eigenvector_centrality_numpy` returns it. Found by power iteration on A + I (the shift keeps
 * it from oscillating on bipartite-like structures without changing the eigenvector), stopping
 * when the L1 change falls below n × `tolerance`. On a disconnected network only the component
 * with the largest eigenvalue gets non-zero values, as in the exact solution.
 */
import type { AnyGraph, ReadableGraph } from "../model/graph.ts";
import { byNode } from "../model/csr.ts";
import { assignToNodes, weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "./options.ts";
import { ConvergenceError } from "./pagerank.ts";

export interface EigenvectorOptions extends WeightOptions {
  tolerance: number;
  maxIterations: number;
  attribute: string;
}

export const DEFAULTS: EigenvectorOptions = {
  ...WEIGHT_DEFAULTS,
  tolerance: 1e-13,
  maxIterations: 100000,
  attribute: "eigenvector",
};

export function eigenvector(graph: ReadableGraph, options: Partial<EigenvectorOptions> = {}): Record<string, number> {
  const settings = { ...DEFAULTS, ...options };
  const { nodes, offsets, targets, weights } = weightedCsr(graph, settings);
  const n = nodes.length;
  if (n === 0) return {};
  let x = new Float64Array(n).fill(1 / Math.sqrt(n));
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < settings.maxIterations; iteration++) {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      let sum = x[i] as number;
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) sum += (weights[k] as number) * (x[targets[k] as number] as number);
      next[i] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm);
    let change = 0;
    for (let i = 0; i < n; i++) {
      const value = (next[i] as number) / norm;
      change += Math.abs(value - (x[i] as number));
      next[i] = value;
    }
    [x, next] = [next, x];
    if (change < n * settings.tolerance) return byNode(nodes, x);
  }
  throw new ConvergenceError("centrality/eigenvector", `no convergence to ${settings.tolerance} in ${settings.maxIterations} iterations`);
}

export function assignEigenvector(graph: AnyGraph, options: Partial<EigenvectorOptions> = {}): void {
  assignToNodes(graph, { ...DEFAULTS, ...options }.attribute, eigenvector(graph, options));
}
