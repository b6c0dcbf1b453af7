import { describe, expect, it } from "vitest";
import { LinkTally } from "../../src/projection/link-tally.ts";
import { seededRandom } from "../../src/random/seeded.ts";

describe("LinkTally", () => {
  it("finds each pair's slot again as it grows from one slot, slots in the order pairs first came, tallies kept", () => {
    const tally = new LinkTally(1);
    const random = seededRandom(5);
    // Pairs written out as text in a Map beside it: the slot each got and how often it came.
    const expected = new Map<string, { slot: number; times: number }>();
    for (let i = 0; i < 20_000; i++) {
      const a = Math.floor(random() * 300);
      const b = a + 1 + Math.floor(random() * 300);
      const slot = tally.slot(a, b);
      const seen = expected.get(`${a}-${b}`);
      if (seen === undefined) expected.set(`${a}-${b}`, { slot, times: 1 });
      else {
        expect(slot).toBe(seen.slot);
        seen.times++;
      }
      (tally.weight[slot] as number) += 1;
    }
    expect(tally.size).toBe(expected.size);
    expect(tally.lo.length).toBeGreaterThanOrEqual(expected.size);
    [...expected.values()].forEach(({ slot }, order) => expect(slot).toBe(order));
    for (const [pair, { slot, times }] of expected) {
      expect(`${tally.lo[slot]}-${tally.hi[slot]}`).toBe(pair);
      expect(tally.weight[slot]).toBe(times);
      expect([tally.firstYear[slot], tally.lastYear[slot]]).toEqual([Infinity, -Infinity]);
    }
  });

  it("grows from no room at all", () => {
    const tally = new LinkTally(0);
    expect([tally.slot(0, 1), tally.slot(1, 2), tally.slot(0, 1)]).toEqual([0, 1, 0]);
  });
});
