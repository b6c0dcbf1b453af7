/**
 * From the paths a user gives to a loaded network: a directory is read whole, as a CORDIS export
 * or a dataset folder is; `.gz` files are read through gunzip; a file's role is recognised from
 * its header (through --map's column names) or named with --nodes, --links, --participations.
 * The texts are then loaded by @linkscale/io's loadFiles, as the viewer loads dropped files.
 * A folder's files that are not data are left unread; if nothing readable remains, the error
 * lists them with the tables it could not tell.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import type { AllianceGraph, CompactGraph } from "@linkscale/core";
import type { Counting } from "@linkscale/core/projection";
import { DATA_EXTENSIONS, dataExtension, InputError, loadFiles, type ArcMerge, type LoadedFiles, type RejectedRow, type TableKind } from "@linkscale/io";
import { collectBetweenPhases } from "./heap.ts";
import type { Progress } from "./progress.ts";

/** Bad input: the command exits 2 with this message. */
export { InputError };

/** Rows were rejected and the command refuses to go on: it exits 1 with these lines, one per problem. */
export class RejectedRowsError extends Error {
  override name = "RejectedRowsError";
}

/**
 * Text as it may reach a terminal: control characters (C0 but tab and line feed, DEL, C1) written
 * as `\x1b`, so that an id or a file name cannot move the cursor, recolour or retitle the terminal.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** What the operating system's error codes mean for the path they name, in a user's words. */
const SYSTEM_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EEXIST: "already exists",
  EISDIR: "is a folder, not a file",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "name too long",
  ENOENT: "no such file or directory",
  ENOSPC: "no space left on the device",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENOTEMPTY: "folder not empty",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
};

/** An error of the file system about a path (the user's environment, not a bug of ours). */
export function isPathError(error: unknown): error is NodeJS.ErrnoException & { code: string; path: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && typeof (error as NodeJS.ErrnoException).path === "string";
}

/** A file system error as one line: the path and what is wrong with it. */
export function describePathError(error: NodeJS.ErrnoException & { code: string; path: string }): string {
  return `${error.path}: ${SYSTEM_PROBLEMS[error.code] ?? error.message}`;
}

/** What stands at a path: nothing, a file, or a folder (a folder is never a file to overwrite). */
export function pathKind(path: string): "none" | "file" | "folder" {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats === undefined ? "none" : stats.isDirectory() ? "folder" : "file";
}

/**
 * The path with every symbolic link resolved, for a path that need not exist yet (an output): the
 * real path of its nearest existing ancestor, with the rest appended. Two paths name the same file
 * when these are equal.
 */
export function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

/** True when `a` and `b` are one file: the same real path, or (hard links) the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  const [left, right] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })];
  return left !== undefined && right !== undefined && left.dev === right.dev && left.ino === right.ino;
}

export interface InputOptions {
  nodes?: string[];
  links?: string[];
  participations?: string[];
  delimiter?: string;
  /** Model field → the user's column. */
  mapping?: Record<string, string>;
  counting?: Counting;
  /** How a directed graph file's reverse arcs become one link; undefined: the second is rejected. */
  arcs?: ArcMerge;
  /** Tables become the core's typed-array graph, for commands that need no graphology graph. */
  compact?: boolean;
}

/** What was loaded, with the files it was read from (in reading order). */
export type LoadedInput = LoadedFiles<AllianceGraph | CompactGraph>;

/** A Parquet file: a table only the DuckDB engine reads. */
export function isParquet(path: string): boolean {
  return /\.parquet$/i.test(path);
}

/** linkscale's own files, which a dataset folder may hold beside its data. */
const LINKSCALE_FILES = new Set(["expected.json", "linkscale.json", "report.json"]);

/** How a user names what a file holds, for the errors about files whose role is not recognised. */
export const HOW_TO_NAME_ROLES =
  "name a file's role with --nodes, --links or --participations, and your own column names with --map field=column (e.g. --map project=projectKey org=orgKey)";

const DATA_FILES = [...DATA_EXTENSIONS].join(", ");

export interface InputFile {
  path: string;
  /** The role the user named, if any. */
  kind?: TableKind;
  /** True for files found inside a directory: unknown ones are skipped, not refused. */
  found: boolean;
}

/** The files to read: the paths (a folder's data files; its other entries go to `leftOut`), then those named by role. */
export function inputFiles(paths: readonly string[], options: InputOptions, leftOut: string[]): InputFile[] {
  return [
    ...paths.flatMap((path) => expand(path, leftOut)),
    ...(options.nodes ?? []).map((path) => ({ path, kind: "organisations" as const, found: false })),
    ...(options.links ?? []).map((path) => ({ path, kind: "links" as const, found: false })),
    ...(options.participations ?? []).map((path) => ({ path, kind: "participations" as const, found: false })),
  ];
}

