/**
 * Which engine loads the input: in memory (every format; the rows kept, as the viewer loads them)
 * or DuckDB (participation tables, out of core). `auto` takes DuckDB for Parquet, or for
 * participation tables past a size at which the in-memory path's rows would crowd a machine's
 * memory, when DuckDB reads every file given; it says so.
 */
import { statSync } from "node:fs";
import type { TableKind } from "@linkscale/io";
import { inputFiles, isParquet, loadInput, type InputFile, type InputOptions, type LoadedInput } from "../input.ts";
import type { Progress } from "../progress.ts";
import type { DuckDBOptions } from "./duckdb-load.ts";
import { isDuckDBTable, tableKind } from "./duckdb-tables.ts";

export const ENGINES = ["auto", "memory", "duckdb"] as const;
export type Engine = (typeof ENGINES)[number];

/** Tables larger than this on disk (gzip counted at 5x) go to DuckDB under `auto`. */
export const AUTO_DUCKDB_BYTES = 1e9;

export interface EngineOptions extends DuckDBOptions {
  engine?: Engine;
}

/** True when the DuckDB engine reads every file and some hold participations: else `auto` reads in memory. */
async function duckdbReads(files: readonly InputFile[], options: InputOptions): Promise<boolean> {
  const kinds: Array<TableKind | undefined> = [];
  for (const { path, kind } of files) {
    if (!isDuckDBTable(path)) return false;
    kinds.push(await tableKind(path, kind, options.mapping));
  }
  return kinds.some((kind) => kind === "participations" || kind === "cordis-participations" || kind === "cordis-organisations") && !kinds.includes("links");
}

/** The loaded input, and the rule that chose its engine when it was not the in-memory default. */
export async function loadNetwork(paths: readonly string[], options: InputOptions & EngineOptions, progress: Progress): Promise<{ loaded: LoadedInput; engineRule?: string }> {
  const engine = options.engine ?? "auto";
  let rule: string | undefined;
  if (engine === "duckdb") rule = "participations read and projected by DuckDB (--engine duckdb)";
  else if (engine === "auto") {
    const files = inputFiles(paths, options, []);
    const bytes = files.reduce((sum, { path }) => sum + (statSync(path, { throwIfNoEntry: false })?.size ?? 0) * (path.endsWith(".gz") ? 5 : 1), 0);
    const parquet = files.some(({ path }) => isParquet(path));
    if ((parquet || bytes > AUTO_DUCKDB_BYTES) && (await duckdbReads(files, options))) {
      rule = `participations read and projected by DuckDB (--engine auto: ${parquet ? "a Parquet input" : `${(bytes / 1e9).toFixed(1)} GB of tables, over ${AUTO_DUCKDB_BYTES / 1e9} GB`})`;
    }
  }
  if (rule === undefined) return { loaded: loadInput(paths, options, progress) };
  const { loadWithDuckDB } = await import("./duckdb-load.ts");
  return { loaded: await loadWithDuckDB(paths, options, progress), engineRule: rule };
}
