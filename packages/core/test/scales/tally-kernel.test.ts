import { UndirectedGraph } from "graphology";
import { afterEach, describe, expect, it, vi } from "vitest";
import { edgeValues, toCsr } from "../../src/model/csr.ts";
import { groupIndices } from "../../src/groups/group-index.ts";
import { seededRandom, type Rng } from "../../src/random/seeded.ts";
import { LinkClasses, type ClassifyOptions } from "../../src/scales/classify.ts";
import { defaultHierarchy } from "../../src/scales/hierarchy.ts";
import { DEFAULT_MACRO_REGIONS } from "../../src/scales/macro-regions.ts";
import { tallyLinks, yearRows, type Tallies } from "../../src/scales/shares.ts";
import { kernelBytes, tallyLinksWasm } from "../../src/scales/tally-kernel.ts";
import { TALLY_LINKS_WASM } from "../../src/scales/tally-links.wasm.ts";
import { compileTallyLinks } from "../../scripts/build-wasm.ts";

/**
 * A random alliance network: places drawn from a few regions and countries, each sometimes
 * unknown, coordinates near one another or missing, weights and years sometimes missing, and
 * self-loops now and then.
 */
function randomNetwork(random: Rng, nodes: number, links: number, regionCount: number): UndirectedGraph {
  const graph = new UndirectedGraph();
  const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;
  const countries = ["DE", "FR", "JP", "US", "NO", "KR"];
  for (let i = 0; i < nodes; i++) {
    const attributes: Record<string, unknown> = { type: pick(["firm", "university", "research"]) };
    const country = pick(countries);
    if (random() < 0.85) attributes["country"] = country;
    if (random() < 0.6) attributes["region"] = `${country}${Math.floor(random() * regionCount)}`;
    if (random() < 0.7) Object.assign(attributes, { lat: 50 + random(), lon: 6 + random() });
    graph.addNode(`n${i}`, attributes);
  }
  for (let e = 0; e < links; e++) {
    const u = `n${Math.floor(random() * nodes)}`;
    const v = random() < 0.05 ? u : `n${Math.floor(random() * nodes)}`;
    const attributes: Record<string, unknown> = {};
    if (random() < 0.8) attributes["weight"] = 0.25 + 3 * random();
    if (random() < 0.8) attributes["firstYear"] = 2014 + Math.floor(random() * 7);
    graph.mergeEdge(u, v, attributes);
  }
  return graph;
}

/** Both passes on the same inputs: the WebAssembly one first, as it leaves the pair table unfilled. */
function bothPasses(graph: UndirectedGraph, options: Partial<ClassifyOptions>, groupBy: string[], mixing: boolean, block: number) {
  const csr = toCsr(graph);
  const classes = new LinkClasses(graph, csr, options);
  const years = yearRows(edgeValues(graph, "firstYear"));
  const groupings = groupBy.map((attribute) => groupIndices(graph, attribute));
  const wasm = tallyLinksWasm(csr, classes, years, groupings, mixing, block);
  return { classes, wasm, js: tallyLinks(csr, classes, years, groupings, mixing) };
}

describe("the WebAssembly pass", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("is built from assembly/tally-links.ts: the committed bytes are what the compiler makes of it now", async () => {
    expect(await compileTallyLinks()).toEqual(TALLY_LINKS_WASM);
  });

  it("stays under the 4 KB a browser compiles on its main thread (Chromium refuses larger modules there)", () => {
    expect(TALLY_LINKS_WASM.length).toBeLessThan(4096);
  });

  it("tallies what the JavaScript pass tallies, to the last bit, on 200 random networks", () => {
    const random = seededRandom(5);
    const hierarchies: Partial<ClassifyOptions>[] = [
      {},
      { hierarchy: defaultHierarchy({ macroRegions: DEFAULT_MACRO_REGIONS }) },
      { localWithinKm: 40 },
      { hierarchy: defaultHierarchy({ macroRegions: DEFAULT_MACRO_REGIONS }), localWithinKm: 25 },
    ];
    let pairTables = 0;
    let direct = 0;
    for (let run = 0; run < 200; run++) {
      const nodes = 1 + Math.floor(random() * 60);
      // Now and then many regions and few links: too many signature pairs for a table.
      const sparse = run % 5 === 0;
      const graph = randomNetwork(random, nodes, sparse ? nodes : Math.floor(random() * 4 * nodes), sparse ? 1000 : 4);
      const options = hierarchies[run % hierarchies.length] as Partial<ClassifyOptions>;
      const groupBy = [["country"], ["country", "type"], [], ["region", "type", "country"]][run % 4] as string[];
      // Blocks of 8 CSR slots or of 1 (each row its own block), or all rows at once.
      const block = [8, 1, 1 << 16][run % 3] as number;
      const { classes, wasm, js } = bothPasses(graph, options, groupBy, run % 2 === 0, block);
      expect(wasm, `run ${run}`).toEqual(js);
      if (classes.table.length > 0) pairTables++;
      else direct++;
    }
    // Both ways of finding a pair's class were taken.
    expect(pairTables).toBeGreaterThan(0);
    expect(direct).toBeGreaterThan(0);
  });

  it("drops an instance grown past 64 MB after its call, and the next call gets a fresh one", () => {
    // 2,100 groups: their matrix alone takes 2,100² × 16 bytes, 70 MB.
    const large = randomNetwork(seededRandom(11), 2100, 3000, 4);
    large.forEachNode((node) => large.setNodeAttribute(node, "lab", node));
    const { wasm, js } = bothPasses(large, {}, ["lab"], true, 1 << 16);
    // The matrices compared as records: element by element, 2,100² cells take vitest most of a minute.
    const matricesAsTables = (tallies: Tallies | undefined) => tallies && { ...tallies, matrices: tallies.matrices.map((m) => m.table()) };
    expect(matricesAsTables(wasm)).toEqual(matricesAsTables(js));
    expect(kernelBytes()).toBe(0);
    const small = bothPasses(randomNetwork(seededRandom(12), 40, 100, 4), {}, ["country"], true, 1 << 16);
    expect(small.wasm).toEqual(small.js);
    // A fresh instance, holding one block of 65,536 slots (1 MB) and the small network.
    expect(kernelBytes()).toBeGreaterThan(0);
    expect(kernelBytes()).toBeLessThan(2 * 2 ** 20);
  });

  it("leaves the pass to JavaScript where WebAssembly may not run", async () => {
    vi.stubGlobal("WebAssembly", undefined);
    vi.resetModules(); // a fresh tally-kernel.ts, which has not compiled its module yet
    const { tallyLinksWasm: withoutWasm } = await import("../../src/scales/tally-kernel.ts");
    const { scaleShares } = await import("../../src/scales/shares.ts");
    const graph = randomNetwork(seededRandom(7), 30, 80, 4);
    const csr = toCsr(graph);
    expect(withoutWasm(csr, new LinkClasses(graph, csr), yearRows(edgeValues(graph, "firstYear")), [], false)).toBeUndefined();
    expect(scaleShares(graph, { groupBy: ["country"] }).network.links).toBe(graph.size);
  });
});
