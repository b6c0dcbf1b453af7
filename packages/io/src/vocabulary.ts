/**
 * Country codes that are not ISO 3166-1 but are well known, read as the ISO code they stand for
 * in every table and graph file: CORDIS's `UK`, `EL` and `KO` (see `CORDIS_COUNTRY_CODES`). A
 * user's own organisation table often copies its codes from CORDIS; rejecting those rows would
 * drop a whole country's organisations, and every participation of theirs, for a code whose
 * meaning is not in doubt. Every cell read so is counted, so the validate summary can say how
 * many; any other code that is not ISO stays a rejected row.
 */
import { CORDIS_COUNTRY_CODES } from "./cordis/codes.ts";

/** Cells of one field read as another code, counted over the rows read (accepted or not). */
export interface ReadAs {
  field: string;
  /** The code as the file has it. */
  from: string;
  /** The code it was read as. */
  to: string;
  rows: number;
  /** Whose code `from` is, for the summary. */
  source: string;
}

/** The field the aliases apply to: the model's `country`. */
export const COUNTRY_FIELD = "country";

/** Counts the cells read as another code, in the order the codes are first met. */
export class ReadAsTally {
  private readonly counts = new Map<string, ReadAs>();

  /** The ISO code `code` is read as, counting it, or `code` itself when it is no alias. */
  country(code: string): string {
    const iso = CORDIS_COUNTRY_CODES[code];
    if (iso === undefined) return code;
    const key = `${COUNTRY_FIELD}\u0000${code}`;
    const counted = this.counts.get(key);
    if (counted === undefined) this.counts.set(key, { field: COUNTRY_FIELD, from: code, to: iso, rows: 1, source: "CORDIS" });
    else counted.rows++;
    return iso;
  }

  list(): ReadAs[] {
    return [...this.counts.values()];
  }
}

/** The counts of several files as one list: the same alias in two files is summed. */
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
