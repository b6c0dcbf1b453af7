/**
 * `npm run fuzz` (issue 22): every loader of packages/io against 100,000 mutated real inputs,
 * counting foreign exceptions, hangs and inputs whose rows or items do not add up.
 *
 *   node --import tsx packages/io/fuzz/index.ts [--runs N] [--seed S] [--loader NAME]... [--max-restarts N]
 *   node --import tsx packages/io/fuzz/index.ts --loader NAME --seed S --replay PATH
 *
 * Each loader runs in a child process of its own, two at a time (the machine's two cores): a
 * loader caught in an endless loop cannot be stopped from inside its process, so a watchdog here
 * kills a child that has made no progress for 60 s, counts a hang at the input it was on, and
 * starts a new child after that input, so the run still covers every input. Each such hang costs
 * a minute: past `--max-restarts` of them (default 50) a loader's remaining inputs are left
 * unrun, and the report says how many. The child writes the index of each input to a file before
 * running it (a message would wait for the child's event loop, which a loop never gives back).
 *
 * Progress goes to stderr; the table, and for each kind of failure the seed, fast-check's path
 * and the minimal input, to stdout; `--replay` runs one input again by its path. The exit code
 * is 1 when anything failed, 2 for a mistake in the command line.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  abbreviate,
  countFailures,
  failuresOf,
  formatFailure,
  fuzzLoaders,
  inputAt,
  shrinkFailure,
  skippedLoaders,
  type Failure,
  type FuzzLoader,
  type FuzzReport,
  type Tally,
} from "./loaders.ts";

const DEFAULT_RUNS = 100_000;
const DEFAULT_SEED = 22;
/** Children at once: the machine has two cores, shared with other work. */
const PARALLEL = 2;
/** A child with no new input started for this long is stuck in one: killed, counted a hang. */
const STALL_MS = 60_000;
/** Shrinking runs an input many times; past this, the smallest input found so far is reported. */
const SHRINK_MS = 60_000;
const POLL_MS = 1_000;
/** New children after a kill or a crash, per loader, unless --max-restarts says otherwise. */
const DEFAULT_MAX_RESTARTS = 50;
/** Tries to start a loader's child that dies before its first input, and the pause between. */
const START_ATTEMPTS = 3;
const START_PAUSE_MS = 30_000;
/** Fixed width of the progress file's one record, so each write replaces the whole of it. */
const PROGRESS_BYTES = 256;

const thisFile = fileURLToPath(import.meta.url);

/**
 * A loader's report, with the inputs left unrun when its children kept getting stuck, or could
 * not start (and why).
 */
type RunnerReport = FuzzReport & { unrun?: number; startFailure?: string };

interface Progress extends Tally {
  phase: "count" | "shrink";
  /** The input about to run: its run index (count phase) or its number while shrinking. */
  index: number;
}

type ChildMessage = { type: "counted"; report: FuzzReport } | { type: "shrunk"; report: FuzzReport };

/** A mistake in the command line: said in one line, exit code 2, no stack. */
function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = parseCommandLine();

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        runs: { type: "string" },
        seed: { type: "string" },
        loader: { type: "string", multiple: true },
        replay: { type: "string" },
        // Set by the runner for its children.
        child: { type: "string" },
        status: { type: "string" },
        skip: { type: "string" },
        "max-restarts": { type: "string" },
      },
    }).values;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

const runs = wholeNumber("--runs", args.runs, DEFAULT_RUNS);
const seed = wholeNumber("--seed", args.seed, DEFAULT_SEED);
const maxRestarts = wholeNumber("--max-restarts", args["max-restarts"], DEFAULT_MAX_RESTARTS);

// ---------------------------------------------------------------------------------------------
// The parent: children, watchdog, table.

