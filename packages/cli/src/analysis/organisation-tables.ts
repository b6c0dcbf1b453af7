/**
 * The per-organisation tables of report.json (centralities, community membership, each
 * organisation's scale shares, gatekeepers, brokerage roles, structural holes) and how much of
 * each the file holds: linkscale.json's `organisations` (`--detail`, `--top`). They are most of
 * the bytes on a large network (89 MB on the full Horizon 2020 data), so by default report.json
 * lists the top k organisations of each table by its measure, saying how many there are in all
 * and the rule that chose them; at detail "full" it names the columns of report-organisations.csv
 * that hold every organisation instead. `analyse` always computes every organisation: the
 * summary, report.html and `check` read those results, so they are the same at either detail.
 */
import { recordViewKeys } from "@linkscale/core";
import type { Results } from "./analyse.ts";
import type { ResolvedConfig } from "./config.ts";
import { ORGANISATIONS_FILE, tableColumns } from "./organisations-csv.ts";

/** How top detail ranks a table's rows: by a number, highest first unless `lowestFirst`. */
interface Ranking {
  /** The rank in words, after "the organisations with": "the highest pagerank". */
  words: string;
  key: (value: unknown) => number | null;
  lowestFirst?: boolean;
}

export interface OrganisationTable {
  /** Where the table sits in report.json's results. */
  path: readonly string[];
  /**
   * Its columns' prefix in report-organisations.csv: the path, less a gatekeeper table's group
   * (an organisation is in one group per attribute, so the groups' tables share their columns).
   */
  column: string;
  /** How many organisations the table has. */
  size: number;
  /**
   * Organisation id → value, as analyse computed them: read as they are needed, not held, as a
   * list of the full network's tables would take 60 MB beside the results.
   */
  entries: () => Iterable<readonly [string, unknown]>;
  /** How top detail ranks it; `unranked`, why not, where its values have no order (community numbers): none is listed. */
  ranking: Ranking | { unranked: string };
  /** A leaf missing from a row reads as this in the CSV (a scale flag an organisation does not have: 0 links). */
  absentLeaf?: number;
  /** A listed row as report.json writes it. */
  row: (organisation: string, value: unknown) => unknown;
}

/** A table at detail "top": its first rows by the ranking, and how many it has in all. */
export interface ListedTable {
  detail: "top";
  organisations: number;
  listed: number;
  rule: string;
  rows: unknown[];
}

/** A table at detail "full": where in the side file its values are. */
export interface TableInFile {
  detail: "full";
  organisations: number;
  rule: string;
  file: string;
  columns: string[];
}

const valueRow = (organisation: string, value: unknown) => ({ organisation, value });
const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const field = (name: string) => (value: unknown) => number((value as Record<string, unknown>)[name]);
const highest = (measure: string): Ranking => ({ words: `the highest ${measure}`, key: number });

/** Every per-organisation table the results hold, in report order. */
export function organisationTables(results: Results): OrganisationTable[] {
  const tables: OrganisationTable[] = [];
  const add = (path: string[], values: Readonly<Record<string, unknown>>, ranking: OrganisationTable["ranking"], more: Partial<OrganisationTable> = {}) =>
    tables.push({ path, column: path.join("."), size: idsOf(values).length, entries: () => entriesOf(values), ranking, row: valueRow, ...more });

  for (const [measure, values] of Object.entries(results.centrality?.measures ?? {})) add(["centrality", "measures", measure], values, highest(measure));
  if (results.communities) {
    const unranked = "community numbers have no order to take a top from (communities.summary gives each community's size and make-up)";
    add(["communities", "membership"], results.communities.membership, { unranked });
  }
  if (results.scales) add(["scales", "byOrganisation"], results.scales.byOrganisation, { words: "the most links", key: field("links") }, { absentLeaf: 0 });
  for (const [attribute, openness] of Object.entries(results.openness ?? {})) {
    for (const [group, keepers] of Object.entries(openness.gatekeepers)) {
      tables.push({
        path: ["openness", attribute, "gatekeepers", group, "members"],
        column: `openness.${attribute}.gatekeepers.members`,
        size: keepers.members.length,
        entries: () => keepers.members.map(({ organisation, externalWeight, share }) => [organisation, { externalWeight, share }] as const),
        ranking: { words: "the most weight to other groups", key: field("externalWeight") },
        // Members keep the row shape they have at full length.
        row: (organisation, value) => ({ organisation, ...(value as object) }),
      });
    }
  }
  if (results.brokerage) {
    for (const [attribute, roles] of Object.entries(results.brokerage.roles)) {
      add(["brokerage", "roles", attribute, "raw"], roles.raw, { words: "the most brokerage in all roles (t)", key: field("t") });
      add(["brokerage", "roles", attribute, "z"], roles.z, { words: "the highest z-score of brokerage in all roles (t)", key: field("t") });
    }
    const holes = results.brokerage.structuralHoles;
    // Low constraint is what marks a broker (Burt 1992), so its top is the least constrained.
    add(["brokerage", "structuralHoles", "constraint"], holes.constraint, { words: "the lowest constraint", key: number, lowestFirst: true });
    add(["brokerage", "structuralHoles", "hierarchy"], holes.hierarchy, highest("hierarchy"));
    add(["brokerage", "structuralHoles", "effectiveSize"], holes.effectiveSize, highest("effective size"));
    add(["brokerage", "structuralHoles", "efficiency"], holes.efficiency, highest("efficiency"));
  }
  return tables;
}

