/**
 * The seed corpus of the fuzz suite (issue 22): small, real inputs for each loader, which the
 * mutations of `mutations.ts` then damage. Real rather than invented, so that a mutation lands in
 * the places real files have (quoted names with commas, CORDIS codes, geolocations, PICs) and the
 * loaders get past their first checks often enough to reach the deeper ones.
 *
 * - Tables: slices of 3 to 40 rows of the bundled datasets (`datasets/<name>/`), and the
 *   hand-made fixture of the format tests (quotes, `<`, `&`, accents, a leading-zero postcode).
 * - CORDIS: slices of the real exports in `../shared/data` beside the checkout (or
 *   `$LINKSCALE_SHARED`, as the tests read it). Only the first kilobytes of the large files are
 *   decompressed. Without that folder these seeds are left out, and the loaders that have no
 *   other seeds are skipped (`skippedLoaders`), since invented CORDIS rows would test less.
 * - Graph files: small graphs loaded from dataset slices with `loadFiles` and written with the
 *   repository's own writers, so each seed is what linkscale itself writes, plus the golden files
 *   of the format tests (lists, fractional weights, XML escapes, GML character references). A
 *   graph a writer refuses (an edge list cannot hold an organisation without links) is left out
 *   of that format's seeds. VOSviewer's map and network files go to `loadFiles` as pairs (and a
 *   network file alone), which is where they are recognised and read together.
 * - UCINET DL, which linkscale does not write: the hand-written files of its round trip against
 *   igraph (`packages/io/test/formats/peers/ucinet-*.dl`), one per dialect; and to `loadFiles`,
 *   the first as `network.dl` and the last as a `.txt` file, recognised by its content.
 * - For the loaders that read with `--arcs` and `--map` (loaders.ts), each graph seed again, read
 *   back and written as a directed graph (`directedVersion`): linkscale writes undirected graphs
 *   only, so without these no reverse arc would reach `--arcs`, and no attribute of a user's own
 *   naming `--map`. Where the format holds node attributes, the nodes are keyed by position and
 *   carry their id, type and country under the names of `OWN_NAMES`, and the weight too.
 *
 * Everything is read once, on first use, and never from the network.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { constants, gunzipSync } from "node:zlib";
import { DirectedGraph } from "graphology";
import type { AllianceGraph } from "@linkscale/core/model";
import {
  loadFiles,
  readEdgeList,
  readGexf,
  readGml,
  readGraphml,
  readGraphologyJson,
  readJsonGraph,
  readNodeLinkJson,
  readPajek,
  UnwritableGraphError,
  writeEdgeList,
  writeGexf,
  writeGml,
  writeGraphml,
  writeGraphologyJson,
  writeLinksCsv,
  writeNodeLinkJson,
  writePajek,
  writeVosviewerJson,
  writeVosviewerMap,
  writeVosviewerNetwork,
  type GraphLoad,
  type GraphReadOptions,
  type InputText,
} from "../src/index.ts";

export interface TextSeed {
  /** Where the text comes from, as a report names it. */
  name: string;
  text: string;
}

export interface FilesSeed {
  name: string;
  files: InputText[];
}

export interface SeedCorpus {
  organisationsCsv: TextSeed[];
  linksCsv: TextSeed[];
  participationsCsv: TextSeed[];
  cordisParticipationsCsv: TextSeed[];
  cordisOrganisationsCsv: TextSeed[];
  cordisOrganisationsJson: TextSeed[];
  cordisProjects: TextSeed[];
  /** Project id → start year of the real CORDIS projects, for the organisation readers' option. */
  cordisProjectYears: ReadonlyMap<string, number>;
  gexf: TextSeed[];
  graphml: TextSeed[];
  pajek: TextSeed[];
  graphologyJson: TextSeed[];
  nodeLinkJson: TextSeed[];
  gml: TextSeed[];
  edgeList: TextSeed[];
  vosviewerJson: TextSeed[];
  ucinetDl: TextSeed[];
  loadFiles: FilesSeed[];
  /** Each graph format's seeds as directed graphs, index for index (`directedVersion`). */
  directed: DirectedSeeds;
  /** Whether the CORDIS exports in ../shared/data were found. */
  sharedData: boolean;
}

/** The graph formats' seeds as directed graphs; UCINET DL's seeds are directed already. */
export type DirectedSeeds = Pick<SeedCorpus, "gexf" | "graphml" | "pajek" | "graphologyJson" | "nodeLinkJson" | "gml" | "edgeList" | "vosviewerJson">;

