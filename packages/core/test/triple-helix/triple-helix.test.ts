import { describe, expect, it } from "vitest";
import { assortativity } from "../../src/groups/assortativity.ts";
import { tripleHelix, tripleHelixOfTypes, UNKNOWN_TYPE_RULE } from "../../src/triple-helix/mutual-information.ts";
import { twoTriangles } from "../fixtures.ts";
import { seededRandom } from "../../src/random/seeded.ts";

describe("tripleHelix (Leydesdorff 2003)", () => {
  // Hand-made: P1 = {university, firm}, P2 = {research, firm, government}, P3 = {firm, other},
  // P4 = {university}. Research counts with the universities; "other" with no helix.
  const types: Record<string, string> = { u: "university", r: "research", f: "firm", g: "government", o: "other" };
  const participations = [
    { project: "P1", org: "u" },
    { project: "P1", org: "f" },
    { project: "P2", org: "r" },
    { project: "P2", org: "f" },
    { project: "P2", org: "g" },
    { project: "P3", org: "f" },
    { project: "P3", org: "o" },
    { project: "P4", org: "u" },
  ];
  const result = tripleHelix(participations, (org) => types[org]);

  it("tables projects by the helices taking part", () => {
    expect(result.projects).toEqual({ "111": 1, "110": 1, "101": 0, "100": 1, "011": 0, "010": 1, "001": 0, "000": 0 });
    expect(result.counted).toBe(4);
    expect(result.excluded).toEqual({ projects: 0, organisations: 0, rule: UNKNOWN_TYPE_RULE });
    expect(result.constant).toEqual({});
  });

  it("leaves out a project with a participant of unknown type, and counts it as left out", () => {
    // The four projects above, and P5 = {university, x}, P6 = {x}, x of unknown type. Guessing x
    // to be in no helix would table P5 as "100" and P6 as "000"; left out, the table, entropies
    // and T are those of the four projects, worked above.
    const withUnknown = tripleHelix([...participations, { project: "P5", org: "u" }, { project: "P5", org: "x" }, { project: "P6", org: "x" }], (org) => types[org]);
    expect(withUnknown.projects).toEqual(result.projects);
    expect(withUnknown.counted).toBe(4);
    expect(withUnknown.excluded).toEqual({ projects: 2, organisations: 1, rule: UNKNOWN_TYPE_RULE });
    expect(withUnknown.entropy).toEqual(result.entropy);
    expect(withUnknown.T).toEqual(result.T);
  });

  it("is null, not 0, when no project is left to count", () => {
    // No organisation typed: each of the four projects has a participant of unknown type.
    const untyped = tripleHelix(participations, () => undefined);
    expect(untyped.counted).toBe(0);
    expect(untyped.excluded).toEqual({ projects: 4, organisations: 5, rule: UNKNOWN_TYPE_RULE });
    expect(untyped.entropy).toBeNull();
    expect(untyped.T).toBeNull();
    expect(untyped.constant).toEqual({});
    expect(Object.values(untyped.projects).every((n) => n === 0)).toBe(true);
    // No participations at all: nothing counted, nothing left out.
    const empty = tripleHelix([], (org) => types[org]);
    expect([empty.counted, empty.excluded.projects, empty.T, empty.entropy]).toEqual([0, 0, null, null]);
  });

  it("reproduces the hand-worked entropies and mutual information in bits", () => {
    // H(U) = H(I) = H(G) = −(3/4 log2 3/4 + 1/4 log2 1/4) = 0.8112781244591328 (each present in
    // 3 of 4 projects, or absent from 3: G). Pairs: patterns 2/4, 1/4, 1/4: H = 1.5. All three: 4
    // patterns of 1/4: H = 2. T(UI) = 2 · 0.811278 − 1.5; T(UIG) = 3 · 0.811278 − 3 · 1.5 + 2.
    const h1 = -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25));
    expect(result.entropy?.U).toBeCloseTo(h1, 15);
    expect(result.entropy?.UI).toBeCloseTo(1.5, 15);
    expect(result.entropy?.UIG).toBeCloseTo(2, 15);
    expect(result.T?.UI).toBeCloseTo(2 * h1 - 1.5, 15);
    expect(result.T?.UG).toBeCloseTo(2 * h1 - 1.5, 15);
    expect(result.T?.UIG).toBeCloseTo(3 * h1 - 4.5 + 2, 15);
    expect(result.T?.UIG).toBeLessThan(0);
  });

  it("reproduces the closed-form example of datasets/semiconductor-ev/reference/README-brokerage.md", () => {
    // 8 projects with helix patterns uig = 111, 111, 110, 101, 100, 100, 011, 000. With L = log2 3:
    // T(UI) = T(UG) = 0, T(IG) = 0.75 L − 1, T(UIG) = 1.5 L − 2.5 (worked there in closed form).
    const patterns = ["111", "111", "110", "101", "100", "100", "011", "000"];
    const helixTypes = ["university", "firm", "government"];
    const rows = patterns.flatMap((pattern, p) => [...pattern].flatMap((bit, h) => (bit === "1" ? [{ project: `P${p}`, org: helixTypes[h] as string }] : [{ project: `P${p}`, org: "nobody" }])));
    const example = tripleHelix(rows, (org) => (org === "nobody" ? "other" : org));
    const L = Math.log2(3);
    expect(Math.abs(example.T?.UI ?? NaN)).toBeLessThan(1e-15);
    expect(Math.abs(example.T?.UG ?? NaN)).toBeLessThan(1e-15);
    expect(example.T?.IG).toBeCloseTo(0.75 * L - 1, 15);
    expect(example.T?.UIG).toBeCloseTo(1.5 * L - 2.5, 15);
  });

  it("names a helix present in every project and gives exactly 0 for each T it enters", () => {
    // P1 = {university, firm}, P2 = {university, firm, government}, P3 = {university},
    // P4 = {research, other}: U in all 4 projects (H(U) = 0), I in 2 (H(I) = 1), G in 1
    // (H(G) = −(1/4 log2 1/4 + 3/4 log2 3/4) = 0.8112781). (I, G) patterns 10, 11, 00, 00:
    // H(IG) = 1.5, so T(IG) = 1 + 0.8112781 − 1.5 = 0.3112781. With U constant, H(UI) = H(I),
    // H(UG) = H(G), H(UIG) = H(IG): T(UI) = T(UG) = 0 and T(UIG) = H(I) + H(G) − H(I) − H(G)
    // − H(IG) + H(IG) = 0, exactly rather than to a rounding residue.
    const rows = [
      ["P1", "u"],
      ["P1", "f"],
      ["P2", "u"],
      ["P2", "f"],
      ["P2", "g"],
      ["P3", "u"],
      ["P4", "r"],
      ["P4", "o"],
    ].map(([project, org]) => ({ project: project as string, org: org as string }));
    const everyU = tripleHelix(rows, (org) => types[org]);
    const hG = -(0.25 * Math.log2(0.25) + 0.75 * Math.log2(0.75));
    expect(everyU.constant).toEqual({ U: "every project" });
    expect(everyU.entropy?.U).toBe(0);
    expect(everyU.T?.IG).toBeCloseTo(1 + hG - 1.5, 15);
    expect([everyU.T?.UI, everyU.T?.UG, everyU.T?.UIG]).toEqual([0, 0, 0]);
  });

  it("names a helix present in no project", () => {
    // P1 = {university, firm}, P2 = {firm}, P3 = {university}: no government. U and I each in
    // 2 of 3: H = −(2/3 log2 2/3 + 1/3 log2 1/3) = 0.9182958; (U, I) patterns 11, 01, 10 of 1/3
    // each: H(UI) = log2 3, T(UI) = 2 · 0.9182958 − 1.5849625 = 0.2516292. T(UG) = T(IG) =
    // T(UIG) = 0 (H(G) = 0).
    const rows = [
      { project: "P1", org: "u" },
      { project: "P1", org: "f" },
      { project: "P2", org: "f" },
      { project: "P3", org: "u" },
    ];
    const noG = tripleHelix(rows, (org) => types[org]);
    const h = -((2 / 3) * Math.log2(2 / 3) + (1 / 3) * Math.log2(1 / 3));
    expect(noG.constant).toEqual({ G: "no project" });
    expect(noG.T?.UI).toBeCloseTo(2 * h - Math.log2(3), 15);
    expect([noG.T?.UG, noG.T?.IG, noG.T?.UIG]).toEqual([0, 0, 0]);
  });

  it("takes a helix table of the user's own", () => {
    // Research as industry: P2 = {research→I, firm, government} has no university any more.
    const own = tripleHelix(participations, (org) => types[org], { helices: { university: "university", research: "industry", firm: "industry", government: "government" } });
    expect(own.projects["011"]).toBe(1);
  });
});

