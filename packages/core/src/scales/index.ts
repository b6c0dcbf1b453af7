export { defaultHierarchy, placeAt } from "./hierarchy.ts";
export type { DefaultHierarchyOptions, PlaceHierarchy, PlaceLevel } from "./hierarchy.ts";
export { DEFAULT_MACRO_REGIONS, EU27_ACCESSION, H2020_ASSOCIATED, EAST_ASIA } from "./macro-regions.ts";
export type { MacroRegions } from "./macro-regions.ts";
export { classifyLinks, assignScales, UNKNOWN_SCALE, DEFAULTS as CLASSIFY_DEFAULTS } from "./classify.ts";
export type { ClassifyOptions, LinkScale } from "./classify.ts";
export { scaleShares, DEFAULTS as SHARES_DEFAULTS } from "./shares.ts";
export type { ScaleReport, ScaleShares, SharesOptions } from "./shares.ts";
export { greatCircleKm, EARTH_RADIUS_KM } from "./distance.ts";
