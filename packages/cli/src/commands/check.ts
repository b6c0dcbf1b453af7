import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { analyse } from "../analysis/analyse.ts";
import type { ResolvedConfig, Section } from "../analysis/config.ts";
import { checkMetric, describeDrift, type MetricCheck } from "../check/compare.ts";
import { readExpectedFile } from "../check/expected-file.ts";
import { isLinkscaleJunit, junitXml } from "../check/junit.ts";
import { InputError, pathKind } from "../input.ts";
import { createProgress } from "../progress.ts";
import { analysisInput, configFrom, loadAnalysed, parseInteger } from "./analyze.ts";
import { addGraphFormOption, addInputOptions, type InputFlags } from "./input-options.ts";
import { keepHeapLean } from "../heap.ts";

interface CheckFlags extends InputFlags {
  expected: string;
  config?: string;
  seed?: number;
  json?: boolean;
  junit?: string;
  writeExpected?: boolean;
  force?: boolean;
  allowRejects?: boolean;
  quiet?: boolean;
}

/** What --write-expected records: a baseline of the headline metrics, not every per-node value. */
const BASELINE = (groupBy: readonly string[]) => [
  "counts.organisations",
  "counts.links",
  "counts.isolated",
  "counts.components",
  "centrality.measures.degree",
  "centrality.measures.strength",
  "centrality.measures.pagerank",
  "centrality.transitivity",
  "communities.count",
  "communities.modularity",
  "scales.network",
  "scales.byYear",
  ...groupBy.flatMap((g) => [`openness.${g}.ei`, `openness.${g}.mixing`, `brokerage.roles.${g}.network`]),
  "tripleHelix.mutualInformation.T",
  "tripleHelix.assortativity",
];

export function checkCommand(program: Command): void {
  addGraphFormOption(addInputOptions(
    program
      .command("check")
      .description("recompute the metrics an expected file lists and compare them; exit 1 when any drifted, 2 on bad input")
      .argument("[input...]", "files or directories, as for validate"),
  ))
    .requiredOption("--expected <file>", "the expected values (see packages/cli/schema/expected.schema.json)")
    .option("--config <file>", "linkscale.json; default: the expected file's own config")
    .option("--seed <n>", "seed for every random step", parseInteger)
    .option("--json", "print the outcome as JSON")
    .option("--junit <file>", "also write the outcome as JUnit XML")
    .option("--write-expected", "write --expected from this run (a regression baseline) instead of checking")
    .option("--force", "overwrite a file linkscale did not write")
    .option("--allow-rejects", "check the metrics of the accepted rows even when rows were rejected; a note counts them")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (inputs: string[], flags: CheckFlags) => {
      keepHeapLean();
      const progress = createProgress(flags.quiet ?? false);
      if (flags.writeExpected) {
        if (pathKind(flags.expected) === "folder") throw new InputError(`${flags.expected} is a folder: --expected names the file to write; nothing written`);
        if (existsSync(flags.expected) && !flags.force) throw new InputError(`${flags.expected} already exists: nothing written (--force overwrites)`);
        const config = configFrom(flags);
        const { loaded, notes } = await loadAnalysed(inputs, flags, config, progress, "nothing checked");
        const { results } = await analyse(analysisInput(loaded), config, progress);
        writeFileSync(flags.expected, baseline(results, config));
        process.stdout.write(notes.map((note) => `note: ${note}\n`).join("") + `wrote ${flags.expected}\n`);
        return;
      }

      const expected = readExpectedFile(flags.expected);
      const config = flags.config !== undefined || expected.config === undefined ? configFrom(flags) : { ...expected.config, ...(flags.seed === undefined ? {} : { seed: flags.seed }) };
      const sections = [...new Set(expected.metrics.map((metric) => metric.section))] as Section[];
      const { loaded, notes } = await loadAnalysed(inputs, flags, config, progress, "nothing checked");
      const { results } = await analyse(analysisInput(loaded), config, progress, sections);
      const plain: unknown = JSON.parse(JSON.stringify(results, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value)));
      const checks = expected.metrics.map((metric) => checkMetric(metric, plain));
      if (flags.junit !== undefined) writeJunit(flags.junit, junitXml(checks, flags.expected), flags.force ?? false);
      process.stdout.write(flags.json ? JSON.stringify(outcome(checks, notes), null, 2) + "\n" : formatChecks(checks, flags.expected, notes));
      if (checks.some((check) => check.drifts.length > 0)) process.exitCode = 1;
    });
}


function outcome(checks: readonly MetricCheck[], notes: readonly string[]) {
  return {
    passed: checks.every((check) => check.drifts.length === 0),
    checked: checks.reduce((sum, check) => sum + check.checked, 0),
    notes,
    metrics: checks,
  };
}

function formatChecks(checks: readonly MetricCheck[], file: string, notes: readonly string[]): string {
  const lines: string[] = notes.map((note) => `note: ${note}`);
  for (const check of checks) {
    lines.push(`${check.drifts.length === 0 ? "ok   " : "DRIFT"} ${check.metric}: ${check.checked - check.drifts.length} of ${check.checked} hold`);
    for (const drift of check.drifts.slice(0, 20)) lines.push(`      ${describeDrift(drift)}`);
    if (check.drifts.length > 20) lines.push(`      … and ${check.drifts.length - 20} more (--json lists all)`);
  }
  const { passed, checked } = outcome(checks, notes);
  const drifted = checks.filter((check) => check.drifts.length > 0).length;
  lines.push(passed ? `${file}: all ${checked} values in ${checks.length} metrics hold` : `${file}: ${drifted} of ${checks.length} metrics drifted`);
  return lines.join("\n") + "\n";
}

function writeJunit(path: string, xml: string, force: boolean): void {
  const kind = pathKind(path);
  if (kind === "folder") throw new InputError(`${path} is a folder: --junit names the file to write; nothing written`);
  if (kind === "file" && !force && !isLinkscaleJunit(readFileSync(path, "utf8"))) {
    throw new InputError(`${path} exists and was not written by linkscale check: nothing written (--force overwrites)`);
  }
  writeFileSync(path, xml);
}

function baseline(results: unknown, config: ResolvedConfig): string {
  const plain = JSON.parse(JSON.stringify(results, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? null : value))) as unknown;
  const metrics: Record<string, { expected: unknown }> = {};
  for (const metric of BASELINE(config.groupBy)) {
    const value = metric.split(".").reduce<unknown>((at, key) => (typeof at === "object" && at !== null ? (at as Record<string, unknown>)[key] : undefined), plain);
    if (value !== undefined) metrics[metric] = { expected: numbersOnly(value) };
  }
  return (
    JSON.stringify(
      {
        description: "A regression baseline written by linkscale check --write-expected from linkscale's own run: it catches drift, it does not vouch for correctness.",
        config,
        metrics,
      },
      null,
      2,
    ) + "\n"
  );
}

/** The numeric leaves of a value (strings and arrays dropped), as an expected file holds them. */
function numbersOnly(value: unknown): unknown {
  if (value === null || typeof value === "number") return value;
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const entries = Object.entries(value).map(([key, inner]) => [key, numbersOnly(inner)] as const).filter(([, inner]) => inner !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
