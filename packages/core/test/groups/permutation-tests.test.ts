import { describe, expect, it } from "vitest";
import { brokerage, brokeragePermutationTest } from "../../src/brokerage/gould-fernandez.ts";
import { mixingPermutationTest } from "../../src/groups/mixing-permutation.ts";
import { permutationTest } from "../../src/groups/permutation.ts";
import { seededRandom } from "../../src/random/seeded.ts";
import { twoTriangles } from "../fixtures.ts";

const graph = twoTriangles();

describe("mixingPermutationTest", () => {
  const test = mixingPermutationTest(graph, { groupBy: "country", permutations: 2000, seed: 2 });

  it("sets each cell against random mixing", () => {
    // Observed: DE–DE 3, DE–FR 1, FR–FR 3. Under random labels a link joins two given members of
    // a triple with probability 3·2/(6·5) = 0.2, one of each with 2·3·3/(6·5) = 0.6: expected
    // 7 · 0.2 = 1.4 and 7 · 0.6 = 4.2.
    expect([test["DE"]?.["DE"]?.observed, test["DE"]?.["FR"]?.observed, test["FR"]?.["FR"]?.observed]).toEqual([3, 1, 3]);
    for (const [cell, expected] of [
      [test["DE"]?.["DE"], 1.4],
      [test["DE"]?.["FR"], 4.2],
    ] as const) {
      expect(Math.abs((cell?.expected as number) - expected)).toBeLessThan(3 * ((cell?.sd as number) / Math.sqrt(cell?.permutations as number)));
    }
    expect(test["DE"]?.["FR"]?.pLower).toBeLessThan(0.2);
  });
});

describe("brokerage on two triangles by country", () => {
  it("counts the representatives and gatekeepers at the bridge, worked by hand", () => {
    // Through C (DE): A→C→D and B→C→D carry DE out (representative), D→C→A and D→C→B let FR in
    // (gatekeeper); A→C→B is closed by A–B. D mirrors C.
    const { raw } = brokerage(graph, { groupBy: "country" });
    expect(raw["C"]).toEqual({ w_I: 0, w_O: 0, b_IO: 2, b_OI: 2, b_O: 0, t: 4 });
    expect(raw["D"]).toEqual({ w_I: 0, w_O: 0, b_IO: 2, b_OI: 2, b_O: 0, t: 4 });
    expect(raw["A"]?.t).toBe(0);
  });

  it("sets the network's role totals against shuffled labels, reproducibly", () => {
    const test = brokeragePermutationTest(graph, { groupBy: "country", permutations: 200, seed: 4 });
    expect(test.b_IO.observed).toBe(4);
    expect(test.t.observed).toBe(8);
    // The total of open two-paths does not depend on the labels.
    expect([test.t.expected, test.t.sd]).toEqual([8, 0]);
    expect(JSON.stringify(brokeragePermutationTest(graph, { groupBy: "country", permutations: 200, seed: 4 }))).toBe(JSON.stringify(test));
  });
});

describe("permutationTest", () => {
  it("gives no p-value for an undefined observed statistic (E-I of a group without links)", () => {
    // Statistic 0: undefined when label 0 sits on node 0 (as observed), else 1.
    const [summary] = permutationTest(Int32Array.from([0, 1, 1, 1]), (labels) => [labels[0] === 0 ? NaN : 1], { permutations: 20, rng: seededRandom(3) });
    expect(Number.isNaN(summary?.observed)).toBe(true);
    expect([summary?.pLower, summary?.pUpper].map(Number.isNaN)).toEqual([true, true]);
  });
});
