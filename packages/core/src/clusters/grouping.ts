/**
 * What makes a cluster, chosen once for every use (`linkscale analyze`'s clusters and stages,
 * `convert --clusters`, the viewer's clusters mode): an organisation attribute, "city" (core
 * `cityClusters`), "geo" (DBSCAN over coordinates, `geographicClusters`), or "auto": the `cluster`
 * column where the data has one, else geographic clusters where organisations have coordinates,
 * else cities. Each grouping says in words what makes two organisations one cluster, who is left
 * out, and, under "auto", why it was chosen.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { exclusionRule, type GroupBy } from "../groups/group-index.ts";
import { cityClusters } from "./city-clusters.ts";
import { DEFAULTS as GEOGRAPHIC_DEFAULTS, geographicClusters, type GeographicClusterOptions, type GeographicClusters } from "./geographic.ts";

export interface ClusterGroupingOptions extends GeographicClusterOptions {
  /** An attribute, "city", "geo" or "auto". */
  by: string;
}

export const DEFAULTS: ClusterGroupingOptions = { by: "auto", ...GEOGRAPHIC_DEFAULTS };

export interface ClusterGrouping {
  /** The grouping used: an attribute, "city" or "geo". */
  by: string;
  /** How it was chosen, where "auto" chose it. */
  chosen: string | null;
  /** What makes two organisations one cluster, in words. */
  rule: string;
  /** Who is left out, in words. */
  excludedRule: string;
  groupBy: GroupBy;
  geographic: GeographicClusters | null;
}

/** A grouping, or why "auto" found none. */
export type Grouping = ClusterGrouping | { by: null; why: string };

const CITY_RULE =
  "organisations in the same city (names compared without case, accents, postal numbers and CEDEX, with transliteration and exonyms; within one country) form a cluster named after the city";

export function clusterGrouping(graph: ReadableGraph, options: Partial<ClusterGroupingOptions> = {}): Grouping {
  const { radiusKm, minSize } = { ...DEFAULTS, ...options };
  let by = options.by ?? DEFAULTS.by;
  let chosen: string | null = null;
  if (by === "auto") {
    const has = (test: (attributes: Record<string, unknown>) => boolean) => graph.someNode((_node, attributes) => test(attributes));
    if (has((a) => a["cluster"] !== undefined && a["cluster"] !== "")) [by, chosen] = ["cluster", "the data has a cluster column"];
    else if (has((a) => typeof a["lat"] === "number" && typeof a["lon"] === "number")) [by, chosen] = ["geo", "the data has no cluster column; organisations have coordinates"];
    else if (has((a) => typeof a["city"] === "string" && a["city"] !== "")) [by, chosen] = ["city", "the data has no cluster column and no coordinates; organisations have cities"];
    else return { by: null, why: "the data has no cluster column, no coordinates and no cities" };
  }
  if (by === "geo") {
    const geographic = geographicClusters(graph, { radiusKm, minSize });
    const excludedRule = "organisations without coordinates, at a point shared by several cities, or in no cluster (noise) are left out, with every link they have";
    return { by, chosen, rule: geographic.rule, excludedRule, groupBy: geographic.membership, geographic };
  }
  if (by === "city") return { by, chosen, rule: CITY_RULE, excludedRule: exclusionRule("city or country"), groupBy: cityClusters(graph), geographic: null };
  return { by, chosen, rule: `organisations with the same ${by} form a cluster`, excludedRule: exclusionRule(by), groupBy: by, geographic: null };
}
