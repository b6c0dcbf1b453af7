import { describe, expect, it } from "vitest";
import { DuplicateParticipationError, UnknownOrganisationError } from "../../src/errors.ts";
import type { Participation } from "../../src/model/participation.ts";
import { projectCompact, projectParticipations } from "../../src/projection/project.ts";
import { seededRandom } from "../../src/random/seeded.ts";
import { datasetFolder, tablesIn } from "../bundled.ts";

// Hand-worked fixture: P1 = {A, B, C} in 2015, P2 = {A, B} in 2017, P3 = {D} alone in 2016.
const participations: Participation[] = [
  { project: "P1", org: "A", year: 2015 },
  { project: "P1", org: "B", year: 2015 },
  { project: "P2", org: "B", year: 2017 },
  { project: "P1", org: "C", year: 2015 },
  { project: "P2", org: "A", year: 2017 },
  { project: "P3", org: "D", year: 2016 },
];

function links(graph: ReturnType<typeof projectParticipations>) {
  return graph.mapEdges((_edge, attributes, source, target) => ({ source, target, ...attributes }));
}

describe("projectParticipations", () => {
  it("full counting: weight = shared projects, with project count and first/last year", () => {
    const graph = projectParticipations(participations);
    expect(graph.nodes()).toEqual(["A", "B", "C", "D"]);
    expect(links(graph)).toEqual([
      // A–B share P1 (2015) and P2 (2017).
      { source: "A", target: "B", weight: 2, projectCount: 2, firstYear: 2015, lastYear: 2017 },
      { source: "A", target: "C", weight: 1, projectCount: 1, firstYear: 2015, lastYear: 2015 },
      { source: "B", target: "C", weight: 1, projectCount: 1, firstYear: 2015, lastYear: 2015 },
    ]);
  });

  it("fractional counting: a project of n participants adds 1/(n-1) to each pair (Newman 2001)", () => {
    const graph = projectParticipations(participations, [], { counting: "fractional" });
    // A–B: 1/(3-1) from P1 + 1/(2-1) from P2 = 1.5; A–C and B–C: 1/2 from P1.
    expect(links(graph).map((l) => [l.source, l.target, l.weight, l.projectCount])).toEqual([
      ["A", "B", 1.5, 2],
      ["A", "C", 0.5, 1],
      ["B", "C", 0.5, 1],
    ]);
  });

  it("keeps an organisation whose projects have no other participant, isolated", () => {
    const graph = projectParticipations(participations);
    expect(graph.hasNode("D")).toBe(true);
    expect(graph.degree("D")).toBe(0);
  });

  it("association strength: 2m·w/(s_i·s_j)", () => {
    const graph = projectParticipations(participations, [], { associationStrength: true });
    // Full weights: A–B 2, A–C 1, B–C 1; strengths s_A = 3, s_B = 3, s_C = 2; m = 4.
    // AS(A,B) = 2·4·2/(3·3) = 16/9; AS(A,C) = AS(B,C) = 2·4·1/(3·2) = 4/3.
    const values = links(graph).map((l) => l.associationStrength);
    expect(values[0]).toBeCloseTo(16 / 9, 15);
    expect(values[1]).toBeCloseTo(4 / 3, 15);
    expect(values[2]).toBeCloseTo(4 / 3, 15);
  });

  it("keeps project ids when asked, in the order the projects appear", () => {
    const graph = projectParticipations(participations, [], { keepProjectIds: true });
    expect(graph.getEdgeAttribute("A", "B", "projects")).toEqual(["P1", "P2"]);
  });

  it("leaves years out of a link whose projects have none", () => {
    const graph = projectParticipations([
      { project: "P", org: "A" },
      { project: "P", org: "B" },
    ]);
    expect(graph.getEdgeAttributes("A", "B")).toEqual({ weight: 1, projectCount: 1 });
  });

  it("puts the given organisations first, with their attributes, and rejects unknown ones", () => {
    const organisations = [
      { id: "D", name: "Delta", type: "firm" as const },
      { id: "C", name: "Gamma" },
      { id: "B" },
      { id: "A" },
    ];
    const graph = projectParticipations(participations, organisations);
    expect(graph.nodes()).toEqual(["D", "C", "B", "A"]);
    expect(graph.getNodeAttributes("D")).toEqual({ name: "Delta", type: "firm" });
    expect(() => projectParticipations(participations, [{ id: "A" }])).toThrow(UnknownOrganisationError);
  });

  it("throws a named error when an organisation takes part twice in one project", () => {
    expect(() =>
      projectParticipations([
        { project: "P", org: "A" },
        { project: "Q", org: "A" },
        { project: "P", org: "A" },
      ]),
    ).toThrow(new DuplicateParticipationError("projection/project", 'organisation "A" takes part twice in project "P"'));
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify(participations);
    projectParticipations(participations, [], { counting: "fractional", keepProjectIds: true });
    expect(JSON.stringify(participations)).toBe(before);
  });
});

