/**
 * How far links reach: the great-circle length of every link whose ends both have coordinates,
 * and the distance-decay profile: links counted in logarithmic distance bins (`binsPerDecade`
 * per factor of ten, from 1 km; shorter links fall in a first 0–1 km bin), with the density of
 * links per km in each bin, and the slope of the log–log tail, fitted by ordinary least squares
 * to log10(density) against log10(bin centre), the centre being the geometric mean of the bin's
 * edges. A slope near −1 to −2 is the gravity-like decay the literature reports (e.g. Hoekman,
 * Frenken & van Oort 2009, "The geography of collaborative knowledge production in Europe",
 * Annals of Regional Science 43(3)).
 *
 * Which bins make the tail, by a rule the result names (`tail.rule`):
 * - by default, from the modal bin on: the bin holding the most links (the mode of the link-length
 *   histogram on log bins; the shortest such bin on a tie), not the bin of highest density. Links
 *   per km fall with the bin's width below the mode too, so a fit from the densest bin (often the
 *   0–1 km bin) mixes the rise towards the mode with the decay past it;
 * - with `tailFromKm`, the bins whose lower edge is at least that many km.
 * Either way only non-empty bins count (an empty bin has no log density), and never the 0–1 km
 * bin (no log centre); with fewer than `minTailBins` such bins the tail is null. Two points would
 * always be fitted exactly (R² = 1), hence a default of three.
 */
import type { ReadableGraph } from "../model/graph.ts";
import { createEdgeWeightGetter } from "graphology-utils/getters.js";
import type { EdgeWeight } from "../model/csr.ts";
import { greatCircleKm } from "./distance.ts";

export interface DistanceDecayOptions {
  binsPerDecade: number;
  /** Fit the tail over the bins from this many km (a bin's lower edge) instead of from the modal bin. */
  tailFromKm?: number;
  /** Fewest non-empty bins a tail is fitted over; fewer give a null tail. */
  minTailBins: number;
  getEdgeWeight: EdgeWeight;
}

export const DEFAULTS: DistanceDecayOptions = { binsPerDecade: 4, minTailBins: 3, getEdgeWeight: "weight" };

/** The rule that chose the tail's bins when no `tailFromKm` is given. */
export const MODAL_TAIL_RULE = "from the modal bin (most links) on";

export interface DistanceBin {
  fromKm: number;
  toKm: number;
  links: number;
  weight: number;
  /** Links per km of the bin's width. */
  density: number;
}

export interface DistanceDecay {
  /** Links with coordinates at both ends, and those without. */
  measured: number;
  unmeasured: number;
  meanKm: number | null;
  medianKm: number | null;
  bins: DistanceBin[];
  /** The log–log fit past the mode (or from `tailFromKm`); null with fewer than `minTailBins` bins. */
  tail: DistanceTail | null;
}

export interface DistanceTail {
  /** Lower edge of the first fitted bin and upper edge of the last, in km. */
  fromKm: number;
  toKm: number;
  /** Non-empty bins fitted. */
  bins: number;
  /** d log10(links per km) / d log10(km). */
  slope: number;
  /** log10 density at 1 km on the fitted line. */
  intercept: number;
  rSquared: number;
  /** Which rule chose the bins: MODAL_TAIL_RULE, or "from tailFromKm = X km". */
  rule: string;
}

function coordinates(attributes: Record<string, unknown>): [number, number] | undefined {
  const { lat, lon } = attributes;
  return typeof lat === "number" && typeof lon === "number" ? [lat, lon] : undefined;
}

/** Link lengths in km, sorted by (source, target); links without coordinates are left out. */
export function linkDistances(graph: ReadableGraph): Array<{ source: string; target: string; km: number }> {
  const result: Array<{ source: string; target: string; km: number }> = [];
  graph.forEachEdge((_edge, _attributes, a, b, aAttributes, bAttributes) => {
    const p = coordinates(aAttributes);
    const q = coordinates(bAttributes);
    const [source, target] = a < b ? [a, b] : [b, a];
    if (p && q) result.push({ source, target, km: greatCircleKm(p[0], p[1], q[0], q[1]) });
  });
  return result.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : 1));
}

export function distanceDecay(graph: ReadableGraph, options: Partial<DistanceDecayOptions> = {}): DistanceDecay {
  const { binsPerDecade, tailFromKm, minTailBins, getEdgeWeight } = { ...DEFAULTS, ...options };
  const weightOf = createEdgeWeightGetter(getEdgeWeight).fromMinimalEntry;
  const links = linkDistances(graph);
  const kms = links.map((l) => l.km).sort((a, b) => a - b);
  const binOf = (km: number) => (km < 1 ? 0 : 1 + Math.floor(Math.log10(km) * binsPerDecade + 1e-12));
  const last = kms.length > 0 ? binOf(kms[kms.length - 1] as number) : -1;
  const bins: DistanceBin[] = Array.from({ length: last + 1 }, (_, i) => {
    const fromKm = i === 0 ? 0 : 10 ** ((i - 1) / binsPerDecade);
    return { fromKm, toKm: 10 ** (i / binsPerDecade), links: 0, weight: 0, density: 0 };
  });
  for (const { source, target, km } of links) {
    const bin = bins[binOf(km)] as DistanceBin;
    bin.links++;
    bin.weight += weightOf(graph.edge(source, target) as string, graph.getEdgeAttributes(source, target));
  }
  for (const bin of bins) bin.density = bin.links / (bin.toKm - bin.fromKm);

  const modal = bins.reduce((best, bin, i) => (bin.links > (bins[best]?.links ?? -1) ? i : best), 0);
  const tailBins = bins.filter((bin, i) => bin.links > 0 && i > 0 && (tailFromKm === undefined ? i >= modal : bin.fromKm >= tailFromKm));
  const line = tailBins.length >= Math.max(2, minTailBins) ? fit(tailBins.map((bin) => [Math.log10(Math.sqrt(bin.fromKm * bin.toKm)), Math.log10(bin.density)])) : null;
  const rule = tailFromKm === undefined ? MODAL_TAIL_RULE : `from tailFromKm = ${tailFromKm} km`;
  return {
    measured: links.length,
    unmeasured: graph.size - links.length,
    meanKm: kms.length > 0 ? kms.reduce((s, v) => s + v, 0) / kms.length : null,
    medianKm: kms.length === 0 ? null : kms.length % 2 === 1 ? (kms[(kms.length - 1) / 2] as number) : ((kms[kms.length / 2 - 1] as number) + (kms[kms.length / 2] as number)) / 2,
    bins,
    tail:
      line === null
        ? null
        : { fromKm: (tailBins[0] as DistanceBin).fromKm, toKm: (tailBins[tailBins.length - 1] as DistanceBin).toKm, bins: tailBins.length, ...line, rule },
  };
}

/** Ordinary least squares of y on x over two or more points. */
function fit(points: Array<[number, number]>): { slope: number; intercept: number; rSquared: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, rSquared: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) };
}
