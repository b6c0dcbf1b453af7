/**
 * Modularity (Newman & Girvan 2004; with a resolution γ, Reichardt & Bornholdt 2006):
 * Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], L_c the weight inside community c, d_c the total strength
 * of its nodes, m the total weight. As NetworkX's `community.modularity`. One pass over the CSR.
 */
import type { ReadableGraph } from "../model/graph.ts";
import type { Csr } from "../model/csr.ts";
import { weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { communityIndices, type Partition } from "./partition.ts";

export interface ModularityOptions extends WeightOptions {
  resolution: number;
}

export const DEFAULTS: ModularityOptions = { ...WEIGHT_DEFAULTS, weighted: true, resolution: 1 };

export function modularity(graph: ReadableGraph, partition: Partition | string, options: Partial<ModularityOptions> = {}): number {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  return membershipModularity(csr, communityIndices(graph, csr.nodes, partition), settings.resolution);
}

/** The same for each CSR node's community as an index 0..k−1, as Louvain and Leiden hold them. */
export function membershipModularity({ offsets, targets, weights }: Pick<Csr, "offsets" | "targets" | "weights">, community: Int32Array, resolution: number): number {
  let k = 0;
  for (const c of community) if (c + 1 > k) k = c + 1;
  const inside = new Float64Array(k);
  const degree = new Float64Array(k);
  let twiceM = 0;
  for (let i = 0; i < community.length; i++) {
    const c = community[i] as number;
    for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
      const w = weights[e] as number;
      degree[c] = (degree[c] as number) + w;
      twiceM += w;
      if (community[targets[e] as number] === c) inside[c] = (inside[c] as number) + w;
    }
  }
  if (twiceM === 0) return 0;
  let q = 0;
  for (let c = 0; c < k; c++) {
    const share = (degree[c] as number) / twiceM;
    q += (inside[c] as number) / twiceM - resolution * share * share;
  }
  return q;
}