async function runAll(): Promise<void> {
  const available = fuzzLoaders().map((loader) => loader.name);
  const skipped = skippedLoaders();
  const wanted = args.loader ?? [...available];
  for (const name of wanted) {
    if (!available.includes(name)) {
      const why = skipped.includes(name) ? "it has no seeds (../shared/data is missing)" : `the loaders are ${available.join(", ")}`;
      usage(`no loader "${name}" to fuzz: ${why}`);
    }
  }
  if (skipped.length > 0) process.stderr.write(`skipped, for want of ../shared/data: ${skipped.join(", ")}\n`);
  process.stderr.write(`fuzzing ${wanted.length} loaders, ${runs} inputs each, seed ${seed}, ${PARALLEL} at a time\n`);

  const started = performance.now();
  const queue = [...wanted];
  const reports = new Map<string, RunnerReport>();
  const worker = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) reports.set(name, await fuzzInChildren(name));
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const wallSeconds = (performance.now() - started) / 1000;

  const ordered = wanted.map((name) => reports.get(name) as RunnerReport);
  process.stdout.write(`${table(ordered, wallSeconds)}\n`);
  const failed = ordered.filter(
    (report) => report.foreign + report.hangs + report.violations > 0 || report.unrun !== undefined || report.startFailure !== undefined,
  );
  for (const report of failed) {
    for (const failure of report.failures) process.stdout.write(`\n${formatFailure(report.loader, seed, failure)}\n`);
    if (report.moreKinds > 0) process.stdout.write(`\n${report.loader}: ${report.moreKinds} more kinds of failure, not kept\n`);
    if (report.startFailure !== undefined) {
      process.stdout.write(`\n${report.loader}: its child could not start (${START_ATTEMPTS} tries); ${report.unrun} inputs not run:\n  ${report.startFailure.split("\n").join("\n  ")}\n`);
    } else if (report.unrun !== undefined) {
      process.stdout.write(`\n${report.loader}: ${report.unrun} inputs not run, past --max-restarts ${maxRestarts}\n`);
    }
  }
  process.stdout.write(failed.length === 0 ? "\nno failures\n" : `\nfailures in ${failed.map((r) => r.loader).join(", ")} (seed ${seed})\n`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

/** The children running, killed with the runner, which they would otherwise outlive. */
const running = new Set<ChildProcess>();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill("SIGKILL");
    process.exit(130);
  });
}

/**
 * One loader's whole run: a child, and after each watchdog kill another from the next input. A
 * child that dies before its first input (the sources failing to load, say while someone edits
 * them) is no finding about the loader: it is tried again, after a pause, from the same input.
 */
async function fuzzInChildren(name: string): Promise<RunnerReport> {
  let total: FuzzReport | undefined;
  let skip = 0;
  let startAttempts = 0;
  let restarts = 0;
  for (;;) {
    const { report, stuckAt, startFailure } = await fuzzInChild(name, skip);
    if (startFailure !== undefined) {
      if (++startAttempts === START_ATTEMPTS) return { ...(total ?? report), startFailure, unrun: runs - skip };
      process.stderr.write(`${name}: the child did not start; trying again in ${START_PAUSE_MS / 1000} s\n`);
      await new Promise((resolve) => setTimeout(resolve, START_PAUSE_MS));
      continue;
    }
    startAttempts = 0;
    total = total === undefined ? report : mergeReports(total, report);
    if (stuckAt === undefined || stuckAt + 1 >= runs) return total;
    if (restarts === maxRestarts) {
      const unrun = runs - stuckAt - 1;
      process.stderr.write(`${name}: ${restarts + 1} children killed or dead; the last ${unrun} inputs are not run\n`);
      return { ...total, unrun };
    }
    skip = stuckAt + 1;
    restarts++;
    process.stderr.write(`${name}: resuming after input ${stuckAt}\n`);
  }
}

/**
 * One child, watched. Resolves with its report; when the watchdog killed it (or it died) during
 * the count, with what its progress file said and the run index it was stuck at; when it never
 * reached an input, with why.
 */
