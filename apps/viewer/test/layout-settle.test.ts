/**
 * The pieces of the layout and the scale legend that need no browser: the settled criterion, the
 * ring of organisations without links, link strength by weight and the legend's scale clicks.
 * Every expected number is a hand calculation, shown beside it.
 */
import { describe, expect, it } from "vitest";
import { LIGHTEST_LINK_STRENGTH, linkStrength } from "../src/colours.ts";
import { withIsolates } from "../src/layout.ts";
import { relativeStep, SettleCriterion, SETTLED_BATCHES, SETTLED_STEP } from "../src/layout-settle.ts";
import { scalesAfterClick } from "../src/legend.ts";

describe("the settled criterion", () => {
  it("measures the mean step per iteration against the spread", () => {
    // After: (-1, 0) and (1, 0), centroid (0, 0), spread 1. Before: (-1, 1) and (1, 0): the first
    // moved 1, the second 0, a mean of 0.5 over 5 iterations: 0.1 per iteration.
    expect(relativeStep(Float32Array.of(-1, 1, 1, 0), Float32Array.of(-1, 0, 1, 0), 5)).toBeCloseTo(0.1, 12);
    // The same moves at ten times the scale: the same relative step.
    expect(relativeStep(Float32Array.of(-10, 10, 10, 0), Float32Array.of(-10, 0, 10, 0), 5)).toBeCloseTo(0.1, 12);
    // No spread (one organisation, or all at one point): nothing left to settle.
    expect(relativeStep(Float32Array.of(3, 4), Float32Array.of(0, 0), 20)).toBe(0);
  });

  it(`holds after ${SETTLED_BATCHES} batches in a row under ${SETTLED_STEP}, and starts counting again after one above`, () => {
    const criterion = new SettleCriterion();
    const [under, over] = [SETTLED_STEP / 2, SETTLED_STEP * 2];
    const seen = [over, under, under, over, under, under, under].map((step) => criterion.observe(step));
    expect(seen).toEqual([false, false, false, false, false, false, true]);
  });
});

describe("organisations without links", () => {
  it("wait evenly on a ring 1.1 times the farthest linked organisation's distance from the centroid", () => {
    // Four organisations; rows 0 and 2 laid out at (-1, 5) and (3, 5): centroid (1, 5), farthest
    // 2 away, ring radius 2.2. The isolated 1 and 3 go to angles 0 and π: (3.2, 5) and (-1.2, 5).
    const positions = withIsolates(Float32Array.of(-1, 5, 3, 5), Int32Array.of(0, 2), 4, new Float64Array(8));
    const expected = [-1, 5, 3.2, 5, 3, 5, -1.2, 5];
    expect([...positions].map((value, i) => value - (expected[i] as number)).every((difference) => Math.abs(difference) < 1e-12)).toBe(true);
  });
});

describe("link strength by weight", () => {
  it("runs from the lightest strength to 1 on a log scale", () => {
    expect(linkStrength(0, 3)).toBe(LIGHTEST_LINK_STRENGTH);
    expect(linkStrength(3, 3)).toBe(1);
    // ln(1 + 1) / ln(1 + 3) = ln 2 / ln 4 = 1/2: halfway.
    expect(linkStrength(1, 3)).toBeCloseTo(LIGHTEST_LINK_STRENGTH + (1 - LIGHTEST_LINK_STRENGTH) / 2, 12);
  });
});

describe("a click on a scale in the legend", () => {
  it("shows that scale alone, and every scale again when it was alone", () => {
    expect(scalesAfterClick("national", undefined)).toEqual(["national"]);
    expect(scalesAfterClick("local", ["national", "local"])).toEqual(["local"]);
    expect(scalesAfterClick("national", ["national"])).toBeUndefined();
  });
});
