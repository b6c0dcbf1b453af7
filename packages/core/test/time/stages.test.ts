// Stages on hand-made data: every number below is worked out on paper in the comments, except
// those marked scikit-learn or scipy, computed with Debian's python3-sklearn / python3-scipy:
//   normalized_mutual_info_score([0,0,0,1,1], ['x','x','y','y','y']) = 0.4325380677663123
//   spearmanr([1,2,3,4], [1,3,2,4]) = 0.7999999999999999; spearmanr([1,1,2,3], [1,2,3,4]) = 0.9486832980505139
import { describe, expect, it } from "vitest";
import { LinkscaleError } from "../../src/errors.ts";
import { normalizedMutualInformation } from "../../src/communities/nmi.ts";
import { communityContinuity } from "../../src/time/community-continuity.ts";
import { rankStability } from "../../src/time/window-changes.ts";
import { createAllianceGraph } from "../../src/model/graph.ts";
import { stages } from "../../src/time/stages.ts";
import { windowsOf } from "../../src/time/windows.ts";

// P1 (2019): A B C; P2 (2020): A B; P3 (2020): C D; P4 (2021): D E; P5 (no year): A E.
// A university of DE, B firm of DE, C government of FR, D firm of FR, E with neither type nor country.
const participations = [
  ["P1", "A", 2019], ["P1", "B", 2019], ["P1", "C", undefined],
  ["P2", "A", 2020], ["P2", "B", 2020],
  ["P3", "C", 2020], ["P3", "D", 2020],
  ["P4", "D", 2021], ["P4", "E", 2021],
  ["P5", "A", undefined], ["P5", "E", undefined],
].map(([project, org, year]) => ({ project: project as string, org: org as string, ...(year === undefined ? {} : { year: year as number }) }));
const organisations = [
  { id: "A", type: "university", country: "DE" },
  { id: "B", type: "firm", country: "DE" },
  { id: "C", type: "government", country: "FR" },
  { id: "D", type: "firm", country: "FR" },
  { id: "E" },
] as const;

describe("windows", () => {
  it("are yearly, cumulative, rolling or named stages over the span", () => {
    const span = { from: 2014, to: 2020 };
    expect(windowsOf({ kind: "yearly" }, { from: 2019, to: 2020 }).map((w) => w.name)).toEqual(["2019", "2020"]);
    expect(windowsOf({ kind: "cumulative" }, { from: 2019, to: 2021 }).map((w) => w.name)).toEqual(["2019", "2019–2020", "2019–2021"]);
    expect(windowsOf({ kind: "rolling", width: 3, step: 2 }, span).map((w) => [w.from, w.to])).toEqual([[2014, 2016], [2016, 2018], [2018, 2020]]);
    // A span shorter than the width is one window.
    expect(windowsOf({ kind: "rolling", width: 3, step: 1 }, { from: 2019, to: 2020 })).toEqual([{ name: "2019–2020", from: 2019, to: 2020 }]);
    expect(windowsOf({ kind: "stages", stages: { "start-up": [2007, 2010], development: [2011, 2015] } }, span)).toEqual([
      { name: "start-up", from: 2007, to: 2010 },
      { name: "development", from: 2011, to: 2015 },
    ]);
  });

  it("refuse a stage that ends before it starts, or a rolling width of zero, naming it", () => {
    expect(() => windowsOf({ kind: "stages", stages: { transformation: [2016, 2012] } }, { from: 2010, to: 2020 })).toThrow(/stage "transformation" runs from 2016 to 2012/);
    expect(() => windowsOf({ kind: "rolling", width: 0, step: 1 }, { from: 2010, to: 2020 })).toThrow(LinkscaleError);
  });
});

