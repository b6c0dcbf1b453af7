/**
 * The one-mode projection of participations onto organisation links, in SQL: what
 * core/projection/project.ts computes in memory, as statements an engine runs out of core. The
 * SQL is a portable subset (joins, GROUP BY, count/sum/min/max, LEAST/GREATEST, MIN_BY): the
 * same statements, over organisation ids, run on Spark SQL or Trino over Parquet
 * (docs/organisation-links.sql, docs/past-one-machine.md); only reading files differs by engine.
 *
 * Input: `participation(project, node, position, year)`: the accepted participations, `node` the
 * organisation's index in the graph, `position` the row's place in the input (file, then row).
 * Output, one row per link: its ends (lo < hi), shared projects, weight (full: projects shared;
 * fractional: each project of n participants adds 1/(n-1), Newman 2001), first and last year, and
 * the place the in-memory projection first meets it, so links come in the same order.
 */
import type { Counting } from "@linkscale/core/projection";

/**
 * The statements that create `project_summary<suffix>` and `link<suffix>` from `source` (the
 * table `participation`, or a query over it: one window's projects).
 */
export function projectionStatements(counting: Counting, source = "participation", suffix = ""): string[] {
  const share = counting === "full" ? "1.0" : "1.0 / (a.size - 1)";
  return [
    `CREATE TABLE project_summary${suffix} AS
       SELECT project, MIN(position) AS first_position, MIN(year) AS year, COUNT(*) AS size
       FROM ${source} AS p GROUP BY project`,
    // Each participation with its project's summary, so the pairs come from one self-join.
    `CREATE TABLE member${suffix} AS
       SELECT p.project, p.node, p.position, pr.first_position, pr.year, pr.size
       FROM ${source} AS p JOIN project_summary${suffix} AS pr ON pr.project = p.project
       WHERE pr.size > 1`,
    `CREATE TABLE link${suffix} AS
       SELECT LEAST(a.node, b.node) AS lo, GREATEST(a.node, b.node) AS hi,
              COUNT(*) AS projects,
              SUM(${share}) AS weight,
              MIN(a.year) AS first_year, MAX(a.year) AS last_year,
              MIN(a.first_position) AS met_in,
              MIN_BY(a.position, a.first_position) AS met_a,
              MIN_BY(b.position, a.first_position) AS met_b
       FROM member${suffix} AS a
       JOIN member${suffix} AS b ON a.project = b.project AND a.position < b.position
       GROUP BY LEAST(a.node, b.node), GREATEST(a.node, b.node)`,
  ];
}

/** The links in the order the in-memory projection creates them: by the project it first meets them in, then by its members' order. */
export function linksInOrder(suffix = ""): string {
  return `SELECT CAST(lo AS INTEGER) AS lo, CAST(hi AS INTEGER) AS hi, CAST(projects AS INTEGER) AS projects,
    CAST(weight AS DOUBLE) AS weight, CAST(first_year AS INTEGER) AS first_year, CAST(last_year AS INTEGER) AS last_year
    FROM link${suffix} ORDER BY met_in, met_a, met_b`;
}

/** A string literal in SQL. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * For T(UIG) (core/triple-helix, tripleHelixOfTypes): the projects of `source` counted by which
 * of `types` take part (has_0, has_1, … as 0/1), those with a participant without a type left
 * out; and those left out, projects and organisations. Needs `node_type(node, type)`.
 */
export function typeTallies(types: readonly string[], source = "participation"): { counted: string; excluded: string } {
  const has = types.map((type, index) => `MAX(CASE WHEN t.type = ${quote(type)} THEN 1 ELSE 0 END) AS has_${index}`);
  const perProject = `SELECT p.project, ${[...has, "MAX(CASE WHEN t.type IS NULL THEN 1 ELSE 0 END) AS untyped"].join(", ")}
    FROM ${source} AS p JOIN node_type AS t ON t.node = p.node GROUP BY p.project`;
  const columns = types.map((_, index) => `has_${index}`);
  return {
    counted: `SELECT ${[...columns, "COUNT(*) AS projects"].join(", ")} FROM (${perProject}) AS per_project WHERE untyped = 0${columns.length > 0 ? ` GROUP BY ${columns.join(", ")}` : ""}`,
    excluded: `SELECT (SELECT COUNT(*) FROM (${perProject}) AS per_project WHERE untyped = 1),
      (SELECT COUNT(DISTINCT p.node) FROM ${source} AS p JOIN node_type AS t ON t.node = p.node WHERE t.type IS NULL)`,
  };
}

/** The participations of the projects whose year is in [from, to] (a project's year: its earliest). */
export function windowSource(from: number, to: number): string {
  return `(SELECT p.* FROM participation AS p JOIN project_summary AS s ON s.project = p.project WHERE s.year BETWEEN ${from} AND ${to})`;
}
