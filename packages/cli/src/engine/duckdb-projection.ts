/**
 * An organisation network out of DuckDB: the projection's statements (projection-sql.ts) run over
 * the accepted participations, or one window's, and the links streamed into an alliance graph (a
 * graphology one, or the core's typed-array graph) in the in-memory projection's order, with
 * T(UIG) over the projects.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { CompactGraphBuilder, createAllianceGraph, tripleHelixOfTypes, type AllianceGraph, type CompactGraph, type Organisation, type TripleHelix } from "@linkscale/core";
import type { Counting } from "@linkscale/core/projection";
import type { Progress } from "../progress.ts";
import { linkStatements, linksInOrder, partCount, projectSummaryStatement, typeTallies } from "./projection-sql.ts";

export interface Nodes {
  /** Organisation ids by node number. */
  order: readonly string[];
  organisations: ReadonlyMap<string, Organisation>;
}

export interface ProjectionForm {
  counting: Counting;
  /** A typed-array graph (else graphology). */
  compact: boolean;
  /** Pair instances one link statement joins at most (see projection-sql's PAIRS_PER_BYTE); unset, the links come in one statement. */
  pairsPerPart?: number;
}

export interface Projected {
  graph: AllianceGraph | CompactGraph;
  projects: number;
  /** T(UIG) over the projects, from their participants' types. */
  tripleHelix: TripleHelix;
}

/**
 * Projects `source` (a table or query of participation rows) into a graph of every organisation
 * (`window` unset) or of the window's participants, in node order. Needs `node_type`.
 */
export async function projectInDuckDB(
  db: DuckDBConnection,
  { order, organisations }: Nodes,
  { counting, compact, pairsPerPart }: ProjectionForm,
  window?: { source: string; suffix: string },
  progress?: Progress,
): Promise<Projected> {
  const { source, suffix } = window ?? { source: "participation", suffix: "" };
  const count = async (sql: string) => Number((await db.runAndReadAll(sql)).getRowsJS()[0]?.[0]);
  await db.run(projectSummaryStatement(source, suffix));
  const parts = pairsPerPart === undefined ? 1 : await count(partCount(pairsPerPart, suffix));
  for (const statement of linkStatements(counting, source, suffix, parts)) await db.run(statement);
  const graph = compact ? new CompactGraphBuilder() : createAllianceGraph();
  const nodes = window === undefined ? order.keys() : (await db.runAndReadAll(`SELECT DISTINCT node FROM ${source} AS p ORDER BY node`)).getRowsJS().map(([node]) => Number(node));
  for (const node of nodes) {
    const { id, ...attributes } = organisations.get(order[node] as string) as Organisation;
    graph.addNode(id, attributes);
  }
  const total = await count(`SELECT COUNT(*) FROM link${suffix}`);
  const bar = progress?.bar("building the organisation network", total);
  const result = await db.stream(linksInOrder(suffix));
  let done = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [lo, hi, projects, weight, first, last] = chunk.getColumns() as Array<Array<number | null>>;
    for (let row = 0; row < chunk.rowCount; row++) {
      const firstYear = first?.[row] ?? null;
      graph.addEdge(order[lo?.[row] as number] as string, order[hi?.[row] as number] as string, {
        weight: weight?.[row] as number,
        projectCount: projects?.[row] as number,
        ...(firstYear === null ? {} : { firstYear, lastYear: last?.[row] as number }),
      });
    }
    done += chunk.rowCount;
    bar?.update(done, total);
  }
  bar?.stop();
  return { graph: graph instanceof CompactGraphBuilder ? graph.build() : graph, projects: await count(`SELECT COUNT(*) FROM project_summary${suffix}`), tripleHelix: await tripleHelixOf(db, organisations, source) };
}

/** T(UIG) from the projects tallied by their participants' types in SQL (only the tallies come back). */
async function tripleHelixOf(db: DuckDBConnection, organisations: ReadonlyMap<string, Organisation>, source: string): Promise<TripleHelix> {
  const types = [...new Set([...organisations.values()].flatMap(({ type }) => (type === undefined ? [] : [type])))];
  const { counted, excluded } = typeTallies(types, source);
  const compositions = (await db.runAndReadAll(counted)).getRowsJS().map((row) => ({
    types: types.filter((_, index) => Number(row[index]) === 1),
    projects: Number(row[types.length]),
  }));
  const [[projects, untyped]] = (await db.runAndReadAll(excluded)).getRowsJS() as unknown[][] as [[unknown, unknown]];
  return tripleHelixOfTypes(compositions, { projects: Number(projects), organisations: Number(untyped) });
}