describe("projectParticipations on rows in another order (issue 22)", () => {
  it("gives every fractional weight the same bits, however the rows are shuffled", () => {
    const { participations } = tablesIn(datasetFolder("h2020-health"));
    const weights = (rows: readonly Participation[]) => {
      const graph = projectParticipations(rows, [], { counting: "fractional" });
      return Object.fromEntries(graph.mapEdges((_edge, { weight }, source, target) => [source < target ? `${source}|${target}` : `${target}|${source}`, weight]));
    };
    const random = seededRandom(22);
    const shuffled = [...participations];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as Participation, shuffled[i] as Participation];
    }
    // toStrictEqual compares numbers with Object.is: the last bit counts.
    expect(weights(shuffled)).toStrictEqual(weights(participations));
  });
});

describe("the link tally", () => {
  it("counts every pair as a Map of the pairs written out in the test does, in both graph forms", () => {
    // 6,000 participations of 700 organisations in 900 projects, a third of the projects without
    // a year.
    const random = seededRandom(21);
    const rows: Participation[] = [];
    for (let p = 0; p < 900; p++) {
      const year = p % 3 === 0 ? undefined : 2014 + Math.floor(random() * 7);
      const members = new Set<number>();
      const size = 2 + Math.floor(random() * 12);
      while (members.size < size) members.add(Math.floor(random() * 700));
      for (const m of members) rows.push({ project: `P${p}`, org: `O${m}`, ...(year === undefined ? {} : { year }) });
    }
    const expected = new Map<string, { weight: number; projectCount: number; firstYear?: number; lastYear?: number }>();
    const byProject = new Map<string, Participation[]>();
    for (const row of rows) byProject.set(row.project, [...(byProject.get(row.project) ?? []), row]);
    for (const members of byProject.values()) {
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const [x, y] = [(members[a] as Participation).org, (members[b] as Participation).org].sort();
          const key = `${x}|${y}`;
          const link = expected.get(key) ?? { weight: 0, projectCount: 0 };
          link.weight++;
          link.projectCount++;
          const year = (members[a] as Participation).year;
          if (year !== undefined) {
            link.firstYear = Math.min(link.firstYear ?? Infinity, year);
            link.lastYear = Math.max(link.lastYear ?? -Infinity, year);
          }
          expected.set(key, link);
        }
      }
    }
    expect(expected.size).toBeGreaterThan(4 * 1024);
    for (const graph of [projectParticipations(rows), projectCompact(rows)]) {
      const found = new Map<string, unknown>();
      graph.forEachEdge((_edge, attributes, source, target) => found.set([source, target].sort().join("|"), attributes));
      expect(found).toEqual(expected);
    }
  });

  it("gives a typed-array graph no year columns where no project has a year", () => {
    const graph = projectCompact([
      { project: "P", org: "A" },
      { project: "P", org: "B" },
    ]);
    expect(graph.linkColumns.names()).toEqual(["weight", "projectCount"]);
    expect(graph.getEdgeAttributes("A", "B")).toEqual({ weight: 1, projectCount: 1 });
  });
});
