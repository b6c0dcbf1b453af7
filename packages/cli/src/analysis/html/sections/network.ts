/**
 * The network's counts: organisations, links, components, and who the organisations are (types,
 * the largest countries), the numbers every later section is read against.
 */
import type { Report } from "../../report.ts";
import { fixed, html, integer, percent, table, type Html } from "../markup.ts";

export function networkSection(report: Report): Html {
  const counts = report.results.counts;
  if (counts === undefined) return html``;
  const network = table(
    ["network", ""],
    [
      ["organisations", integer(counts.organisations)],
      ["links", integer(counts.links)],
      ["isolated organisations", integer(counts.isolated)],
      ["density", fixed(counts.density, 5)],
      ["components", integer(counts.components)],
      ["largest component", `${integer(counts.largestComponent)} (${percent(counts.largestComponent / Math.max(1, counts.organisations))})`],
      ["years", counts.years ? `${counts.years.first}–${counts.years.last}` : "n/a"],
      ["without a type", integer(counts.withoutType)],
      ["without a country", integer(counts.withoutCountry)],
      ["without coordinates", integer(counts.withoutCoordinates)],
      ["without a name", integer(counts.withoutName)],
    ],
    { numeric: [1] },
  );
  const share = (n: number) => percent(n / Math.max(1, counts.organisations));
  const types = table(
    ["type", "organisations", "share"],
    Object.entries(counts.byType).map(([type, n]) => [type, integer(n), share(n)]),
    { numeric: [1, 2] },
  );
  const countries = Object.entries(counts.byCountry);
  const shownCountries = countries.slice(0, 12);
  const byCountry = table(
    ["country", "organisations", "share"],
    shownCountries.map(([country, n]) => [country, integer(n), share(n)]),
    {
      numeric: [1, 2],
      ...(countries.length > shownCountries.length ? { caption: `the ${shownCountries.length} largest of ${countries.length} countries` } : {}),
    },
  );
  return html`<section id="network"><h2>Network</h2><div class="triple">${network}${types}${byCountry}</div></section>`;
}
