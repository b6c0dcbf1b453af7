/**
 * The three tables of linkscale's CSV form: organisations, links and participations. A
 * participations table may also carry organisation columns (name, type, country, …), as
 * CORDIS exports do; each row then also describes its organisation.
 */
import {
  link,
  organisation,
  participation,
  type Link,
  type Organisation,
  type Participation,
} from "@linkscale/core/model";
import type { Problem, TableLoad } from "../problems.ts";
import { defineField } from "../records.ts";
import {
  LINK_FIELDS,
  ORGANISATION_ATTRIBUTE_FIELDS,
  ORGANISATION_FIELDS,
  PARTICIPATION_FIELDS,
} from "./fields.ts";
import { readTable, validate, type CsvReadOptions, type RowReader } from "./read-table.ts";

export interface ParticipationRow {
  participation: Participation;
  /** The organisation as this row describes it, when the table has organisation columns. */
  organisation?: Organisation;
}

const ORGANISATION_KEYS = new Set(ORGANISATION_ATTRIBUTE_FIELDS.map((f) => f.field));

export function readOrganisationsCsv(text: string, options: CsvReadOptions): TableLoad<Organisation> {
  return readTable(text, ORGANISATION_FIELDS, options, (values, columnOf) =>
    validate(organisation, values, columnOf),
  );
}

export function readLinksCsv(text: string, options: CsvReadOptions): TableLoad<Link> {
  return readTable(text, LINK_FIELDS, options, (values, columnOf) =>
    validate(link, { weight: 1, ...values }, columnOf),
  );
}

export function readParticipationsCsv(text: string, options: CsvReadOptions): TableLoad<ParticipationRow> {
  return readTable(text, [...PARTICIPATION_FIELDS, ...ORGANISATION_ATTRIBUTE_FIELDS], options, readParticipationRow);
}

/** A participation row; with organisation columns it also yields the organisation (id = org). */
export const readParticipationRow: RowReader<ParticipationRow> = (values, columnOf) => {
    const own: Record<string, unknown> = {};
    const org: Record<string, unknown> = { id: values["org"] };
    // Keyed by the file's column names: defined, never assigned (records.ts).
    for (const [key, value] of Object.entries(values)) defineField(ORGANISATION_KEYS.has(key) ? org : own, key, value);
    const problems: Problem[] = [];
    const validParticipation = validate(participation, own, columnOf);
    if (Array.isArray(validParticipation)) problems.push(...validParticipation);
    if (!Object.keys(values).some((key) => ORGANISATION_KEYS.has(key))) {
      return problems.length > 0 ? problems : { participation: validParticipation as Participation };
    }
    const validOrganisation = validate(organisation, org, (field) => columnOf(field === "id" ? "org" : field));
    if (Array.isArray(validOrganisation)) problems.push(...validOrganisation);
    if (problems.length > 0) return problems;
    return { participation: validParticipation as Participation, organisation: validOrganisation as Organisation };
};