/**
 * The names a user's own file gives the model's fields, in the directed seeds of the formats that
 * hold attributes: a CORDIS PIC as the id, as `--map id=PIC` reads it. Not "Strength" for the
 * weight: VOSviewer JSON keeps that name for its own field, and its writer refuses it.
 */
export const OWN_NAMES = { id: "PIC", type: "Kind", country: "Land", weight: "Intensity" } as const;

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const sharedRoot = `${process.env["LINKSCALE_SHARED"] ?? `${repositoryRoot}../shared/data`}/`;
const DATASETS = ["semiconductor-ev", "h2020-health", "h2020-eastasia"] as const;

/** Slice lengths of the table seeds: a few rows, a consortium's worth, and the brief's maximum. */
const TABLE_SLICE_ROWS = [3, 12, 40];
/**
 * Participation rows behind each graph seed. Rows of one project form a clique, so 9 rows give
 * up to 36 links: graphs larger than that make each input slower without reaching other code.
 */
const GRAPH_SLICE_ROWS = [4, 9];
/** Compressed bytes read from the start of a large CORDIS export: some 300 KB, 2,000+ rows. */
const GZ_PREFIX_BYTES = 48 * 1024;

let corpus: SeedCorpus | undefined;

/** The corpus, built on first use. */
export function seedCorpus(): SeedCorpus {
  corpus ??= buildCorpus();
  return corpus;
}

