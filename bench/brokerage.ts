/**
 * Brokerage roles (Gould & Fernandez, groups = the organisation's country) and Burt's weighted
 * constraint and effective size on the FULL Horizon 2020 organisation network, beside R sna's
 * brokerage() and NetworkX's constraint / effective_size in the same run. Where a peer cannot
 * finish the full network in 10 minutes it is compared on the largest sample it does finish
 * (SAMPLES), with linkscale timed on that same sample, so every row compares equal work; an
 * agreement line per comparison shows that the tools computed the same numbers.
 *
 * Every tool runs in a process of its own, reading the same files (the edge list format of
 * bench/centrality.ts, plus each organisation's country), so peak memory (max RSS) is each tool's
 * own: for linkscale this file runs itself as that process (`--linkscale`, at the bottom). Times
 * are of the call alone: reading the files, building the graph and linkscale's CSR index (built
 * once per graph) are excluded.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import {
  brokerage,
  createAllianceGraph,
  effectiveSize,
  ROLES,
  sampleIndices,
  seededRandom,
  structuralConstraint,
  toCsr,
  type Csr,
} from "@linkscale/core";
import { fullH2020 } from "./networks.ts";
import { PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

const THIS_FILE = fileURLToPath(import.meta.url);
const SNA_SCRIPT = fileURLToPath(new URL("./peers/brokerage_sna.R", import.meta.url));
const NETWORKX_SCRIPT = fileURLToPath(new URL("./peers/constraint_networkx.py", import.meta.url));

/**
 * A sample of n organisations is the induced subgraph on the first n of the full network's
 * organisations (CSR order) in a seeded random order (sampleIndices, seededRandom(SAMPLE_SEED)),
 * so each sample is part of every larger one.
 *
 * Sizes from trial runs of the peers on the ladder 2,000 / 4,000 / 8,000 / 16,000 / full on the
 * bench machine (2 cores), seconds of the call:
 * - R sna brokerage(): 0.37 / 0.89 / 3.6 / 27 / 537 (peak 1.6 GB) in trial runs. Later runs, on a
 *   quiet machine too (load 1.0), timed out on the full network at 11 minutes and took 52 s on the
 *   16,000 sample: the full network is still tried, and the sample is the comparison that stands.
 * - NetworkX 2.8.8 as shipped, constraint + effective size: 25 + 25 / 205 + 199 / not run: its
 *   normalized_mutual_weight re-sums a node's weights on every call, so the cost grows with the
 *   sum of degree cubed, 11x from 4,000 to 8,000 (about 40 minutes each). 4,000 is the largest.
 * - NetworkX with normalized_mutual_weight memoised, as datasets/semiconductor-ev/reference/
 *   structural_holes.py runs it (identical floats): 4,000 in 16 + 14; 8,000 in 201 + 132 (1.4 GB);
 *   16,000 would take about an hour. Run on the 4,000 sample too, to keep the suite short.
 */
const SAMPLE_SEED = 1;
const SAMPLES = { sna: 16_000, networkx: 4_000 } as const;
/** 10 minutes for the call, plus a minute for starting and reading the files: a run never hangs. */
const PEER_TIMEOUT_MS = 11 * 60 * 1000;

type Job = "brokerage" | "holes";
type Values = Array<number | null>;

interface Network {
  label: string;
  nodes: number;
  links: number;
  graphFile: string;
  nodesFile: string;
}

/** One process's timings: seconds per measure, and its max RSS. */
interface Run {
  version?: string;
  seconds: Record<string, number>;
  peakMB: number;
}

interface BrokerageValues {
  raw: Values;
  z: Values;
  network: { raw: Values; z: Values };
}

interface HolesValues {
  constraint: Values;
  effectiveSize: Values;
}

/** A peer's run, or why there is none. */
type Outcome = { run: Run; valuesFile: string; loadAfter: number } | { failed: string };

