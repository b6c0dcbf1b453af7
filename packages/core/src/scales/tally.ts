import type { LinkClasses } from "./classify.ts";
import type { ScaleShares } from "./shares.ts";

/**
 * Counts, weights and flags per scale for rows (organisations, groups, years), in flat arrays:
 * cells[(row × scales + scale) × 2] holds a count and the next cell its weight; flags[row ×
 * levels + level] counts the links flagged `unknown:<level>`.
 */
export class Tally {
  private readonly scaleCount: number;
  private readonly levelCount: number;
  private readonly cells: Float64Array;
  private readonly flags: Float64Array;

  /** An empty tally of `rows` rows, or one holding `cells` and `flags` laid out as described above. */
  constructor(
    private readonly classes: LinkClasses,
    private readonly rows: number,
    tallied?: { cells: Float64Array; flags: Float64Array },
  ) {
    this.scaleCount = classes.scales.length;
    this.levelCount = classes.levels.length;
    this.cells = tallied?.cells ?? new Float64Array(rows * this.scaleCount * 2);
    this.flags = tallied?.flags ?? new Float64Array(rows * this.levelCount);
  }

  /** A tally of the links tallied by class key in `keyCells` (rows × keys × 2). */
  static fromKeys(classes: LinkClasses, keyCells: Float64Array): Tally {
    const tally = new Tally(classes, keyCells.length / (classes.keys * 2));
    for (let row = 0; row < tally.rows; row++) {
      for (let key = 0; key < classes.keys; key++) {
        const cell = (row * classes.keys + key) * 2;
        if (keyCells[cell] !== 0) tally.addKey(row, key, keyCells[cell] as number, keyCells[cell + 1] as number);
      }
    }
    return tally;
  }

  /** Adds `count` links of class `key` weighing `weight` in all to `row`. */
  addKey(row: number, key: number, count: number, weight: number): void {
    const cell = (row * this.scaleCount + (this.classes.scaleOf[key] as number)) * 2;
    this.cells[cell] = (this.cells[cell] as number) + count;
    this.cells[cell + 1] = (this.cells[cell + 1] as number) + weight;
    const flags = this.classes.flagsOf(key);
    for (let l = 0; l < this.levelCount; l++) {
      if ((flags & (1 << l)) !== 0) this.flags[row * this.levelCount + l] = (this.flags[row * this.levelCount + l] as number) + count;
    }
  }

  /** Adds `sign` × `other`'s row `from` to this tally's `row`. */
  addRow(row: number, other: Tally, from: number, sign = 1): void {
    const S = this.scaleCount * 2;
    for (let i = 0; i < S; i++) this.cells[row * S + i] = (this.cells[row * S + i] as number) + sign * (other.cells[from * S + i] as number);
    const L = this.levelCount;
    for (let l = 0; l < L; l++) this.flags[row * L + l] = (this.flags[row * L + l] as number) + sign * (other.flags[from * L + l] as number);
  }

  /** A row's links and their weight, every scale together. */
  totals(row: number): [links: number, weight: number] {
    let links = 0;
    let weight = 0;
    for (let i = 0; i < this.scaleCount; i++) {
      links += this.cells[(row * this.scaleCount + i) * 2] as number;
      weight += this.cells[(row * this.scaleCount + i) * 2 + 1] as number;
    }
    return [links, weight];
  }

  /** A one-row tally summing every row. */
  total(): Tally {
    const total = new Tally(this.classes, 1);
    for (let row = 0; row < this.rows; row++) total.addRow(0, this, row);
    return total;
  }

  shares(row: number): ScaleShares {
    const { scales, levels } = this.classes;
    const at = (i: number, part: 0 | 1) => this.cells[(row * this.scaleCount + i) * 2 + part] as number;
    const [links, weight] = this.totals(row);
    const record = (part: 0 | 1, scale: number) => Object.fromEntries(scales.map((s, i) => [s, at(i, part) * scale]));
    const flags: Record<string, number> = {};
    levels
      .map((level, l) => [`unknown:${level}`, this.flags[row * this.levelCount + l] as number] as const)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .forEach(([key, count]) => (flags[key] = count));
    return {
      links,
      weight,
      counts: record(0, 1),
      weights: record(1, 1),
      countShares: record(0, links > 0 ? 1 / links : 0),
      weightShares: record(1, weight > 0 ? 1 / weight : 0),
      flags,
    };
  }
}
