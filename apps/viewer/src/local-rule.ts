/**
 * How "local" was decided, in words the page shows wherever local links are counted: the rules
 * in force that make a link local (the same region; where a region is unknown, the same city, the
 * same admin1 region and within N km), each with the links it decided and, as a tooltip, the
 * core's description of it; and, where no link is local, why not. A count of local links without its rule reads as a
 * finding ("no local collaboration") when it may only say the data has no regions.
 */
import type { ScaleRule } from "@linkscale/core";
import { formatCount, h } from "./dom.ts";
import type { LocalRule, Network } from "./network.ts";

/** A rule's short name: "same region", "same city", "same admin1 region", "within 50 km", "same country", "across countries", "country unknown". */
export function ruleLabel(rule: string, localRule: LocalRule): string {
  if (rule === "city") return "same city";
  if (rule === "admin1") return "same admin1 region";
  if (rule === "distance") return `within ${formatKm(localRule.withinKm ?? NaN)} km`;
  if (rule === "beyond") return "across countries";
  if (rule === "none") return "country unknown";
  return `same ${rule}`;
}

const formatKm = (km: number) => km.toLocaleString("en-GB", { maximumFractionDigits: 3 });

/** The finest scale ("local"): the one the rules below decide. */
export const localScale = (network: Network): string => network.scales[0] as string;

/** The rules in force that make a link local, in the order they are tried. */
export function localRules(network: Network): ScaleRule[] {
  const local = localScale(network);
  return network.rules.filter(({ scale }) => scale === local);
}

/** "local: same region 0, same city 310". */
export function localSummary(network: Network): string {
  const parts = localRules(network).map(({ rule, links }) => `${ruleLabel(rule, network.localRule)} ${formatCount(links)}`);
  return `${localScale(network)}: ${parts.join(", ")}`;
}

/** Why no link is local, in words; undefined when some are. */
export function noLocalReason(network: Network): string | undefined {
  const rules = localRules(network);
  if (rules.some(({ links }) => links > 0)) return undefined;
  const { sameCity, admin1, withinKm } = network.localRule;
  const reasons = [network.regionsKnown === 0 ? "regions are unknown" : "no two partners share a region"];
  reasons.push(sameCity ? "no two partners share a city where a region is unknown" : "the same-city rule is off");
  // The admin1 rule is worth naming only where the data could have made it decide.
  if (admin1) reasons.push("no two partners share an admin1 region where a region is unknown");
  else if (network.admin1Known > 0) reasons.push("the admin1 rule is off");
  if (withinKm !== undefined) reasons.push(`no two partners are within ${formatKm(withinKm)} km where a region is unknown`);
  const last = reasons.pop() as string;
  return `no link is ${localScale(network)}: ${reasons.length > 0 ? `${reasons.join(", ")} and ${last}` : last}`;
}

/**
 * The line shown beside a count of local links: each rule with its links (its description as a
 * tooltip), or why none is local. Data never enters it: rule names and descriptions come from the
 * core, and everything goes in as text.
 */
export function localRuleLine(network: Network, testId: string): HTMLElement {
  const reason = noLocalReason(network);
  if (reason !== undefined) return h("p", { className: "rule none", "data-testid": testId, "data-local": 0 }, reason);
  const rules = localRules(network);
  const parts = rules.flatMap(({ rule, links, description }, i) => [
    i === 0 ? "" : ", ",
    h("span", { title: description, "data-rule": rule }, `${ruleLabel(rule, network.localRule)} ${formatCount(links)}`),
  ]);
  const total = rules.reduce((sum, { links }) => sum + links, 0);
  return h("p", { className: "rule", "data-testid": testId, "data-local": total }, `${localScale(network)}: `, ...parts);
}

/** Every rule in force, in the order tried, with its scale, its links and its meaning in words. */
export function rulesInForce(network: Network): HTMLElement {
  return h(
    "details",
    { className: "rules" },
    h("summary", {}, "how each link's scale was decided"),
    h(
      "dl",
      { "data-testid": "rules" },
      ...network.rules.flatMap(({ rule, scale, links, description }) => [
        h("dt", {}, `${scale}: ${ruleLabel(rule, network.localRule)} `, h("span", { className: "count" }, formatCount(links))),
        h("dd", {}, description),
      ]),
    ),
  );
}
