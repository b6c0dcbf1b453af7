/**
 * The one reader behind every table format: CSV rows to typed, validated records. Each cell goes
 * through the dialect (missing-value markers, value translations such as CORDIS codes), then the
 * country aliases every table shares (CORDIS's UK read as GB, counted), then its field's type,
 * then the model's arktype schema; every failure becomes a problem naming the column, and a row
 * with any problem is rejected whole.
 */
import type { Type } from "arktype";
import { type } from "arktype";
import { ReadAsTally } from "../vocabulary.ts";
import { emptyLoad, messages, type Problem, type TableLoad } from "../problems.ts";
import { defineField } from "../records.ts";
import { LIST_SEPARATOR, type FieldSpec } from "./fields.ts";
import { streamCsv, type ParsedCsv, type RowVisitor } from "./parse-csv.ts";

/** A translation of a raw cell: the value to use, `undefined` for unknown, or a problem. */
export type Translate = (cell: string) => string | undefined | { problem: string };

export interface CsvReadOptions {
  /** The file's name, as messages should show it. */
  file: string;
  /** Sniffed from the header when not given. */
  delimiter?: string;
  /** Model field → the column holding it, for headers of the user's own. */
  mapping?: Readonly<Record<string, string>>;
  /** Cell values that mean "unknown". Default: the empty cell only. */
  missing?: readonly string[];
  /** Per-field translation of the raw cell, applied before `missing` and typing. */
  translate?: Readonly<Record<string, Translate>>;
  /**
   * Keep the columns no field claims, as text attributes of each record (the default). false
   * reads the model's fields alone: participations projected into a typed-array graph.
   */
  otherColumns?: boolean;
}

export interface Column {
  field: string;
  kind: FieldSpec["kind"];
  header: string;
  index: number;
}

export interface ResolvedTable {
  columns: Column[];
  /** Columns no field claims: kept as text attributes. */
  extras: Array<{ header: string; index: number }>;
}

export type RowReader<T> = (values: Record<string, unknown>, columnOf: (field: string) => string) => T | Problem[];

/** Finds each field's column (exact header, then case-insensitive); unknown columns are extras. */
export function resolveColumns(
  header: readonly string[],
  fields: readonly FieldSpec[],
  mapping: Readonly<Record<string, string>> = {},
): ResolvedTable | { error: string } {
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) return { error: messages.duplicateColumn(column) };
    seen.add(column);
  }
  const columns: Column[] = [];
  const claimed = new Set<number>();
  for (const { field, kind, required } of fields) {
    const wanted = mapping[field] ?? field;
    let index = header.indexOf(wanted);
    if (index < 0) index = header.findIndex((h) => h.toLowerCase() === wanted.toLowerCase());
    if (index < 0) {
      if (required) return { error: messages.missingColumn(field, wanted, header) };
      continue;
    }
    columns.push({ field, kind, header: header[index] as string, index });
    claimed.add(index);
  }
  const extras = header.flatMap((h, index) => (claimed.has(index) ? [] : [{ header: h, index }]));
  return { columns, extras };
}

/** A cell as its field's kind; a text through `shared`, which keeps each distinct text once. */
function convert(cell: string, kind: FieldSpec["kind"], shared: (text: string) => string): unknown {
  switch (kind) {
    case "string":
      return shared(cell);
    case "list":
      return cell.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== "");
    case "number":
    case "integer": {
      const value = Number(cell.trim());
      if (cell.trim() === "" || !Number.isFinite(value)) return { problem: messages.notANumber(cell) };
      if (kind === "integer" && !Number.isInteger(value)) return { problem: messages.notAnInteger(cell) };
      return value;
    }
  }
}

function isProblem(value: unknown): value is { problem: string } {
  return typeof value === "object" && value !== null && "problem" in value;
}

/** Reads a CSV table: `readRow` turns a row's typed values into a record or its problems. */
export function readTable<T>(
  text: string,
  fields: readonly FieldSpec[],
  options: CsvReadOptions,
  readRow: RowReader<T>,
): TableLoad<T> {
  let reader: TableReader<T> | undefined;
  const parsed = streamCsv(text, options.delimiter, (header) => {
    const started = tableReader(header, fields, options, readRow);
    if ("error" in started) return started;
    reader = started;
    return started.read;
  });
  if ("error" in parsed) return emptyLoad(options.file, parsed.error);
  return (reader as TableReader<T>).finish();
}

