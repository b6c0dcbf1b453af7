/**
 * The triple helix: Leydesdorff's mutual information T between university, industry and
 * government over projects (negative T(UIG): synergy), the projects by which helices take part,
 * and which sectors link to which: the type × type matrix as a heat map beside its permutation
 * test (observed against expected links under random types). A value not defined here reads
 * "n/a (why)"; a T that is 0 because a helix never varies says which helix and why.
 */
import { describeConstant, type Constancy, type HelixLetter } from "@linkscale/core";
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
    const { T, entropy, constant, excluded, counted } = information;
    const undefinedWhy = counted > 0 ? "" : excluded.projects > 0 ? "no project left to count: each has a participant of unknown type" : "no projects";
    const notDefined = `n/a (${undefinedWhy})`;
    /** A T in bits, or why it is 0 (a constant helix) or not defined (nothing counted). */
    const transmission = (letters: readonly HelixLetter[], value: number | undefined): string => {
      if (value === undefined) return notDefined;
      const still = letters.filter((letter) => constant[letter] !== undefined);
      // 0 by construction where a helix is constant: printed as 0, not as a measured 0.0000.
      return still.length === 0 ? fixed(value, 4) : `0 (${still.map((letter) => describeConstant(letter, constant[letter] as Constancy)).join("; ")})`;
    };
    const bits = table(
      ["measure", "bits"],
      [
        ["T(UIG)", transmission(["U", "I", "G"], T?.UIG)],
        ["T(UI)", transmission(["U", "I"], T?.UI)],
        ["T(UG)", transmission(["U", "G"], T?.UG)],
        ["T(IG)", transmission(["I", "G"], T?.IG)],
        ["H(U)", entropy === null ? notDefined : fixed(entropy.U, 4)],
        ["H(I)", entropy === null ? notDefined : fixed(entropy.I, 4)],
        ["H(G)", entropy === null ? notDefined : fixed(entropy.G, 4)],
        ["H(UIG)", entropy === null ? notDefined : fixed(entropy.UIG, 4)],
      ],
      { numeric: [1], caption: `over ${integer(counted)} projects` },
    );
    const projects = table(
      ["helices in the project", "projects", "share"],
      // Sorted here: "100" to "111" look like integers, so the object lists them before "011".
      Object.entries(information.projects)
        .sort(([a], [b]) => (a < b ? 1 : -1))
        .map(([pattern, n]) => [helicesOf(pattern), integer(n), counted > 0 ? fixed((100 * n) / counted, 1) + "%" : "n/a"]),
      { numeric: [1, 2], caption: "projects by the helices taking part" },
    );
    const notes: Content[] = [html`<p>A negative T(UIG) means the three helices reduce each other's uncertainty: synergy.</p>`];
    const still = (Object.keys(constant) as HelixLetter[]).map((letter) => describeConstant(letter, constant[letter] as Constancy));
    if (still.length > 0) {
      const sentence = still.join("; ");
      notes.push(
        html`<p>${sentence.charAt(0).toUpperCase() + sentence.slice(1)}. A helix that never varies shares no information with the others: every T it enters is 0, which says nothing about how it relates to them.</p>`,
      );
    }
    if (excluded.projects > 0) {
      notes.push(
        html`<p>${integer(excluded.projects)} of ${integer(excluded.projects + counted)} projects left out (${integer(excluded.organisations)} organisations of unknown type). Rule: ${excluded.rule}.</p>`,
      );
    }
    parts.push(html`${notes}<div class="pair"><div>${bits}</div><div>${projects}</div></div>`);
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
