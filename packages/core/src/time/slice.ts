/**
 * Time slices: the links active in a window of years. A link is active in [from, to] when the
 * years of its shared projects, firstYear..lastYear, overlap the window (a link with only a
 * firstYear is active in that year). A link without years belongs to no window: it is left out
 * of every slice, never guessed into one. Organisations are all kept, so a slice's shares and
 * counts compare with the whole network's.
 */
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
export function timeSlice<G extends AnyGraph>(graph: G, window: YearWindow): G {
  const slice = graph.emptyCopy() as G;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (!isActiveIn(attributes, window)) return;
    if (undirected) slice.addUndirectedEdgeWithKey(edge, source, target, { ...attributes });
    else slice.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
  });
  return slice;
}
