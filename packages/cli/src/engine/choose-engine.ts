/**
 * Which engine loads the input: in memory (every format; the rows kept, as the viewer loads them)
 * or DuckDB (participation tables, out of core). `auto` takes DuckDB for participation tables past
 * a size at which the in-memory path's rows would crowd a machine's memory, and says so.
 */
import { statSync } from "node:fs";
import { inputFiles, isParquet, loadInput, type InputOptions, type LoadedInput } from "../input.ts";
import type { Progress } from "../progress.ts";
import type { DuckDBOptions } from "./duckdb-load.ts";

export const ENGINES = ["auto", "memory", "duckdb"] as const;
export type Engine = (typeof ENGINES)[number];

/** Tables larger than this on disk (gzip counted at 5x) go to DuckDB under `auto`. */
export const AUTO_DUCKDB_BYTES = 1e9;

export interface EngineOptions extends DuckDBOptions {
  engine?: Engine;
}

/** The loaded input, and the rule that chose its engine when it was not the in-memory default. */
export async function loadNetwork(paths: readonly string[], options: InputOptions & EngineOptions, progress: Progress): Promise<{ loaded: LoadedInput; engineRule?: string }> {
  const engine = options.engine ?? "auto";
  let rule: string | undefined;
  if (engine === "duckdb") rule = "participations read and projected by DuckDB (--engine duckdb)";
  else if (engine === "auto") {
    const files = inputFiles(paths, options, []);
    const bytes = files.reduce((sum, { path }) => sum + (statSync(path, { throwIfNoEntry: false })?.size ?? 0) * (path.endsWith(".gz") ? 5 : 1), 0);
    const tablesOnly = files.every(({ path }) => /\.(csv|tsv|txt|parquet)(\.gz)?$/i.test(path));
    if (tablesOnly && (bytes > AUTO_DUCKDB_BYTES || files.some(({ path }) => isParquet(path)))) {
      rule = `participations read and projected by DuckDB (--engine auto: ${files.some(({ path }) => isParquet(path)) ? "a Parquet input" : `${(bytes / 1e9).toFixed(1)} GB of tables, over ${AUTO_DUCKDB_BYTES / 1e9} GB`})`;
    }
  }
  if (rule === undefined) return { loaded: loadInput(paths, options, progress) };
  const { loadWithDuckDB } = await import("./duckdb-load.ts");
  return { loaded: await loadWithDuckDB(paths, options, progress), engineRule: rule };
}
