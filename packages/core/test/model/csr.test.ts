/**
 * CSR helpers: each slot's reverse, and the sums over shared contacts that Burt's measures take
 * from triangles, both against what the definitions give when worked out directly in the test;
 * and the triangle counts the CSRs of one graph share.
 */
import { describe, expect, it } from "vitest";
import { throughSharedContacts } from "../../src/brokerage/shared-contacts.ts";
import { weightedCsr } from "../../src/centrality/options.ts";
import { triangleCountsPerNode, trianglesPerNode } from "../../src/centrality/triangles.ts";
import { nodeStrengths, reverseSlots, toCsr, type Csr } from "../../src/model/csr.ts";
import { createAllianceGraph } from "../../src/model/graph.ts";
import { seededRandom } from "../../src/random/seeded.ts";

/** A seeded random alliance graph: 60 organisations, about 400 weighted links, hubs among them. */
function randomCsr(): Csr {
  const random = seededRandom(7);
  const graph = createAllianceGraph();
  const id = (i: number) => `org-${String(i).padStart(2, "0")}`;
  for (let i = 0; i < 60; i++) graph.addNode(id(i), {});
  for (let e = 0; e < 600; e++) {
    // Squaring one end's draw makes the low numbers hubs.
    const [a, b] = [Math.floor(random() ** 2 * 60), Math.floor(random() * 60)];
    if (a !== b && !graph.hasEdge(id(a), id(b))) graph.addEdge(id(a), id(b), { weight: 1 + Math.floor(random() * 5) });
  }
  return toCsr(graph);
}

describe("reverseSlots", () => {
  it("gives each slot the slot of the same link in its other end's row", () => {
    const csr = randomCsr();
    const { offsets, targets, weights } = csr;
    const reverse = reverseSlots(csr);
    let checked = 0;
    for (let u = 0; u + 1 < offsets.length; u++) {
      for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
        const v = targets[k] as number;
        const back = reverse[k] as number;
        // In v's row, pointing at u, with the link's weight; and its own reverse is k.
        expect([back >= (offsets[v] as number), back < (offsets[v + 1] as number), targets[back], weights[back], reverse[back]]).toEqual([true, true, u, weights[k], k]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(600);
  });
});

describe("throughSharedContacts", () => {
  it("sums p_iq · t(j, q) over the contacts q that i and j share, for every tie i → j", () => {
    const csr = randomCsr();
    const { offsets, targets, weights } = csr;
    const strength = nodeStrengths(csr);
    const tie = (weight: number, j: number, q: number) => weight / (strength[q] as number) + j / 1000;
    const result = throughSharedContacts(csr, strength, tie);
    // The definition, contact by contact: the weight of i–q and of j–q looked up in each row.
    const weightOf = (a: number, b: number) => {
      for (let k = offsets[a] as number; k < (offsets[a + 1] as number); k++) if (targets[k] === b) return weights[k] as number;
      return undefined;
    };
    let triangles = 0;
    for (let i = 0; i + 1 < offsets.length; i++) {
      for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
        const j = targets[k] as number;
        let sum = 0;
        for (let l = offsets[j] as number; l < (offsets[j + 1] as number); l++) {
          const q = targets[l] as number;
          const iq = weightOf(i, q);
          if (q === i || iq === undefined) continue;
          sum += (iq / (strength[i] as number)) * tie(weights[l] as number, j, q);
          triangles++;
        }
        expect(result[k]).toBeCloseTo(sum, 12);
      }
    }
    expect(triangles).toBeGreaterThan(100);
  });
});

describe("triangleCountsPerNode", () => {
  it("counts once for the CSRs of one graph, weighted or not, what trianglesPerNode counts", () => {
    const graph = createAllianceGraph();
    for (const id of ["a", "b", "c", "d"]) graph.addNode(id, {});
    for (const [s, t] of [["a", "b"], ["a", "c"], ["b", "c"], ["c", "d"], ["b", "d"]]) graph.addEdge(s as string, t as string, { weight: 2 });
    const [byWeight, unit] = [toCsr(graph), weightedCsr(graph, { weighted: false, getEdgeWeight: "weight" })];
    const counts = triangleCountsPerNode(byWeight);
    // Triangles a-b-c and b-c-d: a in one, b and c in two, d in one.
    expect(Array.from(counts)).toEqual([1, 2, 2, 1]);
    expect(Array.from(trianglesPerNode(unit, () => 1))).toEqual([1, 2, 2, 1]);
    expect(triangleCountsPerNode(unit)).toBe(counts);
  });
});
