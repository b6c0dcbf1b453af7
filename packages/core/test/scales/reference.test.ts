// Scale shares, E-I per country and the country × country matrix on the bundled
// semiconductor-ev network against datasets/reference/scales.py (pandas 1.5,
// numpy), stored in scales.json. Regions are unknown in this data: same-country links are
// national (flagged unknown:region), the others transnational; the within50km variant counts
// ends within 50 km as local.
import { describe, expect, it } from "vitest";
import { eiIndex, type EiIndex, type EiResult, type Openness } from "../../src/groups/ei-index.ts";
import { eiPermutationTest } from "../../src/groups/ei-permutation.ts";
import { mixingMatrix, type MixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { scaleShares, type ScaleShares } from "../../src/scales/shares.ts";
import { reference, semiconductorEv } from "../bundled.ts";

interface PandasShares {
  count: Record<string, number>;
  weightByScale: Record<string, number>;
  countShares: Record<string, number>;
  weightShares: Record<string, number>;
  flags: Record<string, number>;
  links: number;
  weight: number;
}
interface Expected {
  scales: Record<"default" | "within50km", { network: PandasShares; byYear: Record<string, PandasShares>; byCountry: Record<string, PandasShares> }>;
  ei: { network: unknown; byCountry: Record<string, unknown> };
  eiExpected: { analytic: number };
  matrix: { counted: Record<string, Record<string, number>>; weighted: Record<string, Record<string, number>> };
}
const expected = reference<Expected>("scales.json");
const graph = semiconductorEv();

/** pandas' field names and zero flags, in linkscale's shape. */
function asLinkscale(shares: PandasShares): ScaleShares {
  return {
    links: shares.links,
    weight: shares.weight,
    counts: shares.count,
    weights: shares.weightByScale,
    countShares: shares.countShares,
    weightShares: shares.weightShares,
    flags: Object.fromEntries(Object.entries(shares.flags).filter(([, n]) => n > 0)),
  };
}

function expectShares(actual: ScaleShares | undefined, wanted: PandasShares | undefined): void {
  const target = asLinkscale(wanted as PandasShares);
  expect(actual).toBeDefined();
  const { countShares, weightShares, ...exact } = actual as ScaleShares;
  const { countShares: wantedCount, weightShares: wantedWeight, ...wantedExact } = target;
  expect(exact).toEqual(wantedExact);
  for (const scale of Object.keys(wantedCount)) {
    expect(Math.abs((countShares[scale] as number) - (wantedCount[scale] as number))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs((weightShares[scale] as number) - (wantedWeight[scale] as number))).toBeLessThanOrEqual(1e-12);
  }
}

describe.each([
  ["default", {}],
  ["within50km", { localWithinKm: 50 }],
] as const)("scale shares, %s", (variant, options) => {
  const report = scaleShares(graph, { ...options, groupBy: ["country"] });
  const wanted = expected.scales[variant];

  it("for the network", () => expectShares(report.network, wanted.network));

  it("per year", () => {
    expect([...report.byYear.keys()]).toEqual(Object.keys(wanted.byYear));
    for (const year of Object.keys(wanted.byYear)) expectShares(report.byYear.get(year), wanted.byYear[year]);
  });

  it("per country", () => {
    expect([...(report.byGroup["country"]?.keys() ?? [])]).toEqual(Object.keys(wanted.byCountry));
    for (const country of Object.keys(wanted.byCountry)) expectShares(report.byGroup["country"]?.get(country), wanted.byCountry[country]);
  });
});

describe.each([
  ["eiIndex and mixingMatrix", () => ({ ei: eiIndex(graph, { groupBy: "country" }), matrix: mixingMatrix(graph, { groupBy: "country" }) })],
  [
    "the scale report",
    () => {
      const report = scaleShares(graph, { groupBy: ["country"], mixing: true });
      return { ei: report.openness["country"] as EiResult, matrix: report.mixing["country"] as MixingMatrix };
    },
  ],
] as const)("openness by country, from %s", (_source, compute) => {
  const { ei, matrix } = compute();

  it("E-I and E/I per country and for the network equal pandas' to 1e-12", () => {
    const expectOpenness = (actual: EiIndex | undefined, wanted: unknown) => {
      for (const kind of ["counted", "weighted"] as const) {
        const mine = (actual as EiIndex)[kind];
        const theirs = (wanted as Record<typeof kind, Openness>)[kind];
        expect([mine.E, mine.I]).toEqual([theirs.E, theirs.I]);
        for (const field of ["EI", "ratio"] as const) {
          if (theirs[field] === null) expect(mine[field]).toBeNull();
          else expect(Math.abs((mine[field] as number) - (theirs[field] as number))).toBeLessThanOrEqual(1e-12);
        }
      }
    };
    expectOpenness(ei.network, expected.ei.network);
    expect(Object.keys(ei.byGroup)).toEqual(Object.keys(expected.ei.byCountry));
    for (const country of Object.keys(expected.ei.byCountry)) expectOpenness(ei.byGroup[country], expected.ei.byCountry[country]);
  });

  it("the country × country matrix equals pandas'", () => {
    expect(matrix.counted).toEqual(expected.matrix.counted);
    expect(matrix.weighted).toEqual(expected.matrix.weighted);
  });
});

describe("the E-I permutation test by country", () => {
  it("1000 permutations: expected E-I within 3 standard errors of the analytic 1 − 2p", () => {
    const { network } = eiPermutationTest(graph, { groupBy: "country", permutations: 1000, seed: 1 });
    // scales.py: p = Σ n_g(n_g − 1)/(n(n − 1)) = 0.0908…, analytic E[E-I] = 0.8183006535947712.
    expect(Math.abs(network.analyticExpected - expected.eiExpected.analytic)).toBeLessThanOrEqual(1e-12);
    for (const test of [network.counted, network.weighted]) {
      const standardError = test.sd / Math.sqrt(test.permutations);
      expect(Math.abs(test.expected - network.analyticExpected)).toBeLessThan(3 * standardError);
    }
  });
});
