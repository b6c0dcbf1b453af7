/**
 * Openness by group (Krackhardt & Stern's E-I index): for each `groupBy` attribute, the group ×
 * group link matrix as a heat map beside the E-I of each group, its expected value under random
 * labels (the permutation test) and its gatekeepers (the fewest members carrying half of the
 * group's outward link weight). The groups shown are those with most links, the same in both.
 */
import type { Report } from "../../report.ts";
import { TOP_GROUPS, type SectionContext } from "../context.ts";
import { heatMap } from "../heat-map.ts";
import { figure, fixed, html, integer, pValue, slug, table, type Content, type Html } from "../markup.ts";

type Openness = NonNullable<Report["results"]["openness"]>[string];

const GATEKEEPERS_LISTED = 3;

export function opennessSection(report: Report, context: SectionContext): Html {
  const openness = Object.entries(report.results.openness ?? {});
  if (openness.length === 0) return html``;
  return html`<section id="openness"><h2>Openness of groups</h2>${openness.map(([groupBy, result]) => groupOpenness(groupBy, result, context))}</section>`;
}

function groupOpenness(groupBy: string, result: Openness, { charts, organisation }: SectionContext): Html {
  const map = heatMap(result.mixing, { top: TOP_GROUPS, groupLabel: groupBy, description: `Links between ${groupBy} groups (rows and columns), as a heat map` });
  const id = charts.unique(`mixing-${slug(groupBy)}`);
  const chart = charts.add(id, map.spec);
  const hidden = map.links.size - map.shown.length;
  const title = `Links between groups of ${groupBy}` + (hidden > 0 ? ` (the ${map.shown.length} of ${map.links.size} with most links)` : "");
  const note = "Cell: links with one end in the row's group and one in the column's; the diagonal holds links inside a group. Colour on a log scale.";

  const ei = result.ei.byGroup;
  const test = result.permutation;
  const rows = map.shown.map((group): Content[] => {
    const counted = ei[group]?.counted;
    const expected = test?.byGroup[group]?.counted;
    const core = result.gatekeepers[group]?.core ?? [];
    const listed = core.slice(0, GATEKEEPERS_LISTED).map((org, i) => html`${i > 0 ? "; " : ""}${organisation(org)}`);
    return [
      group,
      integer(map.links.get(group)),
      integer(counted?.I),
      integer(counted?.E),
      fixed(counted?.EI, 3, "no links to a known group"),
      ...(test ? [fixed(expected?.expected, 3), pValue(expected?.pLower)] : []),
      html`${listed}${core.length > GATEKEEPERS_LISTED ? html` <span class="more">+${core.length - GATEKEEPERS_LISTED}</span>` : ""}`,
    ];
  });
  const eiTable = table(
    [groupBy, "links", "internal", "external", "E-I", ...(test ? ["expected", "p (lower)"] : []), "gatekeepers"],
    rows,
    { numeric: test ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4], className: "wide" },
  );
  return html`<h3>By ${groupBy}</h3><p>${networkLine(groupBy, result)}</p>${figure(id, title, chart, note)}${eiTable}`;
}

function networkLine(groupBy: string, result: Openness): Content {
  const { counted, weighted } = result.ei.network;
  const test = result.permutation?.network.counted;
  return [
    `Network E-I ${fixed(counted.EI, 3, "no links")} (by weight ${fixed(weighted.EI, 3, "no links")}): ${integer(counted.E)} links across groups, ${integer(counted.I)} inside. `,
    result.ei.excluded.organisations > 0
      ? `Left out: ${integer(result.ei.excluded.organisations)} organisations without a ${groupBy} and ${integer(result.ei.excluded.links)} links (${result.ei.excluded.rule}). `
      : "",
    test
      ? `Under random ${groupBy} labels (${integer(test.permutations)} permutations) it would be ${fixed(test.expected, 3)} ± ${fixed(test.sd, 3)}; p(as low or lower) ${pValue(test.pLower)}. `
      : "No permutation test (permutations: 0). ",
    "E-I runs from −1 (all links inside groups) to +1 (all across).",
  ];
}
