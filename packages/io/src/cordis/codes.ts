/**
 * The CORDIS vocabulary and how it maps onto the linkscale model. Documented in the README.
 *
 * activityType → type: PRC (private for-profit company) → firm, HES (higher or secondary
 * education) → university, REC (research organisation) → research, PUB (public body) →
 * government, OTH (other) → other. A repeated code such as `PRC;PRC` (seen in CORDIS) is read
 * as the one type (and `FI;FI` as FI); two different codes in one cell are an error.
 *
 * country → ISO 3166-1 alpha-2: CORDIS writes UK for the United Kingdom, EL for Greece and KO for
 * Kosovo (ISO leaves Kosovo unassigned; XK is the user-assigned code the EU uses); every other
 * CORDIS code is already ISO. These three are read so in every table, not only in CORDIS exports
 * (`vocabulary.ts`, which also counts them). `NA` is Namibia: in the eunets participation table, whose
 * missing values are also written `NA`, every country `NA` row has country group `tc` (third
 * country), which fits Namibia; so the country column does not treat `NA` as missing.
 */
import type { OrganisationType } from "@linkscale/core/model";
import type { Translate } from "../csv/read-table.ts";

// Both tables are looked up with a cell's text: without a prototype, so "constructor" finds nothing.
export const CORDIS_ACTIVITY_TYPES: Readonly<Record<string, OrganisationType>> = Object.assign(Object.create(null) as Record<string, OrganisationType>, {
  PRC: "firm",
  HES: "university",
  REC: "research",
  PUB: "government",
  OTH: "other",
} as const);

/** CORDIS country code → ISO 3166-1 alpha-2, for the codes that differ. */
export const CORDIS_COUNTRY_CODES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  UK: "GB",
  EL: "GR",
  KO: "XK",
});

const ALLOWED_TYPES = Object.entries(CORDIS_ACTIVITY_TYPES)
  .map(([code, type]) => `${code} (${type})`)
  .join(", ");

/** The one code in a cell, where CORDIS repeats it (`PRC;PRC`); null when the parts differ. */
function singleCode(cell: string): string | undefined | null {
  const codes = [...new Set(cell.split(";").map((code) => code.trim()).filter((code) => code !== ""))];
  return codes.length > 1 ? null : codes[0];
}

export const translateActivityType: Translate = (cell) => {
  const code = singleCode(cell);
  if (code === undefined) return undefined;
  const type = code === null ? undefined : CORDIS_ACTIVITY_TYPES[code];
  return type ?? { problem: `must be one CORDIS activity type: ${ALLOWED_TYPES} (was "${cell}")` };
};

/** The one code of a country cell; UK, EL and KO are read as ISO afterwards, as in any table. */
export const translateCountry: Translate = (cell) => {
  const code = singleCode(cell);
  if (code === null) return { problem: `must be one country code (was "${cell}")` };
  return code;
};

/** CORDIS `geolocation` holds "lat,lon" in one field. */
export function geolocationPart(part: 0 | 1): Translate {
  return (cell) => {
    if (cell.trim() === "") return undefined;
    const parts = cell.split(",");
    if (parts.length !== 2) return { problem: `must be "lat,lon" (was "${cell}")` };
    return (parts[part] as string).trim();
  };
}
