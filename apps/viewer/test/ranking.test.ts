import { describe, expect, it } from "vitest";
import { standings } from "../src/ranking.ts";

describe("standings", () => {
  it("ranks the highest 1, ties sharing the best rank, and gives the share below in percent", () => {
    // Worked by hand: sorted 1, 2, 3, 3; a and c tie at the top, two of four values are below them.
    expect(Object.fromEntries(standings({ a: 3, b: 1, c: 3, d: 2 }))).toEqual({
      a: { rank: 1, percentile: 50 },
      c: { rank: 1, percentile: 50 },
      d: { rank: 3, percentile: 25 },
      b: { rank: 4, percentile: 0 },
    });
  });

  it("leaves out what has no finite value", () => {
    expect([...standings({ a: Number.NaN, b: 2, c: Number.POSITIVE_INFINITY }).keys()]).toEqual(["b"]);
  });
});
