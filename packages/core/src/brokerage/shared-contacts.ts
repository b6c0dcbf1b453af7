/**
 * The sum both of Burt's measures are built on: for every tie i → j (CSR entry k), over the
 * contacts q that i and j share, Σ_q p_iq · t(j, q), with p_iq the share of i's tie weight on q
 * and t a normalised weight of the tie j–q (p_qj for constraint, m_jq for effective size).
 *
 * Each shared contact closes a triangle i–j–q, so the sums are gathered triangle by triangle,
 * each found once (`forEachTriangle`, ties oriented by degree), its six terms going to the six
 * ties it holds. Scanning every contact's contacts instead costs Σ deg², which the hubs of the
 * full Horizon 2020 network made 2.5 times slower for constraint (5.0-5.7 s against 2.0-2.4 s;
 * the sums agree to 3e-15). The graph is simple, as an alliance graph is: no self-links, one link
 * a pair.
 */
import { forEachTriangle } from "../centrality/triangles.ts";
import { reverseSlots, type Csr } from "../model/csr.ts";

/** `tie(weight, j, q)`: the normalised weight of the tie j–q, whose weight is `weight`. */
export function throughSharedContacts(csr: Csr, strength: Float64Array, tie: (weight: number, j: number, q: number) => number): Float64Array {
  const { weights } = csr;
  const reverse = reverseSlots(csr);
  const result = new Float64Array(weights.length);
  const add = (slot: number, term: number) => (result[slot] = (result[slot] as number) + term);
  forEachTriangle(csr, (u, v, w, uv, uw, vw) => {
    const [wUV, wUW, wVW] = [weights[uv] as number, weights[uw] as number, weights[vw] as number];
    const [sU, sV, sW] = [strength[u] as number, strength[v] as number, strength[w] as number];
    add(uv, (wUW / sU) * tie(wVW, v, w));
    add(uw, (wUV / sU) * tie(wVW, w, v));
    add(reverse[uv] as number, (wVW / sV) * tie(wUW, u, w));
    add(vw, (wUV / sV) * tie(wUW, w, u));
    add(reverse[uw] as number, (wVW / sW) * tie(wUV, u, v));
    add(reverse[vw] as number, (wUW / sW) * tie(wUV, v, u));
  });
  return result;
}