/** Reads rows already split into cells (CSV, or the objects of a JSON export). */
export function readRows<T>(
  parsed: ParsedCsv,
  fields: readonly FieldSpec[],
  options: CsvReadOptions,
  readRow: RowReader<T>,
): TableLoad<T> {
  const reader = tableReader(parsed.header, fields, options, readRow);
  if ("error" in reader) return emptyLoad(options.file, reader.error);
  for (const { row, cells } of parsed.rows) reader.read(row, cells);
  return reader.finish();
}

interface TableReader<T> {
  /** Reads one row into the load: accepted or rejected. */
  read: RowVisitor;
  /** The load of every row read. */
  finish(): TableLoad<T>;
}

function tableReader<T>(
  fileHeader: readonly string[],
  fields: readonly FieldSpec[],
  options: CsvReadOptions,
  readRow: RowReader<T>,
): TableReader<T> | { error: string } {
  const { file, mapping, missing = [""], translate = {}, otherColumns = true } = options;
  const resolved = resolveColumns(fileHeader, fields, mapping);
  if ("error" in resolved) return resolved;
  const { columns } = resolved;
  const extras = otherColumns ? resolved.extras : [];
  const headerOf = new Map(columns.map((c) => [c.field, c.header]));
  const columnOf = (field: string) => headerOf.get(field) ?? field;
  const missingValues = new Set(missing);
  const readAs = new ReadAsTally();
  // Each distinct text of a column is kept once: a project's id, an organisation's id or type
  // repeats on many rows, and the parser makes a new string for every cell.
  const texts = new Map<string, string>();
  const shared = (text: string): string => {
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    texts.set(text, text);
    return text;
  };

  const load = emptyLoad<T>(file);
  load.columns = Object.fromEntries(headerOf);
  const read = (row: number, cells: string[]): void => {
    load.rowsRead++;
    if (cells.length !== fileHeader.length) {
      load.rejected.push({ file, row, problems: [{ message: messages.fieldCount(cells.length, fileHeader.length) }] });
      return;
    }
    const problems: Problem[] = [];
    const values: Record<string, unknown> = {};
    for (const { field, kind, header, index } of columns) {
      const raw = cells[index] as string;
      const translated = translate[field] ? translate[field](raw) : missingValues.has(raw) ? undefined : raw;
      if (translated === undefined) continue;
      if (isProblem(translated)) {
        problems.push({ column: header, message: translated.problem });
        continue;
      }
      const value = convert(readAs.read(field, translated), kind, shared);
      if (isProblem(value)) problems.push({ column: header, message: value.problem });
      else values[field] = value;
    }
    for (const { header, index } of extras) {
      const raw = cells[index] as string;
      // A column of the file's own: "constructor" or "__proto__" read as any other (records.ts).
      if (!missingValues.has(raw) && !Object.hasOwn(values, header)) defineField(values, header, raw);
    }
    const record = problems.length === 0 ? readRow(values, columnOf) : problems;
    if (Array.isArray(record)) load.rejected.push({ file, row, problems: record });
    else load.accepted.push({ row, record });
  };
  const finish = () => {
    load.readAs = readAs.list();
    return load;
  };
  return { read, finish };
}

/** Validates with an arktype schema; its errors become problems on the columns they concern. */
export function validate<T>(schema: Type<T>, value: unknown, columnOf: (field: string) => string): T | Problem[] {
  // A valid value takes arktype's error-free check alone. Where a page's CSP forbids compiling
  // checks, arktype interprets them, and a full call builds an error for each union branch it
  // tries: ten times slower over the 145,000 rows of Horizon 2020. Only an invalid value is run
  // again for its errors. A schema that transforms returns a new value, so it always takes the call.
  if (!schema.internal.includesTransform && schema.allows(value)) return value as T;
  const result = schema(value);
  if (!(result instanceof type.errors)) return result as T;
  return result.map((error) => {
    const [field, ...rest] = error.path.map(String);
    if (field === undefined) return { message: error.message };
    const column = columnOf(field);
    return { column, message: rest.length > 0 ? `${rest.join(".")} ${error.problem}` : error.problem };
  });
}
