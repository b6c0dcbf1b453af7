/**
 * `report.json`: the results of `analyze` in an envelope that says what produced them — the
 * schema version, the package version, each input file's SHA-256, the resolved config and seed —
 * so a reader can tell whether two reports are comparable. Its shape is documented by
 * `packages/cli/schema/report.schema.json` (checked in the tests). No timestamp: the same input
 * and config give the same file, byte for byte.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import packageJson from "../../package.json" with { type: "json" };
import type { ResolvedConfig } from "./config.ts";
import type { Results } from "./analyse.ts";

// 2: per-organisation tables at config.organisations's detail (top-k rows, or report-organisations.csv) instead of maps keyed by id.
export const SCHEMA_VERSION = 2;

export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  generator: { name: "linkscale"; version: string };
  input: { files: Array<{ path: string; bytes: number; sha256: string }>; sha256: string };
  config: ResolvedConfig;
  seed: number;
  notes: string[];
  results: Results;
}

export function fileDigests(paths: readonly string[]): Report["input"] {
  const files = paths.map((path) => {
    const bytes = readFileSync(path);
    return { path, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
  });
  // The input's checksum: over the files' digests in order, so it names the whole input.
  const sha256 = createHash("sha256").update(files.map((file) => file.sha256).join("\n")).digest("hex");
  return { files, sha256 };
}

export function buildReport(input: Report["input"], config: ResolvedConfig, results: Results, notes: string[]): Report {
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: "linkscale", version: packageJson.version },
    input,
    config,
    seed: config.seed,
    notes,
    results,
  };
}

/**
 * True when `text` is a report.json linkscale wrote: JSON whose envelope is ours (a whole-number
 * schemaVersion, generator.name "linkscale" with a version, an input, results). Whether a file may
 * be overwritten is decided on this, never on a substring that any file could hold.
 */
export function isLinkscaleReport(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isRecord(value) || !isRecord(value.generator) || !isRecord(value.input) || !isRecord(value.results)) return false;
  return Number.isInteger(value.schemaVersion) && value.generator.name === "linkscale" && typeof value.generator.version === "string";
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The report as report.json holds it: the per-organisation tables at the configured detail (organisation-tables.ts). */
export type ReportFile = Omit<Report, "results"> & { results: Record<string, unknown> };

/** JSON with non-finite numbers (an undefined E-I, say) written as null, never as invalid JSON. */
export function reportJson(report: Report | ReportFile): string {
  return JSON.stringify(report, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2) + "\n";
}
