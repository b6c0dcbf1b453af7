/**
 * Named texts to one loaded network: the part of loading that needs no file system, shared by the
 * CLI (files and folders on disk) and the viewer (files dropped on the page). Each file's role is
 * recognised from its header (and the caller's column mapping) unless the caller names it; graph
 * files (GEXF, GraphML, GML, Pajek, UCINET DL, edge lists, graphology and node-link JSON) are
 * read alone, as is a VOSviewer map file with its network file (two tables that are one
 * network, known by their content: detect.ts); tables
 * are read and assembled into one dataset. Input in which no table can be read is refused, listing what was skipped and
 * why, rather than loaded as an empty network.
 */
import type { AllianceGraph, CompactGraph } from "@linkscale/core";
import type { Counting, ProjectionProgress } from "@linkscale/core/projection";
import { readCordisOrganisationsCsv, readCordisOrganisationsJson, readCordisParticipationsCsv, readCordisProjectYears } from "./cordis/read-cordis.ts";
import { readLinksCsv, readOrganisationsCsv, readParticipationsCsv } from "./csv/read.ts";
import { assembleDataset, DatasetError, type Dataset, type DatasetTables } from "./dataset.ts";
import { detectTableKind, detectVosviewerFile, readHeader, type TableKind } from "./detect.ts";
import { readGexf } from "./formats/gexf.ts";
import { compactGraph, graphologyGraph, type AnyAllianceGraph, type ArcMerge, type GraphBuild, type GraphLoad, type GraphReadOptions } from "./formats/graph-load.ts";
import { readGraphml } from "./formats/graphml.ts";
import { readEdgeList } from "./formats/edge-list.ts";
import { readGml } from "./formats/gml.ts";
import { readJsonGraph } from "./formats/json-graph.ts";
import { readPajek } from "./formats/pajek.ts";
import { looksLikeUcinetDl, readUcinetDl } from "./formats/ucinet-dl.ts";
import { readVosviewerFiles } from "./formats/vosviewer-files.ts";

/** Bad input, with the file (and where known the row and column) it is about. */
export class InputError extends Error {
  override name = "InputError";
}

export interface InputText {
  /** The file's name or path, as errors should name it. */
  name: string;
  text: string;
  /** The role the user named, if any; otherwise it is recognised from the header. */
  kind?: TableKind;
  /** True for files found inside a folder: unknown ones are skipped, not refused. */
  found?: boolean;
}

export interface LoadOptions {
  delimiter?: string;
  /** Model field → the user's column. */
  mapping?: Record<string, string>;
  counting?: Counting;
  /** How a directed graph file's reverse arcs become one link (graph-load.ts); undefined: the second is rejected. */
  arcs?: ArcMerge | undefined;
  /** How the caller lets a user name a table's role, for the error about a table it cannot tell. */
  howToNameRoles?: string;
  /**
   * Files the caller left out unread (in a folder, not data files), each as `name: why`; listed
   * when nothing readable is left.
   */
  leftOut?: readonly string[];
  /**
   * The network becomes the core's typed-array graph (`CompactGraph`), not a graphology one, and
   * no rows are kept: participations keep their model fields only (project, org, role, year), and
   * each table's accepted rows are counted (rowsRead − rejected), not held.
   */
  compact?: boolean;
  onProgress?: (progress: ProjectionProgress) => void;
}

/** What was loaded, with the files it was read from (in reading order). */
export type LoadedFiles<G extends AllianceGraph | CompactGraph = AllianceGraph> =
  | { form: "tables"; dataset: Dataset<G>; files: string[]; skipped: string[] }
  | { form: "graph"; load: GraphLoad<G>; files: string[]; skipped: string[] };

type GraphReader = <G extends AnyAllianceGraph = AllianceGraph>(text: string, options: GraphReadOptions<G>) => GraphLoad<G>;

