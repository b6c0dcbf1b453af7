// Scales, shares and openness on the hand-made "messy" fixture (fixtures/messy/README.md: unknown
// countries, regions that differ where a country is unknown, NUTS codes of every length, spellings
// of one city, 49.2 and 50.2 km, missing types) against fixtures/messy/expected.json, written by
// fixtures/messy/reference.py with datasets/reference/scales.py (pandas/numpy, from issue 16's
// rules, never from this code), every link's class there also worked by hand.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { eiIndex, type EiIndex, type Openness } from "../../src/groups/ei-index.ts";
import { eiPermutationTest } from "../../src/groups/ei-permutation.ts";
import { mixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { classifyLinks } from "../../src/scales/classify.ts";
import { defaultHierarchy } from "../../src/scales/hierarchy.ts";
import { scaleShares, type ScaleShares } from "../../src/scales/shares.ts";

const folder = fileURLToPath(new URL("./fixtures/messy/", import.meta.url));
const rows = (file: string) => parse(readFileSync(folder + file, "utf8"), { columns: true }) as Array<Record<string, string>>;

function messy(): UndirectedGraph {
  const graph = new UndirectedGraph();
  for (const { id, name, type, country, region, city, lat, lon } of rows("organisations.csv")) {
    const present = Object.entries({ name, type, country, region, city }).filter(([, value]) => value !== "");
    graph.addNode(id as string, { ...Object.fromEntries(present), ...(lat && lon ? { lat: Number(lat), lon: Number(lon) } : {}) });
  }
  for (const { source, target, weight, firstYear } of rows("links.csv")) graph.addEdge(source, target, { weight: Number(weight), firstYear: Number(firstYear) });
  return graph;
}

interface PandasShares {
  links: number;
  weight: number;
  count: Record<string, number>;
  weightByScale: Record<string, number>;
  countShares: Record<string, number | null>;
  weightShares: Record<string, number | null>;
  flags: Record<string, number>;
  rules: Record<string, number>;
}
interface Variant {
  options: { nutsLevel: 2 | null; sameCity: boolean; withinKm: number | null };
  links: Array<{ source: string; target: string; scale: string; rule: string; flags: string[] }>;
  shares: { network: PandasShares; byYear: Record<string, PandasShares>; byCountry: Record<string, PandasShares>; ungrouped: { organisations: number } };
}
interface PandasOpenness {
  ei: {
    network: Record<"counted" | "weighted", Openness>;
    excluded: { network: { counted: number; weighted: number }; [grouping: string]: unknown };
    [grouping: string]: unknown;
  };
  expected: { analytic: number };
  mixing: { counted: Record<string, Record<string, number>>; weighted: Record<string, Record<string, number>> };
}
const expected = JSON.parse(readFileSync(folder + "expected.json", "utf8")) as {
  variants: Record<string, Variant>;
  openness: Record<"country" | "type", PandasOpenness>;
};

const graph = messy();

function optionsOf({ nutsLevel, sameCity, withinKm }: Variant["options"]) {
  return {
    hierarchy: defaultHierarchy({ sameCity, ...(nutsLevel === null ? {} : { nutsLevel }) }),
    ...(withinKm === null ? {} : { localWithinKm: withinKm }),
  };
}

function expectShares(actual: ScaleShares | undefined, wanted: PandasShares): void {
  expect(actual).toMatchObject({ links: wanted.links, weight: wanted.weight, counts: wanted.count, weights: wanted.weightByScale });
  expect(actual?.flags).toEqual(Object.fromEntries(Object.entries(wanted.flags).filter(([, n]) => n > 0)));
  for (const scale of Object.keys(wanted.count)) {
    expect(actual?.countShares[scale]).toBeCloseTo(wanted.countShares[scale] ?? 0, 12);
    expect(actual?.weightShares[scale]).toBeCloseTo(wanted.weightShares[scale] ?? 0, 12);
  }
}

describe.each(Object.keys(expected.variants))("the messy fixture, variant %s", (name) => {
  const variant = expected.variants[name] as Variant;
  const options = optionsOf(variant.options);

  it("classes every link as the reference does: scale, rule and flags", () => {
    const key = (a: string, b: string) => (a < b ? `${a}–${b}` : `${b}–${a}`);
    const mine = Object.fromEntries(classifyLinks(graph, options).map((l) => [key(l.source, l.target), [l.scale, l.rule, l.unknown.map((f) => `unknown:${f}`)]]));
    const theirs = Object.fromEntries(variant.links.map((l) => [key(l.source, l.target), [l.scale, l.rule, l.flags.map((f) => (f.startsWith("unknown:") ? f : `unknown:${f}`))]]));
    expect(mine).toEqual(theirs);
  });

  const report = scaleShares(graph, { ...options, groupBy: ["country"] });

  it("shares for the network, per year and per country (known countries only)", () => {
    expectShares(report.network, variant.shares.network);
    expect([...report.byYear.keys()]).toEqual(Object.keys(variant.shares.byYear));
    for (const [year, shares] of Object.entries(variant.shares.byYear)) expectShares(report.byYear.get(year), shares);
    // The reference lists countries with links; linkscale every country with an organisation (AT: O34, isolated).
    expect([...(report.byGroup["country"]?.keys() ?? [])].filter((c) => report.byGroup["country"]?.get(c)?.links !== 0)).toEqual(Object.keys(variant.shares.byCountry));
    for (const [country, shares] of Object.entries(variant.shares.byCountry)) expectShares(report.byGroup["country"]?.get(country), shares);
    expect(report.openness["country"]?.excluded.organisations).toBe(variant.shares.ungrouped.organisations);
  });

  it("names the rules in force, with the links each decided", () => {
    const counts = Object.fromEntries(report.rules.map((r) => [r.rule, r.links]));
    const inForce = Object.entries(variant.shares.network.rules).filter(([rule]) => rule !== "distance" || variant.options.withinKm !== null);
    expect(counts).toEqual(Object.fromEntries(inForce.filter(([rule]) => rule !== "city" || variant.options.sameCity)));
  });
});

describe.each(["country", "type"] as const)("openness by %s on the messy fixture, organisations without one left out", (groupBy) => {
  const wanted = expected.openness[groupBy];
  const byGroupKey = groupBy === "country" ? "byCountry" : "byType";
  const groups = wanted.ei[byGroupKey] as Record<string, Record<"counted" | "weighted", Openness>>;
  const excluded = wanted.ei.excluded[byGroupKey] as Record<string, { counted: number; weighted: number }>;
  const ei = eiIndex(graph, { groupBy });

  const expectIndex = (actual: EiIndex | undefined, theirs: Record<"counted" | "weighted", Openness>, left: { counted: number; weighted: number }) => {
    for (const kind of ["counted", "weighted"] as const) {
      const mine = actual?.[kind] as Openness;
      expect([mine.E, mine.I]).toEqual([theirs[kind].E, theirs[kind].I]);
      for (const field of ["EI", "ratio"] as const) {
        if (theirs[kind][field] === null) expect(mine[field]).toBeNull();
        else expect(mine[field]).toBeCloseTo(theirs[kind][field] as number, 12);
      }
    }
    expect(actual?.excluded).toEqual({ links: left.counted, weight: left.weighted });
  };

  it("E-I per group and for the network, with the links left out", () => {
    // The reference lists groups with links; linkscale every group with an organisation, E-I null without links.
    const withoutLinks = Object.keys(ei.byGroup).filter((group) => !(group in groups));
    for (const group of withoutLinks) expect(ei.byGroup[group]?.counted).toEqual({ E: 0, I: 0, EI: null, ratio: null });
    expect(Object.keys(ei.byGroup).filter((group) => group in groups)).toEqual(Object.keys(groups));
    for (const [group, theirs] of Object.entries(groups)) expectIndex(ei.byGroup[group], theirs, excluded[group] as { counted: number; weighted: number });
    expectIndex(ei.network, wanted.ei.network, wanted.ei.excluded.network);
  });

  it("the same from the scale report's one pass", () => {
    expect(scaleShares(graph, { groupBy: [groupBy] }).openness[groupBy]).toEqual(ei);
  });

  it("the matrix over known groups, and 1 − 2p over the organisations with a group", () => {
    const matrix = mixingMatrix(graph, { groupBy });
    const rowsWithLinks = (table: Record<string, Record<string, number>>) => Object.fromEntries(Object.entries(table).filter(([, row]) => Object.keys(row).length > 0));
    expect(rowsWithLinks(matrix.counted)).toEqual(wanted.mixing.counted);
    expect(rowsWithLinks(matrix.weighted)).toEqual(wanted.mixing.weighted);
    expect(eiPermutationTest(graph, { groupBy, permutations: 10, seed: 1 }).network.analyticExpected).toBeCloseTo(wanted.expected.analytic, 12);
  });
});
