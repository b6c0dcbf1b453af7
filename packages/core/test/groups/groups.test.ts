import { describe, expect, it } from "vitest";
import { eiIndex } from "../../src/groups/ei-index.ts";
import { eiPermutationTest } from "../../src/groups/ei-permutation.ts";
import { gatekeepers } from "../../src/groups/gatekeepers.ts";
import { mixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { brokerage, brokeragePermutationTest } from "../../src/brokerage/gould-fernandez.ts";
import { assortativity } from "../../src/groups/assortativity.ts";
import { eiAndMixingPermutationTest, mixingPermutationTest } from "../../src/groups/mixing-permutation.ts";
import { bundledDataset } from "../bundled.ts";
import { scaleShares } from "../../src/scales/shares.ts";
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
      excluded: { links: 0, weight: 0 },
    });
    expect(byGroup["FR"]).toEqual(byGroup["DE"]);
    // Network counted: E = 1, I = 6: −5/7. Weighted: E = 1, I = 12: −11/13.
    expect(network).toEqual({
      counted: { E: 1, I: 6, EI: -5 / 7, ratio: 1 / 6 },
      weighted: { E: 1, I: 12, EI: -11 / 13, ratio: 1 / 12 },
      excluded: { links: 0, weight: 0 },
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

  it("run beside the mixing test, from the same shuffles in one pass, gives its own result to the bit", () => {
    // Fractional counting: weights whose sums depend on the order they are added in.
    const network = bundledDataset("semiconductor-ev", "fractional");
    for (const groupBy of ["type", "country"]) {
      const options = { groupBy, permutations: 200, seed: 4 };
      const both = eiAndMixingPermutationTest(network, options);
      expect(JSON.stringify(both.ei)).toBe(JSON.stringify(eiPermutationTest(network, options)));
      expect(JSON.stringify(both.mixing)).toBe(JSON.stringify(mixingPermutationTest(network, options)));
    }
  });
});

describe("mixingMatrix", () => {
  it("counts links between groups, internal ones on the diagonal", () => {
    expect(mixingMatrix(graph)).toEqual({
      groups: ["DE", "FR"],
      counted: { DE: { DE: 3, FR: 1 }, FR: { DE: 1, FR: 3 } },
      weighted: { DE: { DE: 6, FR: 1 }, FR: { DE: 1, FR: 6 } },
      excluded: { organisations: 0, links: 0, weight: 0, rule: "organisations without a country are left out, with every link they have" },
    });
  });
});

describe("gatekeepers", () => {
  it("names the members carrying each group's outward weight", () => {
    expect(gatekeepers(graph)).toEqual({
      DE: { externalWeight: 1, excludedWeight: 0, members: [{ organisation: "C", externalWeight: 1, share: 1 }], core: ["C"] },
      FR: { externalWeight: 1, excludedWeight: 0, members: [{ organisation: "D", externalWeight: 1, share: 1 }], core: ["D"] },
    });
  });
});

