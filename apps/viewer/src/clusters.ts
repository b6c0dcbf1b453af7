/**
 * Clusters mode's numbers, all the core's. What makes a cluster (`clusterGrouping`: under "auto"
 * the data's `cluster` column, else geographic clusters over coordinates, else cities) is decided
 * once per network and choice, over the whole network: a cluster is a place or a value, whatever
 * the filters show, and so is where it sits (`clusterPositions`, the mean of its located members).
 * The cluster network is that of the organisations and links shown (`clusterNetwork`, under the
 * view's local rule), so that every filter carries through to the clusters, their links, their
 * openness and their gatekeepers.
 */
import {
  clusterGrouping,
  clusterNetwork,
  clusterPositions,
  groupIndices,
  nodeTable,
  type AllianceGraph,
  type ClusterGrouping,
  type ClusterNetwork,
  type ClusterPosition,
} from "@linkscale/core";
import type { Visibility } from "./filters.ts";
import type { Network } from "./network.ts";

/** A grouping with each cluster's place; or why there is none. */
export type Clusters = { grouping: ClusterGrouping; positions: Readonly<Record<string, ClusterPosition>> } | { why: string };

export interface ShownClusters {
  grouping: ClusterGrouping;
  positions: Readonly<Record<string, ClusterPosition>>;
  /** The cluster network of the organisations and links shown. */
  network: ClusterNetwork;
  /** Each cluster's members shown, by id. */
  members: Map<string, string[]>;
}

/** The attributes a cluster can be made of, where the data has them. */
const ATTRIBUTES = ["cluster", "region", "country", "type"];

/** What clusters can be made of on this network: the core's choice, places, attributes. */
export function clusterChoices({ graph }: Network): string[] {
  const has = (attribute: string) => graph.someNode((_node, attributes) => typeof attributes[attribute] === "string" && attributes[attribute] !== "");
  const located = graph.someNode((_node, { lat, lon }) => typeof lat === "number" && typeof lon === "number");
  return ["auto", ...(located ? ["geo"] : []), ...(has("city") ? ["city"] : []), ...ATTRIBUTES.filter(has)];
}

const groupings = new WeakMap<Network, Map<string, Clusters>>();

/** The grouping `by` names on the whole network, with the clusters' places; found once (geographic clusters take a while). */
export function clustersOf(network: Network, by: string): Clusters {
  let found = groupings.get(network);
  if (found === undefined) groupings.set(network, (found = new Map()));
  let clusters = found.get(by);
  if (clusters === undefined) {
    const grouping = clusterGrouping(network.graph, { by });
    clusters = grouping.by === null ? { why: grouping.why } : { grouping, positions: clusterPositions(network.graph, grouping.groupBy) };
    found.set(by, clusters);
  }
  return clusters;
}

/** The clusters of the organisations and links shown; or why there are none. */
export function shownClusters(network: Network, visibility: Visibility, by: string): ShownClusters | { why: string } {
  const clusters = clustersOf(network, by);
  if ("why" in clusters) return clusters;
  const graph = shownGraph(network.graph, visibility);
  const { groupBy } = clusters.grouping;
  const { names, of } = groupIndices(graph, groupBy);
  const members = new Map<string, string[]>(names.map((name) => [name, []]));
  nodeTable(graph).nodes.forEach((node, i) => {
    const cluster = names[of[i] as number];
    if (cluster !== undefined) members.get(cluster)?.push(node);
  });
  return { ...clusters, network: clusterNetwork(graph, { ...network.shareOptions, groupBy }), members };
}

/** The network itself where everything is shown (its indexes are built), else the part shown. */
function shownGraph(graph: AllianceGraph, visibility: Visibility): AllianceGraph {
  if (visibility.organisations === graph.order && visibility.links === graph.size) return graph;
  const shown = graph.nullCopy();
  graph.forEachNode((node, attributes) => void (visibility.node(node) && shown.addNode(node, attributes)));
  graph.forEachEdge((edge, attributes, source, target) => void (visibility.link(edge, attributes, source, target) && shown.addEdgeWithKey(edge, source, target, attributes)));
  return shown;
}