function fuzzInChild(name: string, skip: number): Promise<{ report: FuzzReport; stuckAt?: number; startFailure?: string }> {
  const directory = mkdtempSync(join(tmpdir(), "linkscale-fuzz-"));
  const childArgs = ["--child", name, "--runs", String(runs), "--seed", String(seed), "--status", directory, "--skip", String(skip)];
  const child = fork(thisFile, childArgs, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "pipe", "ipc"] });
  running.add(child);
  const started = performance.now();
  let stderrTail = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    stderrTail = (stderrTail + chunk.toString("utf8")).slice(-4_000);
  });
  let counted: FuzzReport | undefined;
  let shrunk: FuzzReport | undefined;
  child.on("message", (message: ChildMessage) => {
    if (message.type === "counted") counted = message.report;
    else shrunk = message.report;
  });

  const step = Math.max(1_000, Math.round(runs / 20));
  let nextReport = skip + step;
  let lastReportAt = started;
  let last: { key: string; at: number; progress?: Progress } = { key: "", at: started };
  let stalledMs: number | undefined;
  const watchdog = setInterval(() => {
    const now = performance.now();
    const progress = readProgress(directory);
    if (progress !== undefined && `${progress.phase}:${progress.index}` !== last.key) {
      last = { key: `${progress.phase}:${progress.index}`, at: now, progress };
      if (progress.phase === "count" && (progress.index >= nextReport || now - lastReportAt > 30_000)) {
        process.stderr.write(`${name}: ${progress.index}/${runs} inputs, ${Math.round((now - started) / 1000)} s\n`);
        while (nextReport <= progress.index) nextReport += step;
        lastReportAt = now;
      }
    }
    if (stalledMs === undefined && now - last.at > STALL_MS) {
      stalledMs = now - last.at;
      process.stderr.write(`${name}: no progress for ${Math.round(stalledMs / 1000)} s at ${last.key || "start"}: killing the child\n`);
      child.kill("SIGKILL");
    }
  }, POLL_MS);

  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      running.delete(child);
      clearInterval(watchdog);
      const progress = readProgress(directory) ?? last.progress;
      const failuresSoFar = readFailures(directory);
      rmSync(directory, { recursive: true, force: true });
      const seconds = (performance.now() - started) / 1000;
      if (shrunk !== undefined) return resolve({ report: { ...shrunk, seconds } });
      const where = progress === undefined ? "before its first input" : `at ${progress.phase} input ${progress.index}`;
      const died = stalledMs !== undefined ? `no progress for ${Math.round(stalledMs / 1000)} s ${where}: killed` : `the child died (exit code ${code}, signal ${signal}) ${where}`;
      if (counted !== undefined) {
        // Killed or dead while shrinking: the count stands; the input being shrunk hung or crashed.
        const report = { ...counted, seconds };
        const failure: Failure = {
          kind: stalledMs !== undefined ? "hang" : "foreign exception",
          signature: stalledMs !== undefined ? "hang (while shrinking)" : "the child process died (while shrinking)",
          detail: `${died}\n${stderrTail}`.trim(),
          firstRun: progress?.index ?? 0,
          occurrences: 1,
          note: "found while shrinking an earlier failure: the input is not known by its run index",
        };
        return resolve({ report: addFailure(report, failure) });
      }
      const empty: FuzzReport = { loader: name, seed, runs, inputs: 0, foreign: 0, hangs: 0, violations: 0, slowestMs: 0, seconds, failures: [], moreKinds: 0 };
      if (progress === undefined) return resolve({ report: empty, startFailure: `${died}\n${stderrTail}`.trim() });
      // Killed or dead while counting: the progress file holds the tally of the inputs before.
      const { inputs, foreign, hangs, violations, slowestMs, index } = progress;
      const base: FuzzReport = { ...empty, inputs, foreign, hangs, violations, slowestMs, failures: failuresSoFar };
      const failure: Failure = {
        kind: stalledMs !== undefined ? "hang" : "foreign exception",
        signature: stalledMs !== undefined ? "hang: no progress for a minute" : "the child process died",
        detail: `${died}\n${stderrTail}`.trim(),
        firstRun: index,
        occurrences: 1,
        note: `not shrunk (it cannot run to an end in a process); the input: ${abbreviateJson(describeInput(name, String(index)))}`,
      };
      const report = addFailure({ ...base, inputs: base.inputs + 1, slowestMs: Math.max(base.slowestMs, stalledMs ?? 0) }, failure);
      resolve({ report, stuckAt: index });
    });
  });
}

function readProgress(directory: string): Progress | undefined {
  try {
    return JSON.parse(readFileSync(join(directory, "progress"), "utf8").trim()) as Progress;
  } catch {
    // Not written yet, or read halfway through a write: the next poll reads it.
    return undefined;
  }
}

function readFailures(directory: string): Failure[] {
  try {
    return JSON.parse(readFileSync(join(directory, "failures.json"), "utf8")) as Failure[];
  } catch {
    return [];
  }
}

/** The input at a path, as the report shows it; generated here, never run. */
function describeInput(name: string, path: string): unknown {
  const loader = loaderNamed(name);
  return loader.show(inputAt(loader, seed, path));
}

function addFailure(report: FuzzReport, failure: Failure): FuzzReport {
  const counts = failure.kind === "hang" ? { hangs: report.hangs + 1 } : { foreign: report.foreign + 1 };
  return { ...report, ...counts, failures: [...report.failures, failure] };
}

/** Two children's reports on one loader, the second resumed after the first was killed. */
function mergeReports(first: FuzzReport, second: FuzzReport): FuzzReport {
  const failures = [...first.failures];
  for (const failure of second.failures) {
    const known = failures.find((kept) => kept.signature === failure.signature);
    if (known === undefined) failures.push(failure);
    else known.occurrences += failure.occurrences;
  }
  return {
    ...first,
    inputs: first.inputs + second.inputs,
    foreign: first.foreign + second.foreign,
    hangs: first.hangs + second.hangs,
    violations: first.violations + second.violations,
    slowestMs: Math.max(first.slowestMs, second.slowestMs),
    seconds: first.seconds + second.seconds,
    failures,
    moreKinds: first.moreKinds + second.moreKinds,
  };
}

