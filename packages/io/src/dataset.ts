/**
 * Loaded tables to one alliance graph. The checks that need more than one row happen here, where
 * every row's file and number are still known: a duplicated organisation id, a link given twice or
 * to itself, a link or participation naming an organisation the organisation table lacks, the same
 * organisation twice in one project. Each such row moves from accepted to rejected, so every
 * table still reads rows read = accepted + rejected.
 *
 * Organisations come from the organisation tables, then from participation rows that describe
 * their organisation (CORDIS): the first description of an id is kept, and later ones that differ
 * are listed in `notes`. Without any organisation table, organisations are created, bare, from
 * the links or participations that name them.
 */
import {
  buildAllianceGraph,
  CompactGraph,
  projectCompact,
  projectParticipations,
  type AllianceGraph,
  type Link,
  type Organisation,
  type Participation,
} from "@linkscale/core";
import type { ProjectionOptions } from "@linkscale/core/projection";
import type { ProjectedWindows } from "@linkscale/core/time";
import type { TripleHelix } from "@linkscale/core/triple-helix";
import type { ParticipationRow } from "./csv/read.ts";
import { at, messages, type Accepted, type Problem, type TableLoad } from "./problems.ts";

export interface DatasetTables {
  organisations?: TableLoad<Organisation>[];
  links?: TableLoad<Link>[];
  participations?: TableLoad<ParticipationRow>[];
}

/** The loaded network, as a graphology graph or (`compact`) as the core's typed-array graph. */
export interface Dataset<G extends AllianceGraph | CompactGraph = AllianceGraph> {
  graph: G;
  /** Every table, after the checks across rows. */
  tables: Array<TableLoad<unknown>>;
  /** Number of distinct projects; absent when built from links. */
  projects?: number;
  /** The participations projected into the graph; absent when built from links. */
  participations?: Participation[];
  /** Where the participations stayed out of core (linkscale's DuckDB engine): T(UIG), computed there. */
  tripleHelix?: TripleHelix;
  /** Where the participations stayed out of core: the stages' windows, projected there. */
  windows?: ProjectedWindows;
  /** Descriptions of an organisation that differ from the one kept. */
  notes: string[];
}

export class DatasetError extends Error {
  override name = "DatasetError";
}

export interface DatasetOptions extends Partial<ProjectionOptions> {
  /** Build the core's typed-array graph (`CompactGraph`), not a graphology one; the tables then keep no accepted rows. */
  compact?: boolean;
}

