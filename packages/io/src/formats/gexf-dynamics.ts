/**
 * A dynamic GEXF network folded into linkscale's model, which holds one link per pair with one
 * weight, a first and a last year (LinkAttributes), and organisations without years. Each rule
 * that decides a value is named in the load's `rules` when a file needed it (`gexfDynamicsRules`):
 * - a link's years: `firstYear` the year of its earliest start and `lastYear` of its latest end,
 *   over its own interval (`start`/`end`, `timestamp`…) and its spells together (gexf-time.ts
 *   reads each time as a year). Spells with gaps between them are read as one span from the first
 *   year to the last, as a projected link's years are: the model keeps no gaps, and the rule says
 *   how many links had them;
 * - an open bound (no `start`, or no `end`) is closed by the graph's own start or end; where the
 *   graph gives none the link is rejected: "from 2005 on" has no last year to hold. In a slice
 *   (GEXF 1.3's mode "slice", one time for the whole graph) a link without a time has the graph's;
 * - a link's weights over time (`weight` values with a time, as Gephi writes a dynamic weight):
 *   its `weight` is their sum, each value counted once however many years it spans. The model has
 *   no weights per year (no core function reads one), and the sum over the years is the total a
 *   projection's full count gives. A link with no time of its own takes its years from its
 *   weights'. A static weight beside them that is not their sum is a contradiction: the link is
 *   rejected naming both;
 * - any other attribute with values over time: kept when it is the same at every time, left out
 *   where it changes (an organisation or a link holds one value), counted per attribute;
 * - an organisation's own times (start, end, spells) are not read: the model gives organisations
 *   no years. The rule counts them.
 * A link's `firstYear` or `lastYear` given as an attribute value too must agree with its times.
 */
import type { Problem } from "../problems.ts";
import { defineField } from "../records.ts";
import type { AttributeMap } from "./graph-load.ts";
import type { TimeAxis, Where, YearSpan } from "./gexf-time.ts";

// Message builders, exported so tests assert the exact text a user sees.
export const gexfDynamicsMessages = {
  openEnded: (bound: "start" | "end") =>
    `its time has no ${bound}, and the graph gives none: a link's years need a first and a last year`,
  weightNotANumber: (value: string, where: string) => `the weight "${value}" on the ${where} is not a number`,
  staticAndTimedWeights: (weight: unknown, sum: number, count: number) =>
    `its weight ${JSON.stringify(weight)} is not the sum of its ${count} weights over time (${sum}): the file gives two weights`,
  closedHoldsNoYear: () => "its time, closed by the graph's own start or end, holds no year",
  conflictingYear: (name: "firstYear" | "lastYear", value: unknown, year: number) =>
    `its attribute ${name} (${JSON.stringify(value)}) differs from the year its times give (${year})`,
};

/** The rules a file needed, in the words `linkscale validate` prints. */
export const gexfDynamicsRules = {
  years: (links: number, format: string) =>
    `GEXF dynamics: the times of ${links} links (timeformat ${format}) read as years: firstYear the year of the earliest start, lastYear of the latest end, over each link's interval and spells`,
  closedByGraph: (links: number) => `GEXF dynamics: ${links} links' intervals have no start or no end; the graph's own start or end closes them`,
  gaps: (links: number) =>
    `GEXF dynamics: ${links} links are active in spells with gaps between them; each is read as active from its first year to its last (a link holds one first and one last year)`,
  timedWeights: (links: number) =>
    `GEXF dynamics: ${links} links have weights over time; each link's weight is their sum, each value counted once however many years it spans (a link holds one weight)`,
  slice: (links: number) => `GEXF dynamics: the graph is a slice of time (mode "slice"): its ${links} links without a time of their own have the graph's`,
  yearsFromWeights: (links: number) => `GEXF dynamics: ${links} links have no time of their own; their years are those of their weights over time`,
  organisationTimes: (organisations: number) =>
    `GEXF dynamics: the times of ${organisations} organisations (start, end, spells) are not read: an organisation has no years in linkscale's model, its links do`,
  changingValues: (kind: "node" | "edge", name: string, items: number) =>
    `GEXF dynamics: "${name}" changes over time on ${items} ${kind === "node" ? "organisations" : "links"} and is left out there (one value per ${kind === "node" ? "organisation" : "link"}; a value the same at every time is kept)`,
};

/** What an item's times and values over time gave, gathered until its element closes. */
export interface ItemDynamics {
  /** The year spans of the item's own times and spells. */
  spans: YearSpan[];
  /** Set when a node has a time (nodes' times are not read, only counted). */
  timed?: boolean;
  /** Set for a link of a slice that has no time of its own: its spans are the graph's. */
  ofSlice?: boolean;
  /** A link's weights over time: their sum, and the spans they cover. */
  weights?: { sum: number; count: number; spans: YearSpan[] };
  /** Attributes with values over time: the first value, and whether a later one differs. */
  changing?: Map<string, { value: unknown; changes: boolean }>;
  problems: Problem[];
}

export function newItemDynamics(): ItemDynamics {
  return { spans: [], problems: [] };
}

/** A value over time of one of an item's attributes. */
export function addTimedValue(dynamics: ItemDynamics, name: string, value: unknown): void {
  const values = (dynamics.changing ??= new Map());
  const known = values.get(name);
  if (known === undefined) values.set(name, { value, changes: false });
  else if (!known.changes && !sameValue(known.value, value)) known.changes = true;
}

/** A link's weight over time, given as the text of its attribute value. */
export function addTimedWeight(dynamics: ItemDynamics, text: string, spans: YearSpan[], where: Where, path: string): void {
  const weight = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(weight)) dynamics.problems.push({ column: `${path}.weight`, message: gexfDynamicsMessages.weightNotANumber(text, where()) });
  const weights = (dynamics.weights ??= { sum: 0, count: 0, spans: [] });
  weights.sum += weight;
  weights.count++;
  weights.spans.push(...spans);
}

