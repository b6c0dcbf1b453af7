import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { analyse, type AnalysisInput } from "../analysis/analyse.ts";
import type { Windowing } from "@linkscale/core";
import { parseClusterFlag } from "../analysis/clusters.ts";
import { parseStagesFlag } from "../analysis/stages.ts";
import { DEFAULTS, readConfig, type ResolvedConfig } from "../analysis/config.ts";
import { renderHtmlReport } from "../analysis/html/report-html.ts";
import { buildReport, fileDigests, isLinkscaleReport, reportJson, type Report } from "../analysis/report.ts";
import { formatAnalysis } from "../analysis/summary-text.ts";
import { InputError, inputNotes, loadInput, pathKind, printable, type InputOptions, type LoadedInput } from "../input.ts";
import { createProgress, type Progress } from "../progress.ts";
import { addInputOptions, inputOptions, validateCommandLine, type InputFlags } from "./input-options.ts";

interface AnalyzeFlags extends InputFlags, PlaceFlags {
  config?: string;
  seed?: number;
  out: string;
  force?: boolean;
  allowRejects?: boolean;
  json?: boolean;
  quiet?: boolean;
}

/** A generator mark in each report file: a file without it was not written by us and is never overwritten. */
export const HTML_MARK = '<meta name="generator" content="linkscale">';

/** report.html as we write it: a page whose head, not just any part of it, holds our generator mark. */
export function isLinkscaleHtml(text: string): boolean {
  const headEnd = text.indexOf("</head>");
  return text.startsWith("<!doctype html>") && headEnd !== -1 && text.slice(0, headEnd).includes(HTML_MARK);
}

export function analyzeCommand(program: Command): void {
  addInputOptions(
    program
      .command("analyze")
      .description("run every metric on a network: a summary on stdout, report.json and report.html in --out")
      .argument("[input...]", "files or directories, as for validate"),
  )
    .option("--config <file>", "linkscale.json: places, groups, weighting, sections, options")
    .option("--seed <n>", "seed for every random step (communities, sampling, permutations)", parseInteger)
    .option("--nuts-level <n>", "take region codes as NUTS codes at this level (0-3): longer ones cut, shorter ones unknown", parseNutsLevel)
    .option("--no-same-city", "where a region is unknown, do not count organisations in the same city as local")
    .option("--local-within-km <km>", "where a region is unknown, count ends within this many km as local", parsePositive)
    .option("--admin1", "where a region is unknown, count organisations in the same first-level administrative region, derived from their coordinates, as local")
    .option("--clusters <by>", "what makes a cluster: an organisation attribute (cluster, country, region…), city, or geo[:KM] (geographic clusters within KM km)", parseClusterFlag)
    .option("--stages <windows>", "the stages section's windows: yearly, cumulative, rolling:WIDTH[,STEP], or NAME=FROM-TO,… (e.g. start-up=2007-2010,development=2011-2015)", parseStagesFlag)
    .option("--out <dir>", "where to write report.json and report.html", "linkscale-report")
    .option("--force", "overwrite report files that linkscale did not write")
    .option("--allow-rejects", "analyse the accepted rows even when rows were rejected; the report's notes count them")
    .option("--json", "print report.json on stdout instead of the summary")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      const progress = createProgress(flags.quiet ?? false);
      const config = configFrom(flags);
      const { loaded, notes } = loadAnalysed(inputs, flags, config, progress, "nothing analysed");
      const report = runAnalysis(loaded, config, progress, notes);
      const graph = analysisInput(loaded).graph;
      await writeReports(flags.out, report, graph, flags.force ?? false);
      process.stdout.write(flags.json ? reportJson(report) : printable(formatAnalysis(report, graph)) + `\nreports: ${join(flags.out, "report.json")}, ${join(flags.out, "report.html")}\n`);
    });
}

/** The place rules a command line may set over linkscale.json's `places`. */
export interface PlaceFlags {
  /** --clusters: the grouping of the clusters section, over linkscale.json's clusters.by. */
  clusters?: { by: string; radiusKm?: number };
  /** --stages: the stages section's windows, over linkscale.json's stages. */
  stages?: Windowing;
  nutsLevel?: 0 | 1 | 2 | 3;
  /** commander's --no-same-city: false when given, else true. */
  sameCity?: boolean;
  localWithinKm?: number;
  admin1?: boolean;
}

