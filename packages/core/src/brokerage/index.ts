export { structuralConstraint, localConstraints, DEFAULTS as CONSTRAINT_DEFAULTS } from "./constraint.ts";
export type { ConstraintOptions, StructuralConstraint } from "./constraint.ts";
export { effectiveSize, DEFAULTS as EFFECTIVE_SIZE_DEFAULTS } from "./effective-size.ts";
export type { EffectiveSize, EffectiveSizeOptions } from "./effective-size.ts";
export { brokerage, brokeragePermutationTest, ROLES, DEFAULTS as BROKERAGE_DEFAULTS } from "./gould-fernandez.ts";
export type { Brokerage, BrokerageOptions, Role, RoleCounts, RoleScores } from "./gould-fernandez.ts";
