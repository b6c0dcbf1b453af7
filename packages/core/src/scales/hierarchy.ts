/**
 * A place hierarchy: the levels at which two organisations can share a place, from the finest
 * up. The scale of a link is named by the first level its ends share (DESIGN.md, "Data model").
 * By default region → country (→ macro-region), with the scales local, national and
 * transnational, or, when macro-regions are given, local, national, intra-macro-region and
 * inter-macro-region. Any chain of a user's own works the same (cluster → city → province →
 * country), up to 8 levels, each read from a node attribute or a getter.
 *
 * The default's region level has stand-ins where a region is unknown: the same city (city.ts, on
 * by default) and the same first-level administrative region (the `admin1` attribute, which the
 * CLI derives from coordinates), so data with cities or coordinates and no regions still answers
 * "local", by a rule the report names. With a
 * NUTS level, a region code too short for it ("US", or a NUTS-2 code where NUTS-3 is asked) is
 * unknown at that level, never cut and compared as if it were one. A country in no listed
 * macro-region counts as a macro-region of its own: a link from Germany to the United States is
 * inter-macro-region.
 */
import type { Attributes } from "graphology-types";
import { cityKey } from "./city.ts";
import type { MacroRegions } from "./macro-regions.ts";

export interface PlaceLevel {
  /** The level's name: "region", "country", or the user's own. */
  level: string;
  /** The scale of a link whose ends first share a place at this level. */
  scale: string;
  /** An organisation's place at this level: a node attribute, or a getter; undefined = unknown. */
  place: string | ((attributes: Attributes) => string | undefined);
  /** How the place is read, in words, for reports (default: the attribute's name). */
  description?: string;
}

export interface PlaceHierarchy {
  levels: readonly PlaceLevel[];
  /** The scale of a link whose ends share no level, where both ends' coarsest places are known. */
  beyond: string;
  /** Where either end's finest place is unknown, the first of these that both ends have a key for, equal, makes them share it. */
  standIns?: readonly StandIn[];
}

/** A stand-in for the finest level where either end's place there is unknown. */
export interface StandIn {
  /** The rule's name in results ("city", "admin1"). */
  rule: string;
  /** The rule in words, for reports. */
  description: string;
  /** The key two organisations share when the stand-in makes them local; undefined: none. */
  key: (attributes: Attributes) => string | undefined;
}

/** The same city, within one country (city.ts). */
export const SAME_CITY: StandIn = {
  rule: "city",
  description: "same city (names compared without case, accents, postal numbers and CEDEX, with transliteration and exonyms; within one country)",
  key: (attributes) => cityKey(attributes["city"], attributes["country"]),
};

/** The same first-level administrative region (ISO 3166-2), from the `admin1` attribute. */
export const SAME_ADMIN1: StandIn = {
  rule: "admin1",
  description: "same first-level administrative region (the admin1 attribute: an ISO 3166-2 code; NUTS-1 in the United Kingdom where the CLI derives it)",
  key: (attributes) => text(attributes["admin1"]),
};

export interface DefaultHierarchyOptions {
  /**
   * Which NUTS level counts as the region (0–3): a region code is cut to 2 + level characters,
   * since NUTS codes nest by prefix (DEA23 lies in DEA2, DEA and DE); a shorter one is unknown at
   * that level. Absent: codes as they are.
   */
  nutsLevel?: 0 | 1 | 2 | 3;
  /** Where a region is unknown, count organisations in the same city as local (default true). */
  sameCity?: boolean;
  /** Where a region is unknown, count organisations in the same first-level administrative region (`admin1`) as local (default false). */
  admin1?: boolean;
  /** Country → macro-region; adds the macro-region level (see macro-regions.ts). */
  macroRegions?: MacroRegions;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

export function defaultHierarchy({ nutsLevel, macroRegions, sameCity = true, admin1 = false }: DefaultHierarchyOptions = {}): PlaceHierarchy {
  const standIns = [...(sameCity ? [SAME_CITY] : []), ...(admin1 ? [SAME_ADMIN1] : [])];
  const region: PlaceLevel = {
    level: "region",
    scale: "local",
    place: nutsLevel === undefined ? "region" : (attributes) => nutsRegion(text(attributes["region"]), nutsLevel),
    description:
      nutsLevel === undefined
        ? "the region as given"
        : `the NUTS-${nutsLevel} region: a region code's first ${2 + nutsLevel} characters, unknown where it is shorter`,
  };
  const country: PlaceLevel = { level: "country", scale: "national", place: "country", description: "the country" };
  if (macroRegions === undefined) return { levels: [region, country], beyond: "transnational", standIns };
  const macroRegion: PlaceLevel = {
    level: "macroRegion",
    scale: "intra-macro-region",
    place: (attributes) => {
      const code = text(attributes["country"]);
      return code === undefined ? undefined : (macroRegions[code] ?? `(${code} alone)`);
    },
    description: "the macro-region of the country (a country in none counts as one of its own)",
  };
  return { levels: [region, country, macroRegion], beyond: "inter-macro-region", standIns };
}

/** A NUTS code at a level: cut to 2 + level characters; unknown when shorter. */
function nutsRegion(code: string | undefined, level: number): string | undefined {
  return code !== undefined && code.length >= 2 + level ? code.slice(0, 2 + level) : undefined;
}

/** An organisation's place at a level, or undefined when unknown. */
export function placeAt(level: PlaceLevel, attributes: Attributes): string | undefined {
  return typeof level.place === "function" ? level.place(attributes) : text(attributes[level.place]);
}
