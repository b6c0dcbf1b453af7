/**
 * The one-mode projection of participations onto organisation links, in SQL: what
 * core/projection/project.ts computes in memory, as statements an engine runs out of core. The
 * SQL is a portable subset (joins, GROUP BY, count/sum/min/max, LEAST/GREATEST, MIN_BY, %): the
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
 * Pair instances (a project of n members gives n(n-1)/2) one statement may join for each byte of
 * DuckDB's memory limit. Past it, the projects are split into parts and each part's links are
 * aggregated on their own, then summed: under a 512MB limit, the self-join of 110 million
 * participations (408 million pairs) at once ran out of memory, in parts of 20 million it did not.
 */
export const PAIRS_PER_BYTE = 20_000_000 / 512_000_000;

/** The statement that creates `project_summary<suffix>` from `source` (the table `participation`, or a query over it: one window's projects). */
export function projectSummaryStatement(source = "participation", suffix = ""): string {
  return `CREATE TABLE project_summary${suffix} AS
    SELECT project, MIN(position) AS first_position, MIN(year) AS year, COUNT(*) AS size
    FROM ${source} AS p GROUP BY project`;
}

/** How many parts the links of `project_summary<suffix>` are computed in: at most `pairsPerPart` pair instances each. */
export function partCount(pairsPerPart: number, suffix = ""): string {
  return `SELECT CAST(CEIL(COALESCE(SUM(size * (size - 1) / 2), 0) / ${pairsPerPart}) AS INTEGER) FROM project_summary${suffix}`;
}

/** The statements that create `link<suffix>` from `source` and `project_summary<suffix>`, in `parts` parts. */
export function linkStatements(counting: Counting, source = "participation", suffix = "", parts = 1): string[] {
  const share = counting === "full" ? "1.0" : "1.0 / (a.size - 1)";
  // A project is known by its first row's place (unique), a narrower join key than its id.
  const member = `CREATE TABLE member${suffix} AS
    SELECT pr.first_position AS project, p.node, p.position, pr.year, pr.size
    FROM ${source} AS p JOIN project_summary${suffix} AS pr ON pr.project = p.project
    WHERE pr.size > 1`;
  const pairs = (where: string) => `SELECT LEAST(a.node, b.node) AS lo, GREATEST(a.node, b.node) AS hi,
      COUNT(*) AS projects,
      SUM(${share}) AS weight,
      MIN(a.year) AS first_year, MAX(a.year) AS last_year,
      MIN(a.project) AS met_in,
      MIN_BY(a.position, a.project) AS met_a,
      MIN_BY(b.position, a.project) AS met_b
    FROM member${suffix} AS a
    JOIN member${suffix} AS b ON a.project = b.project AND a.position < b.position${where}
    GROUP BY LEAST(a.node, b.node), GREATEST(a.node, b.node)`;
  if (parts <= 1) return [member, `CREATE TABLE link${suffix} AS ${pairs("")}`];
  const inPart = (part: number) => ` AND a.project % ${parts} = ${part} AND b.project % ${parts} = ${part}`;
  return [
    member,
    `CREATE TABLE link_part${suffix} AS ${pairs(inPart(0))}`,
    ...Array.from({ length: parts - 1 }, (_, part) => `INSERT INTO link_part${suffix} ${pairs(inPart(part + 1))}`),
    // A project is in one part, so the link's first project and its two rows come from one part.
    `CREATE TABLE link${suffix} AS
       SELECT lo, hi, SUM(projects) AS projects, SUM(weight) AS weight, MIN(first_year) AS first_year, MAX(last_year) AS last_year,
              MIN(met_in) AS met_in, MIN_BY(met_a, met_in) AS met_a, MIN_BY(met_b, met_in) AS met_b
       FROM link_part${suffix} GROUP BY lo, hi`,
    `DROP TABLE link_part${suffix}`,
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
