/**
 * The one source of randomness (Louvain, Leiden, sampling, permutation tests): a seeded
 * xoroshiro128+ generator from pure-rand, as a `() => number` in [0, 1), the form graphology's
 * packages take (`rng`). The same seed gives the same sequence in Node and in a browser.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export type Rng = () => number;

export function seededRandom(seed: number): Rng {
  const generator = xoroshiro128plus(seed);
  return () => uniformFloat64(generator);
}

/** `count` distinct integers of [0, n), drawn by a partial Fisher–Yates shuffle. */
export function sampleIndices(n: number, count: number, rng: Rng): Int32Array {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  const k = Math.min(count, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const swap = pool[i] as number;
    pool[i] = pool[j] as number;
    pool[j] = swap;
  }
  return pool.slice(0, k);
}
