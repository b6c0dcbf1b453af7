export { seededRandom, sampleIndices } from "./seeded.ts";
export type { Rng } from "./seeded.ts";
