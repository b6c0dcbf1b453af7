import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { distanceDecay } from "../../src/scales/distance-decay.ts";

// Points on the equator, so a link's length is R · Δlon (in radians): 1° = 111.1950 km with
// R = 6,371.0088 km. Links of 0.005°, 0.05°, 0.5° and 5°: 0.556, 5.560, 55.60, 555.98 km.
function equator(): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode("O", { lat: 0, lon: 0 });
  const degrees = [0.005, 0.05, 0.5, 5];
  degrees.forEach((lon, i) => {
    graph.addNode(`P${i}`, { lat: 0, lon });
    graph.addEdge("O", `P${i}`, { weight: i + 1 });
  });
  graph.addNode("X", {}); // no coordinates
  graph.addEdge("O", "X");
  return graph;
}

describe("distanceDecay", () => {
  const decay = distanceDecay(equator(), { binsPerDecade: 1 });

  it("measures links with coordinates at both ends and counts the others", () => {
    expect(decay.measured).toBe(4);
    expect(decay.unmeasured).toBe(1);
    expect(decay.meanKm).toBeCloseTo(((0.005 + 0.05 + 0.5 + 5) / 4) * 111.195, 2);
    expect(decay.medianKm).toBeCloseTo(((0.05 + 0.5) / 2) * 111.195, 2);
  });

  it("bins lengths by decade, with links per km of bin width", () => {
    // One bin per decade: [0, 1), [1, 10), [10, 100), [100, 1000) km: one link each.
    expect(decay.bins.map((b) => [b.fromKm, b.toKm, b.links, b.weight])).toEqual([
      [0, 1, 1, 1],
      [1, 10, 1, 2],
      [10, 100, 1, 3],
      [100, 1000, 1, 4],
    ]);
    expect(decay.bins.map((b) => b.density)).toEqual([1, 1 / 9, 1 / 90, 1 / 900]);
  });

  it("fits the log–log tail: density falls tenfold per decade, a slope of −1", () => {
    // Densest bin is [0, 1), which has no log centre; the tail is the three bins from 1 km, with
    // log10 centres 0.5, 1.5, 2.5 and log10 densities −log10 9 − 0, −1, −2: slope exactly −1.
    expect(decay.tail?.bins).toBe(3);
    expect(decay.tail?.slope).toBeCloseTo(-1, 12);
    expect(decay.tail?.rSquared).toBeCloseTo(1, 12);
  });
});