describe("assortativity (Newman 2003)", () => {
  it("by country on two triangles, worked by hand", () => {
    // Ends: DE 7, FR 7 of 14; inside: 6 ends each. r = (12/14 − 2 · (1/2)²) / (1 − 1/2) = 5/7.
    expect(assortativity(twoTriangles(), { groupBy: "country" })).toBeCloseTo(5 / 7, 15);
  });
});

describe("tripleHelix, whatever the order of the rows (issue 22, point 9)", () => {
  it("gives the same bits for the same participations shuffled", () => {
    // 400 projects of seeded random make-up: each of U, I, G present with its own probability, so
    // all eight patterns occur in uneven numbers; the rows then shuffled 20 times. Before, the
    // entropies summed the patterns in the order the rows first showed them, and the last bit of
    // T changed with the order (h2020-health: T(IG) 1.297248608323134 against …343).
    const rng = seededRandom(22);
    const rows: Array<{ project: string; org: string }> = [];
    const types = new Map<string, string>();
    for (let p = 0; p < 400; p++) {
      for (const [type, chance] of [["university", 0.7], ["firm", 0.55], ["government", 0.2]] as const) {
        if (rng() < chance) {
          const org = `${type}-${p}`;
          types.set(org, type);
          rows.push({ project: `P${p}`, org });
        }
      }
      const other = `other-${p}`;
      types.set(other, "other");
      rows.push({ project: `P${p}`, org: other });
    }
    const expected = JSON.stringify(tripleHelix(rows, (org) => types.get(org)));
    const shuffled = [...rows];
    for (let round = 0; round < 20; round++) {
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as (typeof rows)[number], shuffled[i] as (typeof rows)[number]];
      }
      expect(JSON.stringify(tripleHelix(shuffled, (org) => types.get(org)))).toBe(expected);
    }
  });
});

