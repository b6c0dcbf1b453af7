/**
 * The triple helix: Leydesdorff's mutual information T between university, industry and
 * government over projects (negative T(UIG): synergy), the projects by which helices take part,
 * and which sectors link to which: the type × type matrix as a heat map beside its permutation
 * test (observed against expected links under random types).
 */
import type { Report } from "../../report.ts";
import type { SectionContext } from "../context.ts";
import { groupLinks, heatMap, ratioHeatMap } from "../heat-map.ts";
import { figure, fixed, html, integer, pair, pValue, table, type Content, type Html } from "../markup.ts";

/** The helices in a project pattern key ("uig" bits: "101" is university and government). */
const HELICES = ["university", "industry", "government"];

export function tripleHelixSection(report: Report, { charts }: SectionContext): Html {
  const helix = report.results.tripleHelix;
  if (helix === undefined) return html``;
  const parts: Content[] = [html`<h2>Triple helix</h2>`];

  const information = helix.mutualInformation;
  if (information === null) {
    parts.push(html`<p>T(UIG) needs projects: the input has no participations.</p>`);
  } else {
    const { T, entropy } = information;
    const bits = table(
      ["measure", "bits"],
      [
        ["T(UIG)", fixed(T.UIG, 4)],
        ["T(UI)", fixed(T.UI, 4)],
        ["T(UG)", fixed(T.UG, 4)],
        ["T(IG)", fixed(T.IG, 4)],
        ["H(U)", fixed(entropy.U, 4)],
        ["H(I)", fixed(entropy.I, 4)],
        ["H(G)", fixed(entropy.G, 4)],
        ["H(UIG)", fixed(entropy.UIG, 4)],
      ],
      { numeric: [1], caption: "over projects" },
    );
    const total = Object.values(information.projects).reduce((sum, n) => sum + n, 0);
    const projects = table(
      ["helices in the project", "projects", "share"],
      Object.entries(information.projects).map(([pattern, n]) => [helicesOf(pattern), integer(n), total > 0 ? fixed((100 * n) / total, 1) + "%" : "n/a"]),
      { numeric: [1, 2], caption: "projects by the helices taking part" },
    );
    parts.push(html`<p>A negative T(UIG) means the three helices reduce each other's uncertainty: synergy.</p><div class="pair"><div>${bits}</div><div>${projects}</div></div>`);
  }

  // With a permutation test, the chart shows which sectors link more than random types would:
  // the plain type × type counts are in the table (and in Openness when grouping by type).
  const test = helix.mixingTest;
  const groups = [...groupLinks(helix.sectorMixing).keys()];
  const id = charts.unique("sector-mixing");
  const chart =
    test === null
      ? charts.add(id, heatMap(helix.sectorMixing, { top: groups.length, groupLabel: "type", description: "Links between organisation types, as a heat map" }).spec)
      : charts.add(id, ratioHeatMap(test, groups, { groupLabel: "type", description: "Links between organisation types against random types: observed over expected links" }));
  const title = test === null ? "Links between organisation types" : "Links between organisation types, against random types";
  const note =
    test === null
      ? "Cell: links between the row's and the column's type; colour on a log scale. No permutation test (permutations: 0)."
      : "Cell: observed over expected links under randomly shuffled types; blue where types link more than at random, red where less.";
  const pairs = test === null ? [] : Object.entries(test).flatMap(([a, row]) => Object.entries(row).map(([b, summary]) => ({ a, b, summary })));
  const counts = table(
    ["types", "links", ...(test === null ? [] : ["expected", "p (lower)", "p (upper)"])],
    test === null
      ? groups.flatMap((a, i) => groups.slice(i).map((b) => [`${a} – ${b}`, integer(helix.sectorMixing.counted[a]?.[b] ?? 0)]))
      : pairs.map(({ a, b, summary }) => [`${a} – ${b}`, integer(summary.observed), integer(summary.expected), pValue(summary.pLower), pValue(summary.pUpper)]),
    { numeric: test === null ? [1] : [1, 2, 3, 4], caption: test === null ? "links between types" : `links between types against ${integer(pairs[0]?.summary.permutations)} shuffles of the types` },
  );
  parts.push(
    html`<p>Type assortativity ${fixed(helix.assortativity, 4)} (above 0: types link within themselves more than at random).</p>`,
    pair(figure(id, title, chart, note), counts),
  );
  return html`<section id="triple-helix">${parts}</section>`;
}

function helicesOf(pattern: string): string {
  const present = HELICES.filter((_, i) => pattern[i] === "1");
  return present.length > 0 ? present.join(" + ") : "none of the three";
}
