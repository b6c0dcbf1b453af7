/**
 * ISO 3166-1 alpha-2 country codes, from i18n-iso-countries (its code table only, no names, so
 * it stays small in a browser bundle). The table includes XK (Kosovo), a user-assigned code that
 * the EU and CORDIS use.
 */
// A default import: the package is CommonJS, and Node's ESM loader cannot see its named exports.
import countries from "i18n-iso-countries";

const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** Codes that are not ISO 3166-1 but appear in real data, with the ISO code they stand for. */
// Looked up with a cell's text: a Map, so no prototype answers ("constructor").
const NON_ISO_ALIASES: ReadonlyMap<string, string> = new Map([
  ["UK", "GB (UK is CORDIS's code for the United Kingdom)"],
  ["EL", "GR (EL is CORDIS's code for Greece)"],
]);

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/** What a country code must be, with a hint for the near misses found in real data. */
export function describeCountryCode(actual: string): string {
  const alias = NON_ISO_ALIASES.get(actual);
  if (alias !== undefined) return `an ISO 3166-1 alpha-2 country code: ${alias}`;
  const upper = actual.toUpperCase();
  if (upper !== actual && COUNTRY_CODES.has(upper)) {
    return `an ISO 3166-1 alpha-2 country code, in capitals (${upper})`;
  }
  return "an ISO 3166-1 alpha-2 country code such as DE, FR, GB, JP";
}
