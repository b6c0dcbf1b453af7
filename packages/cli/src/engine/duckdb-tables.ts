/**
 * A participation file as DuckDB reads it: every cell as text, in file order, into a table of its
 * own, without passing through JavaScript. CSV (linkscale's delimiters, gzip or not) and Parquet.
 *
 * DuckDB numbers the rows it keeps, not the lines they start on, and skips a row with the wrong
 * number of fields. Where a row must be named (rejected, repeated, described differently), a
 * second pass streams the file through csv-parse, the in-memory path's parser, for the line each
 * row starts on and the rows with a wrong field count, so every message is the in-memory path's.
 * The pass runs only when there is a row to name, and its count of rows must equal DuckDB's.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import type { DuckDBConnection } from "@duckdb/node-api";
import { parse } from "csv-parse";
import { dataExtension, detectTableKind, messages, parseCsv, sniffDelimiter, type RejectedRow, type TableKind } from "@linkscale/io";
import { InputError, isParquet } from "../input.ts";
import { quote } from "./projection-sql.ts";

export interface RawTable {
  file: string;
  header: string[];
  /** The DuckDB table: columns c0, c1, … as VARCHAR (NULL for an empty cell), `i` each row's index in file order. */
  table: string;
  format: "csv" | "parquet";
  delimiter: string;
  /** Rows DuckDB could not read as rows (a wrong field count): found again by `scanRows`. */
  unreadRows: number;
}

/** The first line of a CSV file (gzip undone, byte order mark dropped), as parseCsv reads a header. */
export async function firstLine(path: string): Promise<string> {
  const input = createReadStream(path);
  const lines = createInterface({ input: path.endsWith(".gz") ? input.pipe(createGunzip()) : input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
    return "";
  } catch (error) {
    throw new InputError(`${path}: ${(error as Error).message}`);
  } finally {
    lines.close();
    input.destroy();
  }
}

const TABLE_EXTENSIONS = new Set([".csv", ".tsv", ".txt", ".parquet"]);

/** A file the DuckDB engine reads: a CSV table (gzip too) or Parquet. */
export function isDuckDBTable(path: string): boolean {
  return TABLE_EXTENSIONS.has(dataExtension(path));
}

/** What a table file holds: the role named, else as the in-memory path recognises its header; Parquet holds participations. */
export async function tableKind(path: string, named: TableKind | undefined, mapping: Readonly<Record<string, string>> | undefined): Promise<TableKind | undefined> {
  if (named !== undefined) return named;
  if (isParquet(path)) return "participations";
  const parsed = parseCsv(await firstLine(path));
  return "error" in parsed ? undefined : detectTableKind(parsed.header, mapping);
}

/** Reads `path` into the table `name`, every cell as text. */
export async function readRawTable(db: DuckDBConnection, path: string, name: string, delimiter: string | undefined): Promise<RawTable> {
  if (isParquet(path)) {
    const described = await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quote(path)})`);
    const header = described.getRowObjectsJS().map((row) => String(row["column_name"]));
    const cells = header.map((column, index) => `CAST("${column.replaceAll('"', '""')}" AS VARCHAR) AS c${index}`);
    await db.run(`CREATE TABLE ${name} AS SELECT file_row_number AS i, ${cells.join(", ")} FROM read_parquet(${quote(path)}, file_row_number = true)`);
    return { file: path, header, table: name, format: "parquet", delimiter: "", unreadRows: 0 };
  }
  const line = await firstLine(path);
  const parsed = parseCsv(line, delimiter);
  if ("error" in parsed) throw new InputError(`${path}: ${parsed.error}`);
  const { header } = parsed;
  const used = delimiter ?? sniffDelimiter(line);
  const columns = header.map((_, index) => `'c${index}': 'VARCHAR'`).join(", ");
  await db.run(
    `CREATE TABLE ${name}_read AS SELECT * FROM read_csv(${quote(path)}, header = true, delim = ${quote(used)}, quote = '"', escape = '"', ` +
      `auto_detect = false, columns = {${columns}}, ignore_errors = true, store_rejects = true, ` +
      `rejects_table = '${name}_rejects', rejects_scan = '${name}_scan')`,
  );
  await db.run(`CREATE TABLE ${name} AS SELECT rowid AS i, * FROM ${name}_read; DROP TABLE ${name}_read`);
  const rejects = (await db.runAndReadAll(`SELECT CAST(line AS BIGINT) AS line, error_type, error_message FROM ${name}_rejects ORDER BY line`)).getRowObjectsJS();
  // A wrong field count is a row the in-memory path rejects too; anything else DuckDB cannot read
  // (broken quoting, bytes that are not UTF-8) is the whole file's problem, as it is there.
  const unreadable = rejects.find(({ error_type }) => error_type !== "TOO MANY COLUMNS" && error_type !== "MISSING COLUMNS");
  if (unreadable !== undefined) throw new InputError(`${path}:${String(unreadable["line"])}: ${String(unreadable["error_message"])}`);
  return { file: path, header, table: name, format: "csv", delimiter: used, unreadRows: rejects.length };
}

export interface ScannedRows {
  /** Row index (DuckDB's `i`) → the row as the in-memory path numbers it. */
  rowOf: (index: number) => number;
  /** Rows with a wrong field count, rejected as the in-memory path rejects them. */
  rejected: RejectedRow[];
}

/**
 * The row numbers of the rows at `indices`, and the rows DuckDB left unread. Parquet has no lines:
 * a row is its 1-based position, as in the JSON formats.
 */
export async function scanRows(raw: RawTable, indices: ReadonlySet<number>, rowsKept: number): Promise<ScannedRows> {
  if (raw.format === "parquet") return { rowOf: (index) => index + 1, rejected: [] };
  const rows = new Map<number, number>();
  const rejected: RejectedRow[] = [];
  if (indices.size === 0 && raw.unreadRows === 0) return { rowOf: () => 0, rejected };
  const input = createReadStream(raw.file);
  const parser = (raw.file.endsWith(".gz") ? input.pipe(createGunzip()) : input).pipe(
    parse({ delimiter: raw.delimiter, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }),
  );
  let index = 0;
  let header = true;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header) {
      header = false;
      continue;
    }
    // As parseCsv: csv-parse counts lines to a record's end; step back over its quoted line breaks.
    const row = info.lines - record.reduce((breaks, cell) => breaks + cell.split("\n").length - 1, 0);
    if (record.length !== raw.header.length) {
      rejected.push({ file: raw.file, row, problems: [{ message: messages.fieldCount(record.length, raw.header.length) }] });
      continue;
    }
    if (indices.has(index)) rows.set(index, row);
    index++;
  }
  if (index !== rowsKept || rejected.length !== raw.unreadRows) {
    throw new InputError(`${raw.file}: DuckDB and csv-parse read this file differently (${rowsKept} and ${index} rows); give --engine memory`);
  }
  return { rowOf: (i) => rows.get(i) as number, rejected };
}