describe("stages of the hand-made network, yearly", () => {
  const result = stages({ participations, organisations });

  it("projects each window from its projects; a project without a year is in none, and counted", () => {
    // P1's year is 2019, the earliest on its rows (C's row has none). P5 has no year: 1 project, 2 rows.
    expect(result.span).toEqual({ from: 2019, to: 2021 });
    expect(result.withoutYear).toEqual({ projects: 1, participations: 2 });
    // 2019: A B C, a triangle. 2020: A–B and C–D: density 2/6, two components of 2, no connected triple.
    // 2021: D–E.
    expect(result.windows.map(({ name, projects, organisations: n, links, weight, density, components, largestComponentShare, transitivity }) => ({ name, projects, n, links, weight, density, components, largestComponentShare, transitivity }))).toEqual([
      { name: "2019", projects: 1, n: 3, links: 3, weight: 3, density: 1, components: 1, largestComponentShare: 1, transitivity: 1 },
      { name: "2020", projects: 2, n: 4, links: 2, weight: 2, density: 2 / 6, components: 2, largestComponentShare: 0.5, transitivity: 0 },
      { name: "2021", projects: 1, n: 2, links: 1, weight: 1, density: 1, components: 1, largestComponentShare: 1, transitivity: 0 },
    ]);
  });

  it("says who enters, stays and leaves, and how many ties persist", () => {
    const [first, second] = result.changes;
    // 2019 → 2020: D enters; links AB stays, CD enters, AC and BC leave: persistence 1/4.
    expect(first).toMatchObject({ from: "2019", to: "2020", organisations: { entered: 1, stayed: 3, left: 0 }, links: { entered: 1, stayed: 1, left: 2 }, persistence: 0.25 });
    // 2020 → 2021: E enters, D stays, A B C leave; no link stays of three.
    expect(second).toMatchObject({ organisations: { entered: 1, stayed: 1, left: 3 }, links: { entered: 1, stayed: 0, left: 2 }, persistence: 0 });
  });

  it("measures each window's openness and triple helix", () => {
    // By country: 2019 has A–B inside DE and A–C, B–C across (E 2, I 1: E-I 1/3); 2020 has A–B and C–D
    // inside (E-I −1); 2021's one link has E, without a country, at an end: left out, E-I undefined.
    expect(result.windows.map((w) => w.openness["country"])).toEqual([
      { counted: 1 / 3, weighted: 1 / 3, excludedLinks: 0, pLower: null, pUpper: null },
      { counted: -1, weighted: -1, excludedLinks: 0, pLower: null, pUpper: null },
      { counted: null, weighted: null, excludedLinks: 1, pLower: null, pUpper: null },
    ]);
    // 2019: one project with all three helices: every helix constant, so every T is 0. 2020: P2 (u, i)
    // and P3 (i, g): I constant (T with I is 0); U and G each in one of two projects, never together:
    // T(UG) = H(U) + H(G) − H(UG) = 1 + 1 − 1 = 1 bit. 2021: E's type is unknown: no project counted.
    expect(result.windows.map((w) => w.tripleHelix)).toEqual([
      { counted: 1, T: { UI: 0, UG: 0, IG: 0, UIG: 0 }, constant: { U: "every project", I: "every project", G: "every project" } },
      { counted: 2, T: { UI: 0, UG: 1, IG: 0, UIG: 0 }, constant: { I: "every project" } },
      { counted: 0, T: null, constant: {} },
    ]);
    // Any relabelling of 2019's triangle (DE, DE, FR) keeps one link inside and two across: p = 1 both ways.
    const tested = stages({ participations, organisations }, { permutations: 99, seed: 3 });
    expect(tested.windows[0]?.openness["country"]).toMatchObject({ counted: 1 / 3, pLower: 1, pUpper: 1 });
    expect(tested.rules.openness).toContain("99 relabellings (seed 3)");
    // Both countries' links in 2019 are transnational but A–B (national); no region, no city.
    expect(result.windows[0]?.scales?.countShares).toMatchObject({ national: 1 / 3, transnational: 2 / 3 });
  });

  it("lists each window's gatekeepers and brokers, and its cluster network in brief", () => {
    const clustered = stages({ participations, organisations }, { clusterBy: "country" });
    // 2019: C carries FR's two links to DE (weight 2, all of FR's); A and B one each of DE's two.
    expect(clustered.windows[0]?.gatekeepers).toEqual([
      { organisation: "C", group: "FR", externalWeight: 2, share: 1 },
      { organisation: "A", group: "DE", externalWeight: 1, share: 0.5 },
      { organisation: "B", group: "DE", externalWeight: 1, share: 0.5 },
    ]);
    // No window has an open two-path (a triangle, two pairs, one pair): nobody brokers.
    expect(clustered.windows.map((w) => w.brokers)).toEqual([[], [], []]);
    // By country: 2019 DE and FR, one cluster link of two organisation links, A–B inside; 2020 A–B
    // and C–D inside; 2021 FR alone, E (no country) left out.
    expect(clustered.windows.map((w) => w.clusters)).toEqual([
      { clusters: 2, links: 1, internalLinks: 1, externalLinks: 2, excludedOrganisations: 0 },
      { clusters: 2, links: 0, internalLinks: 2, externalLinks: 0, excludedOrganisations: 0 },
      { clusters: 1, links: 0, internalLinks: 0, externalLinks: 0, excludedOrganisations: 1 },
    ]);
    expect(result.windows[0]?.clusters).toBeNull();
  });

  it("gives no rank correlation where it is undefined, and says why", () => {
    const [first, second] = result.changes;
    // A, B, C each have degree 2 in 2019: a constant side. Only D is in 2020 and 2021.
    expect(first?.rankStability.degree).toEqual({ organisations: 3, spearman: null, undefinedBecause: "the measure is the same for every organisation in a window" });
    expect(second?.rankStability.strength).toEqual({ organisations: 1, spearman: null, undefinedBecause: "fewer than 2 organisations are in both windows" });
  });
});

