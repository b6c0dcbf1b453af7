// A small directed fixture that exercises every brokerage role, against R sna's brokerage():
// fixtures/directed.R read directed-arcs.csv and directed-groups.csv and wrote
// directed-expected.csv (per node) and directed-expected-network.csv.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { DirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { brokerage, ROLES, type Role } from "../../src/brokerage/gould-fernandez.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const rows = (file: string) => parse(readFileSync(fixtures + file, "utf8"), { columns: true }) as Array<Record<string, string>>;
// R writes an impossible z-score (a group too small for a role: sd 0) as NaN or Inf; linkscale as null.
const fromR = (text: string | undefined) => (text === "Inf" ? Infinity : text === "-Inf" ? -Infinity : Number(text));
const close = (actual: number | null, expected: number) =>
  actual === null ? !Number.isFinite(expected) : Object.is(actual, expected) || Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

const graph = new DirectedGraph();
for (const { id, group } of rows("directed-groups.csv")) graph.addNode(id as string, { group });
for (const { source, target } of rows("directed-arcs.csv")) graph.addEdge(source, target);
const result = brokerage(graph, { groupBy: "group" });

describe("brokerage on a directed fixture", () => {
  it("raw counts, expected counts and z-scores equal sna's for every node", () => {
    for (const row of rows("directed-expected.csv")) {
      const id = row["id"] as string;
      for (const role of ROLES) {
        expect([id, role, result.raw[id]?.[role]]).toEqual([id, role, Number(row[`raw_${role}`])]);
        expect(close(result.expected[id]?.[role] as number, fromR(row[`exp_${role}`]))).toBe(true);
        expect(close(result.z[id]?.[role] as number | null, fromR(row[`z_${role}`]))).toBe(true);
      }
    }
  });

  it("network totals and z-scores equal sna's, and every role occurs", () => {
    for (const { role, raw, exp, z } of rows("directed-expected-network.csv")) {
      expect(result.network.raw[role as Role]).toBe(Number(raw));
      expect(close(result.network.expected[role as Role], fromR(exp))).toBe(true);
      expect(close(result.network.z[role as Role], fromR(z))).toBe(true);
    }
    for (const role of ROLES) expect(result.network.raw[role]).toBeGreaterThan(0);
  });
});
