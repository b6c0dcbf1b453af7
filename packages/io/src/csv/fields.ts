/**
 * The columns each kind of table has, by model field. A user's own headers map onto these fields
 * (`mapping`); columns no field claims are kept as extra attributes, as text.
 */
export type FieldKind = "string" | "number" | "integer" | "list";

export interface FieldSpec {
  field: string;
  kind: FieldKind;
  /** The file is refused without this column. */
  required?: true;
}

/** Separator of a list inside one cell (a link's project ids). */
export const LIST_SEPARATOR = ";";

const string = (field: string): FieldSpec => ({ field, kind: "string" });

/** Organisation columns other than the id: they may also stand beside participations. */
export const ORGANISATION_ATTRIBUTE_FIELDS: readonly FieldSpec[] = [
  string("name"),
  string("type"),
  string("country"),
  string("region"),
  string("city"),
  { field: "lat", kind: "number" },
  { field: "lon", kind: "number" },
  string("cluster"),
  string("valueChainStage"),
];

export const ORGANISATION_FIELDS: readonly FieldSpec[] = [
  { field: "id", kind: "string", required: true },
  ...ORGANISATION_ATTRIBUTE_FIELDS,
];

export const LINK_FIELDS: readonly FieldSpec[] = [
  { field: "source", kind: "string", required: true },
  { field: "target", kind: "string", required: true },
  { field: "weight", kind: "number" },
  { field: "projectCount", kind: "integer" },
  { field: "firstYear", kind: "integer" },
  { field: "lastYear", kind: "integer" },
  string("kind"),
  { field: "projects", kind: "list" },
];

export const PARTICIPATION_FIELDS: readonly FieldSpec[] = [
  { field: "project", kind: "string", required: true },
  { field: "org", kind: "string", required: true },
  string("role"),
  { field: "year", kind: "integer" },
];
