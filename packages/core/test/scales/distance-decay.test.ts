import { readFileSync } from "node:fs";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { distanceDecay, MODAL_TAIL_RULE } from "../../src/scales/distance-decay.ts";
import { semiconductorEv } from "../bundled.ts";

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
    // Every bin holds one link, so the modal bin is the first, [0, 1), which has no log centre;
    // the tail is the three bins from 1 km, with log10 centres 0.5, 1.5, 2.5 and log10 densities
    // −log10 9 − 0, −1, −2: slope exactly −1; at log10 km = 0 the line is one half-decade back from
    // 0.5, so the intercept is −log10 9 + 0.5 = −0.4542425.
    expect(decay.tail).toMatchObject({ fromKm: 1, toKm: 1000, bins: 3, rule: MODAL_TAIL_RULE });
    expect(decay.tail?.slope).toBeCloseTo(-1, 12);
    expect(decay.tail?.intercept).toBeCloseTo(0.5 - Math.log10(9), 12);
    expect(decay.tail?.rSquared).toBeCloseTo(1, 12);
  });
});

/** A star on the equator from O: `count` links of `degrees` of longitude for each [degrees, count]. */
function star(lengths: ReadonlyArray<[number, number]>): UndirectedGraph {
  const graph = new UndirectedGraph();
  graph.addNode("O", { lat: 0, lon: 0 });
  for (const [degrees, count] of lengths) {
    for (let k = 0; k < count; k++) {
      graph.addNode(`${degrees}/${k}`, { lat: 0, lon: degrees });
      graph.addEdge("O", `${degrees}/${k}`);
    }
  }
  return graph;
}

describe("distanceDecay: the tail from the modal bin on", () => {
  // One bin per decade, links of 0.005°, 0.05°, 0.5°, 5°, 50° (0.556, 5.56, 55.6, 556, 5,560 km):
  //   bin        links  width (km)  links per km   log10 centre
  //   [0, 1)         2          1     2             (none)
  //   [1, 10)       20          9     2.2222        0.5
  //   [10, 100)    100         90     1.1111        1.5     ← modal bin (most links)
  //   [100, 1e3)    10        900     0.011111      2.5
  //   [1e3, 1e4)     1      9,000     0.00011111    3.5
  // The densest bin is [1, 10) (2.22 > 2 > 1.11), the modal bin [10, 100).
  // From the mode: log10 densities −log10 0.9 − {0, 2, 4}, at centres 1.5, 2.5, 3.5: on a line
  // of slope exactly −2 (R² = 1), through log10(100/90) = 0.0457575 at 1.5, so the intercept is
  // 0.0457575 + 2 · 1.5 = 3.0457575.
  // The old rule (from the densest bin) took [1, 10) too: x = 0.5, 1.5, 2.5, 3.5 (mean 2),
  // y = 0.346787, 0.045757, −1.954243, −3.954243 (mean −1.378985); Σ(x − x̄)(y − ȳ) =
  // −1.5 · 1.725772 − 0.5 · 1.424742 + 0.5 · (−0.575258) + 1.5 · (−2.575258) = −7.451545,
  // over Σ(x − x̄)² = 5: slope −1.490309, which this test must not give.
  const decay = distanceDecay(
    star([
      [0.005, 2],
      [0.05, 20],
      [0.5, 100],
      [5, 10],
      [50, 1],
    ]),
    { binsPerDecade: 1 },
  );

  it("bins as worked above", () => {
    expect(decay.bins.map((b) => b.links)).toEqual([2, 20, 100, 10, 1]);
  });

  it("fits from the bin with the most links, not the densest: slope −2 over 10–10,000 km", () => {
    expect(decay.tail).toMatchObject({ fromKm: 10, toKm: 10_000, bins: 3, rule: MODAL_TAIL_RULE });
    expect(decay.tail?.slope).toBeCloseTo(-2, 12);
    expect(decay.tail?.intercept).toBeCloseTo(Math.log10(100 / 90) + 3, 12);
    expect(decay.tail?.rSquared).toBeCloseTo(1, 12);
  });

  it("fits from tailFromKm when given, and names that rule", () => {
    // From 1 km: the old rule's four bins, slope −1.490309 as worked above.
    const from1 = distanceDecay(star([[0.005, 2], [0.05, 20], [0.5, 100], [5, 10], [50, 1]]), { binsPerDecade: 1, tailFromKm: 1 });
    expect(from1.tail).toMatchObject({ fromKm: 1, toKm: 10_000, bins: 4, rule: "from tailFromKm = 1 km" });
    expect(from1.tail?.slope).toBeCloseTo(-1.490309, 6);
  });

  it("skips empty bins and ties go to the shorter bin", () => {
    // 5 links of 0.556 km (bin 0), 5 of 55.6 km, 5 of 5,560 km; [1, 10) and [100, 1e3) empty.
    // The first modal bin is [0, 1), so the tail is the non-empty bins from 1 km: [10, 100) and
    // [1e3, 1e4), two points; with minTailBins 2, densities 5/90 and 5/9,000 at centres 1.5 and
    // 3.5: slope (−2)/2 = −1.
    const gappy = star([[0.005, 5], [0.5, 5], [50, 5]]);
    expect(distanceDecay(gappy, { binsPerDecade: 1 }).tail).toBeNull();
    const two = distanceDecay(gappy, { binsPerDecade: 1, minTailBins: 2 }).tail;
    expect(two).toMatchObject({ fromKm: 10, toKm: 10_000, bins: 2, rule: MODAL_TAIL_RULE });
    expect(two?.slope).toBeCloseTo(-1, 12);
  });

  it("is null when fewer than minTailBins bins lie past the mode", () => {
    // Mode [100, 1e3) with 10 links; past it only [1e3, 1e4): one bin, no line.
    expect(distanceDecay(star([[0.5, 1], [5, 10], [50, 1]]), { binsPerDecade: 1 }).tail).toBeNull();
    expect(distanceDecay(new UndirectedGraph(), {}).tail).toBeNull();
  });
});

