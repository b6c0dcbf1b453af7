/**
 * The `clusters` section: which clusters link to which, at which scale, through whom. The
 * grouping (core `clusterGrouping`) comes from linkscale.json's `clusters` (or `--clusters`).
 * The cluster network (core `clusterNetwork`), its centralities and communities (on
 * `clusterGraph`), the bridges per cluster pair, and each cluster's position (the mean of its
 * located members) for the map.
 */
import {
  betweenness,
  closeness,
  clusterBridges,
  clusterGraph,
  clusterNetwork,
  clusterPositions,
  degree,
  louvain,
  pagerank,
  strength,
  type ReadableGraph,
  type Grouping,
} from "@linkscale/core";
import { InvalidArgumentError } from "commander";
import type { Progress } from "../progress.ts";
import type { ResolvedConfig } from "./config.ts";

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

export function clustersSection(graph: ReadableGraph, config: ResolvedConfig, grouping: Grouping, placeOptions: object, progress: Progress) {
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
