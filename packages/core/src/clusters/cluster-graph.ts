/**
 * The cluster network as a graphology graph, so every measure linkscale has (centralities,
 * communities) runs on it unchanged and every format can write it: a node per cluster, with its
 * member count, internal links and weight, density and openness (where defined) and, given
 * positions, its coordinates; an undirected link per cluster link, weighted by the weight of the
 * organisation links it aggregates, with their count, years (where known) and the scale that
 * carries most of its weight (ties: the finer scale).
 */
import { UndirectedGraph } from "graphology";
import type { ClusterLink, ClusterNetwork } from "./cluster-network.ts";
import type { ClusterPosition } from "./positions.ts";

export interface ClusterNodeAttributes {
  members: number;
  internalLinks: number;
  internalWeight: number;
  /** Absent for a cluster of one. */
  density?: number;
  /** Weighted E-I index; absent without links. */
  openness?: number;
  lat?: number;
  lon?: number;
}

export interface ClusterEdgeAttributes {
  weight: number;
  links: number;
  firstYear?: number;
  lastYear?: number;
  scale: string;
}

export function clusterGraph({ clusters, links }: ClusterNetwork, positions: Readonly<Record<string, ClusterPosition>> = {}): UndirectedGraph<ClusterNodeAttributes, ClusterEdgeAttributes> {
  const graph = new UndirectedGraph<ClusterNodeAttributes, ClusterEdgeAttributes>();
  for (const [name, { members, internalLinks, internalWeight, density, openness }] of Object.entries(clusters)) {
    const position = Object.hasOwn(positions, name) ? positions[name] : undefined;
    graph.addNode(name, {
      members,
      internalLinks,
      internalWeight,
      ...(density === null ? {} : { density }),
      ...(openness.weighted.EI === null ? {} : { openness: openness.weighted.EI }),
      ...(position === undefined ? {} : { lat: position.lat, lon: position.lon }),
    });
  }
  for (const link of links) {
    const { source, target, weight, links: count, firstYear, lastYear } = link;
    graph.addEdge(source, target, { weight, links: count, ...(firstYear === null ? {} : { firstYear }), ...(lastYear === null ? {} : { lastYear }), scale: mainScale(link) });
  }
  return graph;
}

/** The scale that carries most of a cluster link's weight; ties go to the scale listed first (the finer). */
export function mainScale({ scales }: ClusterLink): string {
  let main = "";
  let most = -Infinity;
  for (const [scale, { weight }] of Object.entries(scales)) {
    if (weight > most) [main, most] = [scale, weight];
  }
  return main;
}
