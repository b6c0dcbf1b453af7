/**
 * The multi-scalar metrics on the FULL Horizon 2020 network: classification + shares + E-I +
 * mixing matrix, against one typed-array pass over the edges (the floor any implementation must
 * pay) and against pandas computing the same shares in the same run; then 1000 E-I permutations.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { edgeList, edgeValues, eiIndex, eiPermutationTest, mixingMatrix, scaleShares, toCsr } from "@linkscale/core";
import { fullH2020 } from "./networks.ts";
import { PYTHON } from "./shared.ts";
import { printTable } from "./table.ts";

export function benchScales(): void {
  process.stderr.write("scales: loading the full H2020 network…\n");
  const graph = fullH2020();
  // The flat indexes every metric shares, built once per graph: reported on their own.
  let start = performance.now();
  const csr = toCsr(graph);
  const edges = edgeList(csr);
  edgeValues(graph, "firstYear");
  const indexes = (performance.now() - start) / 1000;
  const country = csr.nodes.map((node) => String(graph.getNodeAttribute(node, "country") ?? ""));

  // The floor: one pass tallying same-country weight, over the CSR (each link seen from both
  // ends) and over the edge list (each link once). The country codes are made beforehand.
  const codes = new Map<string, number>();
  const code = Int32Array.from(country, (c) => (codes.has(c) ? (codes.get(c) as number) : (codes.set(c, codes.size), codes.size - 1)));
  const floors = repeat(() => {
    let same = 0;
    for (let u = 0; u < csr.nodes.length; u++) {
      for (let k = csr.offsets[u] as number; k < (csr.offsets[u + 1] as number); k++) {
        if (code[csr.targets[k] as number] === code[u]) same += csr.weights[k] as number;
      }
    }
    return same;
  });
  const edgeFloors = repeat(() => {
    let same = 0;
    for (let e = 0; e < edges.source.length; e++) if (code[edges.source[e] as number] === code[edges.target[e] as number]) same += edges.weight[e] as number;
    return same;
  });
  const floor = median(floors.seconds);

  // One call gives all four: the shares, and per grouping the E-I index and the matrix. The
  // first call also codes each node's places and groups (cached per graph after that).
  start = performance.now();
  let report = scaleShares(graph, { groupBy: ["country"], mixing: true });
  const firstCall = (performance.now() - start) / 1000;
  const reportRuns = repeat(() => (report = scaleShares(graph, { groupBy: ["country"], mixing: true })));
  const eiRuns = repeat(() => [eiIndex(graph), mixingMatrix(graph)]);
  const reportSeconds = median(reportRuns.seconds);
  const eiSeconds = median(eiRuns.seconds);

  const folder = mkdtempSync(join(tmpdir(), "linkscale-bench-"));
  let pandas: { seconds: number; national: number };
  try {
    const lines = [`n\t${csr.nodes.length}`];
    for (let u = 0; u < csr.nodes.length; u++) {
      for (let k = csr.offsets[u] as number; k < (csr.offsets[u + 1] as number); k++) {
        if (u < (csr.targets[k] as number)) lines.push(`${u}\t${csr.targets[k]}\t${csr.weights[k]}`);
      }
    }
    writeFileSync(join(folder, "edges.tsv.gz"), gzipSync(lines.join("\n") + "\n"));
    writeFileSync(join(folder, "nodes.tsv"), country.map((c, i) => `${i}\t${c}`).join("\n") + "\n");
    process.stderr.write("scales: pandas…\n");
    const script = fileURLToPath(new URL("./peers/scales_pandas.py", import.meta.url));
    pandas = JSON.parse(execFileSync(PYTHON, [script, join(folder, "edges.tsv.gz"), join(folder, "nodes.tsv")], { encoding: "utf8" }));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  process.stderr.write("scales: 1000 E-I permutations…\n");
  start = performance.now();
  const test = eiPermutationTest(graph, { permutations: 1000, seed: 1 });
  const permutationSeconds = (performance.now() - start) / 1000;

  console.log(`\nMulti-scalar metrics on the full H2020 network (${graph.order} organisations, ${graph.size} links; same-country weight ${floors.result})`);
  const ratio = (seconds: number) => `${(seconds / floor).toFixed(1)}x`;
  printTable(
    ["step", "seconds", "vs one typed pass"],
    [
      ["indexes: CSR, edge list and link years (once per graph)", indexes.toFixed(3), ""],
      ["one typed-array pass over the CSR (median of 5)", floor.toFixed(3), "1x"],
      ["one typed-array pass over the edge list (median of 5)", median(edgeFloors.seconds).toFixed(3), ratio(median(edgeFloors.seconds))],
      ["classification + shares + E-I + matrix, first call (codes places and groups)", firstCall.toFixed(3), ratio(firstCall)],
      ["classification + shares + E-I + matrix (scaleShares; median of 5)", reportSeconds.toFixed(3), ratio(reportSeconds)],
      ["  E-I + country x country matrix alone (eiIndex, mixingMatrix)", eiSeconds.toFixed(3), ratio(eiSeconds)],
      ["pandas: same-country shares, E-I, matrix", pandas.seconds.toFixed(3), ratio(pandas.seconds)],
      ["1000 E-I permutations (one thread)", permutationSeconds.toFixed(3), ""],
    ],
  );
  console.log(
    `national links: linkscale ${report.network.counts["national"]}, pandas ${pandas.national}; ` +
      `network E-I ${test.network.counted.observed.toFixed(4)}, expected ${test.network.counted.expected.toFixed(4)} (analytic ${test.network.analyticExpected.toFixed(4)})`,
  );
}

/** Runs `step` once to warm up, then five times timed. */
function repeat<T>(step: () => T): { result: T; seconds: number[] } {
  const seconds: number[] = [];
  let result = step();
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    result = step();
    seconds.push((performance.now() - start) / 1000);
  }
  return { result, seconds };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