function buildCorpus(): SeedCorpus {
  const organisationsCsv: TextSeed[] = [];
  const participationsCsv: TextSeed[] = [];
  const linksCsv: TextSeed[] = [];
  const graphs: Array<{ name: string; graph: AllianceGraph }> = [];
  const loadFilesSeeds: FilesSeed[] = [];

  for (const dataset of DATASETS) {
    const organisations = csvRecords(readFileSync(`${repositoryRoot}datasets/${dataset}/organisations.csv`, "utf8"));
    const participations = csvRecords(readFileSync(`${repositoryRoot}datasets/${dataset}/participations.csv`, "utf8"));
    organisationsCsv.push(...tableSlices(`${dataset}/organisations.csv`, organisations, TABLE_SLICE_ROWS));
    participationsCsv.push(...tableSlices(`${dataset}/participations.csv`, participations, TABLE_SLICE_ROWS));

    for (const slice of tableSlices(`${dataset}/participations.csv`, participations, GRAPH_SLICE_ROWS)) {
      const organisationsOfSlice = organisationsNamedBy(organisations, slice.text);
      const loaded = loadFiles([
        { name: "organisations.csv", text: organisationsOfSlice },
        { name: "participations.csv", text: slice.text },
      ]);
      if (loaded.form !== "tables") throw new Error(`${slice.name}: read as a ${loaded.form}, expected tables`);
      graphs.push({ name: slice.name, graph: loaded.dataset.graph });
      linksCsv.push({ name: `links written from ${slice.name}`, text: writeLinksCsv(loaded.dataset.graph) });
      loadFilesSeeds.push({
        name: `${slice.name} with its organisations`,
        files: [
          { name: "organisations.csv", text: organisationsOfSlice },
          { name: "participations.csv", text: slice.text },
        ],
      });
    }
  }

  // The format tests' fixture and golden files: richer attributes than the datasets have.
  const fixture = (path: string) => readFileSync(`${repositoryRoot}packages/io/test/formats/${path}`, "utf8");
  organisationsCsv.push({ name: "test fixture organisations.csv", text: fixture("in/organisations.csv") });
  linksCsv.push({ name: "test fixture links.csv", text: fixture("in/links.csv") });
  const fromGraphs = (extension: string, write: (graph: AllianceGraph) => string): TextSeed[] => [
    ...graphs.flatMap(({ name, graph }) => {
      try {
        return [{ name: `${extension} written from ${name}`, text: write(graph) }];
      } catch (error) {
        if (error instanceof UnwritableGraphError) return [];
        throw error;
      }
    }),
    { name: `golden fixture.${extension}`, text: fixture(`out/fixture.${extension}`) },
  ];
  const gexf = fromGraphs("gexf", writeGexf);
  const graphml = fromGraphs("graphml", writeGraphml);
  const pajek = fromGraphs("net", writePajek);
  const graphologyJson = fromGraphs("json", writeGraphologyJson);
  const nodeLinkJson = fromGraphs("node-link.json", writeNodeLinkJson);
  const gml = fromGraphs("gml", writeGml);
  const edgeList = fromGraphs("edgelist", writeEdgeList);
  const vosviewerJson = fromGraphs("vosviewer.json", writeVosviewerJson);
  const vosviewerMaps = fromGraphs("vosviewer-map.txt", writeVosviewerMap);
  const directed: DirectedSeeds = {
    gexf: directedSeeds(gexf, readGexf, writeGexf, true),
    graphml: directedSeeds(graphml, readGraphml, writeGraphml, true),
    // Pajek files and edge lists hold a node's key and an edge's weight, nothing else.
    pajek: directedSeeds(pajek, readPajek, writePajek, false),
    graphologyJson: directedSeeds(graphologyJson, readGraphologyJson, writeGraphologyJson, true),
    nodeLinkJson: directedSeeds(nodeLinkJson, readNodeLinkJson, writeNodeLinkJson, true),
    gml: directedSeeds(gml, readGml, writeGml, true),
    edgeList: directedSeeds(edgeList, readEdgeList, writeEdgeList, false),
    vosviewerJson: directedSeeds(vosviewerJson, readJsonGraph, writeVosviewerJson, true),
  };
  const vosviewerNetworks = fromGraphs("vosviewer-network.txt", writeVosviewerNetwork);

  loadFilesSeeds.push(
    {
      name: "test fixture organisations.csv and links.csv",
      files: [
        { name: "organisations.csv", text: fixture("in/organisations.csv") },
        { name: "links.csv", text: fixture("in/links.csv") },
      ],
    },
    { name: "participations found in a folder, alone", files: [{ name: "data/participations.csv", text: participationsCsv[1]?.text ?? "", found: true }] },
    { name: "links alone", files: [{ name: "links.csv", text: linksCsv[0]?.text ?? "" }] },
  );
  const graphFiles = [
    ["gexf", gexf],
    ["graphml", graphml],
    ["net", pajek],
    ["json", graphologyJson],
    ["json", nodeLinkJson],
    ["gml", gml],
    ["edgelist", edgeList],
  ] as const;
  for (const [extension, seeds] of graphFiles) {
    // The first written graph and the golden file: the graph branch of loadFiles, by extension.
    for (const seed of [seeds[0], seeds[seeds.length - 1]]) {
      if (seed !== undefined) loadFilesSeeds.push({ name: seed.name, files: [{ name: `network.${extension}`, text: seed.text }] });
    }
  }

  // VOSviewer's map file with its network file: the first written pair and the golden pair; and
  // the golden network file alone.
  for (const index of [0, vosviewerMaps.length - 1]) {
    const map = vosviewerMaps[index];
    const network = vosviewerNetworks[index];
    if (map === undefined || network === undefined) continue;
    loadFilesSeeds.push({
      name: `${map.name} with its network file`,
      files: [
        { name: "map.txt", text: map.text },
        { name: "network.txt", text: network.text },
      ],
    });
  }
  const goldenNetwork = vosviewerNetworks[vosviewerNetworks.length - 1];
  if (goldenNetwork !== undefined) loadFilesSeeds.push({ name: `${goldenNetwork.name} alone`, files: [{ name: "network.txt", text: goldenNetwork.text }] });

  // UCINET DL is read, never written: the round trip's hand-written files, one per dialect.
  const ucinetDl = readdirSync(`${repositoryRoot}packages/io/test/formats/peers`)
    .filter((name) => name.startsWith("ucinet-") && name.endsWith(".dl"))
    .sort()
    .map((name) => ({ name: `peers/${name}`, text: fixture(`peers/${name}`) }));
  const [firstDl] = ucinetDl;
  const lastDl = ucinetDl[ucinetDl.length - 1];
  if (firstDl !== undefined) loadFilesSeeds.push({ name: firstDl.name, files: [{ name: "network.dl", text: firstDl.text }] });
  if (lastDl !== undefined) loadFilesSeeds.push({ name: `${lastDl.name} as .txt`, files: [{ name: "network.txt", text: lastDl.text }] });

  const cordis = existsSync(sharedRoot) ? cordisSeeds() : undefined;
  if (cordis !== undefined) loadFilesSeeds.push(...cordis.loadFiles);
  return {
    organisationsCsv,
    linksCsv,
    participationsCsv,
    cordisParticipationsCsv: cordis?.participationsCsv ?? [],
    cordisOrganisationsCsv: cordis?.organisationsCsv ?? [],
    cordisOrganisationsJson: cordis?.organisationsJson ?? [],
    cordisProjects: cordis?.projects ?? [],
    cordisProjectYears: cordis?.projectYears ?? new Map(),
    gexf,
    graphml,
    pajek,
    graphologyJson,
    nodeLinkJson,
    gml,
    edgeList,
    vosviewerJson,
    ucinetDl,
    loadFiles: loadFilesSeeds,
    directed,
    sharedData: cordis !== undefined,
  };
}

