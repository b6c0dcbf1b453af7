export { projectParticipations, projectCompact, DEFAULTS as PROJECTION_DEFAULTS } from "./project.ts";
export type { Counting, ProjectionOptions, ProjectionProgress } from "./project.ts";
export {
  associationStrength,
  assignAssociationStrength,
  DEFAULTS as ASSOCIATION_STRENGTH_DEFAULTS,
} from "./association-strength.ts";
export type { AssociationStrengthOptions } from "./association-strength.ts";