/** A record's entries one at a time (Object.entries' order), without a list of them all. */
function* entriesOf(values: Readonly<Record<string, unknown>>): Generator<readonly [string, unknown]> {
  for (const key of idsOf(values)) yield [key, values[key]];
}

/**
 * The k organisations of a per-organisation record with the highest numbers (finite ones only), or
 * the highest `key` of their values, ties in id order; read entry by entry, not sorted whole.
 */
export function highestEntries(values: Readonly<Record<string, unknown>>, k: number): Array<readonly [string, number]>;
export function highestEntries<V>(values: Readonly<Record<string, V>>, k: number, key: (value: V) => number | null): Array<readonly [string, V]>;
export function highestEntries(values: Readonly<Record<string, unknown>>, k: number, key: (value: unknown) => number | null = number): Array<readonly [string, unknown]> {
  const table = { size: idsOf(values).length, entries: () => entriesOf(values), ranking: { words: "the highest value", key } };
  return topEntries(table, k).filter(([, value]) => key(value) !== null);
}

/** Every value of a per-organisation record, in its keys' order. */
export function valuesOf<V>(values: Readonly<Record<string, V>>): V[] {
  return idsOf(values).map((id) => values[id] as V);
}

/**
 * A per-organisation record's keys, as Object.keys gives them (its keys are all enumerable
 * strings): a record view's own list, read-only. Object.keys would read every value of a view to
 * ask whether it is enumerable, and Reflect.ownKeys copies and checks the list on every call.
 */
export function idsOf(values: Readonly<Record<string, unknown>>): readonly string[] {
  return recordViewKeys(values) ?? (Reflect.ownKeys(values) as string[]);
}

/**
 * The table's entries in rank order: by the ranking's number, then by id (as text, code unit by
 * code unit), organisations without a number after all others. The first `k` of them, kept in
 * a sorted list of k as the entries pass (ids are unique, so the order is total and the list is
 * what a full sort would begin with): the tables of 400,000 organisations are not sorted whole.
 */
export function topEntries(table: Pick<OrganisationTable, "size" | "entries" | "ranking">, k: number): Array<readonly [string, unknown]> {
  const { ranking } = table;
  if ("unranked" in ranking || k <= 0) return [];
  type Keyed = { entry: readonly [string, unknown]; key: number | null };
  const before = (a: Keyed, b: Keyed): boolean => {
    if (a.key !== b.key) {
      if (a.key === null) return false;
      if (b.key === null) return true;
      return ranking.lowestFirst === true ? a.key < b.key : a.key > b.key;
    }
    return a.entry[0] < b.entry[0];
  };
  if (k * 16 >= table.size) {
    // A large share of the table: sorted whole (inserting into a long list would cost more).
    const keyed = Array.from(table.entries(), (entry) => ({ entry, key: ranking.key(entry[1]) }));
    return keyed
      .sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0))
      .slice(0, k)
      .map(({ entry }) => entry);
  }
  const best: Keyed[] = [];
  for (const entry of table.entries()) {
    const keyed = { entry, key: ranking.key(entry[1]) };
    if (best.length === k && !before(keyed, best[k - 1] as Keyed)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(best[mid] as Keyed, keyed)) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, keyed);
    if (best.length > k) best.pop();
  }
  return best.map(({ entry }) => entry);
}

export function listedTable(table: OrganisationTable, k: number): ListedTable {
  const rows = topEntries(table, k).map(([organisation, value]) => table.row(organisation, value));
  const all = table.size;
  const full = `organisations.detail "full" writes all ${all} to ${ORGANISATIONS_FILE}`;
  const order = "ties in id order, organisations without a value last";
  const { ranking } = table;
  const rule =
    "unranked" in ranking
      ? `none listed: ${ranking.unranked}; ${full}`
      : rows.length === all
        ? `all ${all} organisations (organisations.top = ${k}), ${ranking.words} first; ${order}`
        : `the ${rows.length} of ${all} organisations with ${ranking.words} (organisations.top = ${k}), in that order; ${order}; ${full}`;
  return { detail: "top", organisations: all, listed: rows.length, rule, rows };
}

export function tableInFile(table: OrganisationTable): TableInFile {
  const columns = tableColumns(table);
  return {
    detail: "full",
    organisations: table.size,
    rule:
      columns.length === 0
        ? "no organisation has a value: the table is empty"
        : `every organisation's value is in ${ORGANISATIONS_FILE}, ${columns.length === 1 ? "column" : "columns"} ${columns.join(", ")}: a row per organisation, an empty cell where it has none`,
    file: ORGANISATIONS_FILE,
    columns,
  };
}

/**
 * The results as report.json holds them at this detail: each per-organisation table replaced by
 * its listed rows or its place in the side file. The results given are not changed (the summary
 * and report.html read them after).
 */
export function detailedResults(results: Results, { detail, top }: ResolvedConfig["organisations"]): { results: Record<string, unknown>; tables: OrganisationTable[] } {
  const tables = organisationTables(results);
  let shaped = results as Record<string, unknown>;
  for (const table of tables) shaped = replaceAt(shaped, table.path, detail === "top" ? listedTable(table, top) : tableInFile(table));
  return { results: shaped, tables };
}

/** `root` with the value at `path` replaced, each object on the way copied, the rest shared. */
function replaceAt(root: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) throw new Error("linkscale/organisation-tables: an empty path");
  return { ...root, [key]: rest.length === 0 ? value : replaceAt(root[key] as Record<string, unknown>, rest, value) };
}
