// Gould & Fernandez brokerage against R sna's brokerage() (sna 2.7, Debian's r-cran-sna):
// datasets/reference/brokerage.R wrote brokerage.csv (per organisation, groups =
// organisation type, links read as two arcs) and brokerage-network.csv.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { brokerage, brokeragePermutationTest, ROLES } from "../../src/brokerage/gould-fernandez.ts";
import { bundledDataset, SEMICONDUCTOR_EV } from "../bundled.ts";
import { MultiGraph, UndirectedGraph } from "graphology";

function graphWithTypes(): UndirectedGraph {
  const graph = new UndirectedGraph();
  const organisations = parse(readFileSync(SEMICONDUCTOR_EV + "organisations.csv", "utf8"), { columns: true }) as Array<Record<string, string>>;
  for (const { id, type } of organisations) graph.addNode(id as string, { type });
  const members = new Map<string, string[]>();
  const participations = parse(readFileSync(SEMICONDUCTOR_EV + "participations.csv", "utf8"), { columns: true }) as Array<Record<string, string>>;
  for (const { project, org } of participations) members.set(project as string, [...(members.get(project as string) ?? []), org as string]);
  for (const orgs of members.values()) for (const a of orgs) for (const b of orgs) if (a < b) graph.mergeEdge(a, b);
  return graph;
}

const close = (actual: number | null, expected: number) => actual !== null && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

describe("brokerage on semiconductor-ev, groups by organisation type", () => {
  const result = brokerage(graphWithTypes(), { groupBy: "type" });
  const rows = parse(readFileSync(SEMICONDUCTOR_EV + "reference/brokerage.csv", "utf8"), { columns: true }) as Array<Record<string, string>>;

  it("raw role counts equal sna's for every organisation", () => {
    for (const row of rows) {
      for (const role of ROLES) expect([row["id"], role, result.raw[row["id"] as string]?.[role]]).toEqual([row["id"], role, Number(row[`raw_${role}`])]);
    }
  });

  it("expected counts and z-scores equal sna's to a relative 1e-9", () => {
    let compared = 0;
    for (const row of rows) {
      const id = row["id"] as string;
      for (const role of ROLES) {
        const pairs: Array<[Record<string, number | null> | undefined, string]> = [
          [result.expected[id], `exp_${role}`],
          [result.z[id], `z_${role}`],
        ];
        for (const [values, column] of pairs) {
          const wanted = Number(row[column]);
          if (!close(values?.[role] as number | null, wanted)) expect.fail(`${id} ${column}: ${values?.[role]} ≠ ${wanted}`);
          compared++;
        }
      }
    }
    expect(compared).toBe(rows.length * ROLES.length * 2);
  });

  it("network totals, expectations and z-scores equal sna's", () => {
    const network = parse(readFileSync(SEMICONDUCTOR_EV + "reference/brokerage-network.csv", "utf8"), { columns: true }) as Array<Record<string, string>>;
    for (const { role, raw, exp, z } of network) {
      expect(result.network.raw[role as (typeof ROLES)[number]]).toBe(Number(raw));
      expect(close(result.network.expected[role as (typeof ROLES)[number]], Number(exp))).toBe(true);
      expect(close(result.network.z[role as (typeof ROLES)[number]], Number(z))).toBe(true);
    }
  });

  it("reads an undirected link as two arcs: representative equals gatekeeper", () => {
    for (const counts of Object.values(result.raw)) expect(counts.b_IO).toBe(counts.b_OI);
  });
});

describe("counting through triangles (undirected) and walking every two-path (any graph) agree", () => {
  // A multigraph (of single links) is walked two-path by two; the same links in an UndirectedGraph are
  // counted through triangles. Every seventh organisation loses its city, to be left out by city.
  const undirected = bundledDataset("semiconductor-ev");
  let seventh = 0;
  undirected.forEachNode((node) => void (seventh++ % 7 === 0 && undirected.removeNodeAttribute(node, "city")));
  const mixed = new MultiGraph({ type: "undirected" });
  undirected.forEachNode((node, attributes) => mixed.addNode(node, attributes));
  undirected.forEachEdge((_edge, attributes, source, target) => mixed.addEdge(source, target, attributes));

  it.each(["type", "city"])("by %s: the same counts, expectations, density and exclusions", (groupBy) => {
    const fast = brokerage(undirected, { groupBy });
    expect(fast.excluded.organisations + fast.excluded.links).toBeGreaterThanOrEqual(groupBy === "city" ? 1 : 0);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(brokerage(mixed, { groupBy })));
  });

  it("and so do the permutation tests", () => {
    const options = { groupBy: "type", permutations: 5, seed: 3 };
    expect(JSON.stringify(brokeragePermutationTest(undirected, options))).toBe(JSON.stringify(brokeragePermutationTest(mixed, options)));
  });
});
