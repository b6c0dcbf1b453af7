/**
 * A cluster's panel: what makes it a cluster, its members shown (by type and country, those
 * without one counted apart), its links inside, to other clusters and to organisations in no
 * cluster, its openness (E-I, counted and weighted), its gatekeepers, the clusters it links to
 * (heaviest first, with the scale that carries most of each link) and its members. Organisations
 * and clusters named here open their own panels. All data goes in as text.
 */
import { mainScale, type Cluster, type Openness } from "@linkscale/core";
import type { ShownClusters } from "./clusters.ts";
import { append, fill, formatCount, h } from "./dom.ts";

const PARTNERS_SHOWN = 20;
const MEMBERS_SHOWN = 200;

export interface ClusterPanelActions {
  /** Opens an organisation's panel (in graph mode). */
  organisation(node: string): void;
  cluster(name: string): void;
  close(): void;
}

const number = (value: number) => (Number.isInteger(value) ? formatCount(value) : value.toPrecision(4));
const percent = (share: number) => `${(100 * share).toFixed(0)} %`;

/** An E-I index in words: the index, then which way the links run. */
export function opennessText({ E, I, EI }: Openness): string {
  if (EI === null) return "n/a (no links inside or out)";
  const way = EI > 0 ? "more out to other clusters than inside" : EI < 0 ? "more inside than out" : "as much inside as out";
  return `${EI >= 0 ? "+" : "−"}${Math.abs(EI).toFixed(2)} (${number(E)} out, ${number(I)} inside: ${way})`;
}

const tally = (counts: Readonly<Record<string, number>>, without: number, what: string) =>
  [
    ...Object.entries(counts)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([value, count]) => `${value} ${formatCount(count)}`),
    ...(without > 0 ? [`${formatCount(without)} without ${what}`] : []),
  ].join(", ") || "none";

export function showCluster(panel: HTMLElement, shown: ShownClusters, name: string, nameOf: (node: string) => string, actions: ClusterPanelActions): void {
  const cluster = shown.network.clusters[name] as Cluster;
  const rows = (entries: Array<[string, Node | string]>) =>
    h("table", {}, h("tbody", {}, ...entries.map(([label, value]) => h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, value)))));
  const link = (text: string, open: () => void) => h("a", { href: "#", onclick: (event: Event) => (event.preventDefault(), open()) }, text);
  const organisation = (node: string) => link(nameOf(node), () => actions.organisation(node));

  const partners = shown.network.links
    .filter(({ source, target }) => source === name || target === name)
    .sort((a, b) => b.weight - a.weight || (a.source === name ? a.target : a.source).localeCompare(b.source === name ? b.target : b.source));
  const members = [...(shown.members.get(name) ?? [])].sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.localeCompare(b));
  const place = shown.positions[name];

  fill(
    panel,
    h("button", { className: "close", type: "button", "aria-label": "close", onclick: actions.close }, "×"),
    h("h2", { "data-testid": "panel-name" }, name),
    h("p", { className: "note" }, `a cluster: ${shown.grouping.rule}`),
    rows([
      ["members shown", h("span", { "data-testid": "cluster-members", "data-count": cluster.members }, formatCount(cluster.members))],
      ["by type", tally(cluster.byType, cluster.withoutType, "a type")],
      ["by country", tally(cluster.byCountry, cluster.withoutCountry, "a country")],
      ["place", place === undefined ? "n/a (no member has coordinates)" : `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)} (mean of ${formatCount(place.located)} located members)`],
    ]),
    h("h3", {}, "Links"),
    rows([
      ["inside", `${formatCount(cluster.internalLinks)} (weight ${number(cluster.internalWeight)})`],
      ["density inside", cluster.density === null ? "n/a (one member)" : cluster.density.toFixed(3)],
      ["to other clusters", `${formatCount(cluster.externalLinks)} (weight ${number(cluster.externalWeight)})`],
      ["to no cluster", `${formatCount(cluster.excludedLinks)} (weight ${number(cluster.excludedWeight)}): neither inside nor out`],
    ]),
    h("h3", {}, "Openness (E-I index)"),
    h(
      "div",
      { "data-testid": "cluster-openness", "data-weighted": String(cluster.openness.weighted.EI), "data-counted": String(cluster.openness.counted.EI) },
      rows([
        ["weighted", opennessText(cluster.openness.weighted)],
        ["counted", opennessText(cluster.openness.counted)],
      ]),
    ),
    h("h3", {}, "Gatekeepers"),
    cluster.gatekeepers.length === 0
      ? h("p", { className: "note" }, "none: no weight to other clusters")
      : h(
          "ol",
          { "data-testid": "cluster-gatekeepers" },
          ...cluster.gatekeepers.map((carrier) => h("li", {}, organisation(carrier.organisation), ` carries ${percent(carrier.share)} of its weight out`)),
        ),
    h("h3", { "data-testid": "cluster-partners", "data-count": partners.length }, `Linked clusters (${formatCount(partners.length)})`),
    h(
      "ol",
      { className: "partners" },
      ...partners.slice(0, PARTNERS_SHOWN).map((pair) => {
        const other = pair.source === name ? pair.target : pair.source;
        return h("li", {}, link(other, () => actions.cluster(other)), ` ${formatCount(pair.links)} links, weight ${number(pair.weight)} · mostly ${mainScale(pair)}`);
      }),
    ),
    partners.length > PARTNERS_SHOWN ? h("p", { className: "note" }, `the ${PARTNERS_SHOWN} heaviest of ${formatCount(partners.length)}`) : null,
    h("h3", {}, `Members (${formatCount(members.length)})`),
    h("ul", { className: "members", "data-testid": "cluster-member-list" }, ...members.slice(0, MEMBERS_SHOWN).map((node) => h("li", {}, organisation(node)))),
  );
  if (members.length > MEMBERS_SHOWN) append(panel, h("p", { className: "note" }, `the first ${MEMBERS_SHOWN} of ${formatCount(members.length)}, by name`));
  panel.hidden = false;
}
