/**
 * Where each organisation stands on a measure, over every organisation that has a value: its rank
 * (1 for the highest; equal values share the best rank, as in sports tables: 1, 2, 2, 4) and its
 * percentile, the share of organisations with a smaller value in percent (0 for the lowest; the
 * highest of 100 distinct values is at 99).
 */
export interface Standing {
  rank: number;
  percentile: number;
}

export function standings(values: Readonly<Record<string, number>>): Map<string, Standing> {
  const entries = Object.entries(values).filter(([, value]) => Number.isFinite(value));
  const sorted = entries.map(([, value]) => value).sort((a, b) => a - b);
  const n = sorted.length;
  const result = new Map<string, Standing>();
  for (const [id, value] of entries) {
    const smaller = lowerBound(sorted, value);
    const notLarger = upperBound(sorted, value);
    result.set(id, { rank: n - notLarger + 1, percentile: (100 * smaller) / n });
  }
  return result;
}

/** The first index whose value is not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index whose value is above `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