// Looked up with a file's extension: without a prototype, so ".constructor" finds no reader.
const GRAPH_READERS: Readonly<Record<string, GraphReader>> = Object.assign(Object.create(null) as Record<string, GraphReader>, {
  ".gexf": readGexf,
  ".graphml": readGraphml,
  ".gml": readGml,
  ".edgelist": readEdgeList,
  ".edges": readEdgeList,
  ".ncol": readEdgeList,
  ".net": readPajek,
  ".dl": readUcinetDl,
});
/** The extensions a folder's data files have (each may also end in .gz). */
export const DATA_EXTENSIONS: ReadonlySet<string> = new Set([".csv", ".tsv", ".txt", ".json", ...Object.keys(GRAPH_READERS)]);

// Message builders, exported so tests assert the exact text a user sees.
export const loadMessages = {
  noInput: () => "no input: give a file or a directory",
  notATable: (file: string, header: string) => `${file}: not a table linkscale knows (header: ${header})`,
  projectYearsAlone: (file: string) => `${file}: CORDIS project years, read only beside a CORDIS organization file`,
  noTable: (skipped: readonly string[], how: string) =>
    [
      "no table linkscale can read in the input; skipped:",
      ...skipped.map((line) => `  ${line}`),
      `a table is recognised from its header (organisations: a column id; links: source and target; participations: project and org); ${how}`,
    ].join("\n"),
  vosviewerMaps: (names: readonly string[]) => `${names.join(", ")} are each a VOSviewer map file: give one, with its network file`,
  vosviewerNetworks: (map: string, names: readonly string[]) => `${names.join(", ")} each look like the network file of ${map}: give one`,
  vosviewerAlone: (files: readonly string[], other: string) =>
    files.length === 1
      ? `${other}: ${files[0]} holds the whole network (a VOSviewer map file): give it without other tables`
      : `${other}: ${files.join(" and ")} hold the whole network (a VOSviewer map and network file): give them without other tables`,
};

const DEFAULT_HOW = "give it as organisations, links or participations";

