/**
 * Which helix of the triple helix each organisation type belongs to (Etzkowitz & Leydesdorff
 * 2000): university–industry–government. By default research institutes count with the
 * universities, as the literature does (academia: Leydesdorff 2003; Park & Leydesdorff 2010);
 * intermediaries and "other" organisations belong to no helix. A user may pass their own table.
 */
import type { OrganisationType } from "../model/organisation.ts";

export type Helix = "university" | "industry" | "government";

export const HELICES: readonly Helix[] = ["university", "industry", "government"];

export type HelixMapping = Readonly<Partial<Record<OrganisationType | (string & {}), Helix>>>;

export const DEFAULT_HELICES: HelixMapping = {
  university: "university",
  research: "university",
  firm: "industry",
  government: "government",
};
