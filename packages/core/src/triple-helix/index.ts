export { describeConstant, tripleHelix, tripleHelixOfTypes, DEFAULTS as TRIPLE_HELIX_DEFAULTS, UNKNOWN_TYPE_RULE } from "./mutual-information.ts";
export type { Constancy, HelixLetter, ProjectTypes, TripleHelix, TripleHelixEntropy, TripleHelixOptions, TripleHelixTransmission } from "./mutual-information.ts";
export { DEFAULT_HELICES, HELICES } from "./helices.ts";
export type { Helix, HelixMapping } from "./helices.ts";
