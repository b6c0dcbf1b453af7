/**
 * Triangles through each node, each found once by the compact-forward method (Latapy 2008):
 * edges point from lower to higher (degree, index) rank, and each node's forward neighbours are
 * intersected with theirs. O(m^1.5) whatever the hubs, where marking all neighbours of neighbours
 * costs the sum of squared degrees. `weightOf` turns a triangle's three edge weights into what it
 * adds to each of its corners (1 to count them; their geometric mean for Onnela et al. 2005).
 */
import type { Csr } from "../model/csr.ts";

/**
 * Each node's forward neighbours, in index order, as CSR slots: the slots of u are
 * `slots[ahead[u] .. ahead[u + 1])`. Only nodes `include` accepts (all by default) take part,
 * and their degree counts only such neighbours.
 */
export function forwardSlots({ offsets, targets }: Csr, include: (node: number) => boolean = () => true): { ahead: Uint32Array; slots: Uint32Array } {
  const n = offsets.length - 1;
  const degree = new Uint32Array(n);
  const kept = (u: number, v: number) => v !== u && include(u) && include(v);
  for (let u = 0; u < n; u++) for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) if (kept(u, targets[k] as number)) (degree[u] as number)++;
  const before = (a: number, b: number) => (degree[a] as number) < (degree[b] as number) || (degree[a] === degree[b] && a < b);
  const ahead = new Uint32Array(n + 1);
  for (let u = 0; u < n; u++) {
    let count = 0;
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) if (kept(u, targets[k] as number) && before(u, targets[k] as number)) count++;
    ahead[u + 1] = (ahead[u] as number) + count;
  }
  const slots = new Uint32Array(ahead[n] as number);
  for (let u = 0, at = 0; u < n; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) if (kept(u, targets[k] as number) && before(u, targets[k] as number)) slots[at++] = k;
  }
  return { ahead, slots };
}

/** Calls `found(u, v, w, uv, uw, vw)` once per triangle, with the CSR slots of its three edges. */
export function forEachTriangle(csr: Csr, found: (u: number, v: number, w: number, uv: number, uw: number, vw: number) => void, include?: (node: number) => boolean): void {
  const { targets } = csr;
  const n = csr.offsets.length - 1;
  const { ahead, slots } = forwardSlots(csr, include);
  const stamp = new Int32Array(n).fill(-1);
  const slotTo = new Uint32Array(n);
  for (let u = 0; u < n; u++) {
    for (let a = ahead[u] as number; a < (ahead[u + 1] as number); a++) {
      const k = slots[a] as number;
      stamp[targets[k] as number] = u;
      slotTo[targets[k] as number] = k;
    }
    for (let a = ahead[u] as number; a < (ahead[u + 1] as number); a++) {
      const k = slots[a] as number;
      const v = targets[k] as number;
      for (let b = ahead[v] as number; b < (ahead[v + 1] as number); b++) {
        const l = slots[b] as number;
        const w = targets[l] as number;
        if (stamp[w] === u) found(u, v, w, k, slotTo[w] as number, l);
      }
    }
  }
}

export function trianglesPerNode(csr: Csr, weightOf: (a: number, b: number, c: number) => number): Float64Array {
  const { weights } = csr;
  const result = new Float64Array(csr.nodes.length);
  forEachTriangle(csr, (u, v, w, uv, uw, vw) => {
    const value = weightOf(weights[uv] as number, weights[uw] as number, weights[vw] as number);
    result[u] = (result[u] as number) + value;
    result[v] = (result[v] as number) + value;
    result[w] = (result[w] as number) + value;
  });
  return result;
}

// Triangle counts by the CSR's structure: the unit CSR shares its offsets and targets with the
// graph's own, so clustering and transitivity, reading either, count them once.
const triangleCounts = new WeakMap<Uint32Array, Float64Array>();

/** How many triangles pass through each node; counted once per CSR structure, and read-only. */
export function triangleCountsPerNode(csr: Csr): Float64Array {
  let counts = triangleCounts.get(csr.targets);
  if (counts === undefined) {
    counts = trianglesPerNode(csr, () => 1);
    triangleCounts.set(csr.targets, counts);
  }
  return counts;
}
