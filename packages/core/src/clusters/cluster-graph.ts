/**
 * The cluster network as a graphology graph, so every measure linkscale has (centralities,
 * communities) runs on it unchanged: a node per cluster, with its member count and internal
 * links and weight; an undirected link per cluster link, weighted by the weight of the
 * organisation links it aggregates, with their count as `links`.
 */
import { UndirectedGraph } from "graphology";
import type { ClusterNetwork } from "./cluster-network.ts";

export interface ClusterNodeAttributes {
  members: number;
  internalLinks: number;
  internalWeight: number;
}

export interface ClusterEdgeAttributes {
  weight: number;
  links: number;
}

export function clusterGraph({ clusters, links }: ClusterNetwork): UndirectedGraph<ClusterNodeAttributes, ClusterEdgeAttributes> {
  const graph = new UndirectedGraph<ClusterNodeAttributes, ClusterEdgeAttributes>();
  for (const [name, { members, internalLinks, internalWeight }] of Object.entries(clusters)) graph.addNode(name, { members, internalLinks, internalWeight });
  for (const { source, target, weight, links: count } of links) graph.addEdge(source, target, { weight, links: count });
  return graph;
}
