/**
 * Issue 20: the full Horizon 2020 network written and read back as GEXF and GraphML. linkscale's
 * CLI (the installed bin) converts the participations to each format and validates the file it
 * wrote; python-igraph reads the GraphML and NetworkX reads both, in the same run. Every command
 * runs in a process of its own under bench/peers/peak_rss.py, so wall-clock seconds and peak
 * memory are measured the same way for all (each tool's start and imports included). The
 * targets: converting to and validating either file under 2 GB, and validating within 3x igraph's
 * GraphML read time.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { counts, measure as measureProcess, type Measured } from "./measure-process.ts";
import { H2020_PARTICIPATIONS, PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

const measure = (label: string, command: readonly string[]) => measureProcess("formats", label, command);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const BIN = here("../packages/cli/bin/linkscale.js");
const TARGET_PEAK_MB = 2048;
const TARGET_RATIO = 3;

export function benchFormats(): void {
  const folder = mkdtempSync(join(tmpdir(), "linkscale-formats-"));
  try {
    const rows: string[][] = [];
    const row = (tool: string, what: string, file: string, measured: Measured, nodesAndLinks = "") =>
      rows.push([tool, what, file, measured.seconds.toFixed(1), Math.round(measured.peakMB).toLocaleString("en-GB"), nodesAndLinks]);
    const sizeMB = (file: string) => `${Math.round(statSync(file).size / 2 ** 20)} MB`;
    const validated: Record<string, Measured> = {};
    const converted: Record<string, Measured> = {};
    for (const format of ["gexf", "graphml"]) {
      const file = join(folder, `h2020.${format}`);
      const convert = measure(`convert to ${format}`, [process.execPath, BIN, "convert", "-q", H2020_PARTICIPATIONS, file]);
      converted[format] = convert;
      row("linkscale", "convert (participations → file)", format, convert);
      const validate = measure(`validate the ${format}`, [process.execPath, BIN, "validate", "-q", "--json", file]);
      validated[format] = validate;
      row("linkscale", "validate (read + check)", `${format} (${sizeMB(file)})`, validate, counts(validate));
    }
    const graphml = join(folder, "h2020.graphml");
    const igraph = measure("igraph reads the GraphML", [PYTHON, here("./peers/formats_peers.py"), "igraph", graphml]);
    row("python-igraph", "Read_GraphML", "graphml", igraph, counts(igraph));
    for (const format of ["graphml", "gexf"]) {
      const networkx = measure(`NetworkX reads the ${format}`, [PYTHON, here("./peers/formats_peers.py"), "networkx", join(folder, `h2020.${format}`)]);
      row("NetworkX", `read_${format}`, format, networkx, counts(networkx));
    }
    console.log("\nThe full Horizon 2020 network written and read back (wall clock, each command a process of its own)");
    printTable(["tool", "step", "file", "seconds", "peak MB", "organisations / links"], rows);
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    const peak = (run: Measured) => `peak ${Math.round(run.peakMB)} MB (target under ${TARGET_PEAK_MB} MB: ${met(run.peakMB < TARGET_PEAK_MB)})`;
    for (const [format, run] of Object.entries(validated)) {
      const ratio = run.seconds / igraph.seconds;
      console.log(`validate ${format}: ${ratio.toFixed(2)}x igraph's GraphML read time (target ${TARGET_RATIO}x: ${met(ratio <= TARGET_RATIO)}), ${peak(run)}`);
      console.log(`convert to ${format}: ${peak(converted[format] as Measured)}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
