/**
 * Triangles through each node, each found once by the compact-forward method (Latapy 2008):
 * edges point from lower to higher (degree, index) rank, and each node's forward neighbours are
 * intersected with theirs. O(m^1.5) whatever the hubs, where marking all neighbours of neighbours
 * costs the sum of squared degrees. `weightOf` turns a triangle's three edge weights into what it
 * adds to each of its corners (1 to count them; their geometric mean for Onnela et al. 2005).
 */
import type { Csr } from "../model/csr.ts";

export function trianglesPerNode(
  { nodes, offsets, targets, weights }: Csr,
  weightOf: (a: number, b: number, c: number) => number,
): Float64Array {
  const n = nodes.length;
  const degree = (i: number) => (offsets[i + 1] as number) - (offsets[i] as number);
  const before = (a: number, b: number) => degree(a) < degree(b) || (degree(a) === degree(b) && a < b);
  const stamp = new Int32Array(n).fill(-1);
  const markedWeight = new Float64Array(n);
  const result = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const w = targets[k] as number;
      if (before(u, w)) {
        stamp[w] = u;
        markedWeight[w] = weights[k] as number;
      }
    }
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (!before(u, v)) continue;
      const uv = weights[k] as number;
      for (let l = offsets[v] as number; l < (offsets[v + 1] as number); l++) {
        const w = targets[l] as number;
        if (stamp[w] !== u || !before(v, w)) continue;
        const value = weightOf(uv, markedWeight[w] as number, weights[l] as number);
        result[u] = (result[u] as number) + value;
        result[v] = (result[v] as number) + value;
        result[w] = (result[w] as number) + value;
      }
    }
  }
  return result;
}
