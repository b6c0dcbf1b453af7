import { describe, expect, it } from "vitest";
import { structuralConstraint } from "../../src/brokerage/constraint.ts";
import { effectiveSize } from "../../src/brokerage/effective-size.ts";
import { twoTriangles } from "../fixtures.ts";

// Two triangles A–B–C and D–E–F joined by C–D, unweighted. Shares p_ij = 1/degree(i).
const graph = twoTriangles();
graph.addNode("G"); // isolated

describe("structuralConstraint (Burt 1992)", () => {
  const result = structuralConstraint(graph, { local: true });

  it("local constraint and constraint, worked by hand", () => {
    // A: p_AB = p_AC = 1/2. c_AB = (1/2 + p_AC p_CB)² = (1/2 + 1/2 · 1/3)² = 4/9;
    // c_AC = (1/2 + p_AB p_BC)² = (1/2 + 1/2 · 1/2)² = 9/16; constraint = 4/9 + 9/16 = 145/144.
    expect(result.local?.["A|B"]).toBeCloseTo(4 / 9, 15);
    expect(result.local?.["A|C"]).toBeCloseTo(9 / 16, 15);
    expect(result.constraint["A"]).toBeCloseTo(145 / 144, 15);
    // C: p = 1/3 each. c_CA = c_CB = (1/3 + 1/3 · 1/2)² = 1/4; c_CD = (1/3)² = 1/9: 11/18.
    expect(result.constraint["C"]).toBeCloseTo(11 / 18, 15);
    expect(result.constraint["G"]).toBeNull();
  });

  it("hierarchy: how unevenly constraint falls on the contacts", () => {
    // A: N = 2, C = 145/144, mean 145/288; ratios 128/145 and 162/145;
    // H = (128/145 · ln(128/145) + 162/145 · ln(162/145)) / (2 ln 2).
    const expected = ((128 / 145) * Math.log(128 / 145) + (162 / 145) * Math.log(162 / 145)) / (2 * Math.log(2));
    expect(result.hierarchy["A"]).toBeCloseTo(expected, 15);
    // C: ratios (1/4)/(11/54) = 27/22 twice and (1/9)/(11/54) = 6/11.
    const c = (2 * (27 / 22) * Math.log(27 / 22) + (6 / 11) * Math.log(6 / 11)) / (3 * Math.log(3));
    expect(result.hierarchy["C"]).toBeCloseTo(c, 15);
    expect(result.hierarchy["G"]).toBeNull();
  });
});

describe("effectiveSize and efficiency (Burt 1992)", () => {
  it("n − 2t/n unweighted, worked by hand", () => {
    const { effectiveSize: size, efficiency } = effectiveSize(graph);
    // A: 2 contacts, 1 tie between them (B–C): 2 − 2/2 = 1; efficiency 1/2.
    expect([size["A"], efficiency["A"]]).toEqual([1, 0.5]);
    // C: 3 contacts (A, B, D), 1 tie among them (A–B): 3 − 2/3 = 7/3; efficiency 7/9.
    expect(size["C"]).toBeCloseTo(7 / 3, 15);
    expect(efficiency["C"]).toBeCloseTo(7 / 9, 15);
    expect([size["G"], efficiency["G"]]).toEqual([null, null]);
  });

  it("weighted equals unweighted when all weights are equal", () => {
    const weighted = effectiveSize(graph, { weighted: true }).effectiveSize;
    const plain = effectiveSize(graph).effectiveSize;
    for (const node of ["A", "B", "C", "D", "E", "F"]) expect(weighted[node]).toBeCloseTo(plain[node] as number, 15);
  });
});

describe("structural holes of organisations with odd ids", () => {
  it("keys __proto__ and constructor like any id, in a read-only record of every organisation", () => {
    const odd = twoTriangles();
    odd.addNode("__proto__");
    odd.addNode("constructor");
    odd.addEdge("__proto__", "A");
    const { constraint, hierarchy } = structuralConstraint(odd);
    const { effectiveSize: size, efficiency } = effectiveSize(odd);
    // __proto__ has one contact, A: constraint (p_iA)² = 1, hierarchy undefined for one contact.
    expect(constraint["__proto__"]).toBe(1);
    expect(hierarchy["__proto__"]).toBeNull();
    expect(size["__proto__"]).toBe(1);
    expect(efficiency["__proto__"]).toBe(1);
    // constructor is isolated: every measure is undefined for it.
    expect([constraint["constructor"], hierarchy["constructor"], size["constructor"], efficiency["constructor"]]).toEqual([null, null, null, null]);
    expect(Object.keys(constraint)).toEqual(["A", "B", "C", "D", "E", "F", "__proto__", "constructor"]);
    expect(() => {
      (constraint as Record<string, number | null>)["A"] = 0;
    }).toThrow(TypeError);
  });
});
