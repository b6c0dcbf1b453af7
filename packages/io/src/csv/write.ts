/**
 * An alliance graph as linkscale's CSV form: an organisation table and a link table, which
 * `readOrganisationsCsv` and `readLinksCsv` read back. Model columns come first in model order,
 * then other attributes in the order first met; lists are joined with ";". Text is quoted by
 * csv-stringify wherever CSV needs it. The columns a reader requires (id; source and target) are
 * always written, and a table with no rows has every model column, so that an empty table (a
 * network with no links) is still one the readers recognise and read back.
 */
import type { AnyGraph } from "@linkscale/core/model";
import { stringify } from "csv-stringify/sync";
import { LINK_FIELDS, LIST_SEPARATOR, ORGANISATION_FIELDS, type FieldSpec } from "./fields.ts";

export function writeOrganisationsCsv(graph: AnyGraph): string {
  const rows = graph.mapNodes((id, attributes) => withoutPrototype(attributes, { id }));
  return table(rows, ORGANISATION_FIELDS);
}

export function writeLinksCsv(graph: AnyGraph): string {
  const rows = graph.mapEdges((_edge, attributes, source, target) => withoutPrototype(attributes, { source, target }));
  return table(rows, LINK_FIELDS);
}

function table(rows: ReadonlyArray<Record<string, unknown>>, fields: readonly FieldSpec[]): string {
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (row[key] !== undefined) present.add(key);
  const model = new Set(fields.map(({ field }) => field));
  const columns = [
    ...fields.filter(({ field, required }) => rows.length === 0 || required === true || present.has(field)).map(({ field }) => field),
    ...[...present].filter((column) => !model.has(column)),
  ];
  const cells = rows.map((row) => columns.map((column) => cellText(row[column])));
  return stringify([columns, ...cells], { record_delimiter: "\n" });
}

/**
 * A row keyed by attribute names, which are data: without a prototype, so that a column
 * "constructor" absent from a row is an empty cell, not Object's constructor.
 */
function withoutPrototype(attributes: Record<string, unknown>, structural: Record<string, string>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, attributes, structural);
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
