export { degree, assignDegree, DEFAULTS as DEGREE_DEFAULTS } from "./degree.ts";
export type { DegreeOptions } from "./degree.ts";
export { strength, assignStrength, DEFAULTS as STRENGTH_DEFAULTS } from "./strength.ts";
export type { StrengthOptions } from "./strength.ts";
export { closeness, assignCloseness, DEFAULTS as CLOSENESS_DEFAULTS } from "./closeness.ts";
export type { ClosenessOptions } from "./closeness.ts";
export { harmonic, assignHarmonic, DEFAULTS as HARMONIC_DEFAULTS } from "./harmonic.ts";
export type { HarmonicOptions } from "./harmonic.ts";
export { eigenvector, assignEigenvector, DEFAULTS as EIGENVECTOR_DEFAULTS } from "./eigenvector.ts";
export type { EigenvectorOptions } from "./eigenvector.ts";
export { pagerank, assignPagerank, ConvergenceError, DEFAULTS as PAGERANK_DEFAULTS } from "./pagerank.ts";
export type { PagerankOptions } from "./pagerank.ts";
export {
  betweenness,
  assignBetweenness,
  accumulateBetweenness,
  betweennessSources,
  scaleBetweenness,
  DEFAULTS as BETWEENNESS_DEFAULTS,
} from "./betweenness.ts";
export type { BetweennessOptions } from "./betweenness.ts";
export { clustering, assignClustering, DEFAULTS as CLUSTERING_DEFAULTS } from "./clustering.ts";
export type { ClusteringOptions } from "./clustering.ts";
export { transitivity } from "./transitivity.ts";
export type { DistanceOptions, WeightOptions } from "./options.ts";
