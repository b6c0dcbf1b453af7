/**
 * Errors as values. A loader never throws on bad data and never drops a row silently: every row
 * it could not accept comes back as a `RejectedRow` naming the file, the row (as a spreadsheet
 * shows it: the header is row 1) and, per problem, the column. A file it cannot read at all
 * (empty, no required column, broken quoting) comes back with `error` set and no rows.
 */
import type { ReadAs } from "./vocabulary.ts";

export interface Problem {
  /** The column of the input file, or a path inside a record (`nodes[3].type`) for graph formats. */
  column?: string;
  message: string;
  /**
   * Set when the row repeats an earlier one (an organisation id, a link, a participation): where
   * that first row is, which is the one kept.
   */
  repeats?: string;
}

export interface RejectedRow {
  file: string;
  /**
   * Row as a spreadsheet or editor shows it (header = 1): for tables the row; for graph formats
   * read line by line (Pajek, GML, edge lists) and for GEXF and GraphML, the line where the item
   * starts; for the JSON formats, the item's 1-based position among the nodes (or edges).
   */
  row: number;
  /**
   * Set where an item starts inside its line (an XML element): the 1-based column of that line at
   * which it starts, so that `file:row:character` finds it as a compiler's position does.
   */
  character?: number;
  problems: Problem[];
}

export interface Accepted<T> {
  row: number;
  record: T;
}

export interface TableLoad<T> {
  file: string;
  /** Every data row read is accepted or rejected: `accepted.length + rejected.length`. */
  rowsRead: number;
  /**
   * Empty where the rows went into a typed-array graph or stayed out of core, which keep no rows:
   * there `rowsRead - rejected.length` were accepted.
   */
  accepted: Accepted<T>[];
  rejected: RejectedRow[];
  /** Model field → the file's column holding it, to name columns in later checks. */
  columns: Record<string, string>;
  /** Cells read as another code (CORDIS's UK as GB), counted over the rows read. */
  readAs: ReadAs[];
  /** Set when the file could not be read at all; then no row was read. */
  error?: string;
}

export function emptyLoad<T>(file: string, error?: string): TableLoad<T> {
  return error === undefined
    ? { file, rowsRead: 0, accepted: [], rejected: [], columns: {}, readAs: [] }
    : { file, rowsRead: 0, accepted: [], rejected: [], columns: {}, readAs: [], error };
}

/**
 * One line per problem: `file:row: column "x": message`, or `file:row:character: …` when the row
 * says where in its line the item starts, as compilers print positions.
 */
export function formatRejectedRow({ file, row, character, problems }: RejectedRow): string[] {
  const where = character === undefined ? `${file}:${row}` : `${file}:${row}:${character}`;
  return problems.map(({ column, message }) => (column === undefined ? `${where}: ${message}` : `${where}: column "${column}": ${message}`));
}

// Message builders, exported so tests assert the exact text a user sees.
export const messages = {
  emptyFile: () => "the file is empty: expected a header row",
  missingColumn: (field: string, column: string, found: readonly string[]) =>
    field === column
      ? `no column "${column}"; the header has: ${found.join(", ")}`
      : `no column "${column}" (for ${field}); the header has: ${found.join(", ")}`,
  duplicateColumn: (column: string) => `column "${column}" appears twice in the header`,
  wrongDelimiter: (given: string, found: string, header: string) =>
    `the header "${header}" is one column when split on ${show(given)}: the file looks ${show(found)}-separated; give that delimiter`,
  fieldCount: (found: number, expected: number) => `has ${found} fields, the header has ${expected}`,
  notANumber: (value: string) => `must be a number (was "${value}")`,
  notAnInteger: (value: string) => `must be a whole number (was "${value}")`,
  duplicateOrganisation: (id: string, firstRow: string) => `organisation id "${id}" is already used at ${firstRow}`,
  duplicateLink: (source: string, target: string, firstRow: string) =>
    `the link ${source}–${target} is already given at ${firstRow}`,
  selfLink: (id: string) => `links organisation "${id}" to itself`,
  duplicateParticipation: (org: string, project: string, firstRow: string) =>
    `organisation "${org}" already takes part in project "${project}" at ${firstRow}`,
  unknownOrganisation: (id: string) => `organisation "${id}" is not in the organisation table`,
};

function show(delimiter: string): string {
  return delimiter === "\t" ? "tab" : `"${delimiter}"`;
}

/** `file:row`, for messages that point at another row. */
export function at(file: string, row: number): string {
  return `${file}:${row}`;
}
