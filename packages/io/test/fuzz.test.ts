/**
 * The short seeded slice of the fuzz suite (issue 22) that `npm test` runs: the first inputs of
 * `npm run fuzz` for every loader (same seed, so the same inputs), with no foreign exception, no
 * count that fails to add up and no call over 5 s. A failure here prints the minimal input
 * fast-check shrank it to, and how to replay it with the full runner. Then tests that the checks
 * can fail at all: a broken result and a throwing loader must be reported, or the slice would
 * pass whatever the loaders did.
 *
 * A loader caught in an endless loop would hang the test rather than fail it, and no timeout can
 * stop synchronous code from inside its process. So a watchdog process of its own watches the
 * progress this file writes, and after 30 s without any kills this test worker: Vitest then
 * fails the run, and the watchdog names the loader and input it stopped at.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAllianceGraph } from "@linkscale/core/model";
import {
  checkGraphLoad,
  checkTableLoad,
  countFailures,
  defineLoader,
  formatFailure,
  fuzzLoaders,
  HANG_MS,
  shrinkFailure,
  skippedLoaders,
} from "../fuzz/loaders.ts";
import { applyMutations, mutationsArbitrary } from "../fuzz/mutations.ts";
import { failedGraphLoad } from "../src/formats/graph-load.ts";
import { emptyLoad, type TableLoad } from "../src/index.ts";

/** The default seed of `npm run fuzz`: these inputs are its first ones. */
const SEED = 22;
/** Inputs per loader: a few seconds for all seventeen on a busy two-core machine. */
const RUNS = 300;
/**
 * Inputs per option variant of a graph reader (`readGexf+arcs+map`…): its seeds and mutations
 * are those of its reader's first inputs, which RUNS already covers with default options, so
 * fewer keep the slice's time about what it was before the variants.
 */
const VARIANT_RUNS = 100;
/** No new input for this long: the input running is endless, and the worker is killed. */
const STALL_SECONDS = 30;

/**
 * The watchdog, run by `node -e`: kills process `pid` when `progressFile` has not changed for
 * STALL_SECONDS, and ends itself when that process is gone.
 */
function watchdogScript(pid: number, progressFile: string): string {
  return `const { readFileSync } = require("node:fs");
    let last = "", since = Date.now();
    setInterval(() => {
      try { process.kill(${pid}, 0); } catch { process.exit(0); }
      let progress = "";
      try { progress = readFileSync(${JSON.stringify(progressFile)}, "utf8"); } catch {}
      if (progress !== last) [last, since] = [progress, Date.now()];
      else if (Date.now() - since > ${STALL_SECONDS * 1000}) {
        process.stderr.write("fuzz slice: no progress for ${STALL_SECONDS} s at " + progress + " (seed ${SEED}): killing the test worker\\n");
        process.kill(${pid}, "SIGKILL");
        process.exit(1);
      }
    }, 1000);`;
}

describe("fuzz slice: every loader on mutated real inputs", () => {
  const loaders = fuzzLoaders();
  const progressDirectory = mkdtempSync(join(tmpdir(), "linkscale-fuzz-test-"));
  const progressFile = join(progressDirectory, "progress");
  let watchdog: ChildProcess | undefined;
  beforeAll(() => {
    writeFileSync(progressFile, "start");
    watchdog = spawn(process.execPath, ["-e", watchdogScript(process.pid, progressFile)], { stdio: ["ignore", "ignore", "inherit"] });
    watchdog.unref();
  });
  afterAll(() => {
    watchdog?.kill();
    rmSync(progressDirectory, { recursive: true, force: true });
  });

  it("has seeds for every loader, the CORDIS ones only when ../shared/data is there", () => {
    // 17 loaders with default options, and the 9 graph readers among them again with --arcs and
    // --map (readGexf+arcs+map…; readEdgeList+map, which takes no --arcs): GEXF, GraphML, Pajek,
    // graphology JSON, node-link JSON, JSON of any kind, GML, edge lists and UCINET DL.
    expect(loaders.length + skippedLoaders().length).toBe(17 + 9);
    expect(loaders.filter((loader) => loader.variantOf !== undefined)).toHaveLength(9);
  });

  it.each(loaders.map((loader) => [loader.name, loader] as const))("%s", (_name, loader) => {
    const runs = loader.variantOf === undefined ? RUNS : VARIANT_RUNS;
    const report = countFailures(loader, {
      runs,
      seed: SEED,
      beforeInput: (index) => writeFileSync(progressFile, `${loader.name} input ${index}`),
    });
    const explained = report.failures.map((failure) =>
      formatFailure(loader.name, SEED, shrinkFailure(loader, failure, { seed: SEED, runs, timeLimitMs: 10_000 })),
    );
    expect(explained.join("\n\n")).toBe("");
    expect(report.inputs).toBe(runs);
    expect({ foreign: report.foreign, violations: report.violations, hangs: report.hangs }).toEqual({ foreign: 0, violations: 0, hangs: 0 });
    expect(report.slowestMs).toBeLessThan(HANG_MS);
  });
});

