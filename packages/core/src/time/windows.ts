/**
 * Windows of years to compare a network over: yearly, rolling (a width and a step), cumulative
 * (from the first year to each year), or stages the user names ("start-up": 2007–2010, …). Each
 * window is inclusive at both ends and named, so a report can say which is which.
 *
 * The span they cover is the data's: from the first to the last project year (projectYears), or
 * the first to the last year of a link (linkSpan) for data given as links.
 */
import { LinkscaleError } from "../errors.ts";
import type { ReadableGraph } from "../model/graph.ts";
import type { Participation } from "../model/participation.ts";
import type { YearWindow } from "./slice.ts";

export type Windowing =
  | { kind: "yearly" }
  | { kind: "rolling"; width: number; step: number }
  | { kind: "cumulative" }
  | { kind: "stages"; stages: Readonly<Record<string, readonly [number, number]>> };

export interface NamedWindow extends YearWindow {
  name: string;
}

/** The windows of a windowing over a span; stages are taken as given, in the order given. */
export function windowsOf(windowing: Windowing, span: YearWindow): NamedWindow[] {
  const { from: first, to: last } = span;
  const years = (from: number, to: number): NamedWindow => ({ name: from === to ? String(from) : `${from}–${to}`, from, to });
  switch (windowing.kind) {
    case "yearly":
      return Array.from({ length: last - first + 1 }, (_, i) => years(first + i, first + i));
    case "cumulative":
      return Array.from({ length: last - first + 1 }, (_, i) => years(first, first + i));
    case "rolling": {
      const { width, step } = windowing;
      for (const [what, value] of [["width", width], ["step", step]] as const) {
        if (!Number.isInteger(value) || value < 1) throw new LinkscaleError("time/windows", `a rolling window's ${what} is ${value}: it must be a whole number of years, at least 1`);
      }
      if (last - first + 1 < width) return [years(first, last)];
      const windows: NamedWindow[] = [];
      for (let from = first; from + width - 1 <= last; from += step) windows.push(years(from, from + width - 1));
      return windows;
    }
    case "stages":
      return Object.entries(windowing.stages).map(([name, [from, to]]) => {
        if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
          throw new LinkscaleError("time/windows", `stage "${name}" runs from ${from} to ${to}: it needs two whole years, the first not after the second`);
        }
        return { name, from, to };
      });
  }
}

/** Each project's year: the earliest year on its participations, as the projection takes it; undefined without one. */
export function projectYears(participations: readonly Participation[]): Map<string, number | undefined> {
  const years = new Map<string, number | undefined>();
  for (const { project, year } of participations) {
    const known = years.get(project);
    years.set(project, year === undefined ? known : known === undefined || year < known ? year : known);
  }
  return years;
}

/** From the first to the last of some years; null without one. */
export function spanOf(years: Iterable<number | undefined>): YearWindow | null {
  let from = Infinity;
  let to = -Infinity;
  for (const year of years) {
    if (year === undefined) continue;
    if (year < from) from = year;
    if (year > to) to = year;
  }
  return Number.isFinite(from) ? { from, to } : null;
}

/** From the first `firstYear` to the last `lastYear` (or `firstYear`) of a graph's links; null when none has a year. */
export function linkSpan(graph: ReadableGraph): YearWindow | null {
  const years: number[] = [];
  graph.forEachEdge((_edge, { firstYear, lastYear }) => {
    if (typeof firstYear !== "number") return;
    years.push(firstYear, typeof lastYear === "number" ? lastYear : firstYear);
  });
  return spanOf(years);
}
