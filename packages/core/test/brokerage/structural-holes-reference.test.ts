// Burt's constraint, local constraint and effective size on semiconductor-ev against NetworkX
// 2.8.8 (nx.constraint, nx.local_constraint, nx.effective_size), computed by
// datasets/reference/structural_holes.py into structural-holes.json.gz.
import { describe, expect, it } from "vitest";
import { structuralConstraint } from "../../src/brokerage/constraint.ts";
import { effectiveSize } from "../../src/brokerage/effective-size.ts";
import { reference, semiconductorEv } from "../bundled.ts";

type Values = Record<string, number>;
const expected = reference<Record<"unweighted" | "weighted", { constraint: Values; effectiveSize: Values; localConstraint: Values }>>(
  "structural-holes.json.gz",
);
const graph = semiconductorEv();

function worst(actual: Record<string, number | null>, wanted: Values): number {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(wanted).sort());
  return Math.max(...Object.keys(wanted).map((key) => Math.abs((actual[key] as number) - (wanted[key] as number))));
}

describe.each([false, true])("weighted: %s", (weighted) => {
  const wanted = expected[weighted ? "weighted" : "unweighted"];

  it("constraint and local constraint equal NetworkX's to 1e-9", () => {
    const result = structuralConstraint(graph, { weighted, local: true });
    expect(worst(result.constraint, wanted.constraint)).toBeLessThanOrEqual(1e-9);
    expect(worst(result.local as Record<string, number>, wanted.localConstraint)).toBeLessThanOrEqual(1e-9);
  });

  it("effective size equals NetworkX's to 1e-9", () => {
    expect(worst(effectiveSize(graph, { weighted }).effectiveSize, wanted.effectiveSize)).toBeLessThanOrEqual(1e-9);
  });
});
