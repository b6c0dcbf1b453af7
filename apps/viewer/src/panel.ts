/**
 * The organisation panel: its attributes, its metrics with its rank and percentile over the
 * network, its links' shares by scale with the rules that made its local ones, and its partners
 * whose links the filters show (heaviest first, each a link to that partner's panel). All data
 * goes in as text.
 */
import { append, fill, formatCount, h } from "./dom.ts";
import { localRules, localScale, noLocalReason, ruleLabel } from "./local-rule.ts";
import type { Visibility } from "./filters.ts";
import type { Network } from "./network.ts";
import { standings, type Standing } from "./ranking.ts";

const PARTNERS_SHOWN = 50;
const ATTRIBUTES_SKIPPED = new Set(["x", "y", "mapX", "mapY", "layoutX", "layoutY", "community"]);

const number = (value: number) => (Number.isInteger(value) ? formatCount(value) : value.toPrecision(4));

/** Each measure's standings, computed once per measure's values. */
const standingsOf = new WeakMap<Record<string, number>, Map<string, Standing>>();

function standingIn(values: Record<string, number>, node: string): Standing | undefined {
  let computed = standingsOf.get(values);
  if (computed === undefined) standingsOf.set(values, (computed = standings(values)));
  return computed.get(node);
}

/** The panel of `node`; its partners are those whose link `visibility` shows. */
export function showOrganisation(panel: HTMLElement, network: Network, node: string, visibility: Visibility, open: (node: string) => void, close: () => void): void {
  const { graph } = network;
  const attributes = graph.getNodeAttributes(node);
  const rows = (entries: Array<[string, string]>) =>
    h("table", {}, h("tbody", {}, ...entries.map(([name, value]) => h("tr", {}, h("th", { scope: "row" }, name), h("td", {}, value)))));

  const description: Array<[string, string]> = [["id", node]];
  for (const [name, value] of Object.entries(attributes)) {
    if (ATTRIBUTES_SKIPPED.has(name) || name === "name" || value === undefined) continue;
    description.push([name, typeof value === "number" ? String(value) : Array.isArray(value) ? value.join("; ") : String(value)]);
  }

  const metrics: Array<[string, string]> = [["community", String(network.communities()[node])]];
  for (const name of network.centralities) {
    const values = network.centrality(name);
    const value = values?.[node];
    const label = name === "betweenness" && network.betweennessSampled ? "betweenness (estimated)" : name;
    const standing = values === undefined ? undefined : standingIn(values, node);
    const where = standing === undefined ? "" : ` · #${formatCount(standing.rank)} of ${formatCount(graph.order)}, p${Math.floor(standing.percentile)}`;
    metrics.push([label, value === undefined ? "not available" : `${number(value)}${where}`]);
  }

  const shares = network.sharesOf(node);
  const scaleRows: Array<[string, string]> =
    shares === undefined || shares.links === 0
      ? [["links", "none"]]
      : Object.keys(shares.counts).map((scale) => [
          scale,
          `${formatCount(shares.counts[scale] ?? 0)} links (${percent(shares.countShares[scale])}), weight ${percent(shares.weightShares[scale])}`,
        ]);

  const local = localScale(network);
  if (shares !== undefined && shares.links > 0) {
    const at = scaleRows.findIndex(([scale]) => scale === local);
    scaleRows.splice(at + 1, 0, [`${local} by`, localBy(network, node)]);
  }

  const all = graph.degree(node);
  const partners = graph
    .filterEdges(node, (edge, attributes, source, target) => visibility.link(edge, attributes, source, target))
    .map((edge) => {
      const [source, target] = graph.extremities(edge);
      const { weight } = graph.getEdgeAttributes(edge);
      const scale = network.scaleOf(edge);
      // A local link says by which rule: "local (same city)".
      return { partner: source === node ? target : source, weight, scale: scale === local ? `${local} (${ruleLabel(network.ruleOf(edge), network.localRule)})` : scale };
    })
    .sort((a, b) => b.weight - a.weight || a.partner.localeCompare(b.partner));
  const partnerList = h(
    "ol",
    { className: "partners" },
    ...partners.slice(0, PARTNERS_SHOWN).map(({ partner, weight, scale }) =>
      h(
        "li",
        {},
        h("a", { href: "#", onclick: (event: Event) => (event.preventDefault(), open(partner)) }, String(graph.getNodeAttribute(partner, "name") ?? partner)),
        ` ${number(weight)} · ${scale}`,
      ),
    ),
  );

  fill(
    panel,
    h("button", { className: "close", type: "button", "aria-label": "close", onclick: close }, "×"),
    h("h2", { "data-testid": "panel-name" }, String(attributes["name"] ?? node)),
    rows(description),
    h("h3", {}, "Metrics"),
    rows(metrics),
    h("h3", {}, "Links by scale"),
    h("div", { "data-testid": "panel-scales" }, rows(scaleRows)),
    h("h3", { "data-testid": "panel-partners" }, partners.length === all ? `Partners (${formatCount(all)})` : `Partners shown (${formatCount(partners.length)} of ${formatCount(all)})`),
    partnerList,
  );
  if (partners.length > PARTNERS_SHOWN) append(panel, h("p", { className: "note" }, `the ${PARTNERS_SHOWN} heaviest of ${formatCount(partners.length)} shown`));
  panel.hidden = false;
}

/** Which rules made the organisation's local links, with how many each; the rules in force when none did. */
function localBy(network: Network, node: string): string {
  const rules = localRules(network);
  const counts = new Map<string, number>(rules.map(({ rule }) => [rule, 0]));
  network.graph.forEachEdge(node, (edge) => {
    const rule = network.ruleOf(edge);
    if (counts.has(rule)) counts.set(rule, (counts.get(rule) as number) + 1);
  });
  const label = (rule: string) => ruleLabel(rule, network.localRule);
  const made = rules.filter(({ rule }) => (counts.get(rule) as number) > 0);
  if (made.length === 0) return noLocalReason(network) ?? `none: no partner is ${rules.map(({ rule }) => label(rule)).join(" or ")}`;
  return made.map(({ rule }) => `${label(rule)} ${formatCount(counts.get(rule) as number)}`).join(", ");
}

function percent(share: number | undefined): string {
  return share === undefined || !Number.isFinite(share) ? "–" : `${(100 * share).toFixed(1)} %`;
}
