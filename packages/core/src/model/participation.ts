/**
 * A participation of an organisation in a project: the bipartite form most real data comes in
 * (EU CORDIS, co-patents, co-publications). `year` is the project's year (its start, for CORDIS).
 */
import { type } from "arktype";

export const participation = type({
  project: "string > 0",
  org: "string > 0",
  "role?": "string",
  "year?": "number.integer",
});

/** Columns beyond the named ones (a CORDIS contribution, say) are kept beside them. */
export type Participation = typeof participation.infer & { [extra: string]: unknown };
