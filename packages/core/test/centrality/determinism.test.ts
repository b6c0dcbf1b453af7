import { describe, expect, it } from "vitest";
import { betweenness } from "../../src/centrality/betweenness.ts";
import { closeness } from "../../src/centrality/closeness.ts";
import { clustering } from "../../src/centrality/clustering.ts";
import { degree } from "../../src/centrality/degree.ts";
import { eigenvector } from "../../src/centrality/eigenvector.ts";
import { harmonic } from "../../src/centrality/harmonic.ts";
import { pagerank } from "../../src/centrality/pagerank.ts";
import { strength } from "../../src/centrality/strength.ts";
import { seededRandom } from "../../src/random/seeded.ts";
import { twoTriangles } from "../fixtures.ts";

const measures = {
  degree: (g: ReturnType<typeof twoTriangles>) => degree(g),
  strength: (g: ReturnType<typeof twoTriangles>) => strength(g),
  closeness: (g: ReturnType<typeof twoTriangles>) => closeness(g, { weighted: true }),
  harmonic: (g: ReturnType<typeof twoTriangles>) => harmonic(g, { weighted: true }),
  eigenvector: (g: ReturnType<typeof twoTriangles>) => eigenvector(g, { weighted: true }),
  pagerank: (g: ReturnType<typeof twoTriangles>) => pagerank(g),
  betweenness: (g: ReturnType<typeof twoTriangles>) => betweenness(g, { weighted: true }),
  sampledBetweenness: (g: ReturnType<typeof twoTriangles>) => betweenness(g, { samples: 3, rng: seededRandom(5) }),
  clustering: (g: ReturnType<typeof twoTriangles>) => clustering(g, { weighted: true }),
};

describe.each(Object.entries(measures))("%s", (_name, measure) => {
  it("gives byte-identical JSON, keyed in sorted id order, whatever the insertion order", () => {
    const forward = JSON.stringify(measure(twoTriangles("forward", true)));
    expect(JSON.stringify(measure(twoTriangles("reverse", true)))).toBe(forward);
    expect(Object.keys(JSON.parse(forward))).toEqual(["A", "B", "C", "D", "E", "F"]);
  });
});

describe("hand-worked values on two triangles joined by a bridge", () => {
  const graph = twoTriangles();
  it("betweenness: only C and D lie on shortest paths between the triangles", () => {
    // C is on the shortest path of the 6 pairs (A|B, D|E|F); D on those of (A|B|C, E|F), also 6.
    // Normalised by the (n−1)(n−2)/2 = 10 pairs that could pass through a node: 6/10.
    const values = betweenness(graph);
    for (const [node, expected] of Object.entries({ A: 0, B: 0, C: 0.6, D: 0.6, E: 0, F: 0 })) {
      expect(values[node]).toBeCloseTo(expected, 15);
    }
  });
  it("clustering: A, B, E, F close their triangle; C and D close 1 of 3 pairs", () => {
    expect(clustering(graph)).toEqual({ A: 1, B: 1, C: 1 / 3, D: 1 / 3, E: 1, F: 1 });
  });
});
