/** Node-only additions to the core: worker threads for the measures that parallelise. */
export { betweennessParallel } from "./betweenness-parallel.ts";
export type { ParallelOptions } from "./betweenness-parallel.ts";
