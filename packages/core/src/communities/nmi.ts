/**
 * Normalised mutual information of two labellings of the same items, with the arithmetic mean of
 * their entropies as the normaliser: scikit-learn's `normalized_mutual_info_score` (its default),
 * limits included: two labellings of one group each (or of none) agree perfectly (1), and no
 * shared information is 0. Written here: no maintained JavaScript package computes it.
 */
export function normalizedMutualInformation(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new RangeError(`two labellings of ${a.length} and ${b.length} items`);
  const n = a.length;
  const x = codes(a);
  const y = codes(b);
  if (x.groups === y.groups && x.groups <= 1) return 1;
  const joint = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const cell = (x.code[i] as number) * y.groups + (y.code[i] as number);
    joint.set(cell, (joint.get(cell) ?? 0) + 1);
  }
  let mutual = 0;
  for (const [cell, count] of joint) {
    const sizeX = x.sizes[Math.floor(cell / y.groups)] as number;
    const sizeY = y.sizes[cell % y.groups] as number;
    mutual += (count / n) * Math.log((n * count) / (sizeX * sizeY));
  }
  if (Math.abs(mutual) < Number.EPSILON) return 0;
  return mutual / ((entropy(x.sizes, n) + entropy(y.sizes, n)) / 2);
}

/** Each item's group as a dense code, and each group's size. */
function codes(labels: readonly (string | number)[]): { code: Int32Array; sizes: number[]; groups: number } {
  const index = new Map<string | number, number>();
  const sizes: number[] = [];
  const code = Int32Array.from(labels, (label) => {
    let c = index.get(label);
    if (c === undefined) index.set(label, (c = sizes.push(0) - 1));
    sizes[c] = (sizes[c] as number) + 1;
    return c;
  });
  return { code, sizes, groups: sizes.length };
}

function entropy(sizes: readonly number[], n: number): number {
  return -sizes.reduce((h, size) => h + (size / n) * Math.log(size / n), 0);
}
