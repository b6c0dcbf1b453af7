/**
 * The out-of-core engine (`--engine duckdb`): participation tables read, checked and projected by
 * DuckDB, so the rows never live in JavaScript; only the organisations and the projected links
 * come back. The result is the in-memory path's: the same organisations in the same order, the
 * same links, counts and years (weights to rounding), the same rejected rows and notes with the
 * same messages.
 *
 * How the checks stay the in-memory path's: a row's values, but for its project and organisation
 * ids, come in few distinct combinations (a type, a country, a year). Each distinct combination
 * goes once through @linkscale/io's own row reader (dialect, vocabularies, arktype schema), and
 * its verdict joins back to every row that has it. The checks across rows (the same organisation
 * twice in a project, an organisation the organisation table lacks) and the first description of
 * each organisation are grouped queries, which DuckDB spills to disk past its memory limit.
 * Organisation tables are small and read as always.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { windowsOf, type Organisation, type ProjectedWindows, type Windowing } from "@linkscale/core";
import {
  assembleDataset,
  at,
  CORDIS_ORGANISATIONS_DIALECT,
  CORDIS_PARTICIPATIONS_DIALECT,
  InputError,
  mergeReadAs,
  messages,
  ORGANISATION_ATTRIBUTE_FIELDS,
  PARTICIPATION_FIELDS,
  readCordisProjectYears,
  readOrganisationsCsv,
  readParticipationRow,
  readRows,
  resolveColumns,
  type CsvReadOptions,
  type Problem,
  type ReadAs,
  type RejectedRow,
  type TableLoad,
} from "@linkscale/io";
import { HOW_TO_NAME_ROLES, inputFiles, readText, type InputOptions, type LoadedInput } from "../input.ts";
import type { Progress } from "../progress.ts";
import { firstLine, isDuckDBTable, readRawTable, scanRows, tableKind, type RawTable } from "./duckdb-tables.ts";
import { projectInDuckDB, type Nodes, type Projected, type ProjectionForm } from "./duckdb-projection.ts";
import { sizeInBytes } from "./memory-limit.ts";
import { PAIRS_PER_BYTE, quote, windowSource } from "./projection-sql.ts";

export interface DuckDBOptions {
  /** DuckDB's memory limit (e.g. "1GB"); past it, DuckDB spills to a temporary folder. Default: DuckDB's (80% of RAM). */
  memoryLimit?: string;
  /** Windows to project for the stages (the participations stay in DuckDB, so the stages cannot cut them later). */
  windowing?: Windowing | null;
  /** Pair instances one link statement joins at most: by default, in proportion to the memory limit (PAIRS_PER_BYTE), unbounded without one. Tests set it low. */
  pairsPerPart?: number;
}

const FIELDS = [...PARTICIPATION_FIELDS, ...ORGANISATION_ATTRIBUTE_FIELDS];
/** Rows a file may have: a row's place in the input is its file times this, plus its index. */
const FILE_STRIDE = 2 ** 40;

interface ParticipationFile {
  path: string;
  dialect: CsvReadOptions;
  /** CORDIS organization.csv: a row without a year takes its project's, from project.csv. */
  projectYears: boolean;
}

/** One participation file in DuckDB, with what its rows' checks need. */
interface ReadFile extends ParticipationFile {
  raw: RawTable;
  columns: Record<string, string>;
  readAs: ReadAs[];
  /** Problems of each rejected combination of values, by its number. */
  problems: Map<number, Problem[]>;
  rows: number;
}