/** Counts over a file, for the rules. */
export class DynamicsTally {
  linksWithYears = 0;
  closedByGraph = 0;
  ofSlice = 0;
  withGaps = 0;
  timedWeights = 0;
  yearsFromWeights = 0;
  organisationTimes = 0;
  // Per kind and attribute, the items where its value changes over time.
  private readonly leftOut = { node: new Map<string, number>(), edge: new Map<string, number>() };

  /**
   * Settles a closed item: values over time kept or left out, and for a link its years and weight,
   * or the problems that reject it. `axis` is asked for only where a link has times.
   */
  settle(kind: "node" | "edge", attributes: AttributeMap, dynamics: ItemDynamics, path: string, axis: () => TimeAxis): Problem[] {
    this.settleChanging(kind, attributes, dynamics);
    if (kind === "node") {
      if (dynamics.timed || dynamics.spans.length > 0) this.organisationTimes++;
      return dynamics.problems;
    }
    const problems = [...dynamics.problems];
    const { weights } = dynamics;
    if (weights !== undefined && problems.length === 0) {
      const given = attributes["weight"];
      if (given !== undefined && given !== weights.sum) {
        problems.push({ column: `${path}.weight`, message: gexfDynamicsMessages.staticAndTimedWeights(given, weights.sum, weights.count) });
      } else {
        defineField(attributes, "weight", weights.sum);
        this.timedWeights++;
      }
    }
    let spans = dynamics.spans;
    const fromWeights = spans.length === 0 && weights !== undefined && weights.spans.length > 0;
    if (fromWeights) spans = weights.spans;
    if (spans.length === 0 || problems.length > 0) return problems;
    const years = this.years(spans, axis().graphSpan);
    if ("bound" in years) return [{ column: `${path}.${years.bound === "start" ? "firstYear" : "lastYear"}`, message: gexfDynamicsMessages.openEnded(years.bound) }];
    if ("empty" in years) return [{ column: `${path}.lastYear`, message: gexfDynamicsMessages.closedHoldsNoYear() }];
    for (const [name, year] of [["firstYear", years.first], ["lastYear", years.last]] as const) {
      const given = attributes[name];
      if (given !== undefined && given !== year) problems.push({ column: `${path}.${name}`, message: gexfDynamicsMessages.conflictingYear(name, given, year) });
    }
    if (problems.length > 0) return problems;
    defineField(attributes, "firstYear", years.first);
    defineField(attributes, "lastYear", years.last);
    this.linksWithYears++;
    if (fromWeights) this.yearsFromWeights++;
    if (dynamics.ofSlice) this.ofSlice++;
    else if (years.closedByGraph) this.closedByGraph++;
    if (years.gaps) this.withGaps++;
    return problems;
  }

  /** The rules the counts call for, in a fixed order. */
  rules(format: string | undefined): string[] {
    const rules: string[] = [];
    if (this.linksWithYears > 0) rules.push(gexfDynamicsRules.years(this.linksWithYears, format ?? "double"));
    if (this.closedByGraph > 0) rules.push(gexfDynamicsRules.closedByGraph(this.closedByGraph));
    if (this.ofSlice > 0) rules.push(gexfDynamicsRules.slice(this.ofSlice));
    if (this.withGaps > 0) rules.push(gexfDynamicsRules.gaps(this.withGaps));
    if (this.timedWeights > 0) rules.push(gexfDynamicsRules.timedWeights(this.timedWeights));
    if (this.yearsFromWeights > 0) rules.push(gexfDynamicsRules.yearsFromWeights(this.yearsFromWeights));
    if (this.organisationTimes > 0) rules.push(gexfDynamicsRules.organisationTimes(this.organisationTimes));
    for (const kind of ["node", "edge"] as const) {
      for (const [name, items] of this.leftOut[kind]) rules.push(gexfDynamicsRules.changingValues(kind, name, items));
    }
    return rules;
  }

  /** Values over time: the one value where it never changes, else none (counted). */
  private settleChanging(kind: "node" | "edge", attributes: AttributeMap, { changing }: ItemDynamics): void {
    if (changing === undefined) return;
    for (const [name, { value, changes }] of changing) {
      // A value given without a time as well is one more value of the attribute.
      const differs = changes || (Object.hasOwn(attributes, name) && !sameValue(attributes[name], value));
      if (!differs) {
        defineField(attributes, name, value);
        continue;
      }
      delete attributes[name];
      this.leftOut[kind].set(name, (this.leftOut[kind].get(name) ?? 0) + 1);
    }
  }

  /** The first and last year over spans, open bounds closed by the graph's; or the bound missing. */
  private years(
    spans: readonly YearSpan[],
    graph: YearSpan,
  ): { first: number; last: number; closedByGraph: boolean; gaps: boolean } | { bound: "start" | "end" } | { empty: true } {
    let closedByGraph = false;
    const closed: { first: number; last: number }[] = [];
    for (const span of spans) {
      const first = span.first ?? graph.first;
      const last = span.last ?? graph.last;
      if (first === undefined) return { bound: "start" };
      if (last === undefined) return { bound: "end" };
      if (first > last) return { empty: true };
      if (span.first === undefined || span.last === undefined) closedByGraph = true;
      closed.push({ first, last });
    }
    closed.sort((a, b) => a.first - b.first);
    let reach = (closed[0] as { last: number }).last;
    let gaps = false;
    for (const { first, last } of closed) {
      if (first > reach + 1) gaps = true;
      reach = Math.max(reach, last);
    }
    return { first: (closed[0] as { first: number }).first, last: reach, closedByGraph, gaps };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));
}
