/**
 * Shares of links by scale, counted and weighted: for the whole network, for each organisation
 * (its own links), for each group of organisations by any node attribute (links with at least
 * one end in the group, each counted once per group), and for each year (links by the year they
 * first appear, `firstYear`). Flags of unknown places are counted beside, as `unknown:<level>`.
 * One pass over the CSR's classified links into flat tallies.
 */
import type { AnyGraph } from "../model/graph.ts";
import { csrEdgeValues, toCsr, type EdgeWeight } from "../model/csr.ts";
import { UNKNOWN } from "../model/describe.ts";
import { groupIndices } from "../groups/group-index.ts";
import { classifyCsr, DEFAULTS as CLASSIFY_DEFAULTS, type ClassifyOptions } from "./classify.ts";

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
  const csr = toCsr(graph, settings.getEdgeWeight);
  const { nodes, offsets, targets, weights } = csr;
  const n = nodes.length;
  const { scales, scale, flags } = classifyCsr(graph, csr, settings);
  const levels = settings.hierarchy.levels.map((l) => l.level);
  const years = csrEdgeValues(graph, "firstYear");
  const groupings = settings.groupBy.map((attribute) => groupIndices(graph, nodes, attribute));
  const yearIndex = new Map<number, number>();

  const network = new Tally(1, scales.length, levels.length);
  const byNode = new Tally(n, scales.length, levels.length);
  const byGroup = groupings.map((g) => new Tally(g.names.length, scales.length, levels.length));
  const yearKeys: number[] = [];
  const byYear = new Tally(0, scales.length, levels.length);

  for (let u = 0; u < n; u++) {
    for (let k = offsets[u] as number; k < (offsets[u + 1] as number); k++) {
      const v = targets[k] as number;
      if (v <= u) continue;
      const s = scale[k] as number;
      const w = weights[k] as number;
      const f = flags[k] as number;
      network.add(0, s, w, f);
      byNode.add(u, s, w, f);
      byNode.add(v, s, w, f);
      groupings.forEach(({ of }, i) => {
        const tally = byGroup[i] as Tally;
        tally.add(of[u] as number, s, w, f);
        if (of[v] !== of[u]) tally.add(of[v] as number, s, w, f);
      });
      const year = Number.isNaN(years[k]) ? 0 : (years[k] as number); // 0: unknown
      let y = yearIndex.get(year);
      if (y === undefined) {
        y = yearKeys.length;
        yearIndex.set(year, y);
        yearKeys.push(year);
        byYear.grow(y + 1);
      }
      byYear.add(y, s, w, f);
    }
  }

  const shares = (tally: Tally, row: number) => tally.shares(row, scales, levels);
  const yearOrder = yearKeys.map((year, y) => [year === 0 ? UNKNOWN : String(year), y] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    scales,
    network: shares(network, 0),
    byOrganisation: Object.fromEntries(nodes.map((node, u) => [node, shares(byNode, u)])),
    byGroup: Object.fromEntries(
      settings.groupBy.map((attribute, i) => [
        attribute,
        Object.fromEntries((groupings[i]?.names ?? []).map((name, g) => [name, shares(byGroup[i] as Tally, g)])),
      ]),
    ),
    byYear: Object.fromEntries(yearOrder.map(([key, y]) => [key, shares(byYear, y)])),
  };
}

/** Counts, weights and flags per scale for rows (organisations, groups, years), in flat arrays. */
class Tally {
  private counts: Float64Array;
  private weights: Float64Array;
  private flags: Float64Array;

  constructor(
    rows: number,
    private readonly scaleCount: number,
    private readonly levelCount: number,
  ) {
    this.counts = new Float64Array(rows * scaleCount);
    this.weights = new Float64Array(rows * scaleCount);
    this.flags = new Float64Array(rows * levelCount);
  }

  grow(rows: number): void {
    const grown = (old: Float64Array, width: number) => {
      const next = new Float64Array(rows * width);
      next.set(old);
      return next;
    };
    this.counts = grown(this.counts, this.scaleCount);
    this.weights = grown(this.weights, this.scaleCount);
    this.flags = grown(this.flags, this.levelCount);
  }

  add(row: number, scale: number, weight: number, flags: number): void {
    const cell = row * this.scaleCount + scale;
    this.counts[cell] = (this.counts[cell] as number) + 1;
    this.weights[cell] = (this.weights[cell] as number) + weight;
    for (let l = 0; flags !== 0 && l < this.levelCount; l++) {
      if ((flags & (1 << l)) !== 0) this.flags[row * this.levelCount + l] = (this.flags[row * this.levelCount + l] as number) + 1;
    }
  }

  shares(row: number, scales: readonly string[], levels: readonly string[]): ScaleShares {
    const at = (values: Float64Array, i: number) => values[row * this.scaleCount + i] as number;
    let links = 0;
    let weight = 0;
    for (let i = 0; i < scales.length; i++) {
      links += at(this.counts, i);
      weight += at(this.weights, i);
    }
    const record = (values: Float64Array, scale: number) => Object.fromEntries(scales.map((s, i) => [s, at(values, i) * scale]));
    const flags: Record<string, number> = {};
    levels
      .map((level, l) => [`unknown:${level}`, this.flags[row * this.levelCount + l] as number] as const)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .forEach(([key, count]) => (flags[key] = count));
    return {
      links,
      weight,
      counts: record(this.counts, 1),
      weights: record(this.weights, 1),
      countShares: record(this.counts, links > 0 ? 1 / links : 0),
      weightShares: record(this.weights, weight > 0 ? 1 / weight : 0),
      flags,
    };
  }
}