describe("fuzz checks: they fail when they should", () => {
  const table = (rowsRead: number): TableLoad<unknown> => ({
    ...emptyLoad<unknown>("broken.csv"),
    rowsRead,
    accepted: [{ row: 2, record: { id: "a" } }],
    rejected: [{ file: "broken.csv", row: 3, problems: [{ message: "bad" }] }],
  });

  it("a table whose rows read are one more than accepted + rejected is a violation", () => {
    expect(checkTableLoad(table(2))).toEqual([]);
    expect(checkTableLoad(table(3))).toEqual(["rowsRead 3 ≠ accepted 1 + rejected 1"]);
    expect(checkTableLoad({ ...table(2), error: "unreadable" })).toHaveLength(1);
    expect(checkTableLoad({ ...table(2), rejected: [{ file: "broken.csv", row: 3, problems: [] }] })).toEqual([
      "row 3 is rejected without a problem",
    ]);
  });

  it("a graph that lost an item, or read items beside an error, is a violation", () => {
    const graph = createAllianceGraph();
    graph.addNode("a");
    graph.addNode("b");
    graph.addEdge("a", "b", { weight: 1 });
    const sound = { file: "g.gexf", graph, nodesRead: 2, linksRead: 1, rejected: [], readAs: [] };
    expect(checkGraphLoad(sound)).toEqual([]);
    expect(checkGraphLoad({ ...sound, linksRead: 2 })).toEqual(["graph.order 2 + graph.size 1 + merged 0 + rejected 0 ≠ nodesRead 2 + linksRead 2"]);
    expect(checkGraphLoad({ ...sound, error: "unreadable" })).toHaveLength(1);
    expect(checkGraphLoad(failedGraphLoad("g.gexf", "unreadable"))).toEqual([]);
  });

  it("a loader that throws is a foreign exception, shrunk to a minimal input", () => {
    const seeds = ["id,name\na,Alpha\nb,Beta\n", "id,name\nc,Gamma\n"];
    // Throws on any text holding a quote character, as a careless parser might.
    const careless = defineLoader({
      name: "careless",
      seedCount: seeds.length,
      arbitrary: fc.record({ seed: fc.nat(seeds.length - 1), mutations: mutationsArbitrary("csv") }),
      prepare: ({ seed, mutations }) => applyMutations(seeds[seed] as string, mutations, "csv"),
      call: (text) => {
        if (text.includes('"')) throw new TypeError("unexpected quote");
        return emptyLoad("careless.csv");
      },
      check: checkTableLoad,
      show: (_input, text) => text,
    });
    const report = countFailures(careless, { runs: 200, seed: SEED });
    expect(report.foreign).toBeGreaterThan(0);
    const [failure] = report.failures;
    expect(failure?.signature).toBe("foreign exception: TypeError: unexpected quote");
    const shrunk = shrinkFailure(careless, failure as NonNullable<typeof failure>, { seed: SEED, runs: 200, timeLimitMs: 10_000 });
    // The minimal input still holds the quote that makes the loader throw, and hardly more: one
    // mutation of the seed (with seed 22, its first field replaced by an empty quoted one).
    const minimal = shrunk.shrunk?.input as string;
    expect(minimal).toContain('"');
    expect(minimal.length).toBeLessThanOrEqual((seeds[0] as string).length + 2);
    expect(shrunk.shrunk?.detail).toMatch(/^TypeError: unexpected quote/);
    expect(formatFailure("careless", SEED, shrunk)).toMatch(/--loader careless --seed 22 --replay \d+(:\d+)*/);
  });
});
