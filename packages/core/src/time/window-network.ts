/**
 * A window's network. From participations: projected from the projects whose year falls in the
 * window, so a link's weight counts the projects the two share in it, and the window's
 * organisations are those projects' participants (one alone in its project is there, unlinked).
 * A project without a year falls in no window. From links only: the links active in the window
 * (timeSlice's rule) and the organisations with one.
 */
import { CompactGraph } from "../model/compact-graph.ts";
import type { AllianceGraph, AnyGraph } from "../model/graph.ts";
import type { Organisation } from "../model/organisation.ts";
import type { Participation } from "../model/participation.ts";
import { projectParticipations, type ProjectionOptions } from "../projection/project.ts";
import { compactSlice, timeSlice, type YearWindow } from "./slice.ts";

export function windowNetwork(
  participations: readonly Participation[],
  organisations: readonly Organisation[],
  { from, to }: YearWindow,
  years: ReadonlyMap<string, number | undefined>,
  options: Partial<Omit<ProjectionOptions, "onProgress">> = {},
): { graph: AllianceGraph; projects: number; participations: Participation[] } {
  const inWindow = participations.filter(({ project }) => {
    const year = years.get(project);
    return year !== undefined && year >= from && year <= to;
  });
  const participants = new Set(inWindow.map(({ org }) => org));
  const graph = projectParticipations(
    inWindow,
    organisations.filter(({ id }) => participants.has(id)),
    options,
  );
  return { graph, projects: new Set(inWindow.map(({ project }) => project)).size, participations: inWindow };
}

/** The links active in the window and the organisations with one. */
export function linkWindow<G extends AnyGraph | CompactGraph>(graph: G, window: YearWindow): G {
  if (graph instanceof CompactGraph) return compactSlice(graph, window, { dropIsolated: true }) as G;
  const slice = timeSlice(graph as AnyGraph, window);
  for (const node of slice.filterNodes((node) => slice.degree(node) === 0)) slice.dropNode(node);
  return slice as G;
}