export function loadInput(paths: readonly string[], options: InputOptions, progress: Progress): LoadedInput {
  const leftOut: string[] = [];
  const files = inputFiles(paths, options, leftOut);
  const texts = files.map(({ path, kind, found }) => {
    if (isParquet(path)) throw new InputError(`${path}: Parquet is read by the DuckDB engine: give --engine duckdb (or auto)`);
    progress.step(`reading ${path}`);
    return { name: path, text: readText(path), found, ...(kind === undefined ? {} : { kind }) };
  });
  let bar: ReturnType<Progress["bar"]> | undefined;
  try {
    return loadFiles(texts, {
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      counting: options.counting ?? "full",
      arcs: options.arcs,
      compact: options.compact ?? false,
      howToNameRoles: HOW_TO_NAME_ROLES,
      leftOut,
      onProgress: ({ phase, done, total }) => {
        // What reading let go (rows, the file's bytes) is collected before the projection adds its own.
        if (phase === "grouping" && done === 0) collectBetweenPhases(total);
        if (phase !== "pairing") return;
        bar ??= progress.bar("projecting participations", total);
        bar.update(done, total);
      },
    });
  } finally {
    bar?.stop();
  }
}

/** The files the paths name: a file as given, a directory's data files (linkscale's own left out). */
export function inputPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => expand(path, [])).map(({ path }) => path);
}

/** A path's files to read; a folder's other entries go to `leftOut`, each with why. */
function expand(path: string, leftOut: string[]): InputFile[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (!isDirectory) return [{ path, found: false }];
  const names = readdirSync(path).sort();
  if (names.length === 0) leftOut.push(`${path}: an empty folder`);
  const files: InputFile[] = [];
  for (const name of names) {
    const inside = join(path, name);
    if (LINKSCALE_FILES.has(name)) leftOut.push(`${inside}: linkscale's own file, not data`);
    else if (DATA_EXTENSIONS.has(dataExtension(name)) || isParquet(name)) files.push({ path: inside, found: true });
    else if (isFolder(inside)) leftOut.push(`${inside}: a folder (folders inside a folder are not read)`);
    else leftOut.push(`${inside}: not a data file (read: ${DATA_FILES}, each also .gz; .parquet with the DuckDB engine)`);
  }
  return files;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every row the input rejected, in file order. */
export function rejectedRowsOf(loaded: LoadedInput): RejectedRow[] {
  return loaded.form === "graph" ? loaded.load.rejected : loaded.dataset.tables.flatMap((table) => table.rejected);
}

/** Every data row read, accepted or rejected (a graph file's nodes and edges). */
export function rowsReadOf(loaded: LoadedInput): number {
  return loaded.form === "graph" ? loaded.load.nodesRead + loaded.load.linksRead : loaded.dataset.tables.reduce((sum, table) => sum + table.rowsRead, 0);
}

const number = new Intl.NumberFormat("en-GB");

/**
 * The rejected rows in one phrase: how many of how many read, and why in brief. A row that only
 * repeats an earlier one is a duplicate whose first row is kept, which a reader should know
 * apart from a row whose value was wrong. "3 of 12 rows rejected (3 duplicate rows: the first kept)".
 */
export function describeRejected(loaded: LoadedInput): string {
  const rejected = rejectedRowsOf(loaded);
  const isDuplicate = ({ problems }: RejectedRow) => problems.length > 0 && problems.every((problem) => problem.repeats !== undefined);
  const duplicates = rejected.filter(isDuplicate).length;
  const others = rejected.filter((row) => !isDuplicate(row));
  const columns = [...new Set(others.flatMap(({ problems }) => problems.flatMap(({ column }) => (column === undefined ? [] : [column.replace(/\[\d+\]/g, "[]")]))))];
  const reasons = [
    ...(duplicates > 0 ? [`${number.format(duplicates)} duplicate ${duplicates === 1 ? "row" : "rows"}: the first kept`] : []),
    ...(others.length > 0
      ? [`${number.format(others.length)} with a bad value${columns.length > 0 ? ` in ${columns.length === 1 ? "column" : "columns"} ${columns.slice(0, 5).join(", ")}${columns.length > 5 ? ", …" : ""}` : ""}`]
      : []),
  ];
  return `${number.format(rejected.length)} of ${number.format(rowsReadOf(loaded))} rows rejected (${reasons.join("; ")})`;
}

/**
 * What a run that analyses `loaded` says about its input. Rejected rows stop it (bad input: the
 * command exits 2) unless `allowRejects`; then they are counted in a note that says how to list
 * them, and the run goes on with the accepted rows.
 */
export function inputNotes(loaded: LoadedInput, { allowRejects, validateCommand, refused }: { allowRejects: boolean; validateCommand: string; refused: string }): string[] {
  if (rejectedRowsOf(loaded).length === 0) return [];
  const rejected = describeRejected(loaded);
  if (!allowRejects) {
    throw new InputError(`${rejected}: ${refused}; run \`${validateCommand}\` to list them, or give --allow-rejects to go on with the accepted rows`);
  }
  return [`input: ${rejected}, left out; run \`${validateCommand}\` to list them`];
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** The file's text; gzip is undone; a file that is not UTF-8 is refused, not garbled. */
export function readText(path: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
    if (path.endsWith(".gz")) bytes = gunzipSync(bytes);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new InputError(`${path}: not UTF-8 text`);
  }
}

/** A JSON file's value (linkscale.json, an expected file); unreadable or malformed JSON names the file. */
export function readJsonFile(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  }
}
