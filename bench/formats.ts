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
import { counts, formatSpread, measure as measureProcess, spread, type Measured } from "./measure-process.ts";
import { H2020_PARTICIPATIONS, LINKSCALE, PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

const measure = (label: string, command: readonly string[]) => measureProcess("formats", label, command);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const TARGET_PEAK_MB = 2048;
const TARGET_RATIO = 3;
const ROUNDS = 3;

const highestPeak = (runs: readonly Measured[]) => Math.max(...runs.map((run) => run.peakMB));

export function benchFormats(): void {
  const folder = mkdtempSync(join(tmpdir(), "linkscale-formats-"));
  try {
    const rows: string[][] = [];
    const row = (tool: string, what: string, file: string, measured: Measured, nodesAndLinks = "") =>
      rows.push([tool, what, file, measured.seconds.toFixed(1), Math.round(measured.peakMB).toLocaleString("en-GB"), nodesAndLinks]);
    // Repeated runs: seconds as median and range, the highest peak.
    const repeatedRow = (tool: string, what: string, file: string, runs: readonly Measured[]) =>
      rows.push([tool, what, file, formatSpread(spread(runs.map((run) => run.seconds))), Math.round(highestPeak(runs)).toLocaleString("en-GB"), counts(runs[0] as Measured)]);
    const sizeMB = (file: string) => `${Math.round(statSync(file).size / 2 ** 20)} MB`;
    const converted: Record<string, Measured> = {};
    const file = (format: string) => join(folder, `h2020.${format}`);
    for (const format of ["gexf", "graphml"]) {
      converted[format] = measure(`convert to ${format}`, [LINKSCALE, "convert", "-q", H2020_PARTICIPATIONS, file(format)]);
      row("linkscale", "convert (participations → file)", format, converted[format]);
    }
    const timed = { gexf: [] as Measured[], graphml: [] as Measured[], igraph: [] as Measured[] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const format of ["gexf", "graphml"] as const) {
        timed[format].push(measure(`validate the ${format} (${round} of ${ROUNDS})`, [LINKSCALE, "validate", "-q", "--json", file(format)]));
      }
      timed.igraph.push(measure(`igraph reads the GraphML (${round} of ${ROUNDS})`, [PYTHON, here("./peers/formats_peers.py"), "igraph", file("graphml")]));
    }
    for (const format of ["gexf", "graphml"] as const) {
      repeatedRow("linkscale", `validate (read + check), ${ROUNDS} runs`, `${format} (${sizeMB(file(format))})`, timed[format]);
    }
    repeatedRow("python-igraph", `Read_GraphML, ${ROUNDS} runs`, "graphml", timed.igraph);
    for (const format of ["graphml", "gexf"]) {
      const networkx = measure(`NetworkX reads the ${format}`, [PYTHON, here("./peers/formats_peers.py"), "networkx", file(format)]);
      row("NetworkX", `read_${format}`, format, networkx, counts(networkx));
    }
    console.log("\nThe full Horizon 2020 network written and read back (wall clock, each command a process of its own)");
    printTable(["tool", "step", "file", "seconds", "peak MB", "organisations / links"], rows);
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    const peak = (peakMB: number) => `peak ${Math.round(peakMB)} MB (target under ${TARGET_PEAK_MB} MB: ${met(peakMB < TARGET_PEAK_MB)})`;
    const igraphSeconds = timed.igraph.map((run) => run.seconds);
    for (const format of ["gexf", "graphml"] as const) {
      const seconds = timed[format].map((run) => run.seconds);
      const ratio = spread(seconds).median / spread(igraphSeconds).median;
      const highest = Math.max(...seconds.map((value, round) => value / (igraphSeconds[round] as number)));
      console.log(
        `validate ${format}: ${ratio.toFixed(2)}x igraph's GraphML read time, medians of ${ROUNDS} (target ${TARGET_RATIO}x: ${met(ratio <= TARGET_RATIO)}; ` +
          `highest round ${highest.toFixed(2)}x), ${peak(highestPeak(timed[format]))}`,
      );
      console.log(`convert to ${format}: ${peak((converted[format] as Measured).peakMB)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
