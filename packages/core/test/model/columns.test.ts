/**
 * Columns made whole (`ofNumbers`) are stored narrow where their values allow: each value must
 * read back as given, "none" as undefined, and a value the narrow array cannot hold must widen
 * the column, not be cut. Every expected value here is the input itself, written out.
 */
import { describe, expect, it } from "vitest";
import { Columns } from "../../src/model/columns.ts";

const counts = Float64Array.of(1, 7, 65534, NaN, 3);
const years = Float64Array.of(2014, NaN, 2020, 1999, 2007);
const weights = Float64Array.of(0.5, 1, 2.25, NaN, 1 / 3);
const huge = Float64Array.of(1, 2 ** 32, 5, 0, NaN);
const negative = Float64Array.of(-1, 2, 3, 4, 5);
const wide = Float64Array.of(65535, 70000, 0, NaN, 1);

function made(): Columns {
  return Columns.ofNumbers(5, [
    ["counts", counts],
    ["years", years],
    ["weights", weights],
    ["huge", huge],
    ["negative", negative],
    ["wide", wide],
  ]);
}

const asRead = (values: Float64Array) => Array.from(values, (value) => (Number.isNaN(value) ? undefined : value));

describe("Columns.ofNumbers", () => {
  it("reads back every value as given, and none where NaN was given", () => {
    const columns = made();
    for (const [name, values] of [["counts", counts], ["years", years], ["weights", weights], ["huge", huge], ["negative", negative], ["wide", wide]] as const) {
      expect(Array.from({ length: 5 }, (_, row) => columns.get(row, name))).toEqual(asRead(values));
      expect(Array.from(columns.numbers(name))).toEqual(Array.from(values));
    }
  });

  it("takes the first rows only, and copies: the arrays given may be reused", () => {
    const given = Float64Array.of(4, 5, 6, 7);
    const columns = Columns.ofNumbers(2, [["n", given]]);
    given[0] = 99;
    expect(columns.rows).toBe(2);
    expect(Array.from(columns.numbers("n"))).toEqual([4, 5]);
  });

  it("gives `missing` for rows without a number", () => {
    const columns = made();
    expect(Array.from(columns.numbers("counts", 1))).toEqual([1, 7, 65534, 1, 3]);
    expect(Array.from(columns.numbers("weights", 1))).toEqual([0.5, 1, 2.25, 1, 1 / 3]);
    expect(Array.from(columns.numbers("absent", 1))).toEqual([1, 1, 1, 1, 1]);
  });

  it("widens a narrow column for a value it cannot hold, keeping the others", () => {
    for (const value of [0.5, -2, 65535, 2 ** 32, 2 ** 40]) {
      const columns = made();
      columns.set(3, "counts", value);
      expect(Array.from({ length: 5 }, (_, row) => columns.get(row, "counts"))).toEqual([1, 7, 65534, value, 3]);
    }
  });

  it("keeps values set that fit, and none where a row is not set", () => {
    const columns = made();
    columns.set(1, "years", 2030);
    expect(Array.from({ length: 5 }, (_, row) => columns.get(row, "years"))).toEqual([2014, 2030, 2020, 1999, 2007]);
    const row = columns.push({ counts: 12 });
    expect(columns.get(row, "counts")).toBe(12);
    expect(columns.get(row, "years")).toBeUndefined();
    expect(columns.row(3)).toEqual({ years: 1999, huge: 0, negative: 4 });
  });

  it("selects rows with their values and nones", () => {
    const selected = made().select([4, 3, 0]);
    expect(Array.from({ length: 3 }, (_, row) => selected.get(row, "counts"))).toEqual([3, undefined, 1]);
    expect(Array.from(selected.numbers("years"))).toEqual([2007, 1999, 2014]);
    selected.set(1, "counts", 2.5);
    expect(Array.from(selected.numbers("counts"))).toEqual([3, 2.5, 1]);
  });
});
