import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { analyse, type AnalysisInput } from "../analysis/analyse.ts";
import type { Windowing } from "@linkscale/core";
import { parseClusterFlag } from "../analysis/clusters.ts";
import { parseStagesFlag } from "../analysis/stages.ts";
import { DEFAULTS, readConfig, type ResolvedConfig } from "../analysis/config.ts";
import { renderHtmlReport } from "../analysis/html/report-html.ts";
import { detailedResults } from "../analysis/organisation-tables.ts";
import { isLinkscaleOrganisationsCsv, ORGANISATIONS_FILE, organisationsCsv } from "../analysis/organisations-csv.ts";
import { buildReport, fileDigests, isLinkscaleReport, reportJson, type Report } from "../analysis/report.ts";
import { formatAnalysis } from "../analysis/summary-text.ts";
import { loadNetwork } from "../engine/choose-engine.ts";
import { InputError, inputNotes, pathKind, printable, type InputOptions, type LoadedInput } from "../input.ts";
import { createProgress, type Progress } from "../progress.ts";
import { addGraphFormOption, addInputOptions, inputOptions, validateCommandLine, type InputFlags } from "./input-options.ts";
import { collectBetweenPhases, keepHeapLean } from "../heap.ts";

interface AnalyzeFlags extends InputFlags, PlaceFlags, DetailFlags {
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
  addGraphFormOption(addInputOptions(
    program
      .command("analyze")
      .description("run every metric on a network: a summary on stdout, report.json and report.html in --out")
      .argument("[input...]", "files or directories, as for validate"),
  ))
    .option("--config <file>", "linkscale.json: places, groups, weighting, sections, options")
    .option("--seed <n>", "seed for every random step (communities, sampling, permutations)", parseInteger)
    .option("--nuts-level <n>", "take region codes as NUTS codes at this level (0-3): longer ones cut, shorter ones unknown", parseNutsLevel)
    .option("--no-same-city", "where a region is unknown, do not count organisations in the same city as local")
    .option("--local-within-km <km>", "where a region is unknown, count ends within this many km as local", parsePositive)
    .option("--admin1", "where a region is unknown, count organisations in the same first-level administrative region, derived from their coordinates, as local")
    .option("--clusters <by>", "what makes a cluster: an organisation attribute (cluster, country, region…), city, or geo[:KM] (geographic clusters within KM km)", parseClusterFlag)
    .option("--stages <windows>", "the stages section's windows: yearly, cumulative, rolling:WIDTH[,STEP], or NAME=FROM-TO,… (e.g. start-up=2007-2010,development=2011-2015)", parseStagesFlag)
    .option("--detail <level>", `how much of each per-organisation table report.json holds: top (the --top organisations by its measure) or full (every organisation, in ${ORGANISATIONS_FILE})`, parseDetail)
    .option("--top <n>", `how many organisations each per-organisation table lists (implies --detail top; default ${DEFAULTS.organisations.top})`, parseTop)
    .option("--out <dir>", `where to write report.json and report.html (and ${ORGANISATIONS_FILE} at --detail full)`, "linkscale-report")
    .option("--force", "overwrite report files that linkscale did not write")
    .option("--allow-rejects", "analyse the accepted rows even when rows were rejected; the report's notes count them")
    .option("--json", "print report.json on stdout instead of the summary")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (inputs: string[], flags: AnalyzeFlags) => {
      keepHeapLean();
      const progress = createProgress(flags.quiet ?? false);
      const config = configFrom(flags);
      const target = new ReportFolder(flags.out, flags.force ?? false);
      const { report, graph } = await analysed(inputs, flags, config, progress);
      progress.step("writing the reports");
      // The summary first, while the heap is small: made after report.html, its garbage came on
      // top of vega and the page (20 MB more at the full Horizon 2020 network's peak).
      const summary = flags.json ? "" : printable(formatAnalysis(report, graph));
      const files = await reportFiles(report, graph);
      writeReports(target, files);
      process.stdout.write(flags.json ? files.json : summary + `\nreports: ${reportsLine(flags.out, files, config)}\n`);
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

/** --detail and --top, over linkscale.json's `organisations`. */
export interface DetailFlags {
  detail?: "top" | "full";
  top?: number;
}

export function configFrom(flags: { config?: string; seed?: number } & PlaceFlags & DetailFlags): ResolvedConfig {
  if (flags.top !== undefined && flags.detail === "full") {
    throw new InputError("--top lists the top organisations of each table and --detail full lists every organisation: give one of them");
  }
  const config = flags.config === undefined ? DEFAULTS : readConfig(flags.config);
  // --top alone asks for the top, whatever linkscale.json's detail.
  const organisations = { detail: flags.detail ?? (flags.top === undefined ? config.organisations.detail : "top"), top: flags.top ?? config.organisations.top };
  const places = {
    ...config.places,
    ...(flags.nutsLevel === undefined ? {} : { nutsLevel: flags.nutsLevel }),
    ...(flags.sameCity === false ? { sameCity: false } : {}),
    ...(flags.localWithinKm === undefined ? {} : { localWithinKm: flags.localWithinKm }),
    ...(flags.admin1 === true ? { admin1: true } : {}),
  };
  const clusters = flags.clusters === undefined ? config.clusters : { ...config.clusters, ...flags.clusters };
  return { ...config, places, clusters, organisations, stages: flags.stages ?? config.stages, ...(flags.seed === undefined ? {} : { seed: flags.seed }) };
}

/**
 * The input to analyse (or check) and its notes: rejected rows stop the run, saying `refused`,
 * unless --allow-rejects lets the accepted rows through.
 */
export async function loadAnalysed(inputs: string[], flags: InputFlags & { allowRejects?: boolean }, config: ResolvedConfig, progress: Progress, refused: string) {
  const options = { ...inputOptions(flags), ...configInput(config, flags) };
  // Out of core, the stages' windows are projected as the input is, and need the windowing then.
  const { loaded, engineRule } = await loadNetwork(inputs, { ...options, windowing: config.stages }, progress);
  const notes = inputNotes(loaded, { allowRejects: flags.allowRejects ?? false, validateCommand: validateCommandLine(inputs, options), refused });
  return { loaded, notes: engineRule === undefined ? notes : [`input: ${engineRule}`, ...notes] };
}

/**
 * The report of the inputs, and the graph it is of. The loaded tables and participations stay in
 * this function's frame, so they are garbage once it returns: kept to the end of the command, they
 * held 9 MB of the full Horizon 2020 data's heap while the reports were written.
 */
async function analysed(inputs: string[], flags: AnalyzeFlags, config: ResolvedConfig, progress: Progress): Promise<{ report: Report; graph: AnalysisInput["graph"] }> {
  const { loaded, notes } = await loadAnalysed(inputs, flags, config, progress, "nothing analysed");
  return { report: await runAnalysis(loaded, config, progress, notes), graph: analysisInput(loaded).graph };
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
  const { graph, participations, tripleHelix, windows } = loaded.dataset;
  return { graph, ...(participations === undefined ? {} : { participations }), ...(tripleHelix === undefined ? {} : { tripleHelix }), ...(windows === undefined ? {} : { windows }) };
}

/** The report of a run; `inputNotes` (rejected rows let through) come before the metrics' notes. */
export async function runAnalysis(loaded: LoadedInput, config: ResolvedConfig, progress: Progress, inputNotes: readonly string[] = []): Promise<Report> {
  const { results, notes } = await analyse(analysisInput(loaded), config, progress);
  return buildReport(fileDigests(loaded.files), config, results, [...inputNotes, ...notes]);
}

/** What analyze writes: report.json at the configured detail, report.html, and at detail "full" the side file. */
interface ReportFiles {
  json: string;
  html: string;
  /** report-organisations.csv; null at detail "top", or where no section has a per-organisation table. */
  organisationsCsv: string | null;
  /** Whether the report has any per-organisation table. */
  organisationTables: boolean;
}

/**
 * The report files of a run. report.html and the summary read the full results (a histogram is of
 * every organisation); report.json holds the per-organisation tables at config.organisations.
 */
async function reportFiles(report: Report, graph: AnalysisInput["graph"]): Promise<ReportFiles> {
  const { detail } = report.config.organisations;
  collectBetweenPhases(graph.size);
  const { results, tables } = detailedResults(report.results, report.config.organisations);
  const json = reportJson({ ...report, results });
  collectBetweenPhases(graph.size);
  return {
    json,
    html: await renderHtmlReport(report, graph),
    organisationsCsv: detail === "full" && tables.length > 0 ? organisationsCsv(tables, graph) : null,
    organisationTables: tables.length > 0,
  };
}

function reportsLine(folder: string, files: ReportFiles, { organisations }: ResolvedConfig): string {
  const [json, html] = [join(folder, "report.json"), join(folder, "report.html")];
  if (!files.organisationTables) return `${json}, ${html}`;
  if (files.organisationsCsv !== null) return `${json}, ${html}, ${join(folder, ORGANISATIONS_FILE)} (every organisation)`;
  return `${json} (the top ${organisations.top} organisations of each per-organisation table; --detail full writes every one), ${html}`;
}

/** A report file: its path and how to tell that linkscale wrote it. */
type ReportPath = readonly [path: string, ours: (text: string) => boolean];

/**
 * Where the reports go: `folder`, overwriting only files linkscale wrote (told by their structure,
 * not by a substring) unless `force`. An --out that is a file, or a report path that is a
 * folder, is refused whatever `force` says. Checked when the command starts, so that a refusal
 * comes before the analysis, not after it, and again before anything is written; a file is read
 * again only if it changed in between (its size, time or inode), so the reports are not made
 * beside a parse of the last report.json (20 MB of heap on the full Horizon 2020 network).
 */
export class ReportFolder {
  readonly #read = new Map<string, { stamp: string; ours: boolean }>();

  constructor(
    readonly folder: string,
    readonly force: boolean,
  ) {
    this.check([
      [join(folder, "report.json"), isLinkscaleReport],
      [join(folder, "report.html"), isLinkscaleHtml],
    ]);
  }

  /** Refuses, writing nothing, where a path is a folder, or a file linkscale did not write (unless `force`). */
  check(files: readonly ReportPath[]): void {
    const { folder } = this;
    if (pathKind(folder) === "file") throw new InputError(`${folder} is a file: --out names the folder to write report.json and report.html in; nothing written`);
    const folders = files.filter(([path]) => pathKind(path) === "folder");
    if (folders.length > 0) throw new InputError(`${folders.map(([path]) => path).join(", ")} is a folder, not a file: nothing written`);
    const foreign = files.filter(([path, ours]) => pathKind(path) === "file" && !this.wrote(path, ours));
    if (foreign.length > 0 && !this.force) {
      throw new InputError(`${foreign.map(([path]) => path).join(", ")} exists and was not written by linkscale: nothing written (--force overwrites)`);
    }
  }

  /** Whether linkscale wrote the file at `path`, read once and again only if it changed. */
  wrote(path: string, ours: (text: string) => boolean): boolean {
    const { size, mtimeMs, ino } = statSync(path);
    const stamp = `${size} ${mtimeMs} ${ino}`;
    const read = this.#read.get(path);
    if (read?.stamp === stamp) return read.ours;
    const verdict = ours(readFileSync(path, "utf8"));
    this.#read.set(path, { stamp, ours: verdict });
    return verdict;
  }
}

/**
 * Writes the report files, after `target.check`. A run at detail "top" removes the
 * report-organisations.csv an earlier run at "full" wrote there, so the folder never holds a
 * table of another run beside the report; a file of that name linkscale did not write stays.
 */
function writeReports(target: ReportFolder, { json, html, organisationsCsv }: ReportFiles): void {
  const { folder } = target;
  const sideFile = join(folder, ORGANISATIONS_FILE);
  const files: Array<[path: string, text: string, ours: (text: string) => boolean]> = [
    [join(folder, "report.json"), json, isLinkscaleReport],
    [join(folder, "report.html"), html, isLinkscaleHtml],
    ...(organisationsCsv === null ? [] : [[sideFile, organisationsCsv, isLinkscaleOrganisationsCsv] as [string, string, (text: string) => boolean]]),
  ];
  target.check(files.map(([path, , ours]) => [path, ours] as const));
  mkdirSync(folder, { recursive: true });
  for (const [path, text] of files) writeFileSync(path, text);
  if (organisationsCsv === null && pathKind(sideFile) === "file" && target.wrote(sideFile, isLinkscaleOrganisationsCsv)) rmSync(sideFile);
}

function parseDetail(value: string): "top" | "full" {
  if (value !== "top" && value !== "full") throw new InvalidArgumentError(`expected top or full, got "${value}"`);
  return value;
}

function parseTop(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || !/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number of organisations, 1 or more, got "${value}"`);
  return number;
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
