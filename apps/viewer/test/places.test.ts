import { describe, expect, it } from "vitest";
import { centralBox, inBox, quantile } from "../src/map-extent.ts";
import { groupPlaces, placeKey, placeName } from "../src/places.ts";

describe("groupPlaces", () => {
  it("gathers organisations whose coordinates are equal to 0.001°, and keeps apart those that are not", () => {
    // By hand, in thousandths of a degree: a and b at (51441.2, 5476.6) and c at (51440.8, 5476.9)
    // all round to (51441, 5477); d, 0.0002° west of a at 5476.4, rounds to 5476: across the
    // grid's edge, another place (the rule's documented limit).
    const places = groupPlaces([
      { id: "a", lat: 51.4412, lon: 5.4766, city: "Eindhoven" },
      { id: "b", lat: 51.4412, lon: 5.4766, city: "EINDHOVEN " },
      { id: "c", lat: 51.4408, lon: 5.4769, city: "eindhoven" },
      { id: "d", lat: 51.4412, lon: 5.4764, city: "Eindhoven" },
    ]);
    expect(places.map(({ key, members }) => [key, members])).toEqual([
      ["51441,5477", ["a", "b", "c"]],
      ["51441,5476", ["d"]],
    ]);
    // The place sits at its members' mean coordinates, and is named by the city they share, as
    // the first member spells it.
    const [eindhoven] = places;
    expect(eindhoven?.lat).toBeCloseTo((51.4412 * 2 + 51.4408) / 3, 12);
    expect(eindhoven?.lon).toBeCloseTo((5.4766 * 2 + 5.4769) / 3, 12);
    expect(eindhoven && placeName(eindhoven)).toBe("Eindhoven");
  });

  it("names a place by its coordinates where its members' cities differ or one is unknown, never 'unknown'", () => {
    // semiconductor-ev's centre of Italy: towns CORDIS could not place, on one point.
    const italy = groupPlaces([
      { id: "arzignano", lat: 42.6384261, lon: 12.674297, city: "ARZIGNANO" },
      { id: "arezzo", lat: 42.6384261, lon: 12.674297, city: "AREZZO" },
    ]);
    expect(italy.map(placeName)).toEqual(["42.638° N, 12.674° E"]);
    const noCity = groupPlaces([
      { id: "x", lat: -33.8688, lon: -70.6693, city: "Santiago" },
      { id: "y", lat: -33.8688, lon: -70.6693 },
    ]);
    expect(noCity.map(placeName)).toEqual(["33.869° S, 70.669° W"]);
  });

  it("rounds negative coordinates to the nearest thousandth, as positive ones", () => {
    expect([placeKey(-0.0004, -0.0006), placeKey(0.0004, 0.0006), placeKey(-12.3456, 12.3454)]).toEqual(["0,-1", "0,1", "-12346,12345"]);
  });

  it("orders places by members, the most first, then by key; leaves its input alone", () => {
    const input = [
      { id: "p", lat: 2, lon: 2 },
      { id: "q", lat: 1, lon: 1 },
      { id: "r", lat: 2, lon: 2 },
    ];
    const copy = structuredClone(input);
    expect(groupPlaces(input).map(({ key, members }) => [key, members.length])).toEqual([
      ["2000,2000", 2],
      ["1000,1000", 1],
    ]);
    expect(input).toEqual(copy);
  });
});

describe("centralBox", () => {
  it("interpolates percentiles between neighbours, as NumPy's default", () => {
    // By hand: 0.25 · (5 − 1) = 1, the second value; 0.1 · 4 = 0.4, 40% of the way from 10 to 20.
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([10, 20, 30, 40, 50], 0.1)).toBeCloseTo(14, 12);
  });

  it("fits a cluster of 200 and leaves out two far-off partners", () => {
    // 200 points on a 10 × 20 grid over [0, 9] × [0, 19], and two far off. By hand, x: sorted, the
    // 1st percentile is at 0.01 · 201 = 2.01, between the 3rd and 4th values (both 0): 0; the 99th
    // at 198.99, between the 199th and 200th values (9 and 9): 9; widened by 4.5 each side:
    // [−4.5, 13.5]. y likewise: [0, 19] widened by 9.5: [−9.5, 28.5].
    const points = Array.from({ length: 200 }, (_, i) => ({ x: i % 10, y: Math.floor(i / 10) }));
    const far = [
      { x: 500, y: 5 },
      { x: 4, y: -300 },
    ];
    const box = centralBox([...points, ...far]);
    expect(box).toEqual({ minX: -4.5, maxX: 13.5, minY: -9.5, maxY: 28.5 });
    expect(points.every((point) => inBox(box as NonNullable<typeof box>, point))).toBe(true);
    expect(far.some((point) => inBox(box as NonNullable<typeof box>, point))).toBe(false);
  });

  it("keeps every point of a network spread evenly, and has no box without points", () => {
    const spread = Array.from({ length: 50 }, (_, i) => ({ x: i * 100, y: (i * 37) % 50 }));
    const box = centralBox(spread);
    expect(spread.every((point) => inBox(box as NonNullable<typeof box>, point))).toBe(true);
    expect(centralBox([])).toBeUndefined();
  });
});