/** Writes the network (all of it, or the organisations `chosen`, renumbered in that order). */
function writeNetwork(csr: Csr, country: readonly string[], chosen: Int32Array | undefined, folder: string, label: string): Network {
  const { offsets, targets, weights } = csr;
  const order = chosen ?? Int32Array.from(csr.nodes, (_node, i) => i);
  const position = new Int32Array(csr.nodes.length).fill(-1);
  order.forEach((node, p) => (position[node] = p));
  const lines = [`n\t${order.length}`];
  order.forEach((u, p) => {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const q = position[targets[k] as number] as number;
      if (q > p) lines.push(`${p}\t${q}\t${weights[k]}`);
    }
  });
  const name = label.replace(/[^a-z0-9]+/gi, "-");
  const graphFile = join(folder, `${name}.tsv.gz`);
  const nodesFile = join(folder, `${name}.nodes.tsv`);
  writeFileSync(graphFile, gzipSync(lines.join("\n") + "\n"));
  writeFileSync(nodesFile, Array.from(order, (u, p) => `${p}\t${country[u]}`).join("\n") + "\n");
  return { label, nodes: order.length, links: lines.length - 1, graphFile, nodesFile };
}

function linkscale(job: Job, network: Network, valuesFile: string): Run {
  process.stderr.write(`brokerage: linkscale ${job} on the ${network.label} network…\n`);
  const args = ["--import", "tsx", THIS_FILE, "--linkscale", job, network.graphFile, network.nodesFile, valuesFile];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] })) as Run;
}

function peer(what: string, command: string, args: string[], valuesFile: string): Outcome {
  process.stderr.write(`brokerage: ${what}…\n`);
  try {
    const output = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], timeout: PEER_TIMEOUT_MS });
    // The 1-minute load average as the run ends: about 1 for a single-threaded tool on its own, more
    // when other work shared the 2 cores and slowed it.
    return { run: JSON.parse(output) as Run, valuesFile, loadAfter: loadavg()[0] as number };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ETIMEDOUT") return { failed: `did not finish in ${PEER_TIMEOUT_MS / 60_000} min` };
    return { failed: `failed: ${(error as Error).message.split("\n")[0]}` };
  }
}

/** Max |a − b| over entries finite in both, and how many entries are finite in one only. */
function compare(a: Values, b: Values): { maxAbs: number; mismatched: number } {
  if (a.length !== b.length) throw new Error(`bench/brokerage: ${a.length} values against ${b.length}`);
  let maxAbs = 0;
  let mismatched = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? NaN;
    const y = b[i] ?? NaN;
    if (Number.isFinite(x) && Number.isFinite(y)) maxAbs = Math.max(maxAbs, Math.abs(x - y));
    else if (Number.isFinite(x) !== Number.isFinite(y)) mismatched++;
  }
  return { maxAbs, mismatched };
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, "utf8")) as T;
const count = (value: number) => value.toLocaleString("en-GB");
const difference = ({ maxAbs, mismatched }: { maxAbs: number; mismatched: number }) =>
  `max |diff| ${maxAbs === 0 ? "0" : maxAbs.toExponential(1)}${mismatched > 0 ? ` (${mismatched} undefined in one tool only)` : ""}`;

/** sna's values file: a header, then per node raw_<role> ×6 and z_<role> ×6 (NaN/Inf as text). */
function readSnaValues(path: string, network: BrokerageValues["network"]): BrokerageValues {
  const raw: number[] = [];
  const z: number[] = [];
  for (const line of readFileSync(path, "utf8").trim().split("\n").slice(1)) {
    const cells = line.split("\t").map(Number);
    raw.push(...cells.slice(0, 6));
    z.push(...cells.slice(6, 12));
  }
  return { raw, z, network };
}

function brokerageAgreement(network: Network, ours: BrokerageValues, theirs: BrokerageValues): string {
  const raw = compare(ours.raw, theirs.raw);
  const totals = compare(ours.network.raw, theirs.network.raw);
  const counts =
    raw.maxAbs === 0 && raw.mismatched === 0 && totals.maxAbs === 0
      ? `raw counts of all ${count(network.nodes)} organisations x ${ROLES.length} roles and the network totals equal`
      : `raw counts ${difference(raw)}, network totals ${difference(totals)}`;
  return `${counts}; z-scores ${difference(compare(ours.z, theirs.z))}, network z ${difference(compare(ours.network.z, theirs.network.z))}`;
}

function holesAgreement(ours: HolesValues, theirs: HolesValues): string {
  const undefinedInNetworkx = theirs.constraint.filter((x) => x === null).length;
  return (
    `constraint ${difference(compare(ours.constraint, theirs.constraint))}, ` +
    `effective size ${difference(compare(ours.effectiveSize, theirs.effectiveSize))} ` +
    `(${count(undefinedInNetworkx)} isolated organisations undefined in both)`
  );
}

