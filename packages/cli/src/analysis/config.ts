/**
 * `linkscale.json`: everything an analysis depends on beyond its input, so a researcher reruns
 * the same analysis next year with one command. Validated with arktype; an error names the path
 * to the fault (`places.nutsLevel must be 0, 1, 2 or 3`). Every field is optional: the defaults
 * below are what `analyze` runs without a config, and the report records the resolved config.
 */
import { type } from "arktype";
import type { Windowing } from "@linkscale/core";
import { InputError, readJsonFile } from "../input.ts";
import { windowingOf } from "./stages.ts";

export const SECTIONS = ["counts", "centrality", "communities", "scales", "openness", "brokerage", "tripleHelix", "clusters", "stages"] as const;
export type Section = (typeof SECTIONS)[number];

export const configSchema = type({
  "$schema?": "string",
  /** Projection of participations: full or fractional counting (Newman 2001). */
  "counting?": "'full' | 'fractional'",
  /** Model field → the column of the user's tables holding it. */
  "columns?": { "[string]": "string" },
  "delimiter?": "string == 1",
  "places?": {
    /** Which NUTS level counts as the region (codes cut by prefix). */
    "nutsLevel?": "0 | 1 | 2 | 3",
    /** "default": the bundled table (EU27, H2020 associated, East Asia); or country → macro-region. */
    "macroRegions?": "'default' | 'none' | Record<string, string>",
    /** Where a region is unknown, count organisations in the same city (names normalised, one country) as local; on by default. */
    "sameCity?": "boolean",
    /** Count ends within this many km as local where their regions are unknown. */
    "localWithinKm?": "number > 0",
    /** Where a region is unknown, count organisations in the same first-level administrative region, derived from their coordinates, as local; off by default. */
    "admin1?": "boolean",
    "+": "reject",
  },
  /** Node attributes to group organisations by, for shares, openness and brokerage. */
  "groupBy?": "string[]",
  /** The sections to run; all by default. */
  "sections?": type.enumerated(...SECTIONS).array(),
  "centrality?": {
    /** Above this many organisations, closeness and harmonic (all pairs) are skipped and betweenness is sampled. */
    "allPairsLimit?": "number.integer >= 0",
    /** Source nodes sampled for betweenness above the limit (Brandes & Pich 2007). */
    "betweennessSamples?": "number.integer > 0",
    "+": "reject",
  },
  "communities?": {
    "algorithm?": "'louvain' | 'leiden'",
    "resolution?": "number > 0",
    "+": "reject",
  },
  "clusters?": {
    /** What makes a cluster: "auto" (the cluster column, else geographic clusters where there are coordinates, else cities), "geo", "city" (names normalised, one country) or any organisation attribute. */
    "by?": "string > 0",
    /** Geographic clusters: the neighbourhood radius in km. */
    "radiusKm?": "number > 0",
    /** Geographic clusters: organisations (itself included) within the radius that make a core point. */
    "minSize?": "number.integer >= 1",
    "+": "reject",
  },
  /**
   * The windows of the stages section: "yearly", "cumulative", { rolling: { width, step } }, or
   * named stages, { "start-up": [2007, 2010], … }. Absent or null: the section says none is configured.
   */
  "stages?": type("'yearly' | 'cumulative'")
    .or({ rolling: { width: "number.integer >= 1", "step?": "number.integer >= 1", "+": "reject" }, "+": "reject" })
    .or({ "[string]": ["number.integer", "number.integer"] })
    .or("null"),
  /**
   * How much of each per-organisation table (centralities, shares per organisation, roles…)
   * report.json holds: "top", the `top` organisations by the table's measure; "full", every
   * organisation, in report-organisations.csv beside it. `check` reads every organisation either way.
   */
  "organisations?": {
    "detail?": "'top' | 'full'",
    "top?": "number.integer >= 1",
    "+": "reject",
  },
  /** Shuffles for the permutation tests (E-I, mixing); 0 skips them. */
  "permutations?": "number.integer >= 0",
  "seed?": "number.integer",
  "+": "reject",
});

export type Config = typeof configSchema.infer;

export interface ResolvedConfig {
  counting: "full" | "fractional";
  columns: Record<string, string>;
  delimiter?: string;
  places: { nutsLevel?: 0 | 1 | 2 | 3; macroRegions: "default" | "none" | Record<string, string>; sameCity: boolean; localWithinKm?: number; admin1: boolean };
  groupBy: string[];
  sections: Section[];
  centrality: { allPairsLimit: number; betweennessSamples: number };
  communities: { algorithm: "louvain" | "leiden"; resolution: number };
  clusters: { by: string; radiusKm: number; minSize: number };
  /** The stages section's windows; null when none are configured. */
  stages: Windowing | null;
  organisations: { detail: "top" | "full"; top: number };
  permutations: number;
  seed: number;
}

export const DEFAULTS: ResolvedConfig = {
  counting: "full",
  columns: {},
  places: { macroRegions: "none", sameCity: true, admin1: false },
  groupBy: ["country", "type"],
  sections: [...SECTIONS],
  centrality: { allPairsLimit: 10_000, betweennessSamples: 1000 },
  communities: { algorithm: "louvain", resolution: 1 },
  clusters: { by: "auto", radiusKm: 10, minSize: 5 },
  stages: null,
  // The top 50: more than any list a reader scans (the summary's 5, report.html's 10), while the
  // per-organisation tables shrink from 9.2 MB to 0.5 MB on h2020-health and from 79 MB to 0.8 MB
  // on the full Horizon 2020 network (README, "Analysing").
  organisations: { detail: "top", top: 50 },
  permutations: 1000,
  seed: 1,
};

/** The config with every default filled in; `where` names its source in errors. */
export function resolveConfig(raw: unknown, where: string): ResolvedConfig {
  const config = configSchema(raw);
  if (config instanceof type.errors) {
    throw new InputError(`${where}: ${config.map((error) => error.message).join("; ")}`);
  }
  const { $schema, places, centrality, communities, clusters, stages, organisations, ...rest } = config;
  return {
    ...DEFAULTS,
    ...rest,
    stages: stages === undefined || stages === null ? null : windowingOf(stages, `${where}: stages`),
    places: { ...DEFAULTS.places, ...places },
    centrality: { ...DEFAULTS.centrality, ...centrality },
    communities: { ...DEFAULTS.communities, ...communities },
    clusters: { ...DEFAULTS.clusters, ...clusters },
    organisations: { ...DEFAULTS.organisations, ...organisations },
  } as ResolvedConfig;
}

export function readConfig(path: string): ResolvedConfig {
  return resolveConfig(readJsonFile(path), path);
}
