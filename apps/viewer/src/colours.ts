/**
 * Colours for categories. Organisation types and link scales have fixed colours, so that a
 * university is the same blue in every view and every screenshot; other attributes (country,
 * region, cluster, community) give their most frequent values a colour of a qualitative palette
 * (twenty colours, below) and the rest one grey, "the rest". Organisations without the attribute
 * are grey too, and the legend lists them as left out ("no country"), never as a value. The
 * legend lists every colour in use with its count. Clusters are coloured by their openness, on a
 * diverging scale (ColorBrewer's RdBu).
 */
import { UNKNOWN } from "@linkscale/core";
import { interpolateRdBu } from "d3-scale-chromatic";

/**
 * Tableau 10, then ten of Kelly's colours of maximum contrast (Kelly 1965) that stand apart from
 * them: twenty groups keep colours of their own before the rest share one grey.
 */
const PALETTE = [
  ...["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6"],
  ...["#875692", "#f3c300", "#a1caf1", "#be0032", "#c2b280", "#008856", "#0067a5", "#604e97", "#b3446c", "#8db600"],
];
/** The legend's key for the values past the palette: no value of an attribute (not even the type "other"). */
export const REST = "(the rest)";
const GREY = "#b4b4b4";

const TYPE_COLOURS: Record<string, string> = {
  university: "#4e79a7",
  research: "#76b7b2",
  firm: "#e15759",
  government: "#59a14f",
  intermediary: "#edc948",
  other: "#b07aa1",
};

const SCALE_COLOURS: Record<string, string> = {
  local: "#59a14f",
  national: "#4e79a7",
  "intra-macro-region": "#f28e2b",
  transnational: "#e15759",
  "inter-macro-region": "#e15759",
};

export interface Legend {
  title: string;
  /** Each colour's value, with the count shown under the filters and the network's (`of`, where they differ). */
  entries: Array<{ label: string; colour: string; count: number; of?: number }>;
}

export interface Colouring {
  colour(value: unknown): string;
  legend: Legend;
}

const key = (value: unknown) => (typeof value === "string" && value !== "" ? value : UNKNOWN);

/**
 * Colours for a node attribute, from the counts of its values over the network (most frequent
 * first), so that a value keeps its colour under any filter; the legend counts what `shown`
 * counts (the organisations the filters show), and the network's count beside it where it differs.
 */
export function categoryColouring(title: string, counts: ReadonlyArray<readonly [string, number]>, shown?: ReadonlyMap<string, number>): Colouring {
  const fixed = title === "type" ? TYPE_COLOURS : undefined;
  const colours = new Map<string, string>();
  const entries: Legend["entries"] = [];
  const entry = (label: string, colour: string, count: number, shownCount: number) =>
    entries.push(shownCount === count ? { label, colour, count } : { label, colour, count: shownCount, of: count });
  let [others, othersShown] = [0, 0];
  let free = 0;
  for (const [value, count] of counts) {
    const colour = value === UNKNOWN ? GREY : (fixed?.[value] ?? (free < PALETTE.length ? PALETTE[free++] : undefined));
    const shownCount = shown === undefined ? count : (shown.get(value) ?? 0);
    if (colour === undefined) {
      [others, othersShown] = [others + count, othersShown + shownCount];
      continue;
    }
    colours.set(value, colour);
    entry(value, colour, count, shownCount);
  }
  if (others > 0) entry(REST, GREY, others, othersShown);
  return { colour: (value) => colours.get(key(value)) ?? GREY, legend: { title, entries } };
}

/** Link colours by scale; scales the table does not know share the palette's later colours. */
export function scaleColouring(scales: readonly string[], counts: ReadonlyMap<string, number>): Colouring {
  const colours = new Map<string, string>();
  let free = PALETTE.length - 1;
  for (const scale of scales) colours.set(scale, scale === UNKNOWN ? GREY : (SCALE_COLOURS[scale] ?? (PALETTE[free--] as string)));
  return {
    colour: (value) => colours.get(key(value)) ?? GREY,
    legend: { title: "link scale", entries: scales.map((label) => ({ label, colour: colours.get(label) as string, count: counts.get(label) ?? 0 })) },
  };
}

/** The strength of the lightest links' colour; the heaviest are drawn at full strength. */
export const LIGHTEST_LINK_STRENGTH = 0.2;

/**
 * How strongly a link of this weight is coloured, from LIGHTEST_LINK_STRENGTH (weight near 0) to
 * 1 (the network's heaviest), on a log scale: weights (joint projects) run from 1 to hundreds,
 * most of them 1 or 2, and a linear scale would draw nearly all links equally pale.
 */
export function linkStrength(weight: number, maxWeight: number): number {
  if (!(maxWeight > 0) || !(weight > 0)) return LIGHTEST_LINK_STRENGTH;
  const share = Math.min(1, Math.log1p(weight) / Math.log1p(maxWeight));
  return LIGHTEST_LINK_STRENGTH + (1 - LIGHTEST_LINK_STRENGTH) * share;
}

/**
 * A colour mixed with white, opaque: links drawn light beneath their nodes. Not an alpha channel:
 * sigma's WebGL layers do not premultiply it, so on the page's white a translucent colour comes
 * out white.
 */
export function faded(hex: string, strength: number): string {
  const channel = (i: number) => Math.round(255 - (255 - parseInt(hex.slice(i, i + 2), 16)) * strength);
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}

/** A cluster without links: openness is not defined, and not a value on the scale. */
export const NO_OPENNESS = "#9a9a9a";

/** A cluster's colour from its weighted E-I index, −1 (all weight inside) to +1 (all outside). */
export function opennessColour(ei: number | null): string {
  return ei === null ? NO_OPENNESS : interpolateRdBu((1 - ei) / 2);
}
