/**
 * Macro-regions: groups of countries that links can stay inside or cross. Bundled tables, each
 * with its source; a user may pass any country → macro-region mapping of their own instead.
 *
 * - EU27: the member states of the European Union since 1 February 2020 (after the United
 *   Kingdom left), with the year each joined (europa.eu, "Country profiles"; the six founders
 *   count from 1958, when the EEC treaty came into force).
 * - H2020_ASSOCIATED: countries associated to Horizon 2020 (European Commission, "List of
 *   participating countries in Horizon 2020", version of 2020): Albania, Armenia, Bosnia and
 *   Herzegovina, Faroe Islands, Georgia, Iceland, Israel, Moldova, Montenegro, North Macedonia,
 *   Norway, Serbia, Switzerland (fully from 2017), Tunisia, Turkey, Ukraine.
 * - EAST_ASIA: the United Nations M49 region "Eastern Asia": China, Hong Kong, Macao, Taiwan
 *   (listed under China by M49, separately by ISO 3166), Japan, Mongolia, North Korea, South Korea.
 */

export const EU27_ACCESSION: Readonly<Record<string, number>> = {
  BE: 1958, DE: 1958, FR: 1958, IT: 1958, LU: 1958, NL: 1958,
  DK: 1973, IE: 1973,
  GR: 1981,
  ES: 1986, PT: 1986,
  AT: 1995, FI: 1995, SE: 1995,
  CY: 2004, CZ: 2004, EE: 2004, HU: 2004, LT: 2004, LV: 2004, MT: 2004, PL: 2004, SI: 2004, SK: 2004,
  BG: 2007, RO: 2007,
  HR: 2013,
};

export const H2020_ASSOCIATED: readonly string[] = ["AL", "AM", "BA", "FO", "GE", "IS", "IL", "MD", "ME", "MK", "NO", "RS", "CH", "TN", "TR", "UA"];

export const EAST_ASIA: readonly string[] = ["CN", "HK", "MO", "TW", "JP", "MN", "KP", "KR"];

/** Country → macro-region. */
export type MacroRegions = Readonly<Record<string, string>>;

function assign(countries: readonly string[], region: string): Record<string, string> {
  return Object.fromEntries(countries.map((country) => [country, region]));
}

/**
 * The default scheme: EU27, Horizon 2020 associated countries, East Asia. Countries in none of
 * them have no macro-region: their links are counted as unknown at that level, never guessed.
 */
export const DEFAULT_MACRO_REGIONS: MacroRegions = {
  ...assign(Object.keys(EU27_ACCESSION), "EU27"),
  ...assign(H2020_ASSOCIATED, "H2020-associated"),
  ...assign(EAST_ASIA, "East Asia"),
};
