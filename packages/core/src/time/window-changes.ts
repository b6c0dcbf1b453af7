/**
 * What changes between two windows of a network: the organisations and links that enter, stay and
 * leave; tie persistence, the Jaccard index of the two link sets; and the rank stability of a
 * measure, Spearman's rank correlation (ties take their mean rank, as scipy's spearmanr) over the
 * organisations present in both, from simple-statistics. Values equal to 12 significant digits
 * rank as ties: PageRanks equal in exact arithmetic come out of floating point a few bits apart,
 * and would otherwise be ranked in the arbitrary order of those bits.
 */
import { sampleRankCorrelation } from "simple-statistics";
import type { ReadableGraph } from "../model/graph.ts";

export interface Turnover {
  entered: number;
  stayed: number;
  left: number;
}

export interface Change {
  organisations: Turnover;
  links: Turnover;
  /** Links in both over links in either (Jaccard); null when neither window has a link. */
  persistence: number | null;
}

export interface RankStability {
  /** Organisations present in both windows, over which ranks are compared (values equal to 12 significant digits tie). */
  organisations: number;
  spearman: number | null;
  /** Why spearman is null. */
  undefinedBecause?: string;
}

/** Organisations and links of `after` against `before`; a link is its pair of organisations. */
export function change(before: ReadableGraph, after: ReadableGraph): Change {
  const links = turnover(linkSet(before), linkSet(after));
  const union = links.entered + links.stayed + links.left;
  return {
    organisations: turnover(new Set(before.nodes()), new Set(after.nodes())),
    links,
    persistence: union === 0 ? null : links.stayed / union,
  };
}

/** Spearman's rank correlation of a measure in two windows, over the organisations in both (in id order). */
export function rankStability(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): RankStability {
  const shared = Object.keys(before)
    .filter((id) => Object.hasOwn(after, id))
    .sort();
  if (shared.length < 2) return { organisations: shared.length, spearman: null, undefinedBecause: "fewer than 2 organisations are in both windows" };
  const x = shared.map((id) => tieable(before[id] as number));
  const y = shared.map((id) => tieable(after[id] as number));
  if (constant(x) || constant(y)) return { organisations: shared.length, spearman: null, undefinedBecause: "the measure is the same for every organisation in a window" };
  return { organisations: shared.length, spearman: sampleRankCorrelation(x, y) };
}

function turnover<T>(before: ReadonlySet<T>, after: ReadonlySet<T>): Turnover {
  let stayed = 0;
  for (const item of after) if (before.has(item)) stayed++;
  return { entered: after.size - stayed, stayed, left: before.size - stayed };
}

function linkSet(graph: ReadableGraph): Set<string> {
  const links = new Set<string>();
  graph.forEachEdge((_edge, _attributes, source, target) => void links.add(source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`));
  return links;
}

const TIE_DIGITS = 12;

function tieable(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(TIE_DIGITS)) : value;
}

function constant(values: readonly number[]): boolean {
  return values.every((value) => value === values[0]);
}
