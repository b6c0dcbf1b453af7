export { modularity, DEFAULTS as MODULARITY_DEFAULTS } from "./modularity.ts";
export type { ModularityOptions } from "./modularity.ts";
export { louvain, assignLouvain, DEFAULTS as LOUVAIN_DEFAULTS } from "./louvain.ts";
export type { CommunityResult, LouvainOptions } from "./louvain.ts";
export { PartitionError } from "./partition.ts";
export type { Partition } from "./partition.ts";
export { leiden, assignLeiden, DEFAULTS as LEIDEN_DEFAULTS } from "./leiden.ts";
export type { LeidenOptions } from "./leiden.ts";