describe("tripleHelixOfTypes", () => {
  it("gives, from projects tallied by their types, the bits tripleHelix gives from the participations", () => {
    // Seeded projects of random make-up, a participant of unknown type in some (those projects
    // left out), and one organisation without a type in two projects (counted once).
    const rng = seededRandom(21);
    const rows: Array<{ project: string; org: string }> = [];
    const types = new Map<string, string>();
    for (let p = 0; p < 300; p++) {
      for (const [type, chance] of [["university", 0.6], ["firm", 0.5], ["government", 0.25], ["intermediary", 0.3]] as const) {
        if (rng() >= chance) continue;
        const org = `${type}-${p}`;
        types.set(org, type);
        rows.push({ project: `P${p}`, org });
      }
      if (rng() < 0.1) rows.push({ project: `P${p}`, org: `unknown-${p}` });
    }
    rows.push({ project: "P1", org: "no type" }, { project: "P2", org: "no type" });
    const typeOf = (org: string) => types.get(org);
    // The tallies as the DuckDB engine makes them: per project its set of types, unless a participant has none.
    const byProject = new Map<string, { types: Set<string>; untyped: boolean }>();
    for (const { project, org } of rows) {
      const entry = byProject.get(project) ?? { types: new Set<string>(), untyped: false };
      const type = typeOf(org);
      if (type === undefined) entry.untyped = true;
      else entry.types.add(type);
      byProject.set(project, entry);
    }
    const tallies = new Map<string, number>();
    for (const { types: present, untyped } of byProject.values()) if (!untyped) tallies.set([...present].sort().join(","), (tallies.get([...present].sort().join(",")) ?? 0) + 1);
    const compositions = [...tallies].map(([key, projects]) => ({ types: key === "" ? [] : key.split(","), projects }));
    const untypedOrganisations = new Set(rows.filter(({ org }) => typeOf(org) === undefined).map(({ org }) => org)).size;
    const excluded = { projects: [...byProject.values()].filter(({ untyped }) => untyped).length, organisations: untypedOrganisations };
    const fromRows = tripleHelix(rows, typeOf);
    expect(fromRows.excluded.projects).toBeGreaterThan(10);
    expect(JSON.stringify(tripleHelixOfTypes(compositions, excluded))).toBe(JSON.stringify(fromRows));
  });
});
