/**
 * Centrality: for each measure, the distribution over organisations as a histogram (binned in
 * histogram.ts: log bins for the heavy-tailed measures) and the organisations at the top, by
 * name. The page never lists every organisation's value: report.json holds those.
 */
import type { TopLevelSpec } from "vega-lite";
import { highestEntries, valuesOf } from "../../organisation-tables.ts";
import type { Report } from "../../report.ts";
import { TOP_ORGANISATIONS, type SectionContext } from "../context.ts";
import { histogram, type Histogram } from "../histogram.ts";
import { figure, fixed, html, integer, measure, slug, table, type Content, type Html } from "../markup.ts";

/** What each measure is, for the reader who does not have the literature at hand. */
const MEANING: Record<string, string> = {
  degree: "partners",
  strength: "sum of link weights",
  eigenvector: "partners' own centrality",
  pagerank: "random-walk visits",
  clustering: "partners that are partners of each other",
  betweenness: "shortest paths passing through",
  closeness: "inverse mean distance to the others",
  harmonic: "sum of inverse distances",
};

export function centralitySection(report: Report, { charts, organisation }: SectionContext): Html {
  const centrality = report.results.centrality;
  if (centrality === undefined) return html``;
  const cards = Object.entries(centrality.measures).map(([name, values]) => {
    const id = charts.unique(`centrality-${slug(name)}`);
    const distribution = histogram(valuesOf(values));
    const chart = distribution.bins.length > 0 ? charts.add(id, histogramSpec(name, distribution)) : html`<p>No values.</p>`;
    const top = highestEntries(values, TOP_ORGANISATIONS);
    const leaders = table(
      ["", "organisation", name],
      top.map(([org, value], i) => [String(i + 1), organisation(org), measure(value)]),
      { numeric: [0, 2], caption: `top ${top.length} by ${name}` },
    );
    const title: Content = [name, MEANING[name] ? html` <span class="muted">(${MEANING[name]})</span>` : ""];
    return html`<div class="card">${figure(id, title, chart, histogramNote(distribution))}${leaders}</div>`;
  });
  const method =
    centrality.betweenness.method === "exact" ? "Betweenness is exact." : `Betweenness is estimated from ${integer(centrality.betweenness.samples)} sampled sources (seed ${centrality.betweenness.seed}).`;
  return html`<section id="centrality"><h2>Centrality</h2><p>${centrality.weighted ? "Weighted measures use link weights. " : ""}${method} Transitivity (global clustering) ${fixed(centrality.transitivity, 4)}.</p><div class="cards">${cards}</div></section>`;
}

function histogramSpec(name: string, distribution: Histogram): TopLevelSpec {
  return {
    description: `Histogram of ${name} over organisations${distribution.log ? ", logarithmic bins" : ""}`,
    data: { values: distribution.bins },
    width: 300,
    height: 150,
    mark: { type: "bar", color: "#4c78a8", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      x: {
        field: "from",
        type: "quantitative",
        title: name + (distribution.log ? " (log scale)" : ""),
        ...(distribution.log ? { scale: { type: "log" }, axis: { format: "~g", labelOverlap: true } } : { scale: { zero: false, nice: false } }),
      },
      x2: { field: "to" },
      y: { field: "count", type: "quantitative", title: "organisations", axis: { tickMinStep: 1 } },
      y2: { datum: 0 },
    },
  };
}

function histogramNote(distribution: Histogram): Content {
  const notes = [
    distribution.zeros > 0 ? `${integer(distribution.zeros)} at or near 0 are not on the log axis` : "",
    distribution.missing > 0 ? `${integer(distribution.missing)} without a value` : "",
  ].filter((note) => note !== "");
  return notes.length > 0 ? `${notes.join("; ")}.` : undefined;
}
