/**
 * Programmer mistakes inside the core throw these small named errors; their messages start with
 * the module that threw (`linkscale/projection/project: …`). Bad *data* is never thrown: it is
 * validated at the boundary (see `@linkscale/io`) and reported as values with a path.
 */
export class LinkscaleError extends Error {
  override name = "LinkscaleError";
  constructor(module: string, message: string) {
    super(`linkscale/${module}: ${message}`);
  }
}

/** Two organisations with the same id were given to a graph builder. */
export class DuplicateOrganisationError extends LinkscaleError {
  override name = "DuplicateOrganisationError";
}

/** A link or participation names an organisation that is not in the graph. */
export class UnknownOrganisationError extends LinkscaleError {
  override name = "UnknownOrganisationError";
}

/** The same pair of organisations was linked twice, or an organisation to itself. */
export class InvalidLinkError extends LinkscaleError {
  override name = "InvalidLinkError";
}

/** The same organisation takes part twice in one project. */
export class DuplicateParticipationError extends LinkscaleError {
  override name = "DuplicateParticipationError";
}