export function loadFiles(files: readonly InputText[], options: LoadOptions & { compact: true }): LoadedFiles<CompactGraph>;
export function loadFiles(files: readonly InputText[], options?: LoadOptions & { compact?: false }): LoadedFiles;
export function loadFiles(files: readonly InputText[], options?: LoadOptions): LoadedFiles<AllianceGraph | CompactGraph>;
export function loadFiles(files: readonly InputText[], options: LoadOptions = {}): LoadedFiles<AllianceGraph | CompactGraph> {
  const how = options.howToNameRoles ?? DEFAULT_HOW;
  const leftOut = options.leftOut ?? [];
  if (files.length === 0) {
    throw new InputError(leftOut.length === 0 ? loadMessages.noInput() : loadMessages.noTable(leftOut, how));
  }
  const skipped: string[] = [];

  const graphs = files.filter(({ name, text }) => graphReaderFor(name, text) !== undefined);
  const build: GraphBuild<AnyAllianceGraph> = options.compact === true ? compactGraph : graphologyGraph;
  if (graphs.length > 0) {
    const [graph] = graphs;
    if (files.length > 1 || graph === undefined) {
      throw new InputError(`a graph file (${graphs.map((f) => f.name).join(", ")}) holds the whole network: give it alone`);
    }
    const reader = graphReaderFor(graph.name, graph.text) as GraphReader;
    const load = reader(graph.text, { file: graph.name, arcs: options.arcs, mapping: options.mapping, build });
    if (load.error !== undefined) throw new InputError(`${graph.name}: ${load.error}`);
    return { form: "graph", load, files: [graph.name], skipped };
  }

  const vosviewer = vosviewerFiles(files, options.mapping);
  if (vosviewer !== undefined) {
    const { map, network } = vosviewer;
    const load = readVosviewerFiles({ ...(map === undefined ? {} : { map }), ...(network === undefined ? {} : { network }), mapping: options.mapping, build });
    // Of a pair, the error already names the file it is about.
    if (load.error !== undefined) throw new InputError(map !== undefined && network !== undefined ? load.error : `${load.file}: ${load.error}`);
    const names = [map?.name, network?.name].filter((name): name is string => name !== undefined);
    return { form: "graph", load, files: names, skipped: vosviewer.skipped };
  }

  const texts = files.map((file) => {
    const kind = file.kind ?? detectKind(file.text, options.mapping);
    if (kind === undefined) {
      const header = readHeader(file.text)?.join(", ") ?? "none";
      if (file.found !== true) throw new InputError(`${file.name}: cannot tell what this table holds (header: ${header}); ${how}`);
      skipped.push(loadMessages.notATable(file.name, header));
    }
    return { ...file, kind };
  });
  if (!texts.some(({ kind }) => kind !== undefined && kind !== "cordis-projects")) {
    const projectYears = texts.filter(({ kind }) => kind === "cordis-projects").map(({ name }) => loadMessages.projectYearsAlone(name));
    throw new InputError(loadMessages.noTable([...skipped, ...projectYears, ...leftOut], how));
  }

  const projectYears = new Map<string, number>();
  for (const { name, text, kind } of texts) {
    if (kind !== "cordis-projects") continue;
    const years = readCordisProjectYears(text);
    if ("error" in years) throw new InputError(`${name}: ${years.error}`);
    for (const [project, year] of years) projectYears.set(project, year);
  }

  const tables: Required<DatasetTables> = { organisations: [], links: [], participations: [] };
  const csvOptions = (file: string) => ({
    file,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
  });
  // A typed-array graph is projected from the participations' model fields alone: their other
  // columns, attributes of each row, are not kept (they are most of a CORDIS table's memory).
  const otherColumns = options.compact !== true;
  for (const { name, text, kind } of texts) {
    switch (kind) {
      case "organisations":
        tables.organisations.push(readOrganisationsCsv(text, csvOptions(name)));
        break;
      case "links":
        tables.links.push(readLinksCsv(text, csvOptions(name)));
        break;
      case "participations":
        tables.participations.push(readParticipationsCsv(text, { ...csvOptions(name), otherColumns }));
        break;
      case "cordis-participations":
        tables.participations.push(readCordisParticipationsCsv(text, { file: name, otherColumns }));
        break;
      case "cordis-organisations": {
        const read = text.trimStart().startsWith("[") ? readCordisOrganisationsJson : readCordisOrganisationsCsv;
        tables.participations.push(read(text, { file: name, projectYears, otherColumns }));
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

  try {
    const dataset = assembleDataset(tables, {
      counting: options.counting ?? "full",
      compact: options.compact ?? false,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    return { form: "tables", dataset, files: texts.filter(({ kind }) => kind !== undefined).map(({ name }) => name), skipped };
  } catch (error) {
    if (error instanceof DatasetError) throw new InputError(error.message);
    throw error;
  }
}

function stripGz(name: string): string {
  return name.endsWith(".gz") ? name.slice(0, -3) : name;
}

/** The extension of a file name, `.gz` looked through: "a/b.csv.gz" → ".csv". */
export function dataExtension(name: string): string {
  const base = stripGz(name).replace(/^.*[/\\]/, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot).toLowerCase();
}

/** What may come before an XML file's root element: a BOM, white space, the declaration, comments, a doctype. */
const XML_PROLOGUE = String.raw`^\uFEFF?(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*`;
/**
 * Graph formats known by how their text opens, for a file whose extension names none (a GEXF
 * saved as .xml, a GML or Pajek file as .txt). GML may open with comments and igraph's or
 * NetworkX's `Creator` and `Version` lines; Pajek with `*Vertices n`.
 */
const OPENINGS: ReadonlyArray<readonly [RegExp, GraphReader]> = [
  [new RegExp(`${XML_PROLOGUE}<gexf[\\s>]`), readGexf],
  [new RegExp(`${XML_PROLOGUE}<graphml[\\s>]`), readGraphml],
  [/^\uFEFF?(?:\s|#[^\n]*\n|(?:Creator|Version)\b[^\n]*\n)*graph\s*\[/, readGml],
  [/^\uFEFF?(?:\s|%[^\n]*\n)*\*vertices\s+\d+/i, readPajek],
];
/** How much of a text the openings are looked for in. */
const OPENING_CHARACTERS = 4096;

/**
 * GEXF, GraphML, GML, Pajek, UCINET DL and edge lists by extension; a JSON object (not an array)
 * is a network (json-graph.ts); a text with another extension is a network when it opens as
 * GEXF, GraphML, GML, Pajek (OPENINGS) or UCINET DL (`DL N=5`: UCINET users save DL files as .txt)
 * does. Edge lists have no opening of their own and are known by extension only.
 */
function graphReaderFor(name: string, text: string): GraphReader | undefined {
  const extension = dataExtension(name);
  if (extension === ".json" && text.trimStart().startsWith("{")) return readJsonGraph;
  const known = GRAPH_READERS[extension];
  if (known !== undefined) return known;
  const opening = text.slice(0, OPENING_CHARACTERS);
  return OPENINGS.find(([pattern]) => pattern.test(opening))?.[1] ?? (looksLikeUcinetDl(text) ? readUcinetDl : undefined);
}

/**
 * A VOSviewer map file and the network file beside it, or a network file alone, when that is what
 * the files are (detect.ts); undefined when they are tables. Other files beside them are refused,
 * as beside a graph file, unless found in a folder and no table (then skipped, as there).
 */
function vosviewerFiles(
  files: readonly InputText[],
  mapping: Readonly<Record<string, string>> | undefined,
): { map?: InputText; network?: InputText; skipped: string[] } | undefined {
  const isTable = (file: InputText) => file.kind !== undefined || detectKind(file.text, mapping) !== undefined;
  const maps = files.filter((file) => file.kind === undefined && detectVosviewerFile(file.text, { beside: "nothing" }) === "map");
  if (maps.length > 1) throw new InputError(loadMessages.vosviewerMaps(maps.map(({ name }) => name)));
  const [map] = maps;
  const lookAlone = (file: InputText) => !isTable(file) && detectVosviewerFile(file.text, { beside: "nothing" }) === "network";
  let network: InputText | undefined;
  if (map === undefined) {
    const alone = files.filter(lookAlone);
    if (alone.length !== 1) return undefined;
    network = alone[0];
  } else {
    const others = files.filter((file) => file !== map && !isTable(file));
    let candidates = others.filter((file) => detectVosviewerFile(file.text, { beside: "map" }) === "network");
    // Of several, the one that looks like a network file even alone; of none, the one other file
    // named beside the map, whose lines are then rejected, or the file refused, saying why.
    if (candidates.length > 1) candidates = candidates.filter(lookAlone);
    const named = others.filter((file) => file.found !== true);
    if (candidates.length === 0 && named.length === 1) candidates = named;
    if (candidates.length > 1) throw new InputError(loadMessages.vosviewerNetworks(map.name, candidates.map(({ name }) => name)));
    network = candidates[0];
  }
  const given = [map, network].filter((file): file is InputText => file !== undefined);
  const skipped: string[] = [];
  for (const file of files) {
    if (given.includes(file)) continue;
    if (file.found === true && !isTable(file)) {
      skipped.push(loadMessages.notATable(file.name, readHeader(file.text)?.join(", ") ?? "none"));
      continue;
    }
    // A network file alone is read only when nothing but skipped files is beside it.
    if (map === undefined) return undefined;
    throw new InputError(loadMessages.vosviewerAlone(given.map(({ name }) => name), file.name));
  }
  return { ...(map === undefined ? {} : { map }), ...(network === undefined ? {} : { network }), skipped };
}

function detectKind(text: string, mapping: Readonly<Record<string, string>> | undefined): TableKind | undefined {
  const header = readHeader(text);
  return header === undefined ? undefined : detectTableKind(header, mapping);
}
