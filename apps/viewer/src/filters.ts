/**
 * Which organisations and links the view shows. An organisation is shown when its type and its
 * country are among those chosen (and, in map mode, when it has coordinates) and, under a year
 * window, when it has a link active in the window (the core's `linkWindow`, so a window shows who
 * takes part in it, and stepping through the years shows who enters and leaves); a link when both
 * its ends are shown, its scale is chosen, its years overlap the year window (the core's
 * `isActiveIn`, the rule of its time slices) and its weight reaches the minimum. The renderer's
 * reducers and the visible counts use these same predicates, so the counts are what is drawn.
 * The links of each scale are counted under every other filter too, so that the legend says what
 * each scale holds in the window, weight and types shown, whichever scales are chosen.
 *
 * Three more narrow the organisations: a minimum number of partners (in the whole network, so
 * that the filter does not chase itself), the neighbourhood of the organisation whose panel is
 * open (it and its partners), and hiding the organisations left without a link shown, once every
 * other filter has decided the links.
 */
import { isActiveIn, UNKNOWN, type LinkAttributes, type OrganisationAttributes } from "@linkscale/core";
import type { Network } from "./network.ts";
import type { ViewState } from "./state.ts";

export interface Visibility {
  /** Equal for equal filters: the links shown are the same. */
  key: string;
  node(id: string): boolean;
  link(edge: string, attributes: LinkAttributes, source: string, target: string): boolean;
  organisations: number;
  links: number;
  /** Per scale, the links every filter but the scales' lets through: those shown, where the scale is chosen. */
  linksByScale: Map<string, number>;
}

/**
 * With more links than this, the default minimum weight hides the lightest, so the view stays
 * fluid: where WebGL runs on the CPU, a frame of 100,000 links takes about a second to draw.
 */
export const LINK_BUDGET = 100_000;

const category = (value: unknown) => (typeof value === "string" && value !== "" ? value : UNKNOWN);

export function hasCoordinates(attributes: OrganisationAttributes): boolean {
  return typeof attributes.lat === "number" && typeof attributes.lon === "number";
}

export function visibility(network: Network, state: ViewState): Visibility {
  const { graph } = network;
  const types = state.types === undefined ? undefined : new Set(state.types);
  const countries = state.countries === undefined ? undefined : new Set(state.countries);
  const scales = state.scales === undefined ? undefined : new Set(state.scales);
  const minWeight = state.minWeight ?? defaultMinWeight(network);
  const years = state.years;

  const minDegree = state.minDegree ?? 0;
  const around = state.neighbourhood === true && state.selected !== undefined && graph.hasNode(state.selected) ? state.selected : undefined;
  const hidden = new Set<string>();
  graph.forEachNode((node, attributes) => {
    const shown =
      (types === undefined || types.has(category(attributes.type))) &&
      (countries === undefined || countries.has(category(attributes.country))) &&
      (state.mode !== "map" || hasCoordinates(attributes)) &&
      graph.degree(node) >= minDegree &&
      (around === undefined || node === around || graph.areNeighbors(node, around));
    if (!shown) hidden.add(node);
  });
  if (years !== undefined) {
    const active = new Set<string>();
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (isActiveIn(attributes, years)) active.add(source).add(target);
    });
    graph.forEachNode((node) => void (active.has(node) || hidden.add(node)));
  }
  const node = (id: string) => !hidden.has(id);
  const anyScale = (attributes: LinkAttributes, source: string, target: string) =>
    !hidden.has(source) && !hidden.has(target) && attributes.weight >= minWeight && (years === undefined || isActiveIn(attributes, years));
  const link = (edge: string, attributes: LinkAttributes, source: string, target: string) =>
    anyScale(attributes, source, target) && (scales === undefined || scales.has(network.scaleOf(edge)));

  let links = 0;
  const linksByScale = new Map<string, number>(network.scales.map((scale) => [scale, 0]));
  const linked = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (!anyScale(attributes, source, target)) return;
    const scale = network.scaleOf(edge);
    linksByScale.set(scale, (linksByScale.get(scale) ?? 0) + 1);
    if (scales !== undefined && !scales.has(scale)) return;
    links++;
    linked.add(source).add(target);
  });
  // Hiding an organisation without a link shown hides no link, so the links stand as counted.
  if (state.hideIsolated === true) graph.forEachNode((node) => void (linked.has(node) || hidden.add(node)));
  // The local rule is in the key: under another, the same scales hold other links.
  const key = JSON.stringify([state.mode, state.types, state.countries, state.scales, minWeight, years, network.localRule, minDegree, around, state.hideIsolated]);
  return { key, node, link, organisations: graph.order - hidden.size, links, linksByScale };
}

/**
 * The smallest whole weight that leaves at most LINK_BUDGET links (0, all of them, when there
 * are fewer), so that the full Horizon 2020 network opens navigable; the user can change it.
 */
export function defaultMinWeight(network: Network): number {
  const { graph } = network;
  if (graph.size <= LINK_BUDGET) return 0;
  const counts = new Map<number, number>();
  graph.forEachEdge((_edge, { weight }) => {
    const whole = Math.floor(weight);
    counts.set(whole, (counts.get(whole) ?? 0) + 1);
  });
  let remaining = graph.size;
  for (const whole of [...counts.keys()].sort((a, b) => a - b)) {
    if (remaining <= LINK_BUDGET) return whole;
    remaining -= counts.get(whole) as number;
  }
  return Math.floor(network.maxWeight);
}