describe("distanceDecay on semiconductor-ev", () => {
  // Expected values from distance_decay_reference.py beside this file: its own projection,
  // haversine, numpy.digitize bins and numpy.polyfit (written from the documented rule, not from
  // this code), stored in distance-decay.semiconductor-ev.json.
  interface Reference {
    measured: number;
    unmeasured: number;
    binLinks: number[];
    tail: { fromKm: number; toKm: number; bins: number; slope: number; intercept: number; rSquared: number };
  }
  const expected = JSON.parse(readFileSync(new URL("distance-decay.semiconductor-ev.json", import.meta.url), "utf8")) as Reference;
  const decay = distanceDecay(semiconductorEv());

  it("bins the links as the script does", () => {
    expect([decay.measured, decay.unmeasured]).toEqual([expected.measured, expected.unmeasured]);
    expect(decay.bins.map((bin) => bin.links)).toEqual(expected.binLinks);
  });

  it("fits the tail past the ~1,000 km mode as numpy.polyfit does: slope −2.93 over 1,000–17,783 km, R² 0.93", () => {
    const { tail } = decay;
    if (tail === null) throw new Error("semiconductor-ev has a tail");
    expect(tail).toMatchObject({ bins: expected.tail.bins, rule: MODAL_TAIL_RULE });
    expect(tail.fromKm).toBeCloseTo(expected.tail.fromKm, 9);
    expect(tail.toKm).toBeCloseTo(expected.tail.toKm, 9);
    expect(Math.abs(tail.slope - expected.tail.slope)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(tail.intercept - expected.tail.intercept)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(tail.rSquared - expected.tail.rSquared)).toBeLessThanOrEqual(1e-9);
  });
});
