/**
 * The `clusters` section: which clusters link to which, at which scale, through whom. The
 * grouping comes from linkscale.json's `clusters` (or `--clusters`): an organisation attribute,
 * "city", "geo" (geographic clusters), or "auto": the `cluster` column where the data has one,
 * else geographic clusters where organisations have coordinates, else cities. The cluster network
 * (core `clusterNetwork`), its centralities and communities (on `clusterGraph`), the bridges per
 * cluster pair, and each cluster's position (the mean of its located members) for the map.
 */
import {
  betweenness,
  cityClusters,
  closeness,
  clusterBridges,
  clusterGraph,
  clusterNetwork,
  clusterPositions,
  degree,
  exclusionRule,
  geographicClusters,
  louvain,
  pagerank,
  strength,
  type AnyGraph,
  type GeographicClusters,
  type GroupBy,
} from "@linkscale/core";
import { InvalidArgumentError } from "commander";
import type { Progress } from "../progress.ts";
import type { ResolvedConfig } from "./config.ts";

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

const CITY_RULE =
  "organisations in the same city (names compared without case, accents, postal numbers and CEDEX, with transliteration and exonyms; within one country) form a cluster named after the city";

/** The grouping `by` names on this graph; null with the reason where "auto" finds nothing to group by. */
/** A grouping, or why there is none. */
export type Grouping = ClusterGrouping | { by: null; why: string };

export function clusterGrouping(graph: AnyGraph, { by, radiusKm, minSize }: ResolvedConfig["clusters"]): Grouping {
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

/** `--clusters <attribute|city|geo[:KM]>`: the grouping and, for geo, its radius. */
export function parseClusterFlag(value: string): { by: string; radiusKm?: number } {
  const geo = /^geo(?::(.+))?$/.exec(value);
  if (geo === null) {
    if (value === "") throw new InvalidArgumentError("name an attribute, city, or geo[:KM]");
    return { by: value };
  }
  if (geo[1] === undefined) return { by: "geo" };
  const radiusKm = Number(geo[1]);
  if (!(radiusKm > 0) || !Number.isFinite(radiusKm)) throw new InvalidArgumentError(`geo:KM needs a radius in km greater than 0, not "${geo[1]}"`);
  return { by: "geo", radiusKm };
}

export function clustersSection(graph: AnyGraph, config: ResolvedConfig, grouping: Grouping, placeOptions: object, progress: Progress) {
  progress.step("clusters: grouping, cluster network, bridges");
  if (grouping.by === null) return { grouping: null, why: grouping.why };
  const { groupBy, geographic, excludedRule, ...described } = grouping;
  const network = clusterNetwork(graph, { ...placeOptions, groupBy });
  const clusters = clusterGraph(network);
  const measures = {
    degree: degree(clusters),
    strength: strength(clusters),
    pagerank: pagerank(clusters),
    betweenness: betweenness(clusters),
    closeness: closeness(clusters),
  };
  const communities = louvain(clusters, { seed: config.seed });
  const bridges = clusterBridges(graph, { groupBy });
  return {
    grouping: { by: described.by, chosen: described.chosen, rule: described.rule },
    geographic:
      geographic === null
        ? null
        : { radiusKm: config.clusters.radiusKm, minSize: config.clusters.minSize, withCoordinates: geographic.withCoordinates, sharedPoint: geographic.sharedPoint, noise: geographic.noise, withoutCoordinates: geographic.withoutCoordinates, clusters: geographic.clusters },
    excluded: { ...network.excluded, rule: excludedRule },
    clusters: network.clusters,
    links: network.links,
    /** Each cluster's place on a map: the mean on the sphere of its members with coordinates. */
    positions: clusterPositions(graph, groupBy),
    centrality: { weighted: ["strength", "pagerank"], measures },
    communities: { algorithm: "louvain", seed: config.seed, count: communities.count, modularity: communities.modularity, membership: communities.communities },
    bridges: bridges.pairs,
  };
}
