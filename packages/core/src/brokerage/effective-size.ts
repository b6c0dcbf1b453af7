/**
 * Burt's effective size and efficiency (Burt 1992, pp. 52–53): the number of a node's contacts
 * less their redundancy, Σ_j (1 − Σ_q p_iq m_jq), with p_iq the share of i's tie weight on q and
 * m_jq the tie j–q over j's strongest tie; unweighted this is n − 2t/n (Borgatti 1997), n the
 * contacts and t the ties among them. As NetworkX's `effective_size`. Efficiency, missing from
 * NetworkX, is effective size over the number of contacts: 1 when no two contacts are tied.
 * Both null for isolated nodes.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { triangleCountsPerNode } from "../centrality/triangles.ts";
import { byNodeOrNull, nodeStrengths } from "../model/csr.ts";
import { throughSharedContacts } from "./shared-contacts.ts";

export type EffectiveSizeOptions = WeightOptions;

export const DEFAULTS: EffectiveSizeOptions = { ...WEIGHT_DEFAULTS };

export interface EffectiveSize {
  effectiveSize: Readonly<Record<string, number | null>>;
  efficiency: Readonly<Record<string, number | null>>;
}

export function effectiveSize(graph: ReadableGraph, options: Partial<EffectiveSizeOptions> = {}): EffectiveSize {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const { nodes, offsets, weights } = csr;
  const n = nodes.length;
  const degree = (i: number) => (offsets[i + 1] as number) - (offsets[i] as number);
  const sizes = new Float64Array(n);
  if (!settings.weighted) {
    const triangles = triangleCountsPerNode(csr);
    for (let i = 0; i < n; i++) sizes[i] = degree(i) - (2 * (triangles[i] as number)) / degree(i);
  } else {
    const strength = nodeStrengths(csr);
    const strongest = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) strongest[i] = Math.max(strongest[i] as number, weights[k] as number);
    }
    // Redundancy of each contact j: Σ_q p_iq m_jq, m_jq the tie j–q over j's strongest tie.
    const redundancy = throughSharedContacts(csr, strength, (weight, j) => weight / (strongest[j] as number));
    for (let i = 0; i < n; i++) {
      let size = 0;
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) size += 1 - (redundancy[k] as number);
      sizes[i] = size;
    }
  }
  // NaN (null in the result) for an isolated node: it has no contacts to be redundant.
  const effective = new Float64Array(n).fill(NaN);
  const efficiency = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const d = degree(i);
    if (d === 0) continue;
    effective[i] = sizes[i] as number;
    efficiency[i] = (sizes[i] as number) / d;
  }
  return { effectiveSize: byNodeOrNull(nodes, effective), efficiency: byNodeOrNull(nodes, efficiency) };
}
