export { clusterNetwork, DEFAULTS as CLUSTER_NETWORK_DEFAULTS } from "./cluster-network.ts";
export type { Carrier, Cluster, ClusterLink, ClusterNetwork, ClusterNetworkOptions } from "./cluster-network.ts";
export { cityClusters, largestCity } from "./city-clusters.ts";
export { geographicClusters, sphericalMean, DEFAULTS as GEOGRAPHIC_CLUSTER_DEFAULTS } from "./geographic.ts";
export type { GeographicCluster, GeographicClusterOptions, GeographicClusters } from "./geographic.ts";
export { clusterGraph } from "./cluster-graph.ts";
export type { ClusterEdgeAttributes, ClusterNodeAttributes } from "./cluster-graph.ts";
export { clusterBridges, DEFAULTS as CLUSTER_BRIDGE_DEFAULTS } from "./bridges.ts";
export type { Bridge, BridgeOptions, ClusterBridges, PairBridges } from "./bridges.ts";