export function assembleDataset(tables: DatasetTables, options: DatasetOptions & { compact: true }): Dataset<CompactGraph>;
export function assembleDataset(tables: DatasetTables, options?: DatasetOptions & { compact?: false }): Dataset;
export function assembleDataset(tables: DatasetTables, options?: DatasetOptions): Dataset<AllianceGraph | CompactGraph>;
export function assembleDataset(tables: DatasetTables, { compact = false, ...options }: DatasetOptions = {}): Dataset<AllianceGraph | CompactGraph> {
  const organisationTables = tables.organisations ?? [];
  const linkTables = tables.links ?? [];
  const participationTables = tables.participations ?? [];
  if (linkTables.length > 0 && participationTables.length > 0) {
    throw new DatasetError(
      "give links or participations, not both: participations are projected to links, and a link table would be a second, different source of the same links",
    );
  }

  const organisations = new Map<string, Organisation>();
  const whereOrganisation = new Map<string, string>();
  const notes: string[] = [];
  for (const table of organisationTables) {
    keepIf(table, ({ row, record }) => {
      const first = whereOrganisation.get(record.id);
      if (first !== undefined) return [{ column: "id", message: messages.duplicateOrganisation(record.id, first), repeats: first }];
      organisations.set(record.id, record);
      whereOrganisation.set(record.id, at(table.file, row));
      return [];
    });
  }
  const closed = organisations.size > 0;
  const mustKnow = (id: string, column: string): Problem[] =>
    closed && !organisations.has(id) ? [{ column, message: messages.unknownOrganisation(id) }] : [];

  const all = [...organisationTables, ...linkTables, ...participationTables];
  // The typed-array graph holds what the rows said: their records would only take memory, and
  // are let go before the projection, which would otherwise run beside them.
  const dropRows = () => {
    if (compact) for (const table of all) table.accepted = [];
  };
  let graph: AllianceGraph | CompactGraph;
  let projects: number | undefined;
  let participations: Participation[] = [];
  if (participationTables.length > 0) {
    participations = checkedParticipations();
    dropRows();
    projects = new Set(participations.map((p) => p.project)).size;
    for (const { org } of participations) if (!organisations.has(org)) organisations.set(org, { id: org });
    graph = (compact ? projectCompact : projectParticipations)(participations, [...organisations.values()], options);
  } else {
    const seen = new Map<string, string>();
    const links: Link[] = [];
    for (const table of linkTables) {
      keepIf(table, ({ row, record }) => {
        const { source, target } = record;
        if (source === target) return [{ column: "target", message: messages.selfLink(source) }];
        const unknown = [...mustKnow(source, "source"), ...mustKnow(target, "target")];
        if (unknown.length > 0) return unknown;
        const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
        const first = seen.get(key);
        if (first !== undefined) return [{ column: "target", message: messages.duplicateLink(source, target, first), repeats: first }];
        seen.set(key, at(table.file, row));
        links.push(record);
        return [];
      });
    }
    for (const { source, target } of links) {
      for (const id of [source, target]) if (!organisations.has(id)) organisations.set(id, { id });
    }
    graph = (compact ? CompactGraph.of : buildAllianceGraph)([...organisations.values()], links);
    dropRows();
  }
  return projects === undefined ? { graph, tables: all, notes } : { graph, tables: all, projects, participations, notes };

  /**
   * The participation rows that pass the checks across rows, in row order. Where each pair of
   * project and organisation was first seen is kept only while they are checked: a text a row.
   */
  function checkedParticipations(): Participation[] {
    const checked: Participation[] = [];
    const seen = new Map<string, string>();
    for (const table of participationTables) {
      keepIf(table, ({ row, record: { participation, organisation } }) => {
        const { project, org } = participation;
        const key = `${project}\u0000${org}`;
        const first = seen.get(key);
        if (first !== undefined) return [{ column: "org", message: messages.duplicateParticipation(org, project, first), repeats: first }];
        if (organisation === undefined || closed) {
          const unknown = mustKnow(org, "org");
          if (unknown.length > 0) return unknown;
        }
        const where = at(table.file, row);
        seen.set(key, where);
        checked.push(participation);
        if (organisation !== undefined) describe(organisation, where);
        return [];
      });
    }
    return checked;
  }

  function describe(organisation: Organisation, where: string): void {
    const kept = organisations.get(organisation.id);
    if (kept === undefined) {
      organisations.set(organisation.id, organisation);
      whereOrganisation.set(organisation.id, where);
      return;
    }
    for (const [field, value] of Object.entries(organisation)) {
      if (kept[field] !== undefined && kept[field] !== value) {
        notes.push(`${where}: organisation ${organisation.id} has ${field} "${String(value)}", kept "${String(kept[field])}" from ${whereOrganisation.get(organisation.id)}`);
      }
    }
  }
}

/**
 * Moves each accepted row for which `check` finds problems to the rejected rows, in row order.
 * Problems name model fields; they are reported under the file's own column for that field.
 */
function keepIf<T>(table: TableLoad<T>, check: (accepted: Accepted<T>) => Problem[]): void {
  const kept: Accepted<T>[] = [];
  for (const accepted of table.accepted) {
    const problems = check(accepted).map((problem) =>
      problem.column === undefined ? problem : { ...problem, column: table.columns[problem.column] ?? problem.column },
    );
    if (problems.length === 0) kept.push(accepted);
    else table.rejected.push({ file: table.file, row: accepted.row, problems });
  }
  table.accepted = kept;
  table.rejected.sort((a, b) => a.row - b.row);
}
