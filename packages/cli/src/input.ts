/**
 * From the paths a user gives to a loaded network. Each file's role is recognised from its
 * header (or named with --nodes, --links, --participations); a directory is read whole, as a
 * CORDIS export or a dataset folder is; `.gz` files are read through gunzip. Graph files (GEXF,
 * GraphML, Pajek, graphology JSON) are read alone.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Counting } from "@linkscale/core/projection";
import {
  assembleDataset,
  detectTableKind,
  readCordisOrganisationsCsv,
  readCordisOrganisationsJson,
  readCordisParticipationsCsv,
  readCordisProjectYears,
  readGexf,
  readGraphml,
  readGraphologyJson,
  readHeader,
  readLinksCsv,
  readOrganisationsCsv,
  readParticipationsCsv,
  readPajek,
  type Dataset,
  type DatasetTables,
  type GraphLoad,
  type TableKind,
} from "@linkscale/io";
import type { Progress } from "./progress.ts";

/** Bad input: the command exits 2 with this message. */
export class InputError extends Error {
  override name = "InputError";
}

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
export type LoadedInput =
  | { form: "tables"; dataset: Dataset; files: string[]; skipped: string[] }
  | { form: "graph"; load: GraphLoad; files: string[]; skipped: string[] };

type GraphReader = (text: string, options: { file: string }) => GraphLoad;

const GRAPH_READERS: Readonly<Record<string, GraphReader>> = {
  ".gexf": readGexf,
  ".graphml": readGraphml,
  ".net": readPajek,
};
const DATA_EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".json", ...Object.keys(GRAPH_READERS)]);
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
  if (files.length === 0) throw new InputError("no input: give a file or a directory");
  const skipped: string[] = [];

  const read = files.map((file) => {
    progress.step(`reading ${file.path}`);
    return { ...file, text: readText(file.path) };
  });
  const graphs = read.filter(({ path, text }) => graphReaderFor(path, text) !== undefined);
  if (graphs.length > 0) {
    const [graph] = graphs;
    if (read.length > 1 || graph === undefined) {
      throw new InputError(`a graph file (${graphs.map((f) => f.path).join(", ")}) holds the whole network: give it alone`);
    }
    const reader = graphReaderFor(graph.path, graph.text) as GraphReader;
    const load = reader(graph.text, { file: graph.path });
    if (load.error !== undefined) throw new InputError(`${graph.path}: ${load.error}`);
    return { form: "graph", load, files: [graph.path], skipped };
  }

  const texts = read.map((file) => {
    const kind = file.kind ?? detectKind(file.text);
    if (kind === undefined) {
      const header = readHeader(file.text)?.join(", ") ?? "none";
      if (!file.found) throw new InputError(`${file.path}: cannot tell what this table holds (header: ${header}); name it with --nodes, --links or --participations`);
      skipped.push(`${file.path}: not a table linkscale knows (header: ${header})`);
    }
    return { ...file, kind };
  });

  const projectYears = new Map<string, number>();
  for (const { path, text, kind } of texts) {
    if (kind !== "cordis-projects") continue;
    const years = readCordisProjectYears(text);
    if ("error" in years) throw new InputError(`${path}: ${years.error}`);
    for (const [project, year] of years) projectYears.set(project, year);
  }

  const tables: Required<DatasetTables> = { organisations: [], links: [], participations: [] };
  const csvOptions = (file: string) => ({
    file,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
  });
  for (const { path, text, kind } of texts) {
    switch (kind) {
      case "organisations":
        tables.organisations.push(readOrganisationsCsv(text, csvOptions(path)));
        break;
      case "links":
        tables.links.push(readLinksCsv(text, csvOptions(path)));
        break;
      case "participations":
        tables.participations.push(readParticipationsCsv(text, csvOptions(path)));
        break;
      case "cordis-participations":
        tables.participations.push(readCordisParticipationsCsv(text, { file: path }));
        break;
      case "cordis-organisations": {
        const read = text.trimStart().startsWith("[") ? readCordisOrganisationsJson : readCordisOrganisationsCsv;
        tables.participations.push(read(text, { file: path, projectYears }));
        break;
      }
      case "cordis-projects":
      case undefined:
        break;
    }
  }
  for (const table of [...tables.organisations, ...tables.links, ...tables.participations]) {
    if (table.error !== undefined) throw new InputError(`${table.file}: ${table.error}`);
  }

  const bar = progress.bar("projecting participations", 1);
  try {
    const dataset = assembleDataset(tables, {
      counting: options.counting ?? "full",
      onProgress: ({ phase, done, total }) => {
        if (phase === "pairing") bar.update(done, total);
      },
    });
    return { form: "tables", dataset, files: texts.filter(({ kind }) => kind !== undefined).map(({ path }) => path), skipped };
  } catch (error) {
    if (error instanceof Error && error.name === "DatasetError") throw new InputError(error.message);
    throw error;
  } finally {
    bar.stop();
  }
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
    .filter((name) => DATA_EXTENSIONS.has(extname(stripGz(name))) && !LINKSCALE_FILES.has(name))
    .map((name) => ({ path: join(path, name), found: true }));
}

function stripGz(path: string): string {
  return path.endsWith(".gz") ? path.slice(0, -3) : path;
}

/** GEXF, GraphML and Pajek by extension; a JSON object (not an array) is graphology's format. */
function graphReaderFor(path: string, text: string): GraphReader | undefined {
  const extension = extname(stripGz(path));
  if (extension === ".json" && text.trimStart().startsWith("{")) return readGraphologyJson;
  return GRAPH_READERS[extension];
}

function detectKind(text: string): TableKind | undefined {
  const header = readHeader(text);
  return header === undefined ? undefined : detectTableKind(header);
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
