/**
 * Communities: how many, how modular, and what the largest are made of (types, countries,
 * regions), to read whether they follow geography, sector or something else. The membership of
 * every organisation stays in report.json.
 */
import type { Report } from "../../report.ts";
import { TOP_GROUPS } from "../context.ts";
import { fixed, html, integer, percent, table, type Content, type Html } from "../markup.ts";

type Share = { value: string; count: number; share: number };

export function communitiesSection(report: Report): Html {
  const communities = report.results.communities;
  if (communities === undefined) return html``;
  const shown = communities.summary.slice(0, TOP_GROUPS);
  const rest = communities.summary.slice(shown.length);
  const members = (list: readonly { size: number }[]) => list.reduce((sum, c) => sum + c.size, 0);
  const rows = shown.map((c) => {
    const total = c.internalWeight + c.externalWeight;
    return [c.community, integer(c.size), integer(c.internalWeight), integer(c.externalWeight), total > 0 ? percent(c.internalWeight / total) : "n/a", shares(c.types), shares(c.countries), shares(c.regions)];
  });
  const caption =
    rest.length > 0 ? `the ${shown.length} largest of ${communities.count}; the other ${rest.length} hold ${integer(members(rest))} organisations` : `all ${communities.count} communities`;
  return html`<section id="communities"><h2>Communities</h2>
<p>${communities.algorithm === "leiden" ? "Leiden" : "Louvain"} at resolution ${communities.resolution}, seed ${communities.seed}: ${integer(communities.count)} communities, modularity ${fixed(communities.modularity, 4)}. Internal share: the part of a community's link weight that stays inside it.</p>
${table(["community", "organisations", "internal weight", "external weight", "internal share", "types", "countries", "regions"], rows, { numeric: [1, 2, 3, 4], caption, className: "wide" })}
</section>`;
}

/** The most frequent values and their shares of the members; "n/a (none known)" where no member has one. */
function shares(list: readonly Share[]): Content {
  if (list.length === 0) return html`<span class="muted">n/a (none known)</span>`;
  return list.map((s, i) => html`${i > 0 ? ", " : ""}${s.value} <span class="muted">${percent(s.share, 0)}</span>`);
}
