/**
 * The delimited text of VOSviewer's map and network files. VOSviewer
 * Online reads these files with papaparse (src/workers/worker.js: a header line in the map file,
 * none in the network file, the delimiter guessed among tab, semicolon and comma); VOSviewer
 * writes them tab-separated and puts a label or URL that holds a comma in double quotes (the
 * map files in VOSviewer Online's data/ folder: `1\t"abbasi, a"\t0.1233…`). Read here with
 * csv-parse, as the tables are, set to papaparse's rules:
 * - the delimiter is the one of tab, semicolon and comma that splits the first line into the
 *   most fields outside quotes (tab when none does: a file of one column);
 * - a field that starts with `"` runs to the next `"` that is not doubled (`""` inside is one
 *   quote) and may span lines; a `"` anywhere else is a character (csv-parse's relax_quotes);
 * - lines holding only blanks are skipped, and every field is trimmed, as VOSviewer Online trims
 *   every value it reads (so blanks around a value are never kept);
 * - a quoted field never closed, or text between a closing quote and the next delimiter, makes
 *   the file unreadable, naming the line, as VOSviewer refuses it ("Incorrect use of quotes"):
 *   past such a quote, which text belongs to which field cannot be told.
 * Line ends may be LF, CRLF or CR; a byte order mark is skipped.
 */

import { parse, type Options } from "csv-parse/sync";
import { sniffDelimiter } from "../csv/parse-csv.ts";

export interface DelimitedRecord {
  /** The line where the record starts, as an editor numbers it. */
  line: number;
  fields: string[];
}

export const VOSVIEWER_DELIMITERS = ["\t", ";", ","] as const;

export const delimitedMessages = {
  unclosedQuote: (line: number) => `line ${line}: a quoted field is never closed`,
  textAfterQuote: (line: number) => `line ${line}: text follows the closing quote of a quoted field (a quote inside a quoted field is written "")`,
};

/** The text without its byte order mark, with every line ending in a line feed. */
function normalised(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
}

/** The first line of the text that holds more than blanks, or "" when none does (within its first 64 KB). */
export function firstContentLine(text: string): string {
  // Only the head: a table of hundreds of megabytes is not copied to find its header.
  const lines = normalised(text.slice(0, 65_536)).split("\n", 50);
  return lines.find((line) => line.trim() !== "") ?? "";
}

/** Of tab, semicolon and comma, the one that splits `line` into the most fields outside quotes (tab when none does). */
export function vosviewerDelimiter(line: string): string {
  return sniffDelimiter(line, VOSVIEWER_DELIMITERS, "\t");
}

/** Every record of the text, split on `delimiter`, or why the file cannot be read. */
export function readDelimited(text: string, delimiter: string): { records: DelimitedRecord[] } | { error: string } {
  const records: DelimitedRecord[] = [];
  const error = forEachDelimited(text, delimiter, (line, fields) => records.push({ line, fields }));
  return error === undefined ? { records } : { error };
}

/**
 * Each record of the text to `visit`, in order, without holding them: a network file may run to
 * millions of lines. Returns why the file cannot be read, if it cannot; records before the fault
 * have been visited by then.
 */
export function forEachDelimited(text: string, delimiter: string, visit: (line: number, fields: string[]) => void): string | undefined {
  try {
    parse(normalised(text), {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // Each record is handed on as it is read, and none is kept (a record returned is kept).
      on_record: (entry: unknown) => {
        const { record, info } = entry as { record: string[]; info: { lines: number } };
        const fields = record.map((field) => field.trim());
        if (fields.length > 1 || fields[0] !== "") visit(info.lines - countLineBreaks(record), fields);
        return null;
      },
    } as Options);
    return undefined;
  } catch (error) {
    // csv-parse's CsvError carries a code and the line it stopped at.
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === "CSV_QUOTE_NOT_CLOSED") return delimitedMessages.unclosedQuote(quoteOpenedAt(text, lines ?? 1));
    if (code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE" || code === "CSV_INVALID_CLOSING_QUOTE") return delimitedMessages.textAfterQuote(lines ?? 1);
    throw error;
  }
}

/** csv-parse counts lines up to a record's end; a quoted field may span lines: back to where it starts. */
function countLineBreaks(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) breaks++;
  return breaks;
}

/**
 * The line of the quote never closed: csv-parse names the file's last line; the quote that
 * opened the field is the last one on a line, from there back, with an odd count of quotes.
 */
function quoteOpenedAt(text: string, last: number): number {
  const lines = normalised(text).split("\n");
  let quotes = 0;
  for (let line = Math.min(last, lines.length); line >= 1; line--) {
    quotes += ((lines[line - 1] as string).match(/"/g) ?? []).length;
    if (quotes % 2 === 1) return line;
  }
  return last;
}

/** A value as a field of a tab-separated VOSviewer file: quoted when it holds a delimiter, a quote or a line break. */
export function delimitedField(value: string): string {
  return /[\t,;"\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