describe("stages of a network given as links", () => {
  it("finds the broker of a star: X between Y (its country) and Z (another), both ways", () => {
    const graph = createAllianceGraph();
    graph.addNode("X", { country: "DE" });
    graph.addNode("Y", { country: "DE" });
    graph.addNode("Z", { country: "FR" });
    graph.addEdge("X", "Y", { weight: 1, projectCount: 1, firstYear: 2020, lastYear: 2020 });
    graph.addEdge("X", "Z", { weight: 1, projectCount: 1, firstYear: 2020, lastYear: 2020 });
    const result = stages({ graph });
    // Y→X→Z: X a representative of DE; Z→X→Y: X a gatekeeper for DE. Two brokerage roles in all.
    expect(result.windows[0]?.brokers).toEqual([{ organisation: "X", brokerage: 2 }]);
    expect(result.windows[0]?.tripleHelix).toBeNull();
  });
});

describe("between two windows", () => {
  it("correlates ranks over the organisations in both, ties at their mean rank (scipy)", () => {
    expect(rankStability({ a: 1, b: 2, c: 3, d: 4 }, { a: 1, b: 3, c: 2, d: 4, e: 9 }).spearman).toBeCloseTo(0.7999999999999999, 12);
    expect(rankStability({ a: 1, b: 1, c: 2, d: 3 }, { a: 1, b: 2, c: 3, d: 4 }).spearman).toBeCloseTo(0.9486832980505139, 12);
    // 0.1 + 0.2 and 0.3 differ in the last bit only: a tie, so this is the same as [1, 1, 2, 3].
    expect(rankStability({ a: 0.1 + 0.2, b: 0.3, c: 2, d: 3 }, { a: 1, b: 2, c: 3, d: 4 }).spearman).toBeCloseTo(0.9486832980505139, 12);
  });

  it("matches communities to their predecessors by shared members", () => {
    // Shared: a b c d e (f leaves, g enters). x holds a b (both from 0): 0. y holds c (0), d e (1): 1.
    // z holds only g: new. 2 holds only f: ended. 0's successor is x (2 of 3), 1's is y.
    const continuity = communityContinuity({ a: 0, b: 0, c: 0, d: 1, e: 1, f: 2 }, { a: "x", b: "x", c: "y", d: "y", e: "y", g: "z" });
    expect(continuity).toMatchObject({ organisations: 5, matched: 2, new: 1, ended: 1, splits: [], merges: [], predecessors: { x: "0", y: "1", z: null } });
    expect(continuity.nmi).toBeCloseTo(0.4325380677663123, 12);
  });

  it("reports a split and a merge, ties going to the community whose first member comes first", () => {
    // 0 splits into 1 (a b) and 2 (c d); its successor is a tie, 2 shared each: 1 holds a.
    const split = communityContinuity({ a: 0, b: 0, c: 0, d: 0 }, { a: 1, b: 1, c: 2, d: 2 });
    expect(split).toMatchObject({ splits: ["0"], merges: [], predecessors: { "1": "0", "2": "0" }, nmi: 0 });
    const merge = communityContinuity({ a: 1, b: 1, c: 2, d: 2 }, { a: 0, b: 0, c: 0, d: 0 });
    expect(merge).toMatchObject({ splits: [], merges: ["0"], predecessors: { "0": "1" }, nmi: 0 });
  });

  it("computes scikit-learn's NMI, its limits included", () => {
    expect(normalizedMutualInformation([0, 0], [5, 5])).toBe(1);
    expect(normalizedMutualInformation([0, 0, 0, 0], [1, 1, 2, 2])).toBe(0);
    expect(normalizedMutualInformation([0, 0, 1, 1], ["p", "p", "q", "q"])).toBeCloseTo(1, 12);
  });
});
