/**
 * The network shown, in numbers: organisations and links under the filters, density, connected
 * components, the modularity of the communities the viewer colours by (the whole network's seeded
 * Louvain communities, measured on the links shown), links per scale, and the E-I index (its
 * openness: −1 closed, +1 tied only outward) for each grouping the data has. Each computed by
 * @linkscale/core on the part of the network the filters show; a value the shown part leaves
 * undefined says why.
 */
import { connectedComponents, createAllianceGraph, eiIndex, modularity, type AllianceGraph } from "@linkscale/core";
import { formatCount, h } from "./dom.ts";
import type { Visibility } from "./filters.ts";
import type { Network } from "./network.ts";

/** The groupings an E-I index is given for, where organisations carry them. */
const GROUPINGS = ["type", "country", "region", "cluster"] as const;

export interface ShownStatistics {
  organisations: number;
  links: number;
  /** Links over possible links; null under two organisations. */
  density: number | null;
  components: number;
  largestComponent: number;
  isolated: number;
  /** Weighted modularity of the communities; null without links. */
  modularity: number | null;
  linksByScale: Array<[string, number]>;
  /** Per grouping: the network's E-I (counted), and the links left out for an end without a value. */
  ei: Array<{ grouping: string; EI: number | null; E: number; I: number; excluded: number }>;
}

/** The organisations and links the filters show, as a graph of its own. */
export function shownGraph(network: Network, visibility: Visibility): AllianceGraph {
  const shown = createAllianceGraph();
  network.graph.forEachNode((node, attributes) => {
    if (visibility.node(node)) shown.addNode(node, attributes);
  });
  network.graph.forEachEdge((edge, attributes, source, target) => {
    if (visibility.link(edge, attributes, source, target)) shown.addEdgeWithKey(edge, source, target, attributes);
  });
  return shown;
}

export function shownStatistics(network: Network, visibility: Visibility): ShownStatistics {
  network.communities();
  const graph = shownGraph(network, visibility);
  const n = graph.order;
  const { count, sizes } = connectedComponents(graph);
  const linksByScale = new Map<string, number>(network.scales.map((scale) => [scale, 0]));
  graph.forEachEdge((edge) => {
    const scale = network.scaleOf(edge);
    linksByScale.set(scale, (linksByScale.get(scale) ?? 0) + 1);
  });
  const groupings = GROUPINGS.filter((grouping) => graph.someNode((_node, attributes) => typeof attributes[grouping] === "string" && attributes[grouping] !== ""));
  return {
    organisations: n,
    links: graph.size,
    density: n < 2 ? null : (2 * graph.size) / (n * (n - 1)),
    components: count,
    largestComponent: sizes.reduce((largest, size) => Math.max(largest, size), 0),
    isolated: graph.filterNodes((node) => graph.degree(node) === 0).length,
    modularity: graph.size === 0 ? null : modularity(graph, "community"),
    linksByScale: [...linksByScale],
    ei: groupings.map((grouping) => {
      const { counted, excluded } = eiIndex(graph, { groupBy: grouping }).network;
      return { grouping, EI: counted.EI, E: counted.E, I: counted.I, excluded: excluded.links };
    }),
  };
}

const fixed = (value: number | null, digits: number, why: string) => (value === null ? `n/a (${why})` : value.toFixed(digits));

export function statisticsTable(stats: ShownStatistics): HTMLElement {
  const share = (count: number) => (stats.links === 0 ? "" : ` (${((100 * count) / stats.links).toFixed(1)}%)`);
  const rows: Array<[string, string, string]> = [
    ["organisations", formatCount(stats.organisations), "stat-organisations"],
    ["links", formatCount(stats.links), "stat-links"],
    ["density", fixed(stats.density, 5, "fewer than two organisations"), "stat-density"],
    ["components", `${formatCount(stats.components)}; the largest ${formatCount(stats.largestComponent)}, ${formatCount(stats.isolated)} without a link`, "stat-components"],
    ["modularity", fixed(stats.modularity, 3, "no links shown"), "stat-modularity"],
    ...stats.linksByScale.map(([scale, count]): [string, string, string] => [`${scale} links`, `${formatCount(count)}${share(count)}`, `stat-scale-${scale}`]),
    ...stats.ei.map(({ grouping, EI, E, I, excluded }): [string, string, string] => [
      `E-I by ${grouping}`,
      `${fixed(EI, 3, "no links between organisations with one")}: ${formatCount(E)} links out, ${formatCount(I)} in${excluded > 0 ? `; ${formatCount(excluded)} left out, an end without a ${grouping}` : ""}`,
      `stat-ei-${grouping}`,
    ]),
  ];
  return h(
    "table",
    { className: "statistics" },
    h("tbody", {}, ...rows.map(([name, value, testId]) => h("tr", {}, h("th", { scope: "row" }, name), h("td", { "data-testid": testId }, value)))),
  );
}
