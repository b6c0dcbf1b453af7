/**
 * Issue 20: the full Horizon 2020 network written and read back as GEXF and GraphML. linkscale's
 * CLI (the installed bin) converts the participations to each format and validates the file it
 * wrote; python-igraph reads the GraphML and NetworkX reads both, in the same run. Every command
 * runs in a process of its own under bench/peers/peak_rss.py, so wall-clock seconds and peak
 * memory are measured the same way for all (each tool's start and imports included). The
 * targets: converting to and validating either file under 2 GB, and validating within 3x igraph's
 * GraphML read time.
 *
 * The timed reads (linkscale's two validations and igraph's read) run three times, taken in turn
 * (GEXF, GraphML, igraph; and again), and the ratio is of their medians: on a shared two-core
 * machine a single run of a step moves by 10-20 % from one minute to the next, as much as the
 * margin a target is judged by. Each range is printed beside its median. NetworkX's reads, ten
 * times slower, run once.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { counts, measure as measureProcess, type Measured } from "./measure-process.ts";
import { H2020_PARTICIPATIONS, median, PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

const measure = (label: string, command: readonly string[]) => measureProcess("formats", label, command);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const BIN = here("../packages/cli/bin/linkscale.js");
const TARGET_PEAK_MB = 2048;
const TARGET_RATIO = 3;
const ROUNDS = 3;

/** A step measured `ROUNDS` times: its median run (by seconds), every run's seconds, and the highest peak of all. */
interface Repeated {
  median: Measured;
  seconds: number[];
  peakMB: number;
}

function repeated(runs: readonly Measured[]): Repeated {
  const middle = median(runs.map((run) => run.seconds));
  return {
    median: runs.find((run) => run.seconds === middle) as Measured,
    seconds: runs.map((run) => run.seconds),
    peakMB: Math.max(...runs.map((run) => run.peakMB)),
  };
}

export function benchFormats(): void {
  const folder = mkdtempSync(join(tmpdir(), "linkscale-formats-"));
  try {
    const rows: string[][] = [];
    const row = (tool: string, what: string, file: string, measured: Measured, nodesAndLinks = "", seconds = measured.seconds.toFixed(1)) =>
      rows.push([tool, what, file, seconds, Math.round(measured.peakMB).toLocaleString("en-GB"), nodesAndLinks]);
    // The median's seconds with the range; the highest peak of the runs.
    const medianRow = (tool: string, what: string, file: string, { median: run, seconds, peakMB }: Repeated) =>
      row(tool, what, file, { ...run, peakMB }, counts(run), `${run.seconds.toFixed(1)} (${Math.min(...seconds).toFixed(1)}–${Math.max(...seconds).toFixed(1)})`);
    const sizeMB = (file: string) => `${Math.round(statSync(file).size / 2 ** 20)} MB`;
    const converted: Record<string, Measured> = {};
    const file = (format: string) => join(folder, `h2020.${format}`);
    for (const format of ["gexf", "graphml"]) {
      converted[format] = measure(`convert to ${format}`, [process.execPath, BIN, "convert", "-q", H2020_PARTICIPATIONS, file(format)]);
      row("linkscale", "convert (participations → file)", format, converted[format]);
    }
    const timed = { gexf: [] as Measured[], graphml: [] as Measured[], igraph: [] as Measured[] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const format of ["gexf", "graphml"] as const) {
        timed[format].push(measure(`validate the ${format} (${round} of ${ROUNDS})`, [process.execPath, BIN, "validate", "-q", "--json", file(format)]));
      }
      timed.igraph.push(measure(`igraph reads the GraphML (${round} of ${ROUNDS})`, [PYTHON, here("./peers/formats_peers.py"), "igraph", file("graphml")]));
    }
    const validated = { gexf: repeated(timed.gexf), graphml: repeated(timed.graphml) };
    const igraph = repeated(timed.igraph);
    for (const format of ["gexf", "graphml"] as const) {
      medianRow("linkscale", `validate (read + check), median of ${ROUNDS}`, `${format} (${sizeMB(file(format))})`, validated[format]);
    }
    medianRow("python-igraph", `Read_GraphML, median of ${ROUNDS}`, "graphml", igraph);
    for (const format of ["graphml", "gexf"]) {
      const networkx = measure(`NetworkX reads the ${format}`, [PYTHON, here("./peers/formats_peers.py"), "networkx", file(format)]);
      row("NetworkX", `read_${format}`, format, networkx, counts(networkx));
    }
    console.log("\nThe full Horizon 2020 network written and read back (wall clock, each command a process of its own)");
    printTable(["tool", "step", "file", "seconds", "peak MB", "organisations / links"], rows);
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    const peak = ({ peakMB }: { peakMB: number }) => `peak ${Math.round(peakMB)} MB (target under ${TARGET_PEAK_MB} MB: ${met(peakMB < TARGET_PEAK_MB)})`;
    for (const [format, { median: run, seconds, peakMB }] of Object.entries(validated)) {
      const ratio = run.seconds / igraph.median.seconds;
      const highest = Math.max(...seconds.map((value, round) => value / (igraph.seconds[round] as number)));
      console.log(
        `validate ${format}: ${ratio.toFixed(2)}x igraph's GraphML read time, medians of ${ROUNDS} (target ${TARGET_RATIO}x: ${met(ratio <= TARGET_RATIO)}; ` +
          `highest round ${highest.toFixed(2)}x), ${peak({ peakMB })}`,
      );
      console.log(`convert to ${format}: ${peak(converted[format] as Measured)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
