import { describe, expect, it } from "vitest";
import { assortativity } from "../../src/groups/assortativity.ts";
import { tripleHelix } from "../../src/triple-helix/mutual-information.ts";
import { twoTriangles } from "../fixtures.ts";

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
  });

  it("reproduces the hand-worked entropies and mutual information in bits", () => {
    // H(U) = H(I) = H(G) = −(3/4 log2 3/4 + 1/4 log2 1/4) = 0.8112781244591328 (each present in
    // 3 of 4 projects, or absent from 3: G). Pairs: patterns 2/4, 1/4, 1/4: H = 1.5. All three: 4
    // patterns of 1/4: H = 2. T(UI) = 2 · 0.811278 − 1.5; T(UIG) = 3 · 0.811278 − 3 · 1.5 + 2.
    const h1 = -(0.75 * Math.log2(0.75) + 0.25 * Math.log2(0.25));
    expect(result.entropy.U).toBeCloseTo(h1, 15);
    expect(result.entropy.UI).toBeCloseTo(1.5, 15);
    expect(result.entropy.UIG).toBeCloseTo(2, 15);
    expect(result.T.UI).toBeCloseTo(2 * h1 - 1.5, 15);
    expect(result.T.UG).toBeCloseTo(2 * h1 - 1.5, 15);
    expect(result.T.UIG).toBeCloseTo(3 * h1 - 4.5 + 2, 15);
    expect(result.T.UIG).toBeLessThan(0);
  });

  it("reproduces the closed-form example of datasets/semiconductor-ev/reference/README-brokerage.md", () => {
    // 8 projects with helix patterns uig = 111, 111, 110, 101, 100, 100, 011, 000. With L = log2 3:
    // T(UI) = T(UG) = 0, T(IG) = 0.75 L − 1, T(UIG) = 1.5 L − 2.5 (worked there in closed form).
    const patterns = ["111", "111", "110", "101", "100", "100", "011", "000"];
    const helixTypes = ["university", "firm", "government"];
    const rows = patterns.flatMap((pattern, p) => [...pattern].flatMap((bit, h) => (bit === "1" ? [{ project: `P${p}`, org: helixTypes[h] as string }] : [{ project: `P${p}`, org: "nobody" }])));
    const example = tripleHelix(rows, (org) => (org === "nobody" ? "other" : org));
    const L = Math.log2(3);
    expect(Math.abs(example.T.UI)).toBeLessThan(1e-15);
    expect(Math.abs(example.T.UG)).toBeLessThan(1e-15);
    expect(example.T.IG).toBeCloseTo(0.75 * L - 1, 15);
    expect(example.T.UIG).toBeCloseTo(1.5 * L - 2.5, 15);
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
