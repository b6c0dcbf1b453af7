/**
 * Brokerage: Gould & Fernandez's five roles across each `groupBy` attribute, as network totals
 * against their expected counts under random group labels, with the organisations that broker
 * most; and Burt's structural holes, by the organisations with the largest effective size.
 */
import { ROLES, type Role } from "@linkscale/core";
import { highestEntries } from "../../organisation-tables.ts";
import type { Report } from "../../report.ts";
import { TOP_ORGANISATIONS, type SectionContext } from "../context.ts";
import { fixed, html, integer, measure, table, type Html } from "../markup.ts";

/** sna's role codes as Gould & Fernandez name them, and who is brokering for whom. */
const ROLES_EXPLAINED: Record<Role, [string, string]> = {
  w_I: ["coordinator", "all three in one group"],
  w_O: ["itinerant", "broker outside the group of the other two"],
  b_IO: ["representative", "broker carries its own group's tie out"],
  b_OI: ["gatekeeper", "broker lets an outside tie into its group"],
  b_O: ["liaison", "all three in different groups"],
  t: ["total", "all roles"],
};

export function brokerageSection(report: Report, { organisation }: SectionContext): Html {
  const brokerage = report.results.brokerage;
  if (brokerage === undefined) return html``;
  const roles = Object.entries(brokerage.roles).map(([groupBy, result]) => {
    const totals = table(
      ["role", "", "count", "expected", "z"],
      ROLES.map((role) => [ROLES_EXPLAINED[role][0], html`<span class="muted">${ROLES_EXPLAINED[role][1]}</span>`, integer(result.network.raw[role]), integer(result.network.expected[role]), fixed(result.network.z[role], 2, "zero variance")]),
      { numeric: [2, 3, 4], caption: `network totals; expected under random ${groupBy} labels` },
    );
    const top = highestEntries(result.raw, TOP_ORGANISATIONS, (counts) => counts.t).filter(([, counts]) => counts.t > 0);
    const brokers = table(
      ["organisation", ...ROLES.map((role) => ROLES_EXPLAINED[role][0])],
      top.map(([org, counts]) => [organisation(org), ...ROLES.map((role) => integer(counts[role]))]),
      { numeric: ROLES.map((_, i) => i + 1), caption: `organisations brokering most across ${groupBy}`, className: "wide" },
    );
    return html`<h3>Across ${groupBy}</h3>${totals}${top.length > 0 ? brokers : ""}`;
  });
  const holes = brokerage.structuralHoles;
  const bySize = highestEntries(holes.effectiveSize, TOP_ORGANISATIONS);
  const structural = table(
    ["organisation", "effective size", "efficiency", "constraint", "hierarchy"],
    bySize.map(([org, size]) => [organisation(org), measure(size), measure(holes.efficiency[org]), measure(holes.constraint[org]), measure(holes.hierarchy[org])]),
    { numeric: [1, 2, 3, 4], caption: "largest effective size (Burt): non-redundant partners; low constraint marks a broker across structural holes", className: "wide" },
  );
  return html`<section id="brokerage"><h2>Brokerage</h2>${roles}<h3>Structural holes</h3>${structural}</section>`;
}