export async function loadWithDuckDB(paths: readonly string[], options: InputOptions & DuckDBOptions, progress: Progress): Promise<LoadedInput> {
  const leftOut: string[] = [];
  const skipped: string[] = [];
  const organisationTables: TableLoad<Organisation>[] = [];
  const participationFiles: ParticipationFile[] = [];
  const projectYears = new Map<string, number>();
  const csvOptions = (file: string): CsvReadOptions => ({
    file,
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
  });
  const files = inputFiles(paths, options, leftOut);
  for (const { path, kind: named, found } of files) {
    if (!isDuckDBTable(path)) {
      throw new InputError(`${path}: the DuckDB engine reads CSV tables (gzip too) and Parquet; give --engine memory to read this file`);
    }
    const kind = await tableKind(path, named, options.mapping);
    switch (kind) {
      case "organisations":
        organisationTables.push(readOrganisationsCsv(readText(path), csvOptions(path)));
        break;
      case "participations":
        participationFiles.push({ path, dialect: csvOptions(path), projectYears: false });
        break;
      case "cordis-participations":
        participationFiles.push({ path, dialect: { ...CORDIS_PARTICIPATIONS_DIALECT, file: path }, projectYears: false });
        break;
      case "cordis-organisations":
        participationFiles.push({ path, dialect: { ...CORDIS_ORGANISATIONS_DIALECT, file: path }, projectYears: true });
        break;
      case "cordis-projects": {
        const years = readCordisProjectYears(readText(path));
        if ("error" in years) throw new InputError(`${path}: ${years.error}`);
        for (const [project, year] of years) projectYears.set(project, year);
        break;
      }
      case "links":
        throw new InputError(`${path}: a link table; the DuckDB engine projects participation tables: give --engine memory`);
      case undefined: {
        const header = (await firstLine(path)) || "none";
        if (!found) throw new InputError(`${path}: cannot tell what this table holds (header: ${header}); ${HOW_TO_NAME_ROLES}`);
        skipped.push(`${path}: not a table linkscale knows (header: ${header})`);
      }
    }
  }
  for (const table of organisationTables) if (table.error !== undefined) throw new InputError(`${table.file}: ${table.error}`);
  if (participationFiles.length === 0) {
    throw new InputError("the DuckDB engine projects participation tables, and the input has none: give --engine memory");
  }

  // The organisation tables' own checks (an id given twice), as the in-memory path makes them.
  assembleDataset({ organisations: organisationTables });
  const tableOrganisations = new Map<string, { record: Organisation; where: string }>();
  for (const table of organisationTables) for (const { row, record } of table.accepted) tableOrganisations.set(record.id, { record, where: at(table.file, row) });
  const descriptions = new Descriptions();
  const temporary = mkdtempSync(join(tmpdir(), "linkscale-duckdb-"));
  // Imported here, not above: DuckDB's native library loads only for a run that uses it.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  // Under a memory limit, DuckDB keeps the tables in a database file in the temporary folder, whose
  // pages it may drop rather than copy out to spill, and hands freed memory back at once (its
  // allocator otherwise holds it for seconds). Reading, grouping and joining the 110-million-row
  // synthetic table under 512MB peaked at 686 MB so, against 1,121 MB in memory, in 1.7 times the time.
  const limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(limit === undefined ? ":memory:" : join(temporary, "participations.duckdb"), {
    temp_directory: temporary,
    preserve_insertion_order: "true",
    ...(limit === undefined
      ? {}
      : { memory_limit: limit, allocator_background_threads: "true", allocator_flush_threshold: "8MB", allocator_bulk_deallocation_flush_threshold: "8MB" }),
  });
  const db = await instance.connect();
  try {
    const read: ReadFile[] = [];
    for (const [f, file] of participationFiles.entries()) {
      progress.step(`reading ${file.path} (DuckDB)`);
      read.push(await checkRows(db, f, file, descriptions));
    }
    // Rows keep their file order only where it was needed: reading them in (their index `i`).
    await db.run(`SET preserve_insertion_order = false`);
    progress.step("checking participations (DuckDB)");
    await db.run(`CREATE TABLE known (org VARCHAR)`);
    await append(db, "known", tableOrganisations.keys(), (appender, id) => appender.appendVarchar(id));
    await db.run(`CREATE TABLE project_year (project VARCHAR, year INTEGER)`);
    await append(db, "project_year", [...projectYears], (appender, [project, year]) => {
      appender.appendVarchar(project);
      appender.appendInteger(year);
    });
    const yearsFrom = read.flatMap((file, f) => (file.projectYears ? [f] : []));
    const yearOf = yearsFrom.length === 0 ? "v.year" : `CASE WHEN v.year IS NULL AND r.f IN (${yearsFrom.join(", ")}) THEN y.year ELSE v.year END`;
    // A row's place in the input, as one number: its file, then its index in the file.
    await db.run(`CREATE VIEW row_all AS ${read.map((_, f) => `SELECT ${f} AS f, i, ${f} * ${FILE_STRIDE} + i AS pos, project, org, t FROM row_${f}`).join(" UNION ALL ")}`);
    const closed = tableOrganisations.size > 0;
    await db.run(
      `CREATE TABLE valid AS SELECT r.f, r.i, r.pos, r.project, r.org, ${yearOf} AS year, v.d, k.org IS NOT NULL AS known
       FROM row_all r JOIN verdict v ON v.f = r.f AND v.t = r.t LEFT JOIN known k ON k.org = r.org LEFT JOIN project_year y ON y.project = r.project
       WHERE v.ok`,
    );
    // The first row of each organisation in each project is kept; a later one repeats it. Grouped,
    // not windowed: DuckDB's aggregates and joins spill to disk past --memory-limit.
    const candidate = closed ? "known" : "TRUE";
    await db.run(`CREATE TABLE first_row AS SELECT project, org, MIN(pos) AS first_pos, COUNT(*) AS n FROM valid WHERE ${candidate} GROUP BY project, org`);
    await db.run(`CREATE TABLE accepted AS SELECT v.pos AS p, v.f, v.i, v.project, v.org, v.year, v.d FROM valid v JOIN first_row x ON x.first_pos = v.pos`);
    await db.run(
      `CREATE TABLE repeated AS SELECT v.f, v.i, v.org, v.project, x.first_pos FROM valid v
       JOIN (SELECT * FROM first_row WHERE n > 1) x ON x.project = v.project AND x.org = v.org WHERE v.pos <> x.first_pos AND ${candidate}`,
    );

    const facts = await rowFacts(db, tableOrganisations, descriptions);
    const rowsOf = await Promise.all(read.map((file, f) => scanRows(file.raw, facts.named[f] ?? new Set(), file.rows)));
    const where = (f: number, i: number) => at(read[f]!.path, rowsOf[f]!.rowOf(i));
    const tables = read.map((file, f): TableLoad<never> => {
      const column = (field: string) => file.columns[field] ?? field;
      const rejected: RejectedRow[] = [
        ...rowsOf[f]!.rejected,
        ...facts.bad.filter((row) => row.f === f).map(({ i, t }) => ({ file: file.path, row: rowsOf[f]!.rowOf(i), problems: file.problems.get(t) ?? [] })),
        ...facts.unknown
          .filter((row) => row.f === f)
          .map(({ i, org }) => ({ file: file.path, row: rowsOf[f]!.rowOf(i), problems: [{ column: column("org"), message: messages.unknownOrganisation(org) }] })),
        ...facts.duplicate.filter((row) => row.f === f).map(({ i, org, project, firstF, firstI }) => {
          const first = where(firstF, firstI);
          return { file: file.path, row: rowsOf[f]!.rowOf(i), problems: [{ column: column("org"), message: messages.duplicateParticipation(org, project, first), repeats: first }] };
        }),
      ];
      // Accepted rows stay in DuckDB: `accepted` is empty, and rowsRead less rejected counts them.
      return { file: file.path, rowsRead: file.rows + rowsOf[f]!.rejected.length, accepted: [], rejected: rejected.sort((a, b) => a.row - b.row), columns: file.columns, readAs: file.readAs };
    });
    const notes = facts.notes.map(({ f, i, org, field, value, kept, keptAt }) => {
      const from = typeof keptAt === "string" ? keptAt : where(keptAt.f, keptAt.i);
      return `${where(f, i)}: organisation ${org} has ${field} "${value}", kept "${kept}" from ${from}`;
    });
    const { order, organisations } = facts;

    progress.step("projecting participations (DuckDB)");
    await db.run(`CREATE TABLE node (org VARCHAR, node INTEGER, type VARCHAR)`);
    await append(db, "node", order, (appender, id, index) => {
      const type = organisations.get(id)?.type;
      appender.appendVarchar(id);
      appender.appendInteger(index);
      if (type === undefined) appender.appendNull();
      else appender.appendVarchar(type);
    });
    await db.run(`CREATE VIEW node_type AS SELECT node, type FROM node`);
    await db.run(`CREATE TABLE participation AS SELECT a.project, n.node, a.p AS position, a.year FROM accepted a JOIN node n ON n.org = a.org`);
    const counting = options.counting ?? "full";
    const pairsPerPart = options.pairsPerPart ?? (limit === undefined ? undefined : Math.round((sizeInBytes(limit) as number) * PAIRS_PER_BYTE));
    const form: ProjectionForm = { counting, compact: options.compact ?? false, ...(pairsPerPart === undefined ? {} : { pairsPerPart }) };
    const { graph, projects, tripleHelix } = await projectInDuckDB(db, facts, form, undefined, progress);
    const windows = options.windowing === undefined || options.windowing === null ? undefined : await projectWindows(db, facts, form, options.windowing, progress);
    const dataset = { graph, tables: [...organisationTables, ...tables] as Array<TableLoad<unknown>>, projects, tripleHelix, notes, ...(windows === undefined ? {} : { windows }) };
    return { form: "tables", dataset, files: files.map(({ path }) => path).filter((path) => !skipped.some((line) => line.startsWith(`${path}: `))), skipped };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Out of Memory Error")) {
      throw new InputError(`DuckDB ran out of memory${options.memoryLimit === undefined ? "" : ` under --memory-limit ${options.memoryLimit}`}: give it more (${error.message})`);
    }
    throw error;
  } finally {
    db.closeSync();
    instance.closeSync();
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * Reads one participation file into `row_<f>` (index, project, organisation and the number of its
 * combination of other values) and checks each combination with io's row reader, into `verdict`.
 */
async function checkRows(db: DuckDBConnection, f: number, file: ParticipationFile, descriptions: Descriptions): Promise<ReadFile> {
  const raw = await readRawTable(db, file.path, `raw_${f}`, file.dialect.delimiter);
  const resolved = resolveColumns(raw.header, FIELDS, file.dialect.mapping);
  if ("error" in resolved) throw new InputError(`${file.path}: ${resolved.error}`);
  const indexOf = (field: string) => resolved.columns.find((column) => column.field === field)?.index as number;
  const [projectColumn, orgColumn] = [indexOf("project"), indexOf("org")];
  const cell = (index: number) => `COALESCE(c${index}, '')`;
  // Project and organisation ids are any text but a missing-value marker: each row's id is kept
  // beside the combination, and the combination holds only whether the id is missing.
  const missing = (file.dialect.missing ?? [""]).map(quote).join(", ");
  const claimed = [...new Set(resolved.columns.map(({ index }) => index))];
  const shared = (index: number) => resolved.columns.filter((column) => column.index === index).length > 1;
  const valueOf = (index: number) =>
    (index === projectColumn || index === orgColumn) && !shared(index) ? `CASE WHEN ${cell(index)} IN (${missing}) THEN ${cell(index)} ELSE 'id' END` : cell(index);
  const keys = claimed.map((index, k) => `${valueOf(index)} AS k${k}`);
  await db.run(`CREATE TABLE keyed_${f} AS SELECT i, ${cell(projectColumn)} AS project, ${cell(orgColumn)} AS org, ${keys.join(", ")} FROM raw_${f}`);
  await db.run(`DROP TABLE raw_${f}`);
  const keyList = claimed.map((_, k) => `k${k}`).join(", ");
  // Numbered in the order the file first has them, so codes read as others are listed as the in-memory path lists them.
  await db.run(`CREATE TABLE combination_${f} AS SELECT ROW_NUMBER() OVER (ORDER BY MIN(i)) AS t, ${keyList}, COUNT(*) AS n FROM keyed_${f} GROUP BY ${keyList}`);
  await db.run(`CREATE TABLE row_${f} AS SELECT r.i, r.project, r.org, c.t FROM keyed_${f} r JOIN combination_${f} c USING (${keyList})`);
  await db.run(`DROP TABLE keyed_${f}`);
  const combinations = (await db.runAndReadAll(`SELECT * FROM combination_${f} ORDER BY t`)).getRowsJS();

  if (f === 0) await db.run(`CREATE TABLE verdict (f INTEGER, t BIGINT, ok BOOLEAN, year INTEGER, d INTEGER)`);
  const problems = new Map<number, Problem[]>();
  const readAs: ReadAs[][] = [];
  let rows = 0;
  let columns: Record<string, string> = {};
  const verdicts: Array<[number, boolean, number | null, number | null]> = [];
  for (const combination of combinations) {
    const t = Number(combination[0]);
    const count = Number(combination[combination.length - 1]);
    rows += count;
    const cells = raw.header.map(() => "");
    claimed.forEach((index, k) => (cells[index] = String(combination[k + 1])));
    const load = readRows({ header: raw.header, rows: [{ row: 0, cells }] }, FIELDS, file.dialect, readParticipationRow);
    columns = load.columns;
    readAs.push(load.readAs.map((entry) => ({ ...entry, rows: entry.rows * count })));
    const [accepted] = load.accepted;
    if (accepted === undefined) {
      problems.set(t, load.rejected[0]?.problems ?? []);
      verdicts.push([t, false, null, null]);
    } else {
      const { participation, organisation } = accepted.record;
      verdicts.push([t, true, participation.year ?? null, organisation === undefined ? null : descriptions.numberOf(organisation)]);
    }
  }
  await append(db, "verdict", verdicts, (appender, [t, ok, year, d]) => {
    appender.appendInteger(f);
    appender.appendBigInt(BigInt(t));
    appender.appendBoolean(ok);
    if (year === null) appender.appendNull();
    else appender.appendInteger(year);
    if (d === null) appender.appendNull();
    else appender.appendInteger(d);
  });
  return { ...file, raw, columns, readAs: mergeReadAs(readAs), problems, rows };
}

/** Each window's network, as core/time's windowNetwork projects it from the participations. */
async function projectWindows(db: DuckDBConnection, nodes: Nodes, form: ProjectionForm, windowing: Windowing, progress: Progress): Promise<ProjectedWindows> {
  const [[from, to, undatedProjects]] = (await db.runAndReadAll(`SELECT MIN(year), MAX(year), COUNT(*) FILTER (WHERE year IS NULL) FROM project_summary`)).getRowsJS() as unknown[][] as [[unknown, unknown, unknown]];
  const undated = Number((await db.runAndReadAll(`SELECT COUNT(*) FROM participation p JOIN project_summary s ON s.project = p.project WHERE s.year IS NULL`)).getRowsJS()[0]?.[0]);
  const span = from === null ? null : { from: Number(from), to: Number(to) };
  const networks = new Map<string, Projected>();
  for (const [index, window] of (span === null ? [] : windowsOf(windowing, span)).entries()) {
    progress.step(`projecting window ${window.name} (DuckDB)`);
    networks.set(window.name, await projectInDuckDB(db, nodes, form, { source: windowSource(window.from, window.to), suffix: `_w${index}` }));
  }
  return { span, withoutYear: { projects: Number(undatedProjects), participations: undated }, networks };
}

/** Organisation descriptions (a row's organisation fields but its id), numbered as met. */
class Descriptions {
  readonly list: Array<Omit<Organisation, "id">> = [];
  private readonly numbers = new Map<string, number>();

  numberOf(organisation: Organisation): number {
    const { id: _id, ...description } = organisation;
    const key = JSON.stringify(Object.entries(description));
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.list.length;
      this.list.push(description);
      this.numbers.set(key, number);
    }
    return number;
  }
}

