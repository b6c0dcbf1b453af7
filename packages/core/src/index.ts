/**
 * @linkscale/core: typed functions over graphology graphs of R&D alliances. Pure TypeScript: no
 * fs, no process, no DOM, so it runs unchanged in Node, a browser and a worker.
 */
export * from "./model/index.ts";
export * from "./projection/index.ts";
export * from "./centrality/index.ts";
export * from "./communities/index.ts";
export * from "./scales/index.ts";
export * from "./groups/index.ts";
export * from "./brokerage/index.ts";
export * from "./triple-helix/index.ts";
export * from "./random/index.ts";
export * from "./time/index.ts";
export * from "./clusters/index.ts";
export {
  LinkscaleError,
  DuplicateOrganisationError,
  DuplicateParticipationError,
  InvalidLinkError,
  UnknownOrganisationError,
} from "./errors.ts";
