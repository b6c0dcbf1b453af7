/**
 * The legend beside the network: the organisations' colours with the counts the filters show (and
 * the network's, where they differ), and the link
 * scales, each with the links it holds under every other filter (year window, minimum weight,
 * types, countries: filters.ts). A scale's entry is a button: a click shows that scale alone, and a
 * click on the scale shown alone shows them all again; scales hidden are greyed, their counts
 * still saying what they would show. A note says how weight is drawn: as colour strength.
 */
import { mainScale, UNKNOWN } from "@linkscale/core";
import type { ShownClusters } from "./clusters.ts";
import { faded, linkStrength, NO_OPENNESS, opennessColour, REST, type Colouring, type Legend } from "./colours.ts";
import { formatCount, h } from "./dom.ts";

/**
 * The colours' legend. With `pick`, each coloured value is a button that shows its organisations
 * (the view fits them); `nameOf` adds a name to a value (a community's, from its leading member).
 */
export function nodeLegend({ title, entries }: Legend, options: { nameOf?: (value: string) => string | undefined; pick?: (value: string) => void } = {}): HTMLElement {
  const { nameOf, pick } = options;
  return h(
    "div",
    { className: "legend", "data-testid": "legend-node" },
    h("h3", {}, title),
    ...entries.map(({ label, colour, count, of }) => {
      const name = nameOf?.(label);
      const clickable = pick !== undefined && label !== REST && label !== UNKNOWN;
      return h(
        clickable ? "button" : "div",
        {
          className: "entry",
          "data-testid": `legend-node-${label}`,
          "data-count": count,
          ...(clickable ? { type: "button", title: `show the organisations of ${name ?? label}`, onclick: () => pick(label) } : {}),
        },
        h("span", { className: "swatch node", style: `background:${colour}` }),
        name === undefined ? ` ${nodeLabel(title, label)} ` : h("span", { className: "name" }, ` ${label} · ${name} `),
        h("span", { className: "count" }, of === undefined ? formatCount(count) : `${formatCount(count)} of ${formatCount(of)}`),
      );
    }),
    pick === undefined ? null : h("p", { className: "note" }, "click a colour to show its organisations"),
  );
}

/** An entry's text: organisations without the attribute are left out, never a value called "unknown". */
function nodeLabel(title: string, label: string): string {
  if (label === UNKNOWN) return `no ${title}`;
  return label === REST ? "the rest" : label;
}

/** The links whose scale the data cannot decide (an end without a country): left out of the scales. */
export const NO_SCALE = "no scale (an end without country)";

/** The scales to show after a click on `scale`'s entry, with `chosen` shown now (undefined: all). */
export function scalesAfterClick(scale: string, chosen: readonly string[] | undefined): string[] | undefined {
  return chosen?.length === 1 && chosen[0] === scale ? undefined : [scale];
}

export function scaleLegend({ title, entries }: Legend, chosen: readonly string[] | undefined, maxWeight: number, choose: (scales: string[] | undefined) => void): HTMLElement {
  const shown = (scale: string) => chosen === undefined || chosen.includes(scale);
  const weightSwatch = (weight: number) => h("span", { className: "swatch link", style: `background:${faded("#555555", linkStrength(weight, maxWeight))}` });
  const heaviest = Number.isInteger(maxWeight) ? formatCount(maxWeight) : maxWeight.toPrecision(3);
  return h(
    "div",
    { className: "legend", "data-testid": "legend-link" },
    h("h3", {}, title),
    ...entries.map(({ label, colour, count }) =>
      h(
        "button",
        {
          type: "button",
          className: shown(label) ? "entry scale" : "entry scale off",
          "data-testid": `legend-scale-${label}`,
          "data-count": count,
          "aria-pressed": String(shown(label)),
          title: chosen?.length === 1 && chosen[0] === label ? "show every scale" : `show ${label === UNKNOWN ? "the links without a scale" : `${label} links`} alone`,
          onclick: () => choose(scalesAfterClick(label, chosen)),
        },
        h("span", { className: "swatch link", style: `background:${colour}` }),
        ` ${label === UNKNOWN ? NO_SCALE : label} `,
        h("span", { className: "count" }, formatCount(count)),
      ),
    ),
    h("p", { className: "note" }, "drawn finest on top; click a scale to show it alone, again for all"),
    h("p", { className: "note weight", "data-testid": "legend-weight" }, "weight as colour strength (log scale): ", weightSwatch(1), " 1 … ", weightSwatch(maxWeight), ` ${heaviest}`),
  );
}

