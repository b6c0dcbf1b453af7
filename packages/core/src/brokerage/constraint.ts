/**
 * Burt's constraint and hierarchy (Burt 1992, "Structural Holes", ch. 2). With p_ij the share of
 * i's tie weight spent on j (w_ij / Σ_k w_ik), the local constraint of j on i is
 * c_ij = (p_ij + Σ_q p_iq p_qj)², summed over the contacts q that i and j share; a node's
 * constraint is Σ_j c_ij over its contacts: high when its partners are few and tied to each other,
 * low for a broker across structural holes. As NetworkX's `constraint` and `local_constraint`.
 * Hierarchy, missing from NetworkX, is how unevenly that constraint is concentrated on one contact
 * (Burt 1992, p. 71; the form UCINET computes):
 *     H_i = Σ_j (c_ij / (C_i/N_i)) ln(c_ij / (C_i/N_i)) / (N_i ln N_i),
 * with C_i the constraint and N_i the number of contacts; 0 when all contacts constrain equally,
 * 1 when one does all. Undefined (null) for nodes with fewer than two contacts, as constraint is
 * for isolated ones.
 *
 * The local constraints, one per link and direction, come only when asked (`local: true`): on the
 * full Horizon 2020 network they are 1.6 million keys, a third of a gigabyte as an object.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { weightedCsr, WEIGHT_DEFAULTS, type WeightOptions } from "../centrality/options.ts";
import { byNodeOrNull, nodeStrengths, type Csr } from "../model/csr.ts";
import { throughSharedContacts } from "./shared-contacts.ts";

export interface ConstraintOptions extends WeightOptions {
  /** Also return the local constraint of every link in both directions. */
  local: boolean;
}

export const DEFAULTS: ConstraintOptions = { ...WEIGHT_DEFAULTS, local: false };

export interface StructuralConstraint {
  /** Node id → constraint; null for an isolated node. */
  constraint: Readonly<Record<string, number | null>>;
  /** Node id → hierarchy; null with fewer than two contacts. */
  hierarchy: Readonly<Record<string, number | null>>;
  /** With `local: true`: the local constraint c_ij of every link in both directions, keyed "i|j". */
  local?: Record<string, number>;
}

/** Local constraints aligned with the CSR entries: entry k of row i holds c_{i, targets[k]}. */
export function localConstraints(csr: Csr): Float64Array {
  const { offsets, weights, nodes } = csr;
  const strength = nodeStrengths(csr);
  // p_qj: the share of q's weight on j, the weight of the tie j–q over q's strength.
  const indirect = throughSharedContacts(csr, strength, (weight, _j, q) => weight / (strength[q] as number));
  const result = new Float64Array(indirect.length);
  for (let i = 0; i < nodes.length; i++) {
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      result[k] = ((weights[k] as number) / (strength[i] as number) + (indirect[k] as number)) ** 2;
    }
  }
  return result;
}

export function structuralConstraint(graph: ReadableGraph, options: Partial<ConstraintOptions> = {}): StructuralConstraint {
  const settings = { ...DEFAULTS, ...options };
  const csr = weightedCsr(graph, settings);
  const { nodes, offsets, targets } = csr;
  const local = localConstraints(csr);
  // NaN where undefined for the node: no contacts (constraint), fewer than two or no constraint (hierarchy).
  const constraint = new Float64Array(nodes.length).fill(NaN);
  const hierarchy = new Float64Array(nodes.length).fill(NaN);
  const pairs: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    const contacts = end - start;
    let total = 0;
    for (let k = start; k < end; k++) {
      total += local[k] as number;
      if (settings.local) pairs[`${nodes[i]}|${nodes[targets[k] as number]}`] = local[k] as number;
    }
    if (contacts > 0) constraint[i] = total;
    if (contacts < 2 || total === 0) continue;
    const mean = total / contacts;
    let sum = 0;
    for (let k = start; k < end; k++) {
      const ratio = (local[k] as number) / mean;
      if (ratio > 0) sum += ratio * Math.log(ratio);
    }
    hierarchy[i] = sum / (contacts * Math.log(contacts));
  }
  const measures = { constraint: byNodeOrNull(nodes, constraint), hierarchy: byNodeOrNull(nodes, hierarchy) };
  return settings.local ? { ...measures, local: pairs } : measures;
}
