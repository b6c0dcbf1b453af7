import { describe, expect, it } from "vitest";
import { betweenness } from "../../src/centrality/betweenness.ts";
import { betweennessParallel } from "../../src/node/betweenness-parallel.ts";
import { seededRandom } from "../../src/random/seeded.ts";
import { twoTriangles } from "../fixtures.ts";

describe("betweennessParallel", () => {
  it("equals the single-thread result byte for byte, for any thread count, exact and sampled", { timeout: 120_000 }, async () => {
    const graph = twoTriangles("forward", true);
    for (const options of [{}, { weighted: true }, { samples: 4 }]) {
      const single = JSON.stringify(betweenness(graph, { ...options, rng: seededRandom(7) }));
      for (const threads of [1, 2, 3]) {
        const parallel = await betweennessParallel(graph, { ...options, rng: seededRandom(7), threads });
        expect(JSON.stringify(parallel)).toBe(single);
      }
    }
  });
});
