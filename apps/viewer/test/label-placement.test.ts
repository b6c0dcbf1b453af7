/**
 * Where labels go (label-placement.ts), without a browser: every width is 10 pixels a character
 * and the text 10 pixels high, so each expected box is worked out by hand beside it. A label's box
 * spans the node's radius, a gap of 3 and the text, with 2 pixels of padding all round.
 */
import { describe, expect, it } from "vitest";
import { placeLabels, type Box } from "../src/label-placement.ts";

const width = (text: string) => 10 * text.length;
const canvas: Box = { left: 0, top: 0, right: 200, bottom: 100 };
const node = (text: string, x: number, y: number, radius: number, forced = false) => ({ text, x, y, radius, forced });

describe("label placement", () => {
  it("puts a label right of its node: from x + radius + 3 - 2 to that plus the text and 2", () => {
    const [placed] = placeLabels([node("abc", 50, 50, 5)], width, 10, canvas, []);
    // left 50 + 5 + 3 - 2 = 56, right 50 + 5 + 3 + 30 + 2 = 90; top 50 - 5 - 2 = 43, bottom 57.
    expect(placed?.box).toEqual({ left: 56, top: 43, right: 90, bottom: 57 });
  });

  it("moves a label left of its node at the canvas' right edge, and drops one that fits neither side", () => {
    // Right of (180, 50) would end at 180 + 5 + 3 + 30 + 2 = 220 > 200: left, from 180 - 5 - 3 - 30 - 2 = 140 to 180 - 5 - 3 + 2 = 174.
    const [edge] = placeLabels([node("abc", 180, 50, 5)], width, 10, canvas, []);
    expect(edge?.box).toEqual({ left: 140, top: 43, right: 174, bottom: 57 });
    // 25 characters (250 pixels) fit on neither side of a 200-pixel canvas.
    expect(placeLabels([node("a".repeat(25), 100, 50, 5)], width, 10, canvas, [])).toEqual([undefined]);
  });

  it("places the larger node's label first, and the smaller one's on the side where it overlaps none, or not at all", () => {
    // The large node (radius 8) at (50, 50) takes 59..93 on the right. The small one (radius 2)
    // at (60, 52) would take 63..97 on the right, which meets it, and 23..57 on the left
    // (60 - 2 - 3 - 30 - 2 = 23, 60 - 2 - 3 + 2 = 57), which does not.
    const placed = placeLabels([node("sml", 60, 52, 2), node("big", 50, 50, 8)], width, 10, canvas, []);
    expect(placed[1]?.box.left).toBe(59);
    expect(placed[0]?.box).toEqual({ left: 23, top: 45, right: 57, bottom: 59 });
    // At (64, 52) its left side ends at 61, inside 59..93 as well: dropped.
    expect(placeLabels([node("sml", 64, 52, 2), node("big", 50, 50, 8)], width, 10, canvas, [])[0]).toBeUndefined();
    // Further down (y 70: 63..77 against 43..57) it keeps the right side, from 60 + 2 + 3 - 2 = 63.
    expect(placeLabels([node("sml", 60, 70, 2), node("big", 50, 50, 8)], width, 10, canvas, [])[0]?.box.left).toBe(63);
  });

  it("keeps clear of obstacles, but draws the selected organisation's label whatever it meets", () => {
    const zoomButtons: Box = { left: 50, top: 0, right: 200, bottom: 100 };
    // Right of (40, 50) meets the obstacle; left would start at 40 - 5 - 3 - 30 - 2 = 0: it fits there.
    expect(placeLabels([node("abc", 40, 50, 5)], width, 10, canvas, [zoomButtons])[0]?.box.left).toBe(0);
    // At (30, 50) the left side would start at -10 and the right meets the obstacle: dropped, unless forced.
    expect(placeLabels([node("abc", 30, 50, 5)], width, 10, canvas, [zoomButtons])).toEqual([undefined]);
    expect(placeLabels([node("abc", 30, 50, 5, true)], width, 10, canvas, [zoomButtons])[0]?.box.left).toBe(36);
  });
});
