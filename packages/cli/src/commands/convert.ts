import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { extname, join } from "node:path";
import { clusterGraph, clusterGrouping, clusterNetwork, clusterPositions, CompactGraph, defaultHierarchy, type AnyGraph } from "@linkscale/core";
import {
  formatRejectedRow,
  UnwritableGraphError,
  writeEdgeList,
  writeGexfStream,
  writeGml,
  writeGraphmlStream,
  writeGraphologyJson,
  writeLinksCsv,
  writeNodeLinkJson,
  writeOrganisationsCsv,
  writePajek,
  writeVosviewerJson,
  writeVosviewerMap,
  writeVosviewerNetwork,
  type StreamedGraph,
} from "@linkscale/io";
import { Option, type Command } from "commander";
import { parseClusterFlag } from "../analysis/clusters.ts";
import { DEFAULTS } from "../analysis/config.ts";
import { loadNetwork } from "../engine/choose-engine.ts";
import { InputError, inputPaths, pathKind, RejectedRowsError, sameFile } from "../input.ts";
import { assignAdmin1 } from "../places/admin1.ts";
import { createProgress } from "../progress.ts";
import { summarise } from "../summary.ts";
import { addInputOptions, inputOptions, type InputFlags } from "./input-options.ts";

const FORMATS = ["csv", "gexf", "graphml", "gml", "pajek", "edgelist", "json", "node-link", "vosviewer", "vosviewer-json"] as const;
type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, Format>> = {
  ".gexf": "gexf",
  ".graphml": "graphml",
  ".gml": "gml",
  ".net": "pajek",
  ".edgelist": "edgelist",
  ".edges": "edgelist",
  ".ncol": "edgelist",
  ".json": "json",
  "": "csv",
};

/** A format's text in one string, or handed on a piece at a time (GEXF and GraphML, which large networks are written to). */
type Writer = ((graph: AnyGraph) => string) | { stream: (graph: StreamedGraph, write: (piece: string) => void) => void };

/**
 * Each format's writers, by the file each writes inside the output: CSV is a folder of two
 * tables, VOSviewer a folder of its map and network files (the two files VOSviewer's "Create a
 * map based on network data" asks for, and that validate reads back as one network).
 */
const WRITERS: Readonly<Record<Format, ReadonlyArray<[string | undefined, Writer]>>> = {
  csv: [
    ["organisations.csv", writeOrganisationsCsv],
    ["links.csv", writeLinksCsv],
  ],
  gexf: [[undefined, { stream: writeGexfStream }]],
  graphml: [[undefined, { stream: writeGraphmlStream }]],
  gml: [[undefined, writeGml]],
  pajek: [[undefined, writePajek]],
  edgelist: [[undefined, writeEdgeList]],
  json: [[undefined, writeGraphologyJson]],
  "node-link": [[undefined, writeNodeLinkJson]],
  vosviewer: [
    ["map.txt", writeVosviewerMap],
    ["network.txt", writeVosviewerNetwork],
  ],
  "vosviewer-json": [[undefined, writeVosviewerJson]],
};

/** Formats written as a folder, and how to say so when the output is a file. */
const FOLDERS: Readonly<Partial<Record<Format, string>>> = {
  csv: "CSV is written as a folder of two tables",
  vosviewer: "VOSviewer is written as a folder of its map and network files",
};

const outputFiles = (format: Format, output: string) => WRITERS[format].map(([name, write]) => [name === undefined ? output : join(output, name), write] as const);

interface ConvertFlags extends InputFlags {
  to?: Format;
  force?: boolean;
  allowRejects?: boolean;
  admin1?: boolean;
  clusters?: { by: string; radiusKm?: number };
  quiet?: boolean;
}