function table(reports: readonly FuzzReport[], wallSeconds: number): string {
  const header = ["loader", "inputs", "foreign exceptions", "hangs (>5 s)", "count violations", "slowest ms", "seconds"];
  const rows = reports.map((r) => [r.loader, r.inputs, r.foreign, r.hangs, r.violations, Math.round(r.slowestMs), Math.round(r.seconds)].map(String));
  const sum = (pick: (r: FuzzReport) => number) => String(reports.reduce((total, r) => total + pick(r), 0));
  rows.push([
    "all",
    sum((r) => r.inputs),
    sum((r) => r.foreign),
    sum((r) => r.hangs),
    sum((r) => r.violations),
    String(Math.round(Math.max(0, ...reports.map((r) => r.slowestMs)))),
    `${Math.round(wallSeconds)} wall`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(header), rule, ...rows.slice(0, -1).map(line), rule, line(rows[rows.length - 1] as string[])].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The child: the two passes over one loader.

async function runChild(name: string, statusDirectory: string, skip: number): Promise<void> {
  const loader = loaderNamed(name);
  const progressFile = openSync(join(statusDirectory, "progress"), "w");
  const writeProgress = (progress: Progress) => writeSync(progressFile, JSON.stringify(progress).padEnd(PROGRESS_BYTES), 0);
  let failuresWritten = 0;
  const report = countFailures(loader, {
    runs,
    seed,
    skip,
    beforeInput: (index, tally, failures) => {
      writeProgress({ phase: "count", index, ...tally });
      // Written when a new kind appears, so a child killed later still reports it.
      if (failures.length !== failuresWritten) {
        failuresWritten = failures.length;
        writeFileSync(join(statusDirectory, "failures.json"), JSON.stringify(failures));
      }
    },
  });
  await send({ type: "counted", report });
  const shrunk = report.failures.map((failure) =>
    shrinkFailure(loader, failure, {
      seed,
      runs,
      timeLimitMs: SHRINK_MS,
      beforeInput: (index) => writeProgress({ phase: "shrink", index, ...tallyOf(report) }),
    }),
  );
  await send({ type: "shrunk", report: { ...report, failures: shrunk } });
  process.disconnect();
}

function tallyOf({ inputs, foreign, hangs, violations, slowestMs }: Tally): Tally {
  return { inputs, foreign, hangs, violations, slowestMs };
}

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) reject(new Error("run as the runner's child, with an IPC channel"));
    else process.send(message, undefined, {}, (error) => (error === null ? resolve() : reject(error)));
  });
}

// ---------------------------------------------------------------------------------------------
// --replay: one input, by its path, run here.

function replay(path: string): void {
  const [name, ...others] = args.loader ?? [];
  if (name === undefined || others.length > 0) usage("--replay needs exactly one --loader");
  const loader = loaderNamed(name);
  const input = inputAt(loader, seed, path);
  process.stdout.write(`${name}, seed ${seed}, path ${path}:\n${JSON.stringify(loader.show(input), null, 2)}\n`);
  const outcome = loader.run(input);
  const failures = failuresOf(outcome);
  process.stdout.write(`\nthe call took ${outcome.ms.toFixed(1)} ms\n`);
  for (const { kind, detail } of failures) process.stdout.write(`${kind}: ${detail}\n`);
  process.stdout.write(failures.length === 0 ? "no failure\n" : "");
  process.exitCode = failures.length === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------

function loaderNamed(name: string): FuzzLoader {
  const loader = fuzzLoaders().find((candidate) => candidate.name === name);
  if (loader === undefined) usage(`no loader "${name}" to fuzz: the loaders are ${fuzzLoaders().map((l) => l.name).join(", ")}`);
  return loader;
}

function wholeNumber(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) usage(`${option} must be a whole number (was "${text}")`);
  return Number(text);
}

function abbreviateJson(value: unknown): string {
  return abbreviate(JSON.stringify(value), 2_000);
}

// ---------------------------------------------------------------------------------------------
// Last, once every constant above is set: which of the three this process is.

if (args.child !== undefined) {
  await runChild(args.child, args.status ?? "", wholeNumber("--skip", args.skip, 0));
} else if (args.replay !== undefined) {
  replay(args.replay);
} else {
  await runAll();
}
