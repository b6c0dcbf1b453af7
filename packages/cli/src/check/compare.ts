/**
 * A run's results against the expected values: every leaf listed under a metric is looked up at
 * the same path in the results and compared within the metric's tolerance. A drift names the
 * metric, the key below it (node, group, year… joined by " / "), both values and the tolerance.
 */
import type { ExpectedMetric, ExpectedValue, Tolerance } from "./expected-file.ts";

export interface Drift {
  metric: string;
  key: string;
  expected: number | null;
  /** What the run gave: a number, null, or absent (undefined) when the report has no such key. */
  actual: unknown;
  tolerance: Tolerance;
}

export interface MetricCheck {
  metric: string;
  /** Leaves compared. */
  checked: number;
  drifts: Drift[];
}

export function holds(expected: number | null, actual: unknown, { absolute, relative }: Tolerance): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (typeof actual !== "number") return false;
  const difference = Math.abs(actual - expected);
  return difference <= absolute || difference <= relative * Math.abs(expected);
}

export function checkMetric(metric: ExpectedMetric, results: unknown): MetricCheck {
  const drifts: Drift[] = [];
  let checked = 0;
  const visit = (expected: ExpectedValue, actual: unknown, key: readonly string[]) => {
    if (expected === null || typeof expected === "number") {
      checked++;
      if (!holds(expected, actual, metric.tolerance)) drifts.push({ metric: metric.metric, key: key.join(" / "), expected, actual, tolerance: metric.tolerance });
      return;
    }
    for (const [name, inner] of Object.entries(expected)) visit(inner, child(actual, name), [...key, name]);
  };
  visit(metric.expected, [metric.section, ...metric.path].reduce(child, results), []);
  return { metric: metric.metric, checked, drifts };
}

function child(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

export function describeDrift({ metric, key, expected, actual, tolerance }: Drift): string {
  const shown = actual === undefined ? "missing" : JSON.stringify(actual);
  return `${metric}${key === "" ? "" : ` [${key}]`}: expected ${expected}, actual ${shown} (tolerance absolute ${tolerance.absolute}, relative ${tolerance.relative})`;
}
