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
import { edgeList, edgeValues, eiIndex, eiPermutationTest, mixingMatrix, scaleShares, toCsr, type Csr } from "@linkscale/core";
import { fullH2020 } from "./networks.ts";
import { median, PYTHON, repeat } from "./shared.ts";
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
  const { of: code, count: countries } = smallCodes(country);
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
  // For reference, not an implementation: the tallies of scaleShares, hand-specialised in
  // JavaScript to one level (country), one grouping and no unknown-level flags, with every table
  // made beforehand. The general pass in JavaScript took about twice as long, hence the
  // WebAssembly kernel (packages/core/assembly).
  const years = smallCodes(edgeValues(graph, "firstYear"));
  const specialised = median(repeat(() => specialisedPass(csr, code, countries, years)).seconds);

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
      ["one typed-array pass over the CSR (median of 11)", floor.toFixed(3), "1x"],
      ["one typed-array pass over the edge list (median of 11)", median(edgeFloors.seconds).toFixed(3), ratio(median(edgeFloors.seconds))],
      ["  reference: the same tallies hand-specialised in JS (one level and grouping, no flags)", specialised.toFixed(3), ratio(specialised)],
      ["classification + shares + E-I + matrix, first call (codes places and groups)", firstCall.toFixed(3), ratio(firstCall)],
      ["classification + shares + E-I + matrix (scaleShares; median of 11)", reportSeconds.toFixed(3), ratio(reportSeconds)],
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

/**
 * scaleShares' pass with its generality taken out: a link's class (same country or not) is
 * looked up in a country × country table, as scaleShares looks up pairs of place signatures,
 * and tallied per organisation, per year, inside each country and in the country × country matrix.
 */
function specialisedPass({ offsets, targets, weights }: Csr, country: Int32Array, k: number, years: { of: Int32Array; count: number }) {
  const n = offsets.length - 1;
  const byNode = new Float64Array(n * 4);
  const byYear = new Float64Array(years.count * 4);
  const internal = new Float64Array(k * 2);
  const matrix = new Float64Array(k * k * 2);
  const classOf = Uint8Array.from({ length: k * k }, (_, cell) => (cell % (k + 1) === 0 ? 0 : 1));
  let e = 0;
  for (let u = 0; u < n; u++) {
    const a = country[u] as number;
    for (let slot = offsets[u] as number; slot < (offsets[u + 1] as number); slot++) {
      const v = targets[slot] as number;
      const w = weights[slot] as number;
      const b = country[v] as number;
      const linkClass = classOf[a * k + b] as number;
      add(byNode, u * 4 + linkClass * 2, w);
      if (v < u) continue;
      add(byYear, (years.of[e++] as number) * 4 + linkClass * 2, w);
      if (a === b) add(internal, a * 2, w);
      add(matrix, (a * k + b) * 2, w);
    }
  }
  return { byNode, byYear, internal, matrix };
}

function add(cells: Float64Array, cell: number, w: number): void {
  cells[cell] = (cells[cell] as number) + 1;
  cells[cell + 1] = (cells[cell + 1] as number) + w;
}

/** Each value as a small code, 0 up to `count` − 1, equal values alike (NaN too). */
function smallCodes<T>(values: ArrayLike<T>): { of: Int32Array; count: number } {
  const codes = new Map<T, number>();
  const of = Int32Array.from(values, (value) => (codes.has(value) ? (codes.get(value) as number) : (codes.set(value, codes.size), codes.size - 1)));
  return { of, count: codes.size };
}
