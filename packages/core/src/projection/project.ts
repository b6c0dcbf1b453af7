/**
 * One-mode projection of organisation–project participations onto organisation links.
 *
 * - Full counting: a link's weight is the number of projects the two organisations share
 *   (NetworkX `bipartite.weighted_projected_graph`).
 * - Fractional counting: each project of n participants adds 1/(n−1) to each of its pairs, so a
 *   project contributes the same total to each participant's strength whatever its size
 *   (Newman 2001, "Scientific collaboration networks. II", PNAS 98(2); NetworkX
 *   `bipartite.collaboration_weighted_projected_graph`).
 *
 * Fractional weights are summed with projects in id order, so row order never changes a bit.
 *
 * Every link also keeps its project count and first/last year. An organisation whose projects have
 * no other participant stays in the graph, isolated. Written here rather than through
 * graphology-operators: none projects a bipartite graph, and this pass counts pairs in typed
 * arrays (`link-tally.ts`), so the full Horizon 2020 data (a million pair instances) projects in
 * seconds and 52 MB.
 */
import { DuplicateOrganisationError, DuplicateParticipationError, UnknownOrganisationError } from "../errors.ts";
import { Columns } from "../model/columns.ts";
import { CompactGraphBuilder, type CompactGraph } from "../model/compact-graph.ts";
import { createAllianceGraph, type AllianceGraph } from "../model/graph.ts";
import type { LinkAttributes } from "../model/link.ts";
import type { Organisation } from "../model/organisation.ts";
import type { Participation } from "../model/participation.ts";
import { assignAssociationStrength } from "./association-strength.ts";
import { LinkTally } from "./link-tally.ts";

export type Counting = "full" | "fractional";

export interface ProjectionProgress {
  phase: "grouping" | "pairing" | "building";
  done: number;
  total: number;
}

export interface ProjectionOptions {
  counting: Counting;
  /** Also write each link's association strength (van Eck & Waltman 2009) as an attribute. */
  associationStrength: boolean;
  /** Keep the ids of each link's shared projects (memory grows with the pair instances). */
  keepProjectIds: boolean;
  onProgress?: (progress: ProjectionProgress) => void;
}

export const DEFAULTS: ProjectionOptions = {
  counting: "full",
  associationStrength: false,
  keepProjectIds: false,
};

const PROGRESS_EVERY = 2000;

interface Project {
  id: string;
  members: number[];
  year: number | undefined;
}

/**
 * Projects participations onto an alliance graph. When `organisations` is non-empty every
 * participation must name one of them; otherwise organisations are created, bare, from the
 * participations. Nodes come in the order of `organisations`, then of first participation;
 * links in the order their first shared project appears.
 */
export function projectParticipations(
  participations: readonly Participation[],
  organisations: readonly Organisation[] = [],
  options: Partial<ProjectionOptions> = {},
): AllianceGraph {
  const graph = createAllianceGraph();
  const { ids, tally, projectIds } = tallyLinks(graph, participations, organisations, options);
  const { lo, hi, weight, projectCount, firstYear, lastYear } = tally;
  for (let slot = 0; slot < tally.size; slot++) {
    const attributes: LinkAttributes = { weight: weight[slot] as number, projectCount: projectCount[slot] as number };
    const first = firstYear[slot] as number;
    if (first !== Infinity) {
      attributes.firstYear = first;
      attributes.lastYear = lastYear[slot] as number;
    }
    if (projectIds !== undefined) attributes.projects = projectIds[slot] as string[];
    graph.addEdge(ids[lo[slot] as number] as string, ids[hi[slot] as number] as string, attributes);
    if (options.onProgress && slot % (PROGRESS_EVERY * 50) === 0) options.onProgress({ phase: "building", done: slot, total: tally.size });
  }
  options.onProgress?.({ phase: "building", done: tally.size, total: tally.size });
  if (options.associationStrength) assignAssociationStrength(graph);
  return graph;
}

/**
 * The same projection into a typed-array graph: the same nodes and links in the same order. The
 * tally's arrays become its link columns as they are, with no attribute object per link.
 */
