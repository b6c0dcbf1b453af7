/**
 * A place hierarchy: the levels at which two organisations can share a place, from the finest
 * up. The scale of a link is named by the first level its ends share (DESIGN.md, "Data model").
 * By default region → country (→ macro-region), with the scales local, national and
 * transnational, or, when macro-regions are given, local, national, intra-macro-region and
 * inter-macro-region. Any chain of a user's own works the same (cluster → city → province →
 * country), up to 8 levels, each read from a node attribute or a getter.
 */
import type { Attributes } from "graphology-types";
import type { MacroRegions } from "./macro-regions.ts";

export interface PlaceLevel {
  /** The level's name: "region", "country", or the user's own. */
  level: string;
  /** The scale of a link whose ends first share a place at this level. */
  scale: string;
  /** An organisation's place at this level: a node attribute, or a getter; undefined = unknown. */
  place: string | ((attributes: Attributes) => string | undefined);
}

export interface PlaceHierarchy {
  levels: readonly PlaceLevel[];
  /** The scale of a link whose ends share no level. */
  beyond: string;
}

export interface DefaultHierarchyOptions {
  /**
   * Which NUTS level counts as the region (0–3): a region code is cut to 2 + level characters,
   * since NUTS codes nest by prefix (DEA23 lies in DEA2, DEA and DE). Absent: codes as they are.
   */
  nutsLevel?: 0 | 1 | 2 | 3;
  /** Country → macro-region; adds the macro-region level (see macro-regions.ts). */
  macroRegions?: MacroRegions;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

export function defaultHierarchy({ nutsLevel, macroRegions }: DefaultHierarchyOptions = {}): PlaceHierarchy {
  const region: PlaceLevel = {
    level: "region",
    scale: "local",
    place: nutsLevel === undefined ? "region" : (attributes) => text(attributes["region"])?.slice(0, 2 + nutsLevel),
  };
  const country: PlaceLevel = { level: "country", scale: "national", place: "country" };
  if (macroRegions === undefined) return { levels: [region, country], beyond: "transnational" };
  const macroRegion: PlaceLevel = {
    level: "macroRegion",
    scale: "intra-macro-region",
    place: (attributes) => {
      const code = text(attributes["country"]);
      return code === undefined ? undefined : macroRegions[code];
    },
  };
  return { levels: [region, country, macroRegion], beyond: "inter-macro-region" };
}

/** An organisation's place at a level, or undefined when unknown. */
export function placeAt(level: PlaceLevel, attributes: Attributes): string | undefined {
  return typeof level.place === "function" ? level.place(attributes) : text(attributes[level.place]);
}
