/**
 * The sum both of Burt's measures are built on: for every tie i → j (CSR entry k), over the
 * contacts q that i and j share, Σ_q p_iq · t(j, q), with p_iq the share of i's tie weight on q
 * and t a normalised weight of the tie j–q (p_qj for constraint, m_jq for effective size).
 */
import type { Csr } from "../model/csr.ts";

/** `tie(l, j, q)`: the normalised weight of the tie j–q, entry l of row j. */
export function throughSharedContacts(
  { offsets, targets, weights, nodes }: Csr,
  strength: Float64Array,
  tie: (l: number, j: number, q: number) => number,
): Float64Array {
  const n = nodes.length;
  const result = new Float64Array(targets.length);
  const shareOf = new Float64Array(n); // p_iq for the contacts q of the current i
  const stamp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      stamp[targets[k] as number] = i;
      shareOf[targets[k] as number] = (weights[k] as number) / (strength[i] as number);
    }
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const j = targets[k] as number;
      let sum = 0;
      for (let l = offsets[j] as number; l < (offsets[j + 1] as number); l++) {
        const q = targets[l] as number;
        if (q !== i && stamp[q] === i) sum += (shareOf[q] as number) * tie(l, j, q);
      }
      result[k] = sum;
    }
  }
  return result;
}
