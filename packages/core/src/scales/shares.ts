/**
 * Shares of links by scale, counted and weighted: for the whole network, for each organisation
 * (its own links), for each group of organisations by any node attribute (links with at least
 * one end in the group, each counted once per group), and for each year (links by the year they
 * first appear, `firstYear`). Flags of unknown places are counted beside, as `unknown:<level>`.
 */
import type { Attributes } from "graphology-types";
import { createEdgeWeightGetter } from "graphology-utils/getters.js";
import type { AnyGraph } from "../model/graph.ts";
import type { EdgeWeight } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";
import { classifyLinks, DEFAULTS as CLASSIFY_DEFAULTS, UNKNOWN_SCALE, type ClassifyOptions, type LinkScale } from "./classify.ts";

export interface ScaleShares {
  links: number;
  weight: number;
  /** Links per scale, in hierarchy order. */
  counts: Record<string, number>;
  weights: Record<string, number>;
  countShares: Record<string, number>;
  weightShares: Record<string, number>;
  /** Links flagged `unknown:<level>`. */
  flags: Record<string, number>;
}

export interface SharesOptions extends ClassifyOptions {
  getEdgeWeight: EdgeWeight;
  /** Node attributes to group organisations by (e.g. "country", "cluster", "type"). */
  groupBy: readonly string[];
}

export const DEFAULTS: SharesOptions = { ...CLASSIFY_DEFAULTS, getEdgeWeight: "weight", groupBy: [] };

export interface ScaleReport {
  /** The scales in hierarchy order. */
  scales: string[];
  network: ScaleShares;
  byOrganisation: Record<string, ScaleShares>;
  /** Attribute → group value → shares. */
  byGroup: Record<string, Record<string, ScaleShares>>;
  byYear: Record<string, ScaleShares>;
}

export function scaleShares(graph: AnyGraph, options: Partial<SharesOptions> = {}): ScaleReport {
  const settings = { ...DEFAULTS, ...options };
  const scales = [...settings.hierarchy.levels.map((l) => l.scale), settings.hierarchy.beyond, UNKNOWN_SCALE];
  const weightOf = createEdgeWeightGetter(settings.getEdgeWeight).fromMinimalEntry;
  const tally = new Tally(scales);

  for (const link of classifyLinks(graph, settings)) {
    const edge = graph.edge(link.source, link.target) as string;
    const attributes = graph.getEdgeAttributes(edge);
    const w = weightOf(edge, attributes);
    tally.add("network", link, w);
    tally.add(`o\u0000${link.source}`, link, w);
    tally.add(`o\u0000${link.target}`, link, w);
    for (const attribute of settings.groupBy) {
      const a = groupOf(graph.getNodeAttributes(link.source), attribute);
      const b = groupOf(graph.getNodeAttributes(link.target), attribute);
      tally.add(`g\u0000${attribute}\u0000${a}`, link, w);
      if (b !== a) tally.add(`g\u0000${attribute}\u0000${b}`, link, w);
    }
    const year = attributes["firstYear"];
    tally.add(`y\u0000${typeof year === "number" ? year : UNKNOWN}`, link, w);
  }

  const byOrganisation: Record<string, ScaleShares> = {};
  for (const node of graph.nodes().sort()) byOrganisation[node] = tally.shares(`o\u0000${node}`);
  const byGroup: Record<string, Record<string, ScaleShares>> = {};
  for (const attribute of settings.groupBy) {
    const groups = new Set(graph.mapNodes((_node, attributes) => groupOf(attributes, attribute)));
    byGroup[attribute] = Object.fromEntries([...groups].sort().map((group) => [group, tally.shares(`g\u0000${attribute}\u0000${group}`)]));
  }
  const years = tally.keys("y\u0000").sort();
  const byYear = Object.fromEntries(years.map((year) => [year, tally.shares(`y\u0000${year}`)]));
  return { scales, network: tally.shares("network"), byOrganisation, byGroup, byYear };
}

function groupOf(attributes: Attributes, attribute: string): string {
  const value = attributes[attribute];
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : UNKNOWN;
}

/** Counts and weights per scale under string keys. */
class Tally {
  private readonly entries = new Map<string, { counts: Float64Array; weights: Float64Array; flags: Map<string, number> }>();
  constructor(private readonly scales: readonly string[]) {}

  add(key: string, { scale, unknown }: LinkScale, weight: number): void {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = { counts: new Float64Array(this.scales.length), weights: new Float64Array(this.scales.length), flags: new Map() };
      this.entries.set(key, entry);
    }
    const i = this.scales.indexOf(scale);
    entry.counts[i] = (entry.counts[i] as number) + 1;
    entry.weights[i] = (entry.weights[i] as number) + weight;
    for (const level of unknown) entry.flags.set(`unknown:${level}`, (entry.flags.get(`unknown:${level}`) ?? 0) + 1);
  }

  keys(prefix: string): string[] {
    return [...this.entries.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
  }

  shares(key: string): ScaleShares {
    const entry = this.entries.get(key);
    const counts = entry?.counts ?? new Float64Array(this.scales.length);
    const weights = entry?.weights ?? new Float64Array(this.scales.length);
    const links = counts.reduce((s, v) => s + v, 0);
    const weight = weights.reduce((s, v) => s + v, 0);
    const record = (values: Float64Array, scale = 1) => Object.fromEntries(this.scales.map((s, i) => [s, (values[i] as number) * scale]));
    return {
      links,
      weight,
      counts: record(counts),
      weights: record(weights),
      countShares: record(counts, links > 0 ? 1 / links : 0),
      weightShares: record(weights, weight > 0 ? 1 / weight : 0),
      flags: Object.fromEntries([...(entry?.flags ?? new Map<string, number>())].sort()),
    };
  }
}
