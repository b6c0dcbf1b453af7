/**
 * The values of other vocabularies that are read as the model's, in every table and graph file,
 * each counted so the validate summary can say how many cells were read so. Organisations from
 * other tools carry their own words for a type or a country (Gephi users write `Company`, CORDIS
 * writes `HES` and `UK`, a spreadsheet `Germany` or `de`); rejecting those rows would drop whole
 * groups of organisations, and every link of theirs, for a value whose meaning is not in doubt.
 * A value none of these tables knows stays a rejected row: nothing is guessed.
 *
 * country → ISO 3166-1 alpha-2:
 * - CORDIS's own codes: UK → GB, EL → GR, KO → XK (see `CORDIS_COUNTRY_CODES`);
 * - an ISO code in lower case: `de` → DE;
 * - a country's English name or a common alias, as i18n-iso-countries knows them: `Germany`,
 *   `United Kingdom`, `South Korea`, `Czech Republic`, `The Netherlands` (in any case).
 *
 * type → the model's types (firm, university, research, government, intermediary, other), in
 * any case, after trimming:
 * - CORDIS activity types: PRC → firm, HES → university, REC → research, PUB → government,
 *   OTH → other;
 * - English words (`TYPE_NAMES` below): company, business, enterprise, industry, SME → firm;
 *   higher education, college, academia → university; research institute, research
 *   organisation, research centre, laboratory → research; public body, public authority, public
 *   administration, ministry, agency → government; cluster organisation, association, chamber
 *   of commerce, incubator, technology transfer office → intermediary.
 */
import { ORGANISATION_TYPES, type OrganisationType } from "@linkscale/core/model";
import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };
import { CORDIS_ACTIVITY_TYPES, CORDIS_COUNTRY_CODES } from "./cordis/codes.ts";

countries.registerLocale(english);

/** Cells of one field read as another value, counted over the rows read (accepted or not). */
export interface ReadAs {
  field: string;
  /** The value as the file has it. */
  from: string;
  /** The value it was read as. */
  to: string;
  rows: number;
  /** Whose vocabulary `from` is: "CORDIS codes", "English names" or "lower-case ISO codes". */
  source: string;
}

/** The fields the vocabularies apply to: the model's `country` and `type`. */
export const COUNTRY_FIELD = "country";
export const TYPE_FIELD = "type";

// Looked up with a cell's text, lower-cased: a Map, so no prototype answers.
export const TYPE_NAMES: ReadonlyMap<string, OrganisationType> = new Map([
  ...(["company", "business", "enterprise", "industry", "sme", "private company", "private for-profit company"] as const).map((word) => [word, "firm"] as const),
  ...(["higher education", "higher education institution", "college", "academia"] as const).map((word) => [word, "university"] as const),
  ...(["research institute", "research institution", "research organisation", "research organization", "research centre", "research center", "laboratory"] as const).map((word) => [word, "research"] as const),
  ...(["public body", "public authority", "public administration", "ministry", "agency"] as const).map((word) => [word, "government"] as const),
  ...(["cluster organisation", "cluster organization", "association", "chamber of commerce", "incubator", "technology transfer office"] as const).map((word) => [word, "intermediary"] as const),
]);

const MODEL_TYPES: ReadonlySet<string> = new Set(ORGANISATION_TYPES);
const ISO_CODE = /^[A-Z]{2}$/;

/** Counts the cells read as another value, in the order the values are first met. */
export class ReadAsTally {
  private readonly counts = new Map<string, ReadAs>();

  /** What a cell of `field` is read as, counting it when that differs from the cell. */
  read(field: string, value: string): string {
    if (field === COUNTRY_FIELD) return this.country(value);
    if (field === TYPE_FIELD) return this.type(value);
    return value;
  }

  /** The ISO code `value` is read as, counting it, or `value` itself when no vocabulary knows it. */
  country(value: string): string {
    const cordis = CORDIS_COUNTRY_CODES[value];
    if (cordis !== undefined) return this.count(COUNTRY_FIELD, value, cordis, "CORDIS codes");
    if (ISO_CODE.test(value)) return value;
    const upper = value.toUpperCase();
    if (value.length === 2 && ISO_CODE.test(upper) && countries.isValid(upper)) return this.count(COUNTRY_FIELD, value, upper, "lower-case ISO codes");
    const named = value.length > 2 ? countries.getAlpha2Code(value.trim(), "en") : undefined;
    return named === undefined ? value : this.count(COUNTRY_FIELD, value, named, "English names");
  }

  /** The model type `value` is read as, counting it, or `value` itself when no vocabulary knows it. */
  type(value: string): string {
    if (MODEL_TYPES.has(value)) return value;
    const word = value.trim().toLowerCase();
    if (MODEL_TYPES.has(word)) return this.count(TYPE_FIELD, value, word, "English names");
    const cordis = CORDIS_ACTIVITY_TYPES[word.toUpperCase()];
    if (cordis !== undefined) return this.count(TYPE_FIELD, value, cordis, "CORDIS codes");
    const named = TYPE_NAMES.get(word);
    return named === undefined ? value : this.count(TYPE_FIELD, value, named, "English names");
  }

  private count(field: string, from: string, to: string, source: string): string {
    const key = `${field}\u0000${from}`;
    const counted = this.counts.get(key);
    if (counted === undefined) this.counts.set(key, { field, from, to, rows: 1, source });
    else counted.rows++;
    return to;
  }

  list(): ReadAs[] {
    return [...this.counts.values()];
  }
}

/** The counts of several files as one list: the same value in two files is summed. */
export function mergeReadAs(lists: ReadonlyArray<readonly ReadAs[]>): ReadAs[] {
  const merged = new Map<string, ReadAs>();
  for (const list of lists) {
    for (const readAs of list) {
      const key = `${readAs.field}\u0000${readAs.from}`;
      const counted = merged.get(key);
      if (counted === undefined) merged.set(key, { ...readAs });
      else counted.rows += readAs.rows;
    }
  }
  return [...merged.values()];
}