export function configFrom(flags: { config?: string; seed?: number } & PlaceFlags): ResolvedConfig {
  const config = flags.config === undefined ? DEFAULTS : readConfig(flags.config);
  const places = {
    ...config.places,
    ...(flags.nutsLevel === undefined ? {} : { nutsLevel: flags.nutsLevel }),
    ...(flags.sameCity === false ? { sameCity: false } : {}),
    ...(flags.localWithinKm === undefined ? {} : { localWithinKm: flags.localWithinKm }),
    ...(flags.admin1 === true ? { admin1: true } : {}),
  };
  const clusters = flags.clusters === undefined ? config.clusters : { ...config.clusters, ...flags.clusters };
  return { ...config, places, clusters, stages: flags.stages ?? config.stages, ...(flags.seed === undefined ? {} : { seed: flags.seed }) };
}

/**
 * The input to analyse (or check) and its notes: rejected rows stop the run, saying `refused`,
 * unless --allow-rejects lets the accepted rows through.
 */
export function loadAnalysed(inputs: string[], flags: InputFlags & { allowRejects?: boolean }, config: ResolvedConfig, progress: Progress, refused: string) {
  const options = { ...inputOptions(flags), ...configInput(config, flags) };
  const loaded = loadInput(inputs, options, progress);
  const notes = inputNotes(loaded, { allowRejects: flags.allowRejects ?? false, validateCommand: validateCommandLine(inputs, options), refused });
  return { loaded, notes };
}

/** The config's input settings; flags given on the command line win. */
export function configInput(config: ResolvedConfig, flags: InputFlags): InputOptions {
  return {
    ...(Object.keys(config.columns).length > 0 && flags.map === undefined ? { mapping: config.columns } : {}),
    ...(config.delimiter !== undefined && flags.delimiter === undefined ? { delimiter: config.delimiter } : {}),
    ...(flags.counting === "full" && config.counting !== "full" ? { counting: config.counting } : {}),
  };
}

export function analysisInput(loaded: LoadedInput): AnalysisInput {
  if (loaded.form === "graph") return { graph: loaded.load.graph };
  const { graph, participations } = loaded.dataset;
  return participations === undefined ? { graph } : { graph, participations };
}

/** The report of a run; `inputNotes` (rejected rows let through) come before the metrics' notes. */
export function runAnalysis(loaded: LoadedInput, config: ResolvedConfig, progress: Progress, inputNotes: readonly string[] = []): Report {
  const { results, notes } = analyse(analysisInput(loaded), config, progress);
  return buildReport(fileDigests(loaded.files), config, results, [...inputNotes, ...notes]);
}

/**
 * Writes report.json and report.html in `folder`, overwriting only files linkscale wrote (told by
 * their structure, not by a substring) unless `force`. Checked before anything is written: an
 * --out that is a file, or a report path that is a folder, is refused whatever `force` says.
 */
async function writeReports(folder: string, report: Report, graph: AnalysisInput["graph"], force: boolean): Promise<void> {
  if (pathKind(folder) === "file") throw new InputError(`${folder} is a file: --out names the folder to write report.json and report.html in; nothing written`);
  const files: Array<[string, string, (text: string) => boolean]> = [
    [join(folder, "report.json"), reportJson(report), isLinkscaleReport],
    [join(folder, "report.html"), await renderHtmlReport(report, graph), isLinkscaleHtml],
  ];
  const folders = files.filter(([path]) => pathKind(path) === "folder");
  if (folders.length > 0) throw new InputError(`${folders.map(([path]) => path).join(", ")} is a folder, not a file: nothing written`);
  const foreign = files.filter(([path, , ours]) => pathKind(path) === "file" && !ours(readFileSync(path, "utf8")));
  if (foreign.length > 0 && !force) {
    throw new InputError(`${foreign.map(([path]) => path).join(", ")} exists and was not written by linkscale: nothing written (--force overwrites)`);
  }
  mkdirSync(folder, { recursive: true });
  for (const [path, text] of files) writeFileSync(path, text);
}

function parseNutsLevel(value: string): 0 | 1 | 2 | 3 {
  if (!["0", "1", "2", "3"].includes(value)) throw new InvalidArgumentError(`expected a NUTS level 0, 1, 2 or 3, got "${value}"`);
  return Number(value) as 0 | 1 | 2 | 3;
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!(number > 0)) throw new InvalidArgumentError(`expected a distance in km above 0, got "${value}"`);
  return number;
}

export function parseInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return number;
}
