/**
 * The overlap pass (overlap.ts) on hand-made layouts: every expected figure follows from the
 * geometry written beside it.
 */
import { describe, expect, it } from "vitest";
import { discRadius, DISC_PX, OVERLAP_FREE_ZOOM, partOverlaps, REFERENCE_PX } from "../src/overlap.ts";

/** Pairs of discs of `radius` whose centres are closer than two radii. */
function overlapping(xy: Float64Array, radius: number): number {
  let pairs = 0;
  for (let i = 0; i < xy.length / 2; i++) {
    for (let j = i + 1; j < xy.length / 2; j++) {
      if (Math.hypot((xy[2 * i] as number) - (xy[2 * j] as number), (xy[2 * i + 1] as number) - (xy[2 * j + 1] as number)) < 2 * radius) pairs++;
    }
  }
  return pairs;
}

describe("partOverlaps", () => {
  it("takes a disc's radius from the view the promise is made for", () => {
    // A picture 700 units across on a 700 px view: a unit is a pixel, and at 4x a disc of 3 px
    // takes 3 / sqrt(4) = 1.5 px of the fitted view.
    expect(discRadius(REFERENCE_PX)).toBeCloseTo(DISC_PX / Math.sqrt(OVERLAP_FREE_ZOOM), 12);
    expect(discRadius(2 * REFERENCE_PX)).toBeCloseTo(2 * discRadius(REFERENCE_PX), 12);
  });

  it("moves an overlapping pair apart along the line between them, each the same way, and leaves a pair apart where it is", () => {
    // Discs of radius 1 at 0 and 1.5 overlap by 0.5; discs at 10 and 20 do not.
    const xy = Float64Array.from([0, 0, 1.5, 0, 10, 10, 20, 10]);
    const parting = partOverlaps(xy, 1);
    expect(parting).toEqual({ overlapping: 1, left: 0, sweeps: 1 });
    expect(overlapping(xy, 1)).toBe(0);
    // Symmetric about the pair's midpoint (0.75), on the x axis.
    expect((xy[0] as number) + (xy[2] as number)).toBeCloseTo(1.5, 12);
    expect([xy[1], xy[3]]).toEqual([0, 0]);
    expect([...xy.slice(4)]).toEqual([10, 10, 20, 10]);
  });

  it("parts fifty organisations on one spot, the same way every time", () => {
    const stacked = () => new Float64Array(100).fill(3);
    const first = stacked();
    const parting = partOverlaps(first, 1);
    // Every pair of the fifty overlapped: 50 * 49 / 2.
    expect(parting.overlapping).toBe(1225);
    expect(parting.left).toBe(0);
    expect(overlapping(first, 1)).toBe(0);
    const second = stacked();
    partOverlaps(second, 1);
    expect(second).toEqual(first);
  });

  it("does nothing to one organisation, or to discs of no size", () => {
    expect(partOverlaps(Float64Array.from([1, 2]), 1)).toEqual({ overlapping: 0, left: 0, sweeps: 0 });
    const xy = Float64Array.from([0, 0, 0, 0]);
    expect(partOverlaps(xy, 0)).toEqual({ overlapping: 0, left: 0, sweeps: 0 });
    expect([...xy]).toEqual([0, 0, 0, 0]);
  });
});