/** Each seed read back with its format's reader and written again as `directedVersion` of its graph. */
function directedSeeds(
  seeds: readonly TextSeed[],
  read: (text: string, options: GraphReadOptions) => GraphLoad,
  write: (graph: DirectedGraph) => string,
  ownNames: boolean,
): TextSeed[] {
  return seeds.map(({ name, text }) => {
    const load = read(text, { file: name });
    if (load.error !== undefined || load.rejected.length > 0) {
      throw new Error(`${name}: linkscale does not read back what it wrote (${load.error ?? `${load.rejected.length} items rejected`})`);
    }
    return { name: `${name}, directed${ownNames ? ", own names" : ""}`, text: write(directedVersion(load.graph, ownNames)) };
  });
}

/**
 * The graph as a directed file holds it, with every case `--arcs` tells apart, in turn over the
 * links: both arcs alike; the reverse arc twice as heavy and a year later (sum and max then
 * differ, and the years span both); one arc alone; the reverse arc with another project count,
 * which no rule merges. With `ownNames`, nodes are keyed `n0`, `n1`… as Gephi and NetworkX key
 * them, and the id, type, country and weight are attributes named as in `OWN_NAMES`.
 */
function directedVersion(graph: AllianceGraph, ownNames: boolean): DirectedGraph {
  const directed = new DirectedGraph({ allowSelfLoops: false });
  const keyOf = new Map<string, string>();
  graph.forEachNode((id, { type, country, ...rest }) => {
    const key = ownNames ? `n${keyOf.size}` : id;
    keyOf.set(id, key);
    const named = { [OWN_NAMES.id]: id, [OWN_NAMES.type]: type, [OWN_NAMES.country]: country, ...rest };
    const attributes = ownNames ? named : { type, country, ...rest };
    directed.addNode(key, Object.fromEntries(Object.entries(attributes).filter(([, value]) => value !== undefined)));
  });
  let index = 0;
  graph.forEachEdge((_edge, { weight, ...rest }, source, target) => {
    const [from, to] = [keyOf.get(source) as string, keyOf.get(target) as string];
    const weightName = ownNames ? OWN_NAMES.weight : "weight";
    const attributes = { ...rest, [weightName]: weight };
    directed.addEdge(from, to, attributes);
    switch (index++ % 4) {
      case 0:
        directed.addEdge(to, from, attributes);
        break;
      case 1:
        directed.addEdge(to, from, { ...attributes, [weightName]: weight * 2, ...(rest.lastYear === undefined ? {} : { lastYear: rest.lastYear + 1 }) });
        break;
      case 3:
        directed.addEdge(to, from, { ...attributes, projectCount: (rest.projectCount ?? 0) + 1 });
        break;
    }
  });
  return directed;
}

