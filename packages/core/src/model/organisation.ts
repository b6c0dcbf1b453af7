/**
 * An organisation of an alliance network (DESIGN.md, "Data model"). Only `id` is required: an
 * unknown type, country or place is left out and reported as unknown by the metrics, never
 * guessed. Attributes beyond the ones named here are kept as they are.
 */
import { type } from "arktype";
import { describeCountryCode, isCountryCode } from "./country.ts";

export const ORGANISATION_TYPES = [
  "firm",
  "university",
  "research",
  "government",
  "intermediary",
  "other",
] as const;

export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const organisationType = type.enumerated(...ORGANISATION_TYPES);

export const countryCode = type("string").narrow(
  (code, ctx) => isCountryCode(code) || ctx.mustBe(describeCountryCode(code)),
);

export const organisation = type({
  id: "string > 0",
  "name?": "string",
  "type?": organisationType,
  "country?": countryCode,
  "region?": "string",
  "city?": "string",
  "lat?": "-90 <= number <= 90",
  "lon?": "-180 <= number <= 180",
  "cluster?": "string",
  "valueChainStage?": "string",
}).narrow(
  (org, ctx) =>
    (org.lat === undefined) === (org.lon === undefined) ||
    ctx.reject({
      path: [org.lat === undefined ? "lat" : "lon"],
      expected: "given together with " + (org.lat === undefined ? "lon" : "lat"),
      actual: "missing",
    }),
);

/** The attributes named by the model; any other attribute is kept beside them. */
export type Organisation = typeof organisation.infer & { [extra: string]: unknown };

/** An organisation's attributes as a graph node: its id is the node key. */
export type OrganisationAttributes = Omit<Organisation, "id">;
