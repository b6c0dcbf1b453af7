/**
 * From the paths a user gives to a loaded network: a directory is read whole, as a CORDIS export
 * or a dataset folder is; `.gz` files are read through gunzip; a file's role is recognised from
 * its header or named with --nodes, --links, --participations. The texts are then loaded by
 * @linkscale/io's loadFiles, as the viewer loads dropped files.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Counting } from "@linkscale/core/projection";
import { DATA_EXTENSIONS, dataExtension, InputError, loadFiles, type LoadedFiles, type TableKind } from "@linkscale/io";
import type { Progress } from "./progress.ts";

/** Bad input: the command exits 2 with this message. */
export { InputError };

export interface InputOptions {
  nodes?: string[];
  links?: string[];
  participations?: string[];
  delimiter?: string;
  /** Model field → the user's column. */
  mapping?: Record<string, string>;
  counting?: Counting;
}

/** What was loaded, with the files it was read from (in reading order). */
export type LoadedInput = LoadedFiles;

/** linkscale's own files, which a dataset folder may hold beside its data. */
const LINKSCALE_FILES = new Set(["expected.json", "linkscale.json", "report.json"]);

interface InputFile {
  path: string;
  /** The role the user named, if any. */
  kind?: TableKind;
  /** True for files found inside a directory: unknown ones are skipped, not refused. */
  found: boolean;
}

export function loadInput(paths: readonly string[], options: InputOptions, progress: Progress): LoadedInput {
  const files = [
    ...paths.flatMap(expand),
    ...(options.nodes ?? []).map((path) => ({ path, kind: "organisations" as const, found: false })),
    ...(options.links ?? []).map((path) => ({ path, kind: "links" as const, found: false })),
    ...(options.participations ?? []).map((path) => ({ path, kind: "participations" as const, found: false })),
  ];
  const texts = files.map(({ path, kind, found }) => {
    progress.step(`reading ${path}`);
    return { name: path, text: readText(path), found, ...(kind === undefined ? {} : { kind }) };
  });
  let bar: ReturnType<Progress["bar"]> | undefined;
  try {
    return loadFiles(texts, {
      ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      counting: options.counting ?? "full",
      howToNameRoles: "name it with --nodes, --links or --participations",
      onProgress: ({ phase, done, total }) => {
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
  return paths.flatMap(expand).map(({ path }) => path);
}

function expand(path: string): InputFile[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or directory`);
  }
  if (!isDirectory) return [{ path, found: false }];
  return readdirSync(path)
    .sort()
    .filter((name) => DATA_EXTENSIONS.has(dataExtension(name)) && !LINKSCALE_FILES.has(name))
    .map((name) => ({ path: join(path, name), found: true }));
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