export function projectCompact(
  participations: readonly Participation[],
  organisations: readonly Organisation[] = [],
  options: Partial<ProjectionOptions> = {},
): CompactGraph {
  const builder = new CompactGraphBuilder();
  const { tally, projectIds } = tallyLinks(builder, participations, organisations, options);
  const { size, lo, hi, weight, projectCount, firstYear, lastYear } = tally;
  const columns: Array<[string, Float64Array]> = [
    ["weight", weight],
    ["projectCount", projectCount],
  ];
  let dated = false;
  for (let slot = 0; slot < size; slot++) {
    // A column reads NaN as no value: the link has no year.
    if (firstYear[slot] === Infinity) firstYear[slot] = lastYear[slot] = NaN;
    else dated = true;
  }
  if (dated) columns.push(["firstYear", firstYear], ["lastYear", lastYear]);
  const linkColumns = Columns.ofNumbers(size, columns);
  projectIds?.forEach((projects, slot) => linkColumns.set(slot, "projects", projects));
  builder.setLinks(lo, hi, size, linkColumns);
  options.onProgress?.({ phase: "building", done: size, total: size });
  const graph = builder.build();
  if (options.associationStrength) assignAssociationStrength(graph);
  return graph;
}

/** What the projection adds its nodes to: a graphology graph or a compact graph's builder. */
interface NodeSink {
  addNode(node: string, attributes: Readonly<Record<string, unknown>>): void;
}

/**
 * Adds the nodes to `graph` and counts the links: `ids` are the nodes in the order added, and the
 * tally's pairs are positions in that list.
 */
function tallyLinks(graph: NodeSink, participations: readonly Participation[], organisations: readonly Organisation[], options: Partial<ProjectionOptions>) {
  const { counting, keepProjectIds, onProgress } = { ...DEFAULTS, ...options };
  const ids: string[] = [];
  const indexOf = new Map<string, number>();
  for (const { id, ...attributes } of organisations) {
    if (indexOf.has(id)) throw new DuplicateOrganisationError("projection/project", `organisation "${id}" is given twice`);
    indexOf.set(id, ids.length);
    ids.push(id);
    graph.addNode(id, attributes);
  }

  const projects = new Map<string, Project>();
  participations.forEach(({ project: projectId, org, year }, i) => {
    let member = indexOf.get(org);
    if (member === undefined) {
      if (organisations.length > 0) {
        throw new UnknownOrganisationError("projection/project", `participation in project "${projectId}" names unknown organisation "${org}"`);
      }
      member = ids.length;
      indexOf.set(org, member);
      ids.push(org);
      graph.addNode(org, {});
    }
    let project = projects.get(projectId);
    if (project === undefined) {
      project = { id: projectId, members: [], year };
      projects.set(projectId, project);
    } else if (year !== undefined && (project.year === undefined || year < project.year)) {
      project.year = year;
    }
    project.members.push(member);
    if (onProgress && i % (PROGRESS_EVERY * 10) === 0) onProgress({ phase: "grouping", done: i, total: participations.length });
  });

  let pairInstances = 0;
  for (const { members } of projects.values()) pairInstances += (members.length * (members.length - 1)) / 2;
  const tally = new LinkTally(Math.max(1, pairInstances));
  const projectIds: string[][] | undefined = keepProjectIds ? [] : undefined;
  const lastProjectOf = new Int32Array(ids.length).fill(-1);
  let done = 0;
  for (const project of projects.values()) {
    const { members, year } = project;
    for (const member of members) {
      if (lastProjectOf[member] === done) {
        throw new DuplicateParticipationError("projection/project", `organisation "${ids[member]}" takes part twice in project "${project.id}"`);
      }
      lastProjectOf[member] = done;
    }
    const size = members.length;
    const share = counting === "full" ? 1 : 1 / (size - 1);
    for (let a = 0; a < size; a++) {
      for (let b = a + 1; b < size; b++) {
        const u = members[a] as number;
        const v = members[b] as number;
        const slot = u < v ? tally.slot(u, v) : tally.slot(v, u);
        (tally.weight[slot] as number) += share;
        (tally.projectCount[slot] as number) += 1;
        if (year !== undefined) {
          if (year < (tally.firstYear[slot] as number)) tally.firstYear[slot] = year;
          if (year > (tally.lastYear[slot] as number)) tally.lastYear[slot] = year;
        }
        if (projectIds !== undefined) (projectIds[slot] ??= []).push(project.id);
      }
    }
    done++;
    if (onProgress && done % PROGRESS_EVERY === 0) onProgress({ phase: "pairing", done, total: projects.size });
  }

  if (counting === "fractional") {
    // A sum of fractions follows the order of its terms: added again with projects in id order, a
    // link's weight has the same bits however the rows came (issue 22).
    tally.weight.fill(0);
    const byId = [...projects.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { members } of byId) {
      const share = 1 / (members.length - 1);
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const u = members[a] as number;
          const v = members[b] as number;
          (tally.weight[u < v ? tally.slot(u, v) : tally.slot(v, u)] as number) += share;
        }
      }
    }
  }
  return { ids, tally, projectIds };
}
