// Triple helix, type mixing and assortativity on semiconductor-ev against
// datasets/reference/triple_helix.py (numpy entropies in bits; NetworkX 2.8.8
// attribute_assortativity_coefficient, unweighted), stored in triple-helix.json.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { assortativity } from "../../src/groups/assortativity.ts";
import { mixingMatrix } from "../../src/groups/mixing-matrix.ts";
import { tripleHelix } from "../../src/triple-helix/mutual-information.ts";
import { reference, SEMICONDUCTOR_EV } from "../bundled.ts";
import { projectParticipations } from "../../src/projection/project.ts";

interface Expected {
  tripleHelix: { counts: Record<string, number>; entropy: Record<string, number>; transmission: Record<"UI" | "UG" | "IG" | "UIG", number> };
  mixing: { types: string[]; counted: number[][]; weighted: number[][] };
  assortativity: { networkx: number };
}
const expected = reference<Expected>("triple-helix.json");
const rows = (file: string) => parse(readFileSync(SEMICONDUCTOR_EV + file, "utf8"), { columns: true }) as Array<Record<string, string>>;
const organisations = rows("organisations.csv").map(({ id, type }) => ({ id: id as string, type: type as "firm" }));
const participations = rows("participations.csv").map(({ project, org }) => ({ project: project as string, org: org as string }));
const typeOf = new Map(organisations.map(({ id, type }) => [id, type]));
const graph = projectParticipations(participations, organisations);

describe("triple helix on semiconductor-ev", () => {
  const result = tripleHelix(participations, (org) => typeOf.get(org));

  it("tables the 26 projects by helices as the script does", () => {
    expect(result.projects).toEqual(expected.tripleHelix.counts);
  });

  it("entropies and T(UI), T(UG), T(IG), T(UIG) equal the script's to 1e-12", () => {
    const { entropy, T } = result;
    if (entropy === null || T === null) throw new Error("semiconductor-ev counts projects");
    for (const [key, value] of Object.entries(expected.tripleHelix.entropy)) {
      expect(Math.abs(entropy[key as keyof typeof entropy] - value)).toBeLessThanOrEqual(1e-12);
    }
    for (const key of ["UI", "UG", "IG", "UIG"] as const) {
      expect(Math.abs(T[key] - expected.tripleHelix.transmission[key])).toBeLessThanOrEqual(1e-12);
    }
  });

  it("leaves no project out (every organisation is typed) and names U as constant, as the script's table shows", () => {
    // The script's table: every project with a pattern "1.." (a university or research
    // organisation) is all 26, so H(U) = 0 there and T(UI) = T(UG) = T(UIG) = 0.
    const counts = Object.entries(expected.tripleHelix.counts);
    const total = counts.reduce((s, [, n]) => s + n, 0);
    expect(total).toBe(26);
    expect(counts.filter(([pattern]) => pattern.startsWith("1")).reduce((s, [, n]) => s + n, 0)).toBe(total);
    expect(result.counted).toBe(total);
    expect(result.excluded.projects).toBe(0);
    expect(result.constant).toEqual({ U: "every project" });
  });
});

describe("type mixing and assortativity on semiconductor-ev", () => {
  it("the type × type matrix equals the script's, counted and weighted", () => {
    const { counted, weighted } = mixingMatrix(graph, { groupBy: "type" });
    const { types } = expected.mixing;
    types.forEach((a, i) =>
      types.forEach((b, j) => {
        expect(counted[a]?.[b] ?? 0).toBe(expected.mixing.counted[i]?.[j]);
        expect(weighted[a]?.[b] ?? 0).toBe(expected.mixing.weighted[i]?.[j]);
      }),
    );
  });

  it("assortativity by type equals NetworkX's to 1e-12", () => {
    // Number(): assortativity may become number | null (undefined with one type), elsewhere.
    expect(Math.abs(Number(assortativity(graph, { groupBy: "type" })) - expected.assortativity.networkx)).toBeLessThanOrEqual(1e-12);
  });
});