// Unknown is never a value. The two triangles, plus G and H, whose country is unknown: A–G
// (weight 1), G–H (1) and H–D (3). Before, G and H formed a group "unknown" that counted like any
// other: A–G was external for DE, G–H internal to "unknown".
describe("organisations without a group", () => {
  const withUnknowns = () => {
    const g = twoTriangles("forward", true);
    g.addNode("G", { type: "firm" });
    g.addNode("H", { type: "firm" });
    g.addEdge("A", "G", { weight: 1 });
    g.addEdge("G", "H", { weight: 1 });
    g.addEdge("H", "D", { weight: 3 });
    return g;
  };
  const messy = withUnknowns();
  const rule = "organisations without a country are left out, with every link they have";

  it("are left out of E-I, with their links counted as excluded", () => {
    const { network, byGroup, excluded } = eiIndex(messy);
    // DE: I = A–B, B–C, A–C (weight 6), E = C–D (1), A–G left out: (1 − 3)/4 = −0.5, as without G and H.
    // (With G and H as a group "unknown", A–G made E = 2: E-I −0.2.)
    expect(byGroup["DE"]).toEqual({ counted: { E: 1, I: 3, EI: -0.5, ratio: 1 / 3 }, weighted: { E: 1, I: 6, EI: -5 / 7, ratio: 1 / 6 }, excluded: { links: 1, weight: 1 } });
    // FR: H–D (weight 3) left out.
    expect(byGroup["FR"]?.excluded).toEqual({ links: 1, weight: 3 });
    expect(Object.keys(byGroup)).toEqual(["DE", "FR"]);
    // Network: E = 1, I = 6 as before; A–G, G–H, H–D left out (weight 1 + 1 + 3 = 5).
    expect(network).toEqual({ counted: { E: 1, I: 6, EI: -5 / 7, ratio: 1 / 6 }, weighted: { E: 1, I: 12, EI: -11 / 13, ratio: 1 / 12 }, excluded: { links: 3, weight: 5 } });
    expect(excluded).toEqual({ organisations: 2, links: 3, weight: 5, rule });
  });

  it("form a group 'unknown' only when asked to", () => {
    const { byGroup } = eiIndex(messy, { keepUnknown: true });
    // DE: E = C–D and A–G = 2, I = 3: (2 − 3)/5 = −0.2. unknown: I = G–H, E = A–G, H–D: (2 − 1)/3.
    expect(byGroup["DE"]?.counted).toEqual({ E: 2, I: 3, EI: -0.2, ratio: 2 / 3 });
    expect(byGroup["unknown"]?.counted).toEqual({ E: 2, I: 1, EI: 1 / 3, ratio: 2 });
  });

  it("scaleShares' openness and matrix leave them out the same way", () => {
    const report = scaleShares(messy, { groupBy: ["country"], mixing: true });
    expect(report.openness["country"]).toEqual(eiIndex(messy));
    expect(report.mixing["country"]).toEqual(mixingMatrix(messy));
    expect([...report.byGroup["country"]?.keys() ?? []]).toEqual(["DE", "FR"]);
    // DE's links for the shares: its 3 internal links, C–D and A–G.
    expect(report.byGroup["country"]?.get("DE")?.links).toBe(5);
  });

  it("are in no cell of the mixing matrix", () => {
    expect(mixingMatrix(messy)).toEqual({
      groups: ["DE", "FR"],
      counted: { DE: { DE: 3, FR: 1 }, FR: { DE: 1, FR: 3 } },
      weighted: { DE: { DE: 6, FR: 1 }, FR: { DE: 1, FR: 6 } },
      excluded: { organisations: 2, links: 3, weight: 5, rule },
    });
  });

  it("are not gatekeepers' partners: a link to them is not external", () => {
    const result = gatekeepers(messy);
    expect(Object.keys(result)).toEqual(["DE", "FR"]);
    expect(result["DE"]).toEqual({ externalWeight: 1, excludedWeight: 1, members: [{ organisation: "C", externalWeight: 1, share: 1 }], core: ["C"] });
    expect(result["FR"]?.excludedWeight).toBe(3);
  });

  it("are neither shuffled nor counted by the permutation tests", () => {
    const test = eiPermutationTest(messy, { permutations: 200, seed: 5 });
    // p over the six organisations with a country, as without G and H: (3·2 + 3·2)/(6·5) = 0.4.
    expect(test.network.sameGroupProbability).toBeCloseTo(0.4, 15);
    // Shuffling labels among A–F only, with the same generator, is the test on the graph without G and H.
    expect(test).toEqual(eiPermutationTest(graph, { permutations: 200, seed: 5 }));
    expect(mixingPermutationTest(messy, { groupBy: "country", permutations: 100, seed: 2 })).toEqual(mixingPermutationTest(graph, { groupBy: "country", permutations: 100, seed: 2 }));
  });

  it("are left out of brokerage with their links: the roles of the network among the others", () => {
    const result = brokerage(messy, { groupBy: "country" });
    const without = brokerage(graph, { groupBy: "country" });
    expect(result.raw).toEqual(without.raw);
    expect(result.z).toEqual(without.z);
    expect(result.network).toEqual(without.network);
    expect(result.density).toBe(without.density);
    expect(result.excluded).toEqual({ organisations: 2, links: 3, rule });
    expect(brokeragePermutationTest(messy, { groupBy: "country", permutations: 50, seed: 1 })).toEqual(brokeragePermutationTest(graph, { groupBy: "country", permutations: 50, seed: 1 }));
  });

  it("are left out of assortativity", () => {
    expect(assortativity(messy, { groupBy: "country" })).toBe(assortativity(graph, { groupBy: "country" }));
  });
});