function cordisSeeds() {
  // eunets h2020.csv: comma-separated, unquoted, NA for missing values.
  const participations = csvRecords(gzPrefix("cordis-h2020-participations/h2020.csv.gz"));
  const participationsCsv = tableSlices("cordis h2020.csv", participations, TABLE_SLICE_ROWS);

  // The current CORDIS organization.csv layout: every field quoted. csvkit rewrote this copy with
  // commas; CORDIS publishes it with semicolons, so each slice is given both ways.
  const organisations = csvRecords(gzPrefix("cordis-h2020-org-records-2023/h2020_organizations_out_formatted_latest.2023-05-29.csv.gz"));
  const commaSlices = tableSlices("cordis organization.csv", organisations, TABLE_SLICE_ROWS);
  const organisationsCsv = [
    ...commaSlices,
    ...commaSlices.map(({ name, text }) => ({ name: `${name}, ;-separated`, text: text.replaceAll('","', '";"') })),
  ];

  // organization.json and project.json of the semiconductor selection, small enough to read whole.
  const organisationObjects = JSON.parse(gzWhole("cordis-h2020-semiconductor-ev/organization.json.gz")) as Array<Record<string, unknown>>;
  const projectObjects = JSON.parse(gzWhole("cordis-h2020-semiconductor-ev/project.json.gz")) as Array<Record<string, unknown>>;
  const organisationsJson = spread(organisationObjects.length, TABLE_SLICE_ROWS).map(({ start, rows }) => ({
    name: `cordis organization.json objects ${start + 1}–${start + rows}`,
    text: JSON.stringify(organisationObjects.slice(start, start + rows), null, 4),
  }));
  const projectYears = new Map<string, number>();
  for (const project of projectObjects) projectYears.set(String(project["id"]), Number(String(project["startDate"]).slice(0, 4)));

  // project.json slices without the long objective text, and the same records as CORDIS's
  // ;-separated project.csv.
  const projectColumns = ["id", "acronym", "status", "title", "startDate", "endDate", "frameworkProgramme", "fundingScheme"];
  const projectRows = projectObjects.map((project) => Object.fromEntries(projectColumns.map((column) => [column, project[column]])));
  const projects = spread(projectRows.length, [3, 10]).flatMap(({ start, rows }) => {
    const slice = projectRows.slice(start, start + rows);
    const csv = [projectColumns, ...slice.map((row) => projectColumns.map((column) => String(row[column] ?? "")))]
      .map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(";"))
      .join("\n");
    const where = `projects ${start + 1}–${start + rows}`;
    return [
      { name: `cordis project.json ${where}`, text: JSON.stringify(slice, null, 4) },
      { name: `cordis project.csv ${where}`, text: `${csv}\n` },
    ];
  });

  // The organisation slice beside the projects it names, so that loadFiles joins their years.
  const [{ start, rows } = { start: 0, rows: 0 }] = spread(organisationObjects.length, [12]);
  const organisationSlice = organisationObjects.slice(start, start + rows);
  const projectIds = new Set(organisationSlice.map((organisation) => String(organisation["projectID"])));
  const loadFilesSeeds: FilesSeed[] = [
    { name: participationsCsv[1]?.name ?? "", files: [{ name: "h2020.csv", text: participationsCsv[1]?.text ?? "" }] },
    { name: organisationsCsv[4]?.name ?? "", files: [{ name: "organization.csv", text: organisationsCsv[4]?.text ?? "" }] },
    {
      name: `cordis organization.json objects ${start + 1}–${start + rows} with their project.json records`,
      files: [
        { name: "organization.json", text: JSON.stringify(organisationSlice, null, 4) },
        { name: "project.json", text: JSON.stringify(projectRows.filter((row) => projectIds.has(String(row["id"]))), null, 4) },
      ],
    },
  ];
  return { participationsCsv, organisationsCsv, organisationsJson, projects, projectYears, loadFiles: loadFilesSeeds };
}

/** A text's records, header first; a record is a line, or lines joined inside a quoted field. */
function csvRecords(text: string): string[] {
  const records: string[] = [];
  let pending: string | undefined;
  for (const line of text.split("\n")) {
    const joined = pending === undefined ? line : `${pending}\n${line}`;
    if ((joined.split('"').length - 1) % 2 === 1) pending = joined;
    else {
      pending = undefined;
      if (joined.trim() !== "") records.push(joined);
    }
  }
  return records;
}

/** Where slices of the given lengths start, spread evenly over `total` items. */
function spread(total: number, lengths: readonly number[]): Array<{ start: number; rows: number }> {
  return lengths.map((length, index) => {
    const rows = Math.min(length, total);
    const start = Math.min(Math.floor(((index + 1) * total) / (lengths.length + 1)), total - rows);
    return { start, rows };
  });
}

/** Tables of the header and `rows` consecutive data records, at offsets spread over the source. */
function tableSlices(name: string, records: readonly string[], lengths: readonly number[]): TextSeed[] {
  const [header = "", ...rows] = records;
  return spread(rows.length, lengths).map(({ start, rows: count }) => ({
    // Rows as a spreadsheet numbers them, the header being row 1.
    name: `${name} rows ${start + 2}–${start + count + 1}`,
    text: [header, ...rows.slice(start, start + count)].join("\n") + "\n",
  }));
}

/** The organisation table restricted to the organisations a participation table names. */
function organisationsNamedBy(organisations: readonly string[], participationsText: string): string {
  const [header = "", ...rows] = organisations;
  const named = new Set(csvRecords(participationsText).slice(1).map((row) => row.split(",")[1]));
  return [header, ...rows.filter((row) => named.has(row.slice(0, row.indexOf(","))))].join("\n") + "\n";
}

/** The start of a gzip file, decompressed, without its last (likely cut) line. */
function gzPrefix(path: string): string {
  const bytes = Buffer.alloc(GZ_PREFIX_BYTES);
  const file = openSync(`${sharedRoot}${path}`, "r");
  let length: number;
  try {
    length = readSync(file, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(file);
  }
  // A sync flush yields what the bytes read so far decompress to, instead of failing on the cut.
  const text = gunzipSync(bytes.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
  return text.slice(0, text.lastIndexOf("\n") + 1);
}

function gzWhole(path: string): string {
  return gunzipSync(readFileSync(`${sharedRoot}${path}`)).toString("utf8");
}
