/**
 * Time slices: the links active in a window of years. A link is active in [from, to] when the
 * years of its shared projects, firstYear..lastYear, overlap the window (a link with only a
 * firstYear is active in that year). A link without years belongs to no window: it is left out
 * of every slice, never guessed into one. Organisations are all kept, so a slice's shares and
 * counts compare with the whole network's.
 */
import { CompactGraph } from "../model/compact-graph.ts";
import type { AnyGraph } from "../model/graph.ts";

export interface YearWindow {
  from: number;
  to: number;
}

export function isActiveIn(link: { firstYear?: unknown; lastYear?: unknown }, { from, to }: YearWindow): boolean {
  const first = link.firstYear;
  if (typeof first !== "number") return false;
  const last = typeof link.lastYear === "number" ? link.lastYear : first;
  return first <= to && last >= from;
}

/** A copy of the graph holding every organisation and the links active in the window. */
export function timeSlice<G extends AnyGraph | CompactGraph>(graph: G, window: YearWindow): G {
  if (graph instanceof CompactGraph) return compactSlice(graph, window) as G;
  const slice = (graph as AnyGraph).emptyCopy() as AnyGraph;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (!isActiveIn(attributes, window)) return;
    if (undirected) slice.addUndirectedEdgeWithKey(edge, source, target, { ...attributes });
    else slice.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
  });
  return slice as G;
}

/** The compact graph's slice, with isolated organisations dropped or kept. */
export function compactSlice(graph: CompactGraph, window: YearWindow, { dropIsolated = false } = {}): CompactGraph {
  const firstYear = graph.linkColumns.numbers("firstYear");
  const lastYear = graph.linkColumns.numbers("lastYear");
  const valueOf = (year: number) => (Number.isNaN(year) ? undefined : year);
  return graph.filterLinks((e) => isActiveIn({ firstYear: valueOf(firstYear[e] as number), lastYear: valueOf(lastYear[e] as number) }, window), { dropIsolated });
}
