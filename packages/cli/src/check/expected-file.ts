/**
 * The expected file `check` compares a run with (schema: packages/cli/schema/expected.schema.json).
 * Each metric is a dot-separated path into report.json's `results`, its first segment a section;
 * `expected` mirrors the report below that path (a number, null, or nested objects of them) and
 * may list only some leaves. Errors name the path to the fault, and exit 2.
 */
import { type } from "arktype";
import { configSchema, resolveConfig, SECTIONS, type ResolvedConfig, type Section } from "../analysis/config.ts";
import { InputError, readJsonFile } from "../input.ts";

export interface Tolerance {
  absolute: number;
  relative: number;
}

const tolerance = type({ "absolute?": "number >= 0", "relative?": "number >= 0", "+": "reject" });

const expectedFileSchema = type({
  "$schema?": "string",
  "description?": "string",
  "config?": configSchema,
  metrics: type({ "[string]": { expected: "unknown", "tolerance?": tolerance, "source?": "string", "+": "reject" } }),
  "+": "reject",
});

export type ExpectedValue = number | null | { [key: string]: ExpectedValue };

export interface ExpectedMetric {
  metric: string;
  section: Section;
  path: string[];
  expected: ExpectedValue;
  tolerance: Tolerance;
  source?: string;
}

export interface ExpectedFile {
  description?: string;
  config?: ResolvedConfig;
  metrics: ExpectedMetric[];
}

/** Counts are exact; every other metric holds within 1e-9, absolute or relative. */
export function defaultTolerance(section: Section): Tolerance {
  return section === "counts" ? { absolute: 0, relative: 0 } : { absolute: 1e-9, relative: 1e-9 };
}

export function readExpectedFile(file: string): ExpectedFile {
  return parseExpected(readJsonFile(file), file);
}

export function parseExpected(raw: unknown, file: string): ExpectedFile {
  const parsed = expectedFileSchema(raw);
  if (parsed instanceof type.errors) throw new InputError(`${file}: ${parsed.map((error) => error.message).join("; ")}`);
  const metrics = Object.entries(parsed.metrics).map(([metric, entry]): ExpectedMetric => {
    const [section, ...path] = metric.split(".");
    if (!(SECTIONS as readonly string[]).includes(section ?? "")) {
      throw new InputError(`${file}: metrics["${metric}"]: the first segment must be a section (${SECTIONS.join(", ")}), not "${section}"`);
    }
    checkValue(entry.expected, `${file}: metrics["${metric}"].expected`);
    const defaults = defaultTolerance(section as Section);
    return {
      metric,
      section: section as Section,
      path,
      expected: entry.expected as ExpectedValue,
      tolerance: { ...defaults, ...entry.tolerance },
      ...(entry.source === undefined ? {} : { source: entry.source }),
    };
  });
  if (metrics.length === 0) throw new InputError(`${file}: metrics: lists no metric, so nothing would be checked`);
  return {
    ...(parsed.description === undefined ? {} : { description: parsed.description }),
    ...(parsed.config === undefined ? {} : { config: resolveConfig(parsed.config, `${file}: config`) }),
    metrics,
  };
}

function checkValue(value: unknown, where: string): void {
  if (value === null || (typeof value === "number" && Number.isFinite(value))) return;
  if (typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) checkValue(inner, `${where}["${key}"]`);
    return;
  }
  throw new InputError(`${where}: must be a number, null or an object of them (was ${JSON.stringify(value)})`);
}
