// Communities on the bundled semiconductor-ev network against
// datasets/reference/communities.py (python-igraph 0.10.2 community_multilevel
// and community_leiden(objective_function="modularity") over seeds 0–9; NetworkX 2.8.8
// community.modularity of fixed partitions), stored in communities.json.
import { describe, expect, it } from "vitest";
import { leiden } from "../../src/communities/leiden.ts";
import { louvain } from "../../src/communities/louvain.ts";
import { modularity } from "../../src/communities/modularity.ts";
import { reference as readReference, semiconductorEv } from "../bundled.ts";
import { communitiesAreConnected } from "../fixtures.ts";

interface Best {
  bestModularity: number;
}
interface Check {
  partition: Record<string, string | number>;
  networkx: Record<"weighted" | "unweighted", Record<string, number>>;
}
const reference = readReference<{
  igraph: Record<"louvain" | "leiden", Record<"weighted" | "unweighted", Best>>;
  checkPartitions: Record<string, Check>;
}>("communities.json");
const graph = semiconductorEv();
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

describe.each([
  ["louvain", louvain],
  ["leiden", leiden],
] as const)("%s over 10 seeds", (name, detect) => {
  it.each([true, false])("weighted %s: valid partitions, best modularity within 0.5 % of igraph's best", (weighted) => {
    const key = weighted ? "weighted" : "unweighted";
    const results = SEEDS.map((seed) => detect(graph, { weighted, seed }));
    for (const { communities, count, modularity: q } of results) {
      expect(Object.keys(communities)).toHaveLength(graph.order);
      expect(new Set(Object.values(communities)).size).toBe(count);
      expect(q).toBeCloseTo(modularity(graph, communities, { weighted }), 12);
      if (name === "leiden") expect(communitiesAreConnected(graph, communities)).toBe(true);
    }
    const best = Math.max(...results.map((r) => r.modularity));
    const igraphBest = reference.igraph[name][key].bestModularity;
    expect(best).toBeGreaterThanOrEqual(igraphBest * 0.995);
  });

  it("gives byte-identical JSON for the same seed", () => {
    expect(JSON.stringify(detect(graph, { seed: 3 }))).toBe(JSON.stringify(detect(graph, { seed: 3 })));
  });
});

describe("modularity of a given partition", () => {
  it.each(Object.keys(reference.checkPartitions))("%s equals NetworkX's to 1e-12, weighted and not, at γ = 0.5, 1, 2", (name) => {
    const { partition, networkx } = reference.checkPartitions[name] as Check;
    for (const weighted of [true, false]) {
      for (const [resolution, expected] of Object.entries(networkx[weighted ? "weighted" : "unweighted"])) {
        expect(Math.abs(modularity(graph, partition, { weighted, resolution: Number(resolution) }) - expected)).toBeLessThanOrEqual(1e-12);
      }
    }
  });
});
