/**
 * Histograms of the centrality distributions, binned here so the page carries a few dozen bars
 * rather than one value per organisation. Heavy-tailed measures (degree, strength, betweenness,
 * PageRank in a large network: the largest value 100 times the 5th percentile or more) get
 * logarithmic bins aligned on powers of ten, as degree distributions are usually read; zeros
 * cannot sit on a log axis and are counted apart, with the values a billionth of the largest or
 * less (eigenvector centrality in a small component is 1e-80, zero but for rounding). Other
 * measures (clustering, closeness) get equal-width bins with round edges. A percentile rather
 * than the minimum decides, so a few tiny outliers do not squeeze the bulk into one bar.
 */

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface Histogram {
  bins: Bin[];
  log: boolean;
  /** Values at or near 0 left out of a log histogram. */
  zeros: number;
  /** Organisations without a value (null in the report). */
  missing: number;
}

export interface HistogramOptions {
  /** Roughly how many bins to aim for. */
  bins: number;
  /** The ratio of the largest value to the 5th percentile from which bins are logarithmic. */
  logFromRatio: number;
  /** Values at most this fraction of the largest count as 0 in a log histogram. */
  zeroBelow: number;
}

export const DEFAULTS: HistogramOptions = { bins: 24, logFromRatio: 100, zeroBelow: 1e-9 };

export function histogram(values: readonly (number | null)[], options: Partial<HistogramOptions> = {}): Histogram {
  const { bins: target, logFromRatio, zeroBelow } = { ...DEFAULTS, ...options };
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  const missing = values.length - finite.length;
  if (finite.length === 0) return { bins: [], log: false, zeros: 0, missing };
  const min = finite[0] as number;
  const max = finite[finite.length - 1] as number;
  const positive = finite.filter((v) => v > max * zeroBelow);
  const p5 = positive[Math.floor(positive.length * 0.05)] ?? 0;
  if (min >= 0 && positive.length > 1 && max / p5 >= logFromRatio) {
    return { ...logBins(positive, positive[0] as number, max, target), log: true, zeros: finite.length - positive.length, missing };
  }
  return { bins: linearBins(finite, min, max, target), log: false, zeros: 0, missing };
}

function logBins(values: readonly number[], smallest: number, max: number, target: number): { bins: Bin[] } {
  const low = Math.floor(Math.log10(smallest));
  const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
  const perDecade = Math.max(1, Math.min(10, Math.round(target / (high - low))));
  const edge = (k: number) => 10 ** (low + k / perDecade);
  const count = (high - low) * perDecade;
  const bins = Array.from({ length: count }, (_, k) => ({ from: edge(k), to: edge(k + 1), count: 0 }));
  for (const value of values) {
    const k = Math.min(count - 1, Math.max(0, Math.floor((Math.log10(value) - low) * perDecade + 1e-9)));
    (bins[k] as Bin).count++;
  }
  return { bins: trim(bins) };
}

function linearBins(values: readonly number[], min: number, max: number, target: number): Bin[] {
  if (min === max) return [{ from: min - 0.5, to: max + 0.5, count: values.length }];
  const step = niceStep((max - min) / target, values.every(Number.isInteger));
  const start = Math.floor(min / step) * step;
  const count = Math.max(1, Math.floor((max - start) / step + 1e-9) + 1);
  // Edges as multiples of the step, so 0.1 + 0.2 never shows up as 0.30000000000000004.
  const edge = (k: number) => round(start + k * step, step);
  const bins = Array.from({ length: count }, (_, k) => ({ from: edge(k), to: edge(k + 1), count: 0 }));
  for (const value of values) {
    const k = Math.min(count - 1, Math.floor((value - start) / step + 1e-9));
    (bins[k] as Bin).count++;
  }
  return bins;
}

/** 1, 2 or 5 times a power of ten; at least 1 for whole numbers. */
function niceStep(raw: number, whole: boolean): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return whole ? Math.max(1, Math.round(step)) : step;
}

function round(value: number, step: number): number {
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(digits));
}

/** Without the empty bins at either end. */
function trim(bins: Bin[]): Bin[] {
  const first = bins.findIndex((bin) => bin.count > 0);
  const last = bins.findLastIndex((bin) => bin.count > 0);
  return first < 0 ? [] : bins.slice(first, last + 1);
}
