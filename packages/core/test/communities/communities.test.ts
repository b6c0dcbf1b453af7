import { describe, expect, it } from "vitest";
import { connectedComponents } from "../../src/communities/components.ts";
import { leiden } from "../../src/communities/leiden.ts";
import { louvain } from "../../src/communities/louvain.ts";
import { modularity } from "../../src/communities/modularity.ts";
import { summariseCommunities } from "../../src/communities/summary.ts";
import { communitiesAreConnected, twoTriangles } from "../fixtures.ts";

// Hand-worked: m = 7 links; communities {A,B,C} and {D,E,F} each hold 3 links and degree sum 7:
// Q = 2 × (3/7 − (7/14)²) = 6/7 − 1/2.
const triangles = { A: 0, B: 0, C: 0, D: 1, E: 1, F: 1 };

describe("modularity", () => {
  it("equals the hand-worked value, with resolution", () => {
    expect(modularity(twoTriangles(), triangles)).toBeCloseTo(6 / 7 - 1 / 2, 15);
    // γ = 2: 2 × (3/7 − 2 · (1/2)²) = 6/7 − 1.
    expect(modularity(twoTriangles(), triangles, { resolution: 2 })).toBeCloseTo(6 / 7 - 1, 15);
  });

  it("reads weights: bridge 1, other links 2", () => {
    // 2m = 26; inside each: 6 of weight → 2·6/26; degree sums 13 each: Q = 12/13 − 2·(13/26)² = 12/13 − 1/2.
    expect(modularity(twoTriangles("forward", true), triangles)).toBeCloseTo(12 / 13 - 1 / 2, 15);
    expect(modularity(twoTriangles("forward", true), triangles, { weighted: false })).toBeCloseTo(6 / 7 - 1 / 2, 15);
  });

  it("reads a partition from a node attribute", () => {
    // By country: DE = {A,B,C}, FR = {D,E,F}: the same partition.
    expect(modularity(twoTriangles(), "country")).toBeCloseTo(6 / 7 - 1 / 2, 15);
  });
});

describe.each([
  ["louvain", louvain],
  ["leiden", leiden],
] as const)("%s", (_name, detect) => {
  it("finds the two triangles", () => {
    const result = detect(twoTriangles(), { seed: 1 });
    expect(result.communities).toEqual(triangles);
    expect(result.count).toBe(2);
    expect(result.modularity).toBeCloseTo(6 / 7 - 1 / 2, 15);
  });

  it("gives the same JSON whatever the insertion order, and for the same seed", () => {
    for (const seed of [0, 1, 2]) {
      expect(JSON.stringify(detect(twoTriangles("reverse"), { seed }))).toBe(JSON.stringify(detect(twoTriangles("forward"), { seed })));
    }
  });
});

describe("leiden", () => {
  it("keeps every community connected", () => {
    const graph = twoTriangles();
    for (let seed = 0; seed < 10; seed++) expect(communitiesAreConnected(graph, leiden(graph, { seed }).communities)).toBe(true);
  });
});

describe("summariseCommunities", () => {
  it("counts size, inside and outside weight, and dominant attributes", () => {
    const [first, second] = summariseCommunities(twoTriangles("forward", true), triangles);
    expect(first).toEqual({
      community: "0",
      size: 3,
      internalWeight: 6, // A–B, B–C, A–C of weight 2
      externalWeight: 1, // the bridge C–D
      types: [
        { value: "firm", count: 2, share: 2 / 3 },
        { value: "university", count: 1, share: 1 / 3 },
      ],
      countries: [{ value: "DE", count: 3, share: 1 }],
      regions: [], // no organisation has a region: none listed, never a region "unknown"
    });
    expect(second?.countries).toEqual([{ value: "FR", count: 3, share: 1 }]);
  });
});

describe("connectedComponents", () => {
  it("numbers components from the smallest id, whatever the insertion order", () => {
    const graph = twoTriangles("reverse");
    graph.dropEdge("C", "D");
    graph.addNode("G");
    // Hand count: {A,B,C}, {D,E,F} and the lone G.
    expect(connectedComponents(graph)).toEqual({
      components: { A: 0, B: 0, C: 0, D: 1, E: 1, F: 1, G: 2 },
      count: 3,
      sizes: [3, 3, 1],
    });
  });
});
