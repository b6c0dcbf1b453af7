/**
 * Centrality and communities on the FULL Horizon 2020 organisation network, each measure beside
 * igraph and NetworkX on the same graph in the same run (the graph is handed to them as an edge
 * list in the CSR's node order, so betweenness pivots are the same nodes for all three). Exact
 * betweenness runs on h2020-health, where it finishes for every tool. Times exclude loading:
 * igraph's and NetworkX's graph construction, and the CSR index linkscale builds once per graph
 * (reported on its own line).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  betweenness,
  betweennessSources,
  connectedComponents,
  degree,
  leiden,
  louvain,
  pagerank,
  seededRandom,
  strength,
  toCsr,
  type AllianceGraph,
} from "@linkscale/core";
import { betweennessParallel } from "@linkscale/core/node";
import { bundled, fullH2020 } from "./networks.ts";
import { PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

const PIVOTS = 1000;
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const PEER_SCRIPT = fileURLToPath(new URL("./peers/centrality_peers.py", import.meta.url));

interface Timing {
  seconds?: number;
  bestModularity?: number;
  skipped?: string;
}
type Timings = Record<string, Timing>;

async function time<T>(run: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** The graph as the peers read it: `n<TAB>count`, then `i<TAB>j<TAB>weight` in CSR indices. */
function writeEdgeList(graph: AllianceGraph, path: string): void {
  const { nodes, offsets, targets, weights } = toCsr(graph);
  const lines = [`n\t${nodes.length}`];
  for (let i = 0; i < nodes.length; i++) {
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const j = targets[k] as number;
      if (i < j) lines.push(`${i}\t${j}\t${weights[k]}`);
    }
  }
  writeFileSync(path, gzipSync(lines.join("\n") + "\n"));
}

function peer(tool: string, graphFile: string, measures: string[], extra: string[] = []): Timings {
  process.stderr.write(`centrality: ${tool} (${measures.join(", ")})…\n`);
  const output = execFileSync(PYTHON, [PEER_SCRIPT, "--graph", graphFile, "--tool", tool, "--measures", measures.join(","), ...extra], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 26,
  });
  return (JSON.parse(output) as { measures: Timings }).measures;
}

async function bestOfSeeds(detect: (seed: number) => { modularity: number }): Promise<Timing> {
  let best = -Infinity;
  let total = 0;
  for (const seed of SEEDS) {
    const { seconds, value } = await time(() => detect(seed));
    total += seconds;
    best = Math.max(best, value.modularity);
  }
  return { seconds: total / SEEDS.length, bestModularity: best };
}

export async function benchCentrality(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "linkscale-bench-"));
  try {
    const rows: Array<[string, Timing, Timing, Timing, string]> = [];

    process.stderr.write("centrality: loading the full H2020 network…\n");
    const full = fullH2020();
    const index = await time(() => toCsr(full));
    const fullFile = join(folder, "full.tsv.gz");
    writeEdgeList(full, fullFile);
    const pivots = betweennessSources(full.order, { samples: PIVOTS, rng: seededRandom(1) });
    const pivotFile = join(folder, "pivots.txt");
    writeFileSync(pivotFile, Array.from(pivots).join("\n") + "\n");

    process.stderr.write("centrality: linkscale on the full network…\n");
    const ours: Timings = {
      degree: { seconds: (await time(() => degree(full))).seconds },
      strength: { seconds: (await time(() => strength(full))).seconds },
      components: { seconds: (await time(() => connectedComponents(full))).seconds },
      pagerank: { seconds: (await time(() => pagerank(full, { tolerance: 1e-10 }))).seconds },
      betweennessPivots: {
        seconds: (await time(() => betweennessParallel(full, { samples: PIVOTS, rng: seededRandom(1) }))).seconds,
      },
      louvain: await bestOfSeeds((seed) => louvain(full, { seed })),
      leiden: await bestOfSeeds((seed) => leiden(full, { seed })),
    };
    const measures = Object.keys(ours);
    const peerArgs = ["--pivots", pivotFile, "--seeds", SEEDS.join(",")];
    const igraph = peer("igraph", fullFile, measures, peerArgs);
    const networkx = peer("networkx", fullFile, measures, peerArgs);
    const targets: Record<string, string> = {
      degree: "2x",
      strength: "2x",
      components: "2x",
      pagerank: "2x",
      betweennessPivots: "1x",
      louvain: "1x",
      leiden: "2x",
    };
    for (const measure of measures) {
      rows.push([`${measure} (full)`, ours[measure] ?? {}, igraph[measure] ?? {}, networkx[measure] ?? {}, targets[measure] ?? ""]);
    }

    process.stderr.write("centrality: exact betweenness on h2020-health…\n");
    const health = bundled("h2020-health");
    const healthFile = join(folder, "health.tsv.gz");
    writeEdgeList(health, healthFile);
    toCsr(health);
    const exact = { seconds: (await time(() => betweennessParallel(health))).seconds };
    const single = { seconds: (await time(() => betweenness(health))).seconds };
    rows.push(["betweenness (h2020-health, 2 threads)", exact, peer("igraph", healthFile, ["betweenness"])["betweenness"] ?? {}, peer("networkx", healthFile, ["betweenness"])["betweenness"] ?? {}, "1x"]);
    rows.push(["betweenness (h2020-health, 1 thread)", single, {}, {}, ""]);

    const show = (t: Timing) => (t.skipped ? "skipped" : t.seconds === undefined ? "" : t.seconds.toFixed(3));
    console.log(`\nCentrality and communities: seconds (louvain/leiden: mean of ${SEEDS.length} seeds, best modularity in brackets)`);
    console.log(`full H2020 network: ${full.order} organisations, ${full.size} links; CSR index built once in ${index.seconds.toFixed(3)} s`);
    printTable(
      ["measure", "linkscale", "igraph", "NetworkX", "vs igraph", "target", "met"],
      rows.map(([measure, a, b, c, target]) => {
        const ratio = a.seconds !== undefined && b.seconds ? a.seconds / b.seconds : undefined;
        const quality = (t: Timing) => (t.bestModularity === undefined ? "" : ` (Q ${t.bestModularity.toFixed(4)})`);
        const met = ratio === undefined || target === "" ? "" : ratio <= Number.parseFloat(target) ? "yes" : "no";
        return [measure, show(a) + quality(a), show(b) + quality(b), show(c) + quality(c), ratio === undefined ? "" : `${ratio.toFixed(2)}x`, target, met];
      }),
    );
    for (const [name, timings] of [["igraph", igraph], ["NetworkX", networkx]] as const) {
      for (const [measure, timing] of Object.entries(timings)) if (timing.skipped) console.log(`${name} ${measure}: ${timing.skipped}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
