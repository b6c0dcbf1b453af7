export { tripleHelix, DEFAULTS as TRIPLE_HELIX_DEFAULTS } from "./mutual-information.ts";
export type { TripleHelix, TripleHelixOptions } from "./mutual-information.ts";
export { DEFAULT_HELICES, HELICES } from "./helices.ts";
export type { Helix, HelixMapping } from "./helices.ts";
