/**
 * docs/organisation-links.sql, the projection a distributed SQL engine runs (docs/past-one-machine.md),
 * tested as the doc says: on DuckDB over a Parquet file of semiconductor-ev's participations, its
 * organisation_link exported as CSV and read back by linkscale beside the organisation table. The
 * reference is linkscale's in-memory projection of the same participations.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CompactGraph, type AllianceGraph } from "@linkscale/core";
import { loadInput, type LoadedInput } from "../src/input.ts";
import { createProgress } from "../src/progress.ts";

const DATASET = join(import.meta.dirname, "../../../datasets/semiconductor-ev");
const SQL = join(import.meta.dirname, "../../../docs/organisation-links.sql");

function graphOf(loaded: LoadedInput): AllianceGraph {
  if (loaded.form !== "tables") throw new Error("expected tables");
  const { graph } = loaded.dataset;
  return graph instanceof CompactGraph ? graph.toGraph() : graph;
}

/** Every link as `source target` (ends sorted) → its attributes. */
function linksOf(graph: AllianceGraph): Map<string, Record<string, unknown>> {
  return new Map(graph.mapEdges((_, attributes, source, target) => [[source, target].sort().join(" "), { ...attributes }]));
}

it("docs/organisation-links.sql on DuckDB over Parquet gives, read back by linkscale, the in-memory projection's network", async () => {
  const dir = mkdtempSync(join(tmpdir(), "linkscale-distributed-"));
  const [parquet, links] = [join(dir, "participations.parquet"), join(dir, "links.csv")];
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  await db.run(`COPY (SELECT project, org, year FROM read_csv('${DATASET}/participations.csv', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
  await db.run(`CREATE VIEW participation AS SELECT project, org, CAST(year AS INTEGER) AS year FROM '${parquet}'`);
  const statements = readFileSync(SQL, "utf8").replace(/--.*$/gm, "").split(";").map((statement) => statement.trim()).filter((statement) => statement !== "");
  expect(statements).toHaveLength(2);
  for (const statement of statements) await db.run(statement);
  await db.run(`COPY organisation_link TO '${links}' (HEADER)`);
  db.closeSync();

  const progress = createProgress(true);
  const projected = graphOf(loadInput([DATASET], {}, progress));
  const readBack = graphOf(loadInput([join(DATASET, "organisations.csv"), links], {}, progress));
  expect(readBack.order).toBe(projected.order);
  expect(new Set(readBack.nodes())).toEqual(new Set(projected.nodes()));
  const [expected, found] = [linksOf(projected), linksOf(readBack)];
  expect(found.size).toBe(expected.size);
  for (const [pair, attributes] of expected) expect(found.get(pair), pair).toEqual(attributes);
});
