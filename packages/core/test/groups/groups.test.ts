import { describe, expect, it } from "vitest";
import { eiIndex } from "../../src/groups/ei-index.ts";
import { eiPermutationTest } from "../../src/groups/ei-permutation.ts";
import { gatekeepers } from "../../src/groups/gatekeepers.ts";
import { mixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { twoTriangles } from "../fixtures.ts";

// Two triangles by country: DE = {A, B, C}, FR = {D, E, F}, joined by the bridge C–D. Weighted:
// the bridge 1, every other link 2.
const graph = twoTriangles("forward", true);

describe("eiIndex", () => {
  it("E-I and E/I per group and for the network, counted and weighted", () => {
    const { network, byGroup } = eiIndex(graph);
    // DE counted: E = 1 (C–D), I = 3: (1 − 3)/4 = −0.5, E/I = 1/3. Weighted: E = 1, I = 6: −5/7.
    expect(byGroup["DE"]).toEqual({
      counted: { E: 1, I: 3, EI: -0.5, ratio: 1 / 3 },
      weighted: { E: 1, I: 6, EI: -5 / 7, ratio: 1 / 6 },
    });
    expect(byGroup["FR"]).toEqual(byGroup["DE"]);
    // Network counted: E = 1, I = 6: −5/7. Weighted: E = 1, I = 12: −11/13.
    expect(network).toEqual({
      counted: { E: 1, I: 6, EI: -5 / 7, ratio: 1 / 6 },
      weighted: { E: 1, I: 12, EI: -11 / 13, ratio: 1 / 12 },
    });
  });

  it("groups by any attribute: by type, firms A, B, E", () => {
    // firm {A, B, E}: A–B inside; A–C, B–C, D–E, E–F leave: E = 4, I = 1: 3/5.
    expect(eiIndex(graph, { groupBy: "type" }).byGroup["firm"]?.counted).toEqual({ E: 4, I: 1, EI: 3 / 5, ratio: 4 });
  });
});

describe("eiPermutationTest", () => {
  it("expected network E-I agrees with the analytic 1 − 2p within 3 standard errors", () => {
    const { network } = eiPermutationTest(graph, { permutations: 2000, seed: 3 });
    // p = (3·2 + 3·2)/(6·5) = 0.4, so E[E-I] = 1 − 2 · 0.4 = 0.2.
    expect(network.sameGroupProbability).toBeCloseTo(0.4, 15);
    expect(network.analyticExpected).toBeCloseTo(0.2, 15);
    const standardError = network.counted.sd / Math.sqrt(network.counted.permutations);
    expect(Math.abs(network.counted.expected - 0.2)).toBeLessThan(3 * standardError);
    expect(network.counted.observed).toBeCloseTo(-5 / 7, 15);
    // The observed split is the most closed of all 10 splits into two triples: few shuffles reach it.
    expect(network.counted.pLower).toBeLessThan(0.2);
  });

  it("gives the same result for the same seed", () => {
    expect(JSON.stringify(eiPermutationTest(graph, { permutations: 50, seed: 9 }))).toBe(JSON.stringify(eiPermutationTest(graph, { permutations: 50, seed: 9 })));
  });
});

describe("mixingMatrix", () => {
  it("counts links between groups, internal ones on the diagonal", () => {
    expect(mixingMatrix(graph)).toEqual({
      groups: ["DE", "FR"],
      counted: { DE: { DE: 3, FR: 1 }, FR: { DE: 1, FR: 3 } },
      weighted: { DE: { DE: 6, FR: 1 }, FR: { DE: 1, FR: 6 } },
    });
  });
});

describe("gatekeepers", () => {
  it("names the members carrying each group's outward weight", () => {
    expect(gatekeepers(graph)).toEqual({
      DE: { externalWeight: 1, members: [{ organisation: "C", externalWeight: 1, share: 1 }], core: ["C"] },
      FR: { externalWeight: 1, members: [{ organisation: "D", externalWeight: 1, share: 1 }], core: ["D"] },
    });
  });
});
