/**
 * The permutation engine: group labels shuffled over the nodes (so group sizes are kept) with the
 * seeded generator, a statistic recomputed for each shuffle, and the observed value set against
 * that distribution: its mean, standard deviation and p-values. One engine for every test on
 * groups (E-I, mixing, brokerage). The shuffle is a Fisher–Yates pass in place over the
 * organisations that have a group: those without one (NO_GROUP) stay out of every shuffle, as
 * they stay out of the statistic.
 */
import type { Rng } from "../random/seeded.ts";
import { NO_GROUP } from "./group-index.ts";

export interface PermutationSummary {
  observed: number;
  /** Mean and standard deviation of the statistic over the permutations. */
  expected: number;
  sd: number;
  /** Share of permutations at or below / at or above the observed value (with the observed one counted, Phipson & Smyth 2010); NaN when the observed value is. */
  pLower: number;
  pUpper: number;
  /** Permutations in which the statistic was defined (E-I is not, for a group without links). */
  permutations: number;
}

export interface PermutationOptions {
  permutations: number;
  rng: Rng;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs `statistic` on the observed labels and on `permutations` shuffles of them. `statistic`
 * returns several values at once (one per group, say); each gets its own summary.
 */
export function permutationTest(
  labels: Int32Array,
  statistic: (labels: Int32Array) => ArrayLike<number>,
  { permutations, rng, onProgress }: PermutationOptions,
): PermutationSummary[] {
  const observed = Array.from(statistic(labels));
  const k = observed.length;
  const sum = new Float64Array(k);
  const sumSquares = new Float64Array(k);
  const atOrBelow = new Float64Array(k);
  const atOrAbove = new Float64Array(k);
  const valid = new Float64Array(k);
  const shuffled = Int32Array.from(labels);
  const grouped = Int32Array.from(labels.keys()).filter((i) => (labels[i] as number) !== NO_GROUP);
  for (let p = 0; p < permutations; p++) {
    for (let a = grouped.length - 1; a > 0; a--) {
      const i = grouped[a] as number;
      const j = grouped[Math.floor(rng() * (a + 1))] as number;
      const swap = shuffled[i] as number;
      shuffled[i] = shuffled[j] as number;
      shuffled[j] = swap;
    }
    const values = statistic(shuffled);
    for (let s = 0; s < k; s++) {
      const value = values[s] as number;
      if (Number.isNaN(value)) continue;
      valid[s] = (valid[s] as number) + 1;
      sum[s] = (sum[s] as number) + value;
      sumSquares[s] = (sumSquares[s] as number) + value * value;
      if (value <= (observed[s] as number)) atOrBelow[s] = (atOrBelow[s] as number) + 1;
      if (value >= (observed[s] as number)) atOrAbove[s] = (atOrAbove[s] as number) + 1;
    }
    onProgress?.(p + 1, permutations);
  }
  return observed.map((value, s) => {
    const n = valid[s] as number;
    const mean = (sum[s] as number) / n;
    const variance = Math.max(0, (sumSquares[s] as number) / n - mean * mean);
    return {
      observed: value,
      expected: mean,
      sd: Math.sqrt((variance * n) / Math.max(1, n - 1)),
      // An undefined statistic (E-I of a group without links) has no p-value.
      pLower: Number.isNaN(value) ? NaN : ((atOrBelow[s] as number) + 1) / (n + 1),
      pUpper: Number.isNaN(value) ? NaN : ((atOrAbove[s] as number) + 1) / (n + 1),
      permutations: n,
    };
  });
}
