/**
 * CSV text to a header and rows, through csv-parse. Adds what users' files need on top: the
 * delimiter sniffed from the header when not given (comma, semicolon, tab or pipe: CORDIS
 * publishes `;`), a clear error when a given delimiter does not split the header, a BOM and CRLF
 * line ends accepted, and each row's number as an editor shows it.
 */
import { parse } from "csv-parse/sync";
import { messages } from "../problems.ts";

export const DELIMITERS = [",", ";", "\t", "|"] as const;

export interface ParsedCsv {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export type ParseResult = ParsedCsv | { error: string };

/** The candidate that splits the first line into the most fields, outside quotes; `fallback` where none splits it. */
export function sniffDelimiter(firstLine: string, candidates: readonly string[] = DELIMITERS, fallback = ","): string {
  const counts = new Map<string, number>([[fallback, 0], ...candidates.map((d): [string, number] => [d, 0])]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
  }
  let best: string = fallback;
  for (const [delimiter, count] of counts) if (count > (counts.get(best) as number)) best = delimiter;
  return best;
}

/** Takes each data row as it is parsed: its number as an editor shows it, and its cells. */
export type RowVisitor = (row: number, cells: string[]) => void;

/** Parses every row into memory: for small tables (a header line, CORDIS project years). */
export function parseCsv(text: string, delimiter?: string): ParseResult {
  const rows: ParsedCsv["rows"] = [];
  const parsed = streamCsv(text, delimiter, () => (row, cells) => void rows.push({ row, cells }));
  return "error" in parsed ? parsed : { header: parsed.header, rows };
}

/**
 * Parses the text row by row, keeping none: `start` gets the header and returns the visitor of
 * the rows, or an error that stops the parse. A table then never holds its cells all at once
 * beside the records read from them.
 */
export function streamCsv(text: string, delimiter: string | undefined, start: (header: string[]) => RowVisitor | { error: string }): { header: string[] } | { error: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "") return { error: messages.emptyFile() };
  const sniffed = sniffDelimiter(firstLine);
  const used = delimiter ?? sniffed;
  if (sniffed !== used && !firstLine.includes(used)) {
    return { error: messages.wrongDelimiter(used, sniffed, firstLine) };
  }

  let header: string[] | undefined;
  let visit: RowVisitor | undefined;
  try {
    // csv-parse turns a string into bytes with Buffer.from: native in Node, but in a browser its
    // bundled JavaScript Buffer does it (1.6 s for the full Horizon 2020 file). There the native
    // TextEncoder makes the bytes, which csv-parse reads the same way.
    const input = "Buffer" in globalThis ? body : new TextEncoder().encode(body);
    parse(input, {
      delimiter: used,
      relax_column_count: true,
      skip_empty_lines: true,
      // Each record is handed on here and none is returned, so csv-parse collects nothing.
      on_record: (record: string[], { lines }: { lines: number }) => {
        if (header === undefined) {
          header = record.map((column) => column.trim());
          const started = start(header);
          if (typeof started !== "function") throw new StopParse(started.error);
          visit = started;
        } else {
          // csv-parse counts lines up to a record's end; a quoted field may span lines, so step
          // back over them to the line the record starts on, which is where an editor shows it.
          (visit as RowVisitor)(lines - countLineBreaks(record), record);
        }
        return undefined;
      },
    });
  } catch (error) {
    if (error instanceof StopParse) return { error: error.message };
    // csv-parse's CsvError carries a code; the class may come from its CJS or ESM build.
    if (error instanceof Error && "code" in error) return { error: `CSV syntax: ${error.message}` };
    throw error;
  }
  if (header === undefined) return { error: messages.emptyFile() };
  return { header };
}

/** A reader's refusal of the header, ending the parse. */
class StopParse extends Error {}

function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) breaks++;
  return breaks;
}