export function convertCommand(program: Command): void {
  addInputOptions(
    program
      .command("convert")
      .description(
        "convert a network between formats; participations are written as the projected organisation network. " +
          "CSV output is a folder holding organisations.csv and links.csv, VOSviewer output (--to vosviewer) one holding map.txt and network.txt",
      )
      .argument("<paths...>", "the input file(s) or directory, then the output (.gexf, .graphml, .gml, .net, .edgelist or .ncol, .json, or a folder for CSV or VOSviewer)"),
  )
    .addOption(
      new Option(
        "--to <format>",
        "output format (default: from the output's extension; .json is graphology's, node-link is NetworkX's JSON, vosviewer-json VOSviewer Online's, vosviewer VOSviewer's map and network files)",
      ).choices(FORMATS),
    )
    .option("--force", "overwrite output files that exist")
    .option("--allow-rejects", "write the output even when rows were rejected")
    .option("--admin1", "write each organisation's first-level administrative region, derived from its coordinates, as its admin1 attribute (for the viewer's same-region rule)")
    .option("--clusters <by>", "write the cluster network instead: one node per cluster of an attribute (cluster, country…), city, or geo[:KM] (geographic clusters)", parseClusterFlag)
    .option("-q, --quiet", "no progress on stderr")
    .action(async (paths: string[], flags: ConvertFlags) => {
      const output = paths.at(-1);
      const inputs = paths.slice(0, -1);
      if (output === undefined || (inputs.length === 0 && !flags.nodes && !flags.links && !flags.participations)) {
        throw new InputError("give the input and then the output");
      }
      const format = flags.to ?? BY_EXTENSION[extname(output)];
      if (format === undefined) {
        throw new InputError(`${output}: cannot tell the output format from "${extname(output)}"; give --to ${FORMATS.join("|")}`);
      }
      const files = outputFiles(format, output);
      refuseOutputs(format, output, files.map(([path]) => path), [...inputPaths(inputs), ...(flags.nodes ?? []), ...(flags.links ?? []), ...(flags.participations ?? [])], flags.force ?? false);
      const progress = createProgress(flags.quiet ?? false);
      // A streamed format reads the core's typed-array graph as it is, with no graphology copy.
      const streamed = files.every(([, write]) => typeof write !== "function") && flags.clusters === undefined;
      const { loaded: input, engineRule } = await loadNetwork(inputs, { ...inputOptions(flags), compact: streamed }, progress);
      const summary = summarise(input, engineRule);
      if (summary.rejectedRows.length > 0 && !flags.allowRejects) {
        const lines = summary.rejectedRows.flatMap(formatRejectedRow);
        throw new RejectedRowsError(`${lines.join("\n")}\n${summary.rejectedRows.length} rows rejected: nothing written (--allow-rejects writes the rest)`);
      }
      const loadedGraph = input.form === "graph" ? input.load.graph : input.dataset.graph;
      if (flags.admin1) {
        const { derived, regions } = assignAdmin1(loadedGraph);
        progress.step(`admin1: ${derived} of ${loadedGraph.order} organisations placed in ${regions} regions (the rest left without; analyze --admin1 says why)`);
      }
      const graph = loadedGraph instanceof CompactGraph && !streamed ? loadedGraph.toGraph() : loadedGraph;
      const written = flags.clusters === undefined ? graph : clustersOf(graph as AnyGraph, flags.clusters, progress.step.bind(progress));
      // Every text is made before the first file is written, so that a graph the format cannot
      // hold leaves nothing behind; a streamed file goes to a file of its own first (below).
      const texts = files.map(([path, write]) => [path, typeof write === "function" ? unwritable(output, format, () => write(written as AnyGraph)) : write] as const);
      if (FOLDERS[format] !== undefined) mkdirSync(output, { recursive: true });
      for (const [path, text] of texts) {
        if (typeof text === "string") writeFileSync(path, text);
        else unwritable(output, format, () => writeStreamed(path, (write) => text.stream(written, write)));
        progress.step(`wrote ${path}`);
      }
    });
}

/** The cluster network of `graph` by the grouping `--clusters` names, with each cluster's position where its members have coordinates. */
function clustersOf(graph: AnyGraph, flag: { by: string; radiusKm?: number }, step: (message: string) => void): AnyGraph {
  const grouping = clusterGrouping(graph, { ...DEFAULTS.clusters, ...flag });
  if (grouping.by === null) throw new InputError(`--clusters ${flag.by}: ${grouping.why}; nothing written`);
  const network = clusterNetwork(graph, { hierarchy: defaultHierarchy(), groupBy: grouping.groupBy });
  const { organisations, links } = network.excluded;
  step(
    `clusters by ${grouping.by}: ${Object.keys(network.clusters).length} clusters, ${network.links.length} links between them` +
      (organisations > 0 ? `; left out: ${organisations} organisations and ${links} links (${grouping.excludedRule})` : ""),
  );
  return clusterGraph(network, clusterPositions(graph, grouping.groupBy));
}

/**
 * Refuses, before anything is read, an output that would overwrite one of the inputs (whatever
 * --force says: compared by real path, so a symbolic link or another spelling of the path is
 * caught), a folder where a file goes or a file where a folder goes (CSV's, VOSviewer's), and
 * without --force a file that exists.
 */
function refuseOutputs(format: Format, output: string, files: readonly string[], inputs: readonly string[], force: boolean): void {
  // First: the files inside a folder that is a file cannot even be looked at (ENOTDIR).
  const folder = FOLDERS[format];
  if (folder !== undefined && pathKind(output) === "file") throw new InputError(`${output} is a file: ${folder}; nothing written`);
  for (const file of files) {
    const input = inputs.find((path) => sameFile(path, file));
    if (input !== undefined) throw new InputError(`${file} is also an input (${input}): nothing written; give another output`);
  }
  const folders = files.filter((path) => pathKind(path) === "folder");
  if (folders.length > 0) throw new InputError(`${folders.join(", ")} is a folder, not a file: nothing written`);
  const existing = files.filter((path) => pathKind(path) === "file");
  if (existing.length > 0 && !force) {
    throw new InputError(`${existing.join(", ")} already exists: nothing written (--force overwrites)`);
  }
}

/**
 * A file written a piece at a time: into a file of its own beside `path` (created, never an
 * existing one), renamed to `path` once whole, and removed if the writing fails, so that a failed
 * write leaves neither a part of the output nor a changed file.
 */
function writeStreamed(path: string, writeAll: (write: (piece: string) => void) => void): void {
  const partial = `${path}.${process.pid}.partial`;
  const fd = openSync(partial, "wx");
  try {
    try {
      writeAll((piece) => {
        const bytes = Buffer.from(piece);
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
      });
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** What `make` gives; a graph the format cannot hold (a quote in a Pajek label) is bad input, naming the output. */
function unwritable<T>(output: string, format: Format, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (!(error instanceof UnwritableGraphError)) throw error;
    const reason = error.message.replace(/^linkscale\/[^:]*: /, "");
    throw new InputError(`${output}: cannot be written as ${format}: ${reason}; nothing written (another format may hold it)`);
  }
}