export function benchBrokerage(): void {
  const folder = mkdtempSync(join(tmpdir(), "linkscale-bench-"));
  try {
    process.stderr.write("brokerage: loading the full H2020 network…\n");
    const graph = fullH2020();
    const csr = toCsr(graph);
    const country = csr.nodes.map((node) => String(graph.getNodeAttribute(node, "country") ?? ""));
    const sample = (size: number) =>
      writeNetwork(csr, country, sampleIndices(csr.nodes.length, size, seededRandom(SAMPLE_SEED)), folder, `${count(size)}-sample`);
    const full = writeNetwork(csr, country, undefined, folder, "full");
    const snaSample = sample(SAMPLES.sna);
    const networkxSample = sample(SAMPLES.networkx);
    const file = (name: string) => join(folder, name);

    const rows: string[][] = [];
    const agreement: string[] = [];
    const loads: string[] = [];
    const networkCell = (network: Network) => `${network.label} (${count(network.nodes)}, ${count(network.links)})`;
    const addRow = (measure: string, network: Network, ours: Run, key: string, tool: string, theirs: Outcome | string) => {
      const own = ours.seconds[key] as number;
      const other = typeof theirs === "string" || "failed" in theirs ? undefined : theirs.run;
      const why = typeof theirs === "string" ? theirs : "failed" in theirs ? theirs.failed : "";
      const seconds = other?.seconds[key];
      rows.push([
        measure,
        networkCell(network),
        own.toFixed(3),
        count(Math.round(ours.peakMB)),
        tool,
        seconds === undefined ? why : `${seconds > 600 ? "(over 10 min) " : ""}${seconds.toFixed(3)}`,
        other === undefined ? "" : count(Math.round(other.peakMB)),
        seconds === undefined ? "" : `${(seconds / own).toFixed(1)}x`,
      ]);
    };

    // Brokerage: linkscale and R sna on the full network, and on a sample.
    for (const network of [full, snaSample]) {
      const ours = linkscale("brokerage", network, file(`linkscale-${network.label}.json`));
      const sna = peer(`R sna brokerage() on the ${network.label} network`, "Rscript", [SNA_SCRIPT, network.graphFile, network.nodesFile, file(`sna-${network.label}.tsv`)], file(`sna-${network.label}.tsv`));
      addRow("brokerage", network, ours, "brokerage", "R sna", sna);
      if ("run" in sna) {
        loads.push(`R sna ${network.label} ${sna.loadAfter.toFixed(2)}`);
        const theirs = readSnaValues(sna.valuesFile, (sna.run as Run & { network: BrokerageValues["network"] }).network);
        agreement.push(`brokerage, ${network.label}, R sna ${sna.run.version}: ${brokerageAgreement(network, readJson(file(`linkscale-${network.label}.json`)), theirs)}`);
      }
    }

    // Constraint and effective size: linkscale on the full network; NetworkX only on its sample.
    const holesFull = linkscale("holes", full, file("linkscale-holes-full.json"));
    const holesSample = linkscale("holes", networkxSample, file("linkscale-holes-sample.json"));
    const networkx = (memo: boolean) => {
      const values = file(`networkx${memo ? "-memo" : ""}.json`);
      const what = `NetworkX ${memo ? "(memoised) " : ""}constraint and effective_size on the ${networkxSample.label} network`;
      return peer(what, PYTHON, [NETWORKX_SCRIPT, networkxSample.graphFile, "--values", values, ...(memo ? ["--memo"] : [])], values);
    };
    const shipped = networkx(false);
    const memoised = networkx(true);
    for (const [measure, key] of [["constraint (weighted)", "constraint"], ["effective size (weighted)", "effectiveSize"]] as const) {
      addRow(measure, full, holesFull, key, "NetworkX", `not run (over 10 min from ${count(SAMPLES.networkx * 2)})`);
      addRow(measure, networkxSample, holesSample, key, "NetworkX", shipped);
      addRow(measure, networkxSample, holesSample, key, "NetworkX memo", memoised);
    }
    const ours = readJson<HolesValues>(file("linkscale-holes-sample.json"));
    for (const [name, outcome] of [["NetworkX", shipped], ["NetworkX memo", memoised]] as const) {
      if (!("run" in outcome)) continue;
      loads.push(`${name} ${outcome.loadAfter.toFixed(2)}`);
      agreement.push(`structural holes, ${networkxSample.label}, ${name} ${outcome.run.version}: ${holesAgreement(ours, readJson(outcome.valuesFile))}`);
    }
    if ("run" in shipped && "run" in memoised) {
      const same = readFileSync(shipped.valuesFile, "utf8") === readFileSync(memoised.valuesFile, "utf8");
      agreement.push(`NetworkX memoised against as shipped: ${same ? "identical values" : "VALUES DIFFER"}`);
    }

    console.log(`\nBrokerage roles (groups: country) and Burt's weighted constraint and effective size: seconds of the call (loading excluded)`);
    console.log(
      `full H2020 network: ${count(full.nodes)} organisations, ${count(full.links)} links; a sample is the induced subgraph on seeded random organisations ` +
        `(seed ${SAMPLE_SEED}): NetworkX's is the largest of 2,000 / 4,000 / 8,000 / 16,000 it finishes in 10 min; ` +
        `R sna is tried on the full network (537 s in a trial, over 11 min in later runs), and its sample stands where it does not finish (trial runs: see SAMPLES in bench/brokerage.ts)`,
    );
    printTable(["measure", "network (orgs, links)", "linkscale s", "peak MB", "peer", "peer s", "peak MB", "peer/linkscale"], rows);
    console.log("peak MB: max RSS of the tool's process (one process computes both constraint and effective size, each tool)");
    console.log("NetworkX memo: normalized_mutual_weight memoised, as datasets/reference/structural_holes.py does (same floats)");
    console.log(`1-minute load average as each peer run ended (2 cores; about 1 is the tool alone, more is other work competing): ${loads.join(", ")}`);
    console.log("agreement with linkscale:");
    for (const line of agreement) console.log(`  ${line}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** `--linkscale JOB GRAPH NODES VALUES`: linkscale in a process of its own, as the peers run. */
function runLinkscale(job: Job, graphFile: string, nodesFile: string, valuesFile: string): void {
  const graph = createAllianceGraph();
  for (const line of readFileSync(nodesFile, "utf8").trim().split("\n")) {
    const [id, country] = line.split("\t") as [string, string];
    graph.addNode(id, country === "" ? {} : { country });
  }
  for (const line of gunzipSync(readFileSync(graphFile)).toString("utf8").trim().split("\n").slice(1)) {
    const [i, j, w] = line.split("\t") as [string, string, string];
    graph.addEdge(i, j, { weight: Number(w) });
  }
  toCsr(graph, "weight");
  const seconds: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const value = run();
    seconds[name] = (performance.now() - start) / 1000;
    return value;
  };
  // Values in node index order, as the peers write them; JSON has no NaN or Infinity.
  const ids = Array.from({ length: graph.order }, (_, i) => String(i));
  const finite = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
  let values: BrokerageValues | HolesValues;
  if (job === "brokerage") {
    const roles = time("brokerage", () => brokerage(graph, { groupBy: "country" }));
    values = {
      raw: ids.flatMap((id) => ROLES.map((role) => finite(roles.raw[id]?.[role]))),
      z: ids.flatMap((id) => ROLES.map((role) => finite(roles.z[id]?.[role]))),
      network: { raw: ROLES.map((role) => roles.network.raw[role]), z: ROLES.map((role) => finite(roles.network.z[role])) },
    };
  } else {
    const constraint = time("constraint", () => structuralConstraint(graph, { weighted: true }));
    const size = time("effectiveSize", () => effectiveSize(graph, { weighted: true }));
    values = { constraint: ids.map((id) => finite(constraint.constraint[id])), effectiveSize: ids.map((id) => finite(size.effectiveSize[id])) };
  }
  writeFileSync(valuesFile, JSON.stringify(values));
  console.log(JSON.stringify({ seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === THIS_FILE && process.argv[2] === "--linkscale") {
  const [job, graphFile, nodesFile, valuesFile] = process.argv.slice(3);
  if ((job !== "brokerage" && job !== "holes") || graphFile === undefined || nodesFile === undefined || valuesFile === undefined) {
    throw new Error("usage: node --import tsx bench/brokerage.ts --linkscale brokerage|holes GRAPH.tsv.gz NODES.tsv VALUES.json");
  }
  runLinkscale(job, graphFile, nodesFile, valuesFile);
}
