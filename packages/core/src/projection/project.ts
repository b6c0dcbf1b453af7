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
 * graphology-operators: none projects a bipartite graph, and this pass keeps pairs in flat arrays
 * keyed by a number, so the full Horizon 2020 data (a million pair instances) projects in seconds.
 */
import { DuplicateOrganisationError, DuplicateParticipationError, UnknownOrganisationError } from "../errors.ts";
import { CompactGraphBuilder, type CompactGraph } from "../model/compact-graph.ts";
import { createAllianceGraph, type AllianceGraph } from "../model/graph.ts";
import type { LinkAttributes } from "../model/link.ts";
import type { Organisation } from "../model/organisation.ts";
import type { Participation } from "../model/participation.ts";
import { assignAssociationStrength } from "./association-strength.ts";

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
  projectInto(graph, participations, organisations, options);
  if (options.associationStrength) assignAssociationStrength(graph);
  return graph;
}

/** The same projection into a typed-array graph: the same nodes and links in the same order. */
export function projectCompact(
  participations: readonly Participation[],
  organisations: readonly Organisation[] = [],
  options: Partial<ProjectionOptions> = {},
): CompactGraph {
  const builder = new CompactGraphBuilder();
  projectInto(builder, participations, organisations, options);
  const graph = builder.build();
  if (options.associationStrength) assignAssociationStrength(graph);
  return graph;
}

/** What the projection writes into: a graphology graph or a compact graph's builder. */
interface GraphSink {
  addNode(node: string, attributes: Readonly<Record<string, unknown>>): void;
  addEdge(source: string, target: string, attributes: LinkAttributes): void;
}

function projectInto(graph: GraphSink, participations: readonly Participation[], organisations: readonly Organisation[], options: Partial<ProjectionOptions>): void {
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

  // Pair slots: flat arrays indexed by slot, found through a numeric key lo * n + hi.
  const n = ids.length;
  const slotOf = new Map<number, number>();
  const pairLo: number[] = [];
  const pairHi: number[] = [];
  const weight: number[] = [];
  const projectCount: number[] = [];
  const firstYear: number[] = [];
  const lastYear: number[] = [];
  const projectIds: string[][] = [];
  const lastProjectOf = new Int32Array(n).fill(-1);

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
        const lo = u < v ? u : v;
        const hi = u < v ? v : u;
        const key = lo * n + hi;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = weight.length;
          slotOf.set(key, slot);
          pairLo.push(lo);
          pairHi.push(hi);
          weight.push(0);
          projectCount.push(0);
          firstYear.push(Infinity);
          lastYear.push(-Infinity);
          if (keepProjectIds) projectIds.push([]);
        }
        weight[slot] = (weight[slot] as number) + share;
        projectCount[slot] = (projectCount[slot] as number) + 1;
        if (year !== undefined) {
          if (year < (firstYear[slot] as number)) firstYear[slot] = year;
          if (year > (lastYear[slot] as number)) lastYear[slot] = year;
        }
        if (keepProjectIds) projectIds[slot]?.push(project.id);
      }
    }
    done++;
    if (onProgress && done % PROGRESS_EVERY === 0) onProgress({ phase: "pairing", done, total: projects.size });
  }

  if (counting === "fractional") {
    // A sum of fractions follows the order of its terms: added again with projects in id order, a
    // link's weight has the same bits however the rows came (issue 22).
    weight.fill(0);
    const byId = [...projects.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const { members } of byId) {
      const share = 1 / (members.length - 1);
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const u = members[a] as number;
          const v = members[b] as number;
          const slot = slotOf.get(u < v ? u * n + v : v * n + u) as number;
          weight[slot] = (weight[slot] as number) + share;
        }
      }
    }
  }

  for (let slot = 0; slot < weight.length; slot++) {
    const attributes: LinkAttributes = { weight: weight[slot] as number, projectCount: projectCount[slot] as number };
    const first = firstYear[slot] as number;
    if (first !== Infinity) {
      attributes.firstYear = first;
      attributes.lastYear = lastYear[slot] as number;
    }
    if (keepProjectIds) attributes.projects = projectIds[slot] as string[];
    graph.addEdge(ids[pairLo[slot] as number] as string, ids[pairHi[slot] as number] as string, attributes);
    if (onProgress && slot % (PROGRESS_EVERY * 50) === 0) onProgress({ phase: "building", done: slot, total: weight.length });
  }
  onProgress?.({ phase: "building", done: weight.length, total: weight.length });
}