interface RowFacts {
  /** Rows whose values the row reader rejected, with the number of their combination of values. */
  bad: Array<{ f: number; i: number; t: number }>;
  unknown: Array<{ f: number; i: number; org: string }>;
  duplicate: Array<{ f: number; i: number; org: string; project: string; firstF: number; firstI: number }>;
  /** A row describing its organisation otherwise than the description kept, one per field. */
  notes: Array<{ f: number; i: number; org: string; field: string; value: string; kept: string; keptAt: string | { f: number; i: number } }>;
  /** Per file, the rows whose numbers the messages need. */
  named: Array<Set<number>>;
  /** The organisations in the in-memory path's order, and each one's record. */
  order: string[];
  organisations: Map<string, Organisation>;
}

/** A row's file and index from its place in the input (`pos`). */
function placeOf(pos: unknown): { file: number; index: number } {
  const value = BigInt(pos as bigint | number);
  return { file: Number(value / BigInt(FILE_STRIDE)), index: Number(value % BigInt(FILE_STRIDE)) };
}

/** The rows rejected across rows, the notes on descriptions, and the organisations, from `valid`, `repeated` and `accepted`. */
async function rowFacts(db: DuckDBConnection, tableOrganisations: ReadonlyMap<string, { record: Organisation; where: string }>, descriptions: Descriptions): Promise<RowFacts> {
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowsJS();
  const named: Array<Set<number>> = [];
  const name = (f: number, i: number) => (named[f] ??= new Set()).add(i);

  const bad = (await rows(`SELECT r.f, r.i, r.t FROM row_all r JOIN verdict v ON v.f = r.f AND v.t = r.t WHERE NOT v.ok`)).map(([f, i, t]) => ({ f: Number(f), i: Number(i), t: Number(t) }));
  const unknown = (tableOrganisations.size === 0 ? [] : await rows(`SELECT f, i, org FROM valid WHERE NOT known`)).map(([f, i, org]) => ({ f: Number(f), i: Number(i), org: String(org) }));
  const duplicate = (await rows(`SELECT f, i, org, project, first_pos FROM repeated`)).map(([f, i, org, project, first]) => {
    const { file, index } = placeOf(first);
    return { f: Number(f), i: Number(i), org: String(org), project: String(project), firstF: file, firstI: index };
  });
  for (const { f, i } of [...bad, ...unknown, ...duplicate]) name(f, i);
  for (const { firstF, firstI } of duplicate) name(firstF, firstI);

  // The description kept for each organisation: its organisation table's row, else its first described row.
  const kept = new Map<string, { record: Organisation; at: string | { f: number; i: number } }>();
  for (const [id, { record, where }] of tableOrganisations) kept.set(id, { record, at: where });
  const described = await rows(`SELECT org, d, MIN(p) AS first FROM accepted WHERE d IS NOT NULL GROUP BY org, d ORDER BY first`);
  for (const [org, d, first] of described) {
    const id = String(org);
    const { file, index } = placeOf(first);
    if (!kept.has(id)) kept.set(id, { record: { id, ...descriptions.list[Number(d)] } as Organisation, at: { f: file, i: index } });
  }
  const differences = new Map<string, Array<[string, string, string]>>();
  for (const [org, d] of described) {
    const { record } = kept.get(String(org)) as { record: Organisation };
    const different = Object.entries({ id: String(org), ...descriptions.list[Number(d)] }).flatMap(([field, value]): Array<[string, string, string]> =>
      record[field] !== undefined && record[field] !== value ? [[field, String(value), String(record[field])]] : [],
    );
    if (different.length > 0) differences.set(`${String(org)}\u0000${String(d)}`, different);
  }
  await db.run(`CREATE TABLE differing (org VARCHAR, d INTEGER)`);
  await append(db, "differing", [...differences.keys()], (appender, key) => {
    const [org, d] = key.split("\u0000") as [string, string];
    appender.appendVarchar(org);
    appender.appendInteger(Number(d));
  });
  const notes: RowFacts["notes"] = [];
  for (const [f, i, org, d] of await rows(`SELECT a.f, a.i, a.org, a.d FROM accepted a JOIN differing x ON x.org = a.org AND x.d = a.d ORDER BY a.p`)) {
    const keptAt = (kept.get(String(org)) as { at: string | { f: number; i: number } }).at;
    name(Number(f), Number(i));
    if (typeof keptAt !== "string") name(keptAt.f, keptAt.i);
    for (const [field, value, was] of differences.get(`${String(org)}\u0000${String(d)}`) ?? []) {
      notes.push({ f: Number(f), i: Number(i), org: String(org), field, value, kept: was, keptAt });
    }
  }

  // Organisation tables first, then organisations as rows describe them, then those no row describes.
  const firsts = await rows(`SELECT org, MIN(p) FILTER (WHERE d IS NOT NULL) AS described, MIN(p) AS first FROM accepted GROUP BY org`);
  const others = firsts.filter(([org]) => !tableOrganisations.has(String(org)));
  const position = (value: unknown) => Number(value);
  const describedFirst = others.filter(([, d]) => d !== null).sort((a, b) => position(a[1]) - position(b[1]));
  const bare = others.filter(([, d]) => d === null).sort((a, b) => position(a[2]) - position(b[2]));
  const order = [...tableOrganisations.keys(), ...[...describedFirst, ...bare].map(([org]) => String(org))];
  const organisations = new Map<string, Organisation>();
  for (const id of order) organisations.set(id, kept.get(id)?.record ?? { id });
  return { bad, unknown, duplicate, notes, named, order, organisations };
}

/** Appends `items` to `table` through DuckDB's appender. */
async function append<T>(db: DuckDBConnection, table: string, items: Iterable<T>, write: (appender: Awaited<ReturnType<DuckDBConnection["createAppender"]>>, item: T, index: number) => void): Promise<void> {
  const appender = await db.createAppender(table);
  let index = 0;
  for (const item of items) {
    write(appender, item, index++);
    appender.endRow();
  }
  appender.closeSync();
}
