/**
 * report-organisations.csv: every organisation's values at organisations.detail "full", the
 * file a researcher opens in a spreadsheet. A row per organisation (its id, then its name), in id
 * order; a column per value, named by its table's path in report.json's results and the field
 * within a row (`centrality.measures.pagerank`, `brokerage.roles.country.raw.t`,
 * `scales.byOrganisation.countShares.local`), which are also the paths `check` reads. An empty
 * cell is no value: undefined (the constraint of an isolated organisation), or not in that table
 * (an organisation without a country has no brokerage role by country).
 *
 * Not named organisations.csv: that is linkscale's own organisation table, which `convert`
 * writes and every command reads from a folder, so a report in the input's folder would be read
 * back as input. Its header (no `id` column) is one no input table has.
 */
import { parseCsv } from "@linkscale/io";
import type { ReadableGraph } from "@linkscale/core";
import type { OrganisationTable } from "./organisation-tables.ts";

export const ORGANISATIONS_FILE = "report-organisations.csv";

const LEADING = ["organisation", "name"] as const;

/** The report sections whose tables have columns here: a header naming others is not ours. */
const SECTION_PREFIXES = ["centrality.", "communities.", "scales.", "openness.", "brokerage."];

/** A row's values by column: a number or text as it is, an object's fields each in a column of their own. */
function leaves(column: string, value: unknown, into: Map<string, unknown>): void {
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) leaves(`${column}.${key}`, inner, into);
  } else {
    into.set(column, value);
  }
}

/** The columns a table fills, in the order its rows first name them. */
export function tableColumns(table: OrganisationTable): string[] {
  const columns = new Set<string>();
  const row = new Map<string, unknown>();
  for (const [, value] of table.entries()) {
    row.clear();
    leaves(table.column, value, row);
    for (const column of row.keys()) columns.add(column);
  }
  return [...columns];
}

/** The CSV text: every organisation of the graph, every column of every table. */
export function organisationsCsv(tables: readonly OrganisationTable[], graph: ReadableGraph): string {
  const cells = new Map<string, Map<string, unknown>>();
  for (const table of tables) {
    const columns = tableColumns(table);
    for (const column of columns) if (!cells.has(column)) cells.set(column, new Map());
    const row = new Map<string, unknown>();
    for (const [organisation, value] of table.entries()) {
      row.clear();
      leaves(table.column, value, row);
      for (const column of columns) {
        const cell = row.has(column) ? row.get(column) : table.absentLeaf;
        if (cell !== undefined) cells.get(column)?.set(organisation, cell);
      }
    }
  }
  const columns = [...cells.keys()];
  const lines = [[...LEADING, ...columns].map(quoted).join(",")];
  // Default sort: by UTF-16 code units, the order the core keys its results in.
  for (const organisation of graph.nodes().sort()) {
    const name = graph.getNodeAttribute(organisation, "name");
    const values = columns.map((column) => text(cells.get(column)?.get(organisation)));
    lines.push([organisation, typeof name === "string" ? name : "", ...values].map(quoted).join(","));
  }
  return lines.join("\n") + "\n";
}

/**
 * True when `text` is a report-organisations.csv linkscale wrote: its header is organisation,
 * name, then only columns of report sections. A file of the same name with any other header
 * (a column added by hand included) is the user's, and never overwritten.
 */
export function isLinkscaleOrganisationsCsv(text: string): boolean {
  const parsed = parseCsv(text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n")), ",");
  if ("error" in parsed) return false;
  const { header } = parsed;
  return (
    header.length > LEADING.length &&
    LEADING.every((column, i) => header[i] === column) &&
    header.slice(LEADING.length).every((column) => SECTION_PREFIXES.some((prefix) => column.startsWith(prefix)))
  );
}

/** A number at full precision (it reads back to the same double); null and undefined as an empty cell. */
function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. Four lines, so no CSV library for it. */
function quoted(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