/** The openness values the clusters legend shows a colour for, from all inside to all out. */
const OPENNESS_STEPS: ReadonlyArray<[number, string]> = [
  [-1, "−1 all inside"],
  [-0.5, "−0.5"],
  [0, "0 as much out as in"],
  [0.5, "+0.5"],
  [1, "+1 all out to other clusters"],
];

/**
 * Clusters mode's legend: what makes a cluster (and why it was chosen), how many clusters and
 * their organisations are shown, who is left out and by which rule, the openness colours (with the
 * clusters without links, whose openness is not defined), the clusters the map cannot place, and
 * how cluster links are coloured, with their count per scale.
 */
export function clusterLegend(shown: ShownClusters, unplaced: readonly string[], linkColour: Colouring): HTMLElement {
  const { grouping, network } = shown;
  const clusters = Object.values(network.clusters);
  const organisations = clusters.reduce((sum, cluster) => sum + cluster.members, 0);
  const undefinedOpenness = clusters.filter((cluster) => cluster.openness.weighted.EI === null).length;
  const byScale = new Map<string, number>();
  for (const link of network.links) byScale.set(mainScale(link), (byScale.get(mainScale(link)) ?? 0) + 1);
  const { excluded } = network;
  return h(
    "div",
    { className: "legend", "data-testid": "legend-clusters" },
    h("h3", {}, "clusters"),
    h(
      "p",
      { "data-testid": "cluster-count", "data-count": clusters.length, "data-links": network.links.length },
      `${formatCount(clusters.length)} clusters of ${formatCount(organisations)} organisations shown, ${formatCount(network.links.length)} links between them`,
    ),
    h("p", { className: "note", "data-testid": "cluster-rule" }, `${grouping.rule}${grouping.chosen === null ? "" : ` (chosen: ${grouping.chosen})`}`),
    h(
      "p",
      { className: "note", "data-testid": "cluster-excluded", "data-count": excluded.organisations },
      `left out: ${formatCount(excluded.organisations)} organisations shown in no cluster, with ${formatCount(excluded.links)} links; ${excluded.rule}`,
    ),
    h("h3", {}, "openness (E-I index, weighted)"),
    ...OPENNESS_STEPS.map(([ei, label]) => h("div", { className: "entry" }, h("span", { className: "swatch node ringed", style: `background:${opennessColour(ei)}` }), ` ${label}`)),
    undefinedOpenness > 0
      ? h("div", { className: "entry" }, h("span", { className: "swatch node ringed", style: `background:${NO_OPENNESS}` }), ` n/a: no link shown `, h("span", { className: "count" }, formatCount(undefinedOpenness)))
      : null,
    h("p", { className: "note" }, "size: members shown; click a cluster for its members, gatekeepers and partners"),
    unplaced.length > 0
      ? h("p", { className: "note", "data-testid": "clusters-unplaced", "data-count": unplaced.length }, `not on the map (no member with coordinates): ${unplaced.join(", ")}`)
      : null,
    h("h3", {}, "cluster links, by the scale that carries most of their weight"),
    ...linkColour.legend.entries
      .filter(({ label }) => byScale.has(label))
      .map(({ label, colour }) =>
        h(
          "div",
          { className: "entry", "data-testid": `cluster-links-${label}`, "data-count": byScale.get(label) },
          h("span", { className: "swatch link", style: `background:${colour}` }),
          ` ${label === UNKNOWN ? NO_SCALE : label} `,
          h("span", { className: "count" }, formatCount(byScale.get(label) ?? 0)),
        ),
      ),
    h("p", { className: "note" }, "width: their joint weight"),
  );
}
