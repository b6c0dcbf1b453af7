export { ORGANISATION_TYPES, organisation, organisationType, countryCode } from "./organisation.ts";
export type { Organisation, OrganisationAttributes, OrganisationType } from "./organisation.ts";
export { link } from "./link.ts";
export type { Link, LinkAttributes } from "./link.ts";
export { participation } from "./participation.ts";
export type { Participation } from "./participation.ts";
export { isCountryCode, describeCountryCode } from "./country.ts";
export { createAllianceGraph, addOrganisation, buildAllianceGraph } from "./graph.ts";
export type { AllianceGraph, AnyGraph } from "./graph.ts";
