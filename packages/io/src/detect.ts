/**
 * What a table holds, recognised from its header: the CLI reads files without being told their
 * role, unless `--nodes`, `--links` or `--participations` says so. A mapping of the user's own
 * columns (`--map project=projectKey org=orgKey`) counts: a header with `projectKey` and `orgKey`
 * is then plainly participations, as one with `project` and `org` is.
 */
import { parseCsv } from "./csv/parse-csv.ts";
import { parseJsonArray } from "./cordis/read-cordis.ts";
import { isVosviewerMap, looksLikeVosviewerNetwork } from "./formats/vosviewer-files.ts";

export type TableKind =
  | "organisations"
  | "links"
  | "participations"
  | "cordis-participations"
  | "cordis-organisations"
  | "cordis-projects";

/**
 * Header columns that mark each kind, most specific first. The CORDIS marks are CORDIS's own
 * column names; linkscale's are model fields, which a mapping may rename.
 */
const MARKS: ReadonlyArray<{ kind: TableKind; marks: readonly string[]; fields: boolean }> = [
  { kind: "cordis-participations", marks: ["rcn", "pic", "type", "role"], fields: false },
  { kind: "cordis-organisations", marks: ["projectID", "organisationID", "activityType"], fields: false },
  { kind: "cordis-projects", marks: ["id", "acronym", "startDate"], fields: false },
  { kind: "links", marks: ["source", "target"], fields: true },
  { kind: "participations", marks: ["project", "org"], fields: true },
  { kind: "organisations", marks: ["id"], fields: true },
];

/**
 * The kind whose marks the header has (case aside, as columns are matched when read). A field's
 * mark is found under its own name or under the column `mapping` gives it.
 */
export function detectTableKind(header: readonly string[], mapping: Readonly<Record<string, string>> = {}): TableKind | undefined {
  const columns = new Set(header.map((column) => column.toLowerCase()));
  const has = (mark: string, field: boolean) => {
    const mapped = field ? mapping[mark] : undefined;
    return columns.has(mark.toLowerCase()) || (mapped !== undefined && columns.has(mapped.toLowerCase()));
  };
  return MARKS.find(({ marks, fields }) => marks.every((mark) => has(mark, fields)))?.kind;
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

/**
 * VOSviewer's map and network files are tab-separated texts too (`.txt`), but together they are a
 * network of their own, read by formats/vosviewer-files.ts rather than as tables: a map file is
 * known by its header (an id or label, with `weight<…>`/`score<…>` columns, or a label with x, y or
 * cluster and none of linkscale's table columns: an organisation table has an id too); a network
 * file has no header, each line two ids and a strength. Given beside a map file, a text of two or
 * three such fields a line is its network file; given alone, only a tab-separated text of three
 * fields a line, the third a number, is taken for one, since two columns could be anything.
 */
export function detectVosviewerFile(text: string, { beside }: { beside: "map" | "nothing" }): "map" | "network" | undefined {
  if (isVosviewerMap(text)) return "map";
  return looksLikeVosviewerNetwork(text, { alone: beside === "nothing" }) ? "network" : undefined;
}
