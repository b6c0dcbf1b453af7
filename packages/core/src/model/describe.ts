/**
 * The counts a researcher checks first when loading a network: organisations by type and by
 * country (those without one counted apart, never as a type or country "unknown"), links,
 * isolated organisations, what is missing (types, countries, coordinates, names) and the years
 * the links span.
 */
import { CompactGraph } from "./compact-graph.ts";
import type { ReadableGraph } from "./graph.ts";

export const UNKNOWN = "unknown";

export interface GraphDescription {
  organisations: number;
  links: number;
  isolated: number;
  /** Keys in descending count, then alphabetical; organisations without a type in `withoutType`. */
  byType: Record<string, number>;
  byCountry: Record<string, number>;
  withoutType: number;
  withoutCountry: number;
  withoutCoordinates: number;
  withoutName: number;
  /** First and last year over the links' years; absent when no link has one. */
  years?: { first: number; last: number };
}

export function describeGraph(graph: ReadableGraph): GraphDescription {
  const byType = new Map<string, number>();
  const byCountry = new Map<string, number>();
  let isolated = 0;
  let withoutType = 0;
  let withoutCountry = 0;
  let withoutCoordinates = 0;
  let withoutName = 0;
  graph.forEachNode((node, attributes) => {
    if (typeof attributes["type"] === "string" && attributes["type"] !== "") count(byType, attributes["type"]);
    else withoutType++;
    if (typeof attributes["country"] === "string" && attributes["country"] !== "") count(byCountry, attributes["country"]);
    else withoutCountry++;
    if (graph.degree(node) === 0) isolated++;
    if (typeof attributes["lat"] !== "number" || typeof attributes["lon"] !== "number") withoutCoordinates++;
    if (typeof attributes["name"] !== "string" || attributes["name"] === "") withoutName++;
  });
  let first = Infinity;
  let last = -Infinity;
  if (graph instanceof CompactGraph) {
    // The year columns as they are: no attribute object per link (NaN, a link without a year, is never below or above).
    for (const year of graph.linkColumns.numbers("firstYear")) if (year < first) first = year;
    for (const year of graph.linkColumns.numbers("lastYear")) if (year > last) last = year;
  } else {
    graph.forEachEdge((_edge, attributes) => {
      const { firstYear, lastYear } = attributes;
      if (typeof firstYear === "number" && firstYear < first) first = firstYear;
      if (typeof lastYear === "number" && lastYear > last) last = lastYear;
    });
  }
  const description: GraphDescription = {
    organisations: graph.order,
    links: graph.size,
    isolated,
    byType: sortedCounts(byType),
    byCountry: sortedCounts(byCountry),
    withoutType,
    withoutCountry,
    withoutCoordinates,
    withoutName,
  };
  if (first !== Infinity) description.years = { first, last };
  return description;
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  const entries = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}
