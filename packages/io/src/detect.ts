/**
 * What a table holds, recognised from its header: the CLI reads files without being told their
 * role, unless `--nodes`, `--links` or `--participations` says so.
 */
import { parseCsv } from "./csv/parse-csv.ts";
import { parseJsonArray } from "./cordis/read-cordis.ts";

export type TableKind =
  | "organisations"
  | "links"
  | "participations"
  | "cordis-participations"
  | "cordis-organisations"
  | "cordis-projects";

/** Header columns that mark each kind, most specific first. */
const MARKS: ReadonlyArray<[TableKind, readonly string[]]> = [
  ["cordis-participations", ["rcn", "pic", "type", "role"]],
  ["cordis-organisations", ["projectID", "organisationID", "activityType"]],
  ["cordis-projects", ["id", "acronym", "startDate"]],
  ["links", ["source", "target"]],
  ["participations", ["project", "org"]],
  ["organisations", ["id"]],
];

export function detectTableKind(header: readonly string[]): TableKind | undefined {
  const columns = new Set(header.map((column) => column.toLowerCase()));
  return MARKS.find(([, marks]) => marks.every((mark) => columns.has(mark.toLowerCase())))?.[0];
}

/** The header of a CSV text or of a JSON array of objects (only its first lines are parsed). */
export function readHeader(text: string): string[] | undefined {
  if (text.trimStart().startsWith("[")) {
    const parsed = parseJsonArray(text);
    return "error" in parsed ? undefined : parsed.header;
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const parsed = parseCsv(firstLine);
  return "error" in parsed ? undefined : parsed.header;
}
