/**
 * A link between two organisations: the alliance itself (given as a table) or the projection of
 * their shared projects. `weight` is what metrics read by default.
 */
import { type } from "arktype";

const fields = type({
  source: "string > 0",
  target: "string > 0",
  weight: "number > 0",
  "projectCount?": "number.integer >= 0",
  "firstYear?": "number.integer",
  "lastYear?": "number.integer",
  "kind?": "string",
  "projects?": "string[]",
});

const yearsInOrder = (l: { firstYear?: number; lastYear?: number }, ctx: { reject: (problem: { path: string[]; expected: string; actual: string }) => false }) =>
  l.firstYear === undefined ||
  l.lastYear === undefined ||
  l.firstYear <= l.lastYear ||
  ctx.reject({ path: ["lastYear"], expected: `at least firstYear (${l.firstYear})`, actual: String(l.lastYear) });

export const link = fields.narrow(yearsInOrder);

/** A link's attributes alone, for a reader that has checked its ends already. */
export const linkAttributes = fields.omit("source", "target").narrow(yearsInOrder);

export type Link = typeof link.infer & { [extra: string]: unknown };

export interface LinkAttributes {
  [extra: string]: unknown;
  /** Full count (shared projects), fractional count, or the weight given in a link table. */
  weight: number;
  /** Number of shared projects behind a projected link. */
  projectCount?: number;
  firstYear?: number;
  lastYear?: number;
  kind?: string;
  /** Ids of the shared projects, when the projection was asked to keep them. */
  projects?: string[];
  /** Observed over expected weight (van Eck & Waltman 2009), when asked for. */
  associationStrength?: number;
}
