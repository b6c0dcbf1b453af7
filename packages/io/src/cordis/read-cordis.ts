/**
 * EU CORDIS exports, read as participation tables whose rows also describe their organisation:
 *
 * - the participation table of the eunets project (`h2020.csv`: rcn, pic, type, country,
 *   start_year, …; missing values written `NA`);
 * - the current CORDIS `organization.csv` (projectID, organisationID, name, activityType, city,
 *   country, geolocation "lat,lon", role, …; CORDIS publishes it `;`-separated, the delimiter is
 *   sniffed) and its JSON twin `organization.json`, with project years from `project.csv` or
 *   `project.json` (startDate) when given.
 *
 * Columns not named here are kept as attributes of the participation.
 */
import type { Participation } from "@linkscale/core/model";
import { readParticipationRow, readParticipationsCsv, type ParticipationRow } from "../csv/read.ts";
import { readRows, type CsvReadOptions } from "../csv/read-table.ts";
import { ORGANISATION_ATTRIBUTE_FIELDS, PARTICIPATION_FIELDS } from "../csv/fields.ts";
import { parseCsv, type ParsedCsv } from "../csv/parse-csv.ts";
import { emptyLoad, type TableLoad } from "../problems.ts";
import { geolocationPart, translateActivityType, translateCountry } from "./codes.ts";
import { parseJson } from "../formats/json-values.ts";

type Dialect = Omit<CsvReadOptions, "file">;

/** eunets `h2020.csv`: the project key is the CORDIS record number `rcn`, the year `start_year`. */
export const CORDIS_PARTICIPATIONS_DIALECT: Dialect = {
  mapping: { project: "rcn", org: "pic", year: "start_year", type: "type", country: "country", role: "role" },
  missing: ["", "NA"],
  translate: { type: translateActivityType, country: translateCountry },
};

/** Current CORDIS `organization.csv` / `organization.json`. */
export const CORDIS_ORGANISATIONS_DIALECT: Dialect = {
  mapping: {
    project: "projectID",
    org: "organisationID",
    name: "name",
    type: "activityType",
    city: "city",
    country: "country",
    lat: "geolocation",
    lon: "geolocation",
    role: "role",
  },
  translate: {
    type: translateActivityType,
    country: translateCountry,
    lat: geolocationPart(0),
    lon: geolocationPart(1),
  },
};

export interface CordisReadOptions {
  file: string;
  /** Start year of each project, from `readCordisProjectYears`. */
  projectYears?: ReadonlyMap<string, number>;
  /** Keep the columns linkscale does not read as attributes of each participation (default true). */
  otherColumns?: boolean;
}

export function readCordisParticipationsCsv(text: string, { file, otherColumns }: CordisReadOptions): TableLoad<ParticipationRow> {
  return readParticipationsCsv(text, { ...CORDIS_PARTICIPATIONS_DIALECT, file, ...(otherColumns === undefined ? {} : { otherColumns }) });
}

export function readCordisOrganisationsCsv(text: string, options: CordisReadOptions): TableLoad<ParticipationRow> {
  return withYears(readParticipationsCsv(text, dialectOptions(options)), options);
}

export function readCordisOrganisationsJson(text: string, options: CordisReadOptions): TableLoad<ParticipationRow> {
  const parsed = parseJsonArray(text);
  if ("error" in parsed) return emptyLoad(options.file, parsed.error);
  const fields = [...PARTICIPATION_FIELDS, ...ORGANISATION_ATTRIBUTE_FIELDS];
  const load = readRows(parsed, fields, dialectOptions(options), readParticipationRow);
  return withYears(load, options);
}

/** Project id → start year, from a CORDIS `project.csv` or `project.json` (id, startDate). */
export function readCordisProjectYears(text: string): Map<string, number> | { error: string } {
  const parsed = text.trimStart().startsWith("[") ? parseJsonArray(text) : parseCsv(text);
  if ("error" in parsed) return parsed;
  const id = parsed.header.indexOf("id");
  const start = parsed.header.indexOf("startDate");
  if (id < 0 || start < 0) return { error: `a CORDIS project file needs columns "id" and "startDate"; it has: ${parsed.header.join(", ")}` };
  const years = new Map<string, number>();
  for (const { cells } of parsed.rows) {
    const year = Number((cells[start] ?? "").slice(0, 4));
    if (Number.isInteger(year) && year > 0) years.set(cells[id] as string, year);
  }
  return years;
}

function dialectOptions({ file, otherColumns }: CordisReadOptions): CsvReadOptions {
  return { ...CORDIS_ORGANISATIONS_DIALECT, file, ...(otherColumns === undefined ? {} : { otherColumns }) };
}

function withYears(load: TableLoad<ParticipationRow>, { projectYears }: CordisReadOptions): TableLoad<ParticipationRow> {
  if (projectYears === undefined) return load;
  for (const { record } of load.accepted) {
    const participation: Participation = record.participation;
    const year = projectYears.get(participation.project);
    if (participation.year === undefined && year !== undefined) participation.year = year;
  }
  return load;
}

/** A JSON array of flat objects as rows of text cells; the row is the object's 1-based position. */
export function parseJsonArray(text: string): ParsedCsv | { error: string } {
  const parsed = parseJson(text);
  if ("error" in parsed) return parsed;
  const { data } = parsed;
  if (!Array.isArray(data)) return { error: "expected a JSON array of objects" };
  const header: string[] = [];
  const seen = new Set<string>();
  for (const item of data) {
    if (typeof item !== "object" || item === null) continue;
    for (const key of Object.keys(item)) {
      if (seen.has(key)) continue;
      seen.add(key);
      header.push(key);
    }
  }
  const rows = data.map((item: unknown, index) => {
    const object = (typeof item === "object" && item !== null ? item : {}) as Record<string, unknown>;
    // Own keys only: an object without "constructor" has an empty cell there, not Object's.
    return { row: index + 1, cells: header.map((key) => cellText(Object.hasOwn(object, key) ? object[key] : undefined)) };
  });
  return { header, rows };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
