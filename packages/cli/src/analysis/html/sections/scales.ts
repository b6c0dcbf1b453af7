/**
 * The scale of links (local, national, transnational…): shares by year and by group as stacked
 * bars, each beside the table of the same numbers, and the distance-decay profile (links per km
 * by distance, log–log, with the fitted tail), and the rules that decided each scale (how "local"
 * was decided, what stayed unknown). The shares are the report's; nothing is recounted.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Report } from "../../report.ts";
import { SCALE_COLOURS, UNKNOWN_COLOUR } from "../charts.ts";
import { TOP_GROUPS, type SectionContext } from "../context.ts";
import { figure, fixed, html, integer, pair, percent, slug, table, type Content, type Html } from "../markup.ts";

type ScalesResult = NonNullable<Report["results"]["scales"]>;
type Shares = ScalesResult["network"];

export function scalesSection(report: Report, { charts }: SectionContext): Html {
  const scales = report.results.scales;
  if (scales === undefined) return html``;
  const colours = scaleColours(scales.scales);
  const parts: Content[] = [html`<h2>Scale of links</h2>`, html`<p>${scaleIntro(scales)}</p>`, rulesTable(scales)];

  const years = Object.entries(scales.byYear);
  if (years.length > 0) {
    const id = charts.unique("scales-by-year");
    const chart = charts.add(id, shareBars(years, scales.scales, colours, { across: "year", vertical: true, description: "Share of links at each scale, by year" }));
    parts.push(
      pair(
        figure(id, "Share of links by scale, per year", chart, `Each bar holds the links of a year: a link counts in ${scales.yearRule}. The colour is the scale at which a link's two ends first share a place.`),
        shareTable("year", [["all years", scales.network], ...years], scales.scales),
      ),
    );
  }

  for (const [attribute, byGroup] of Object.entries(scales.byGroup)) {
    const groups = Object.entries(byGroup).sort(([a, x], [b, y]) => y.links - x.links || (a < b ? -1 : 1));
    const shown = groups.slice(0, TOP_GROUPS);
    if (shown.length === 0) continue;
    const id = charts.unique(`scales-by-${slug(attribute)}`);
    const chart = charts.add(id, shareBars(shown, scales.scales, colours, { across: attribute, vertical: false, description: `Share of links at each scale, by ${attribute}` }));
    const title = `Share of links by scale, per ${attribute}` + (groups.length > shown.length ? ` (the ${shown.length} of ${groups.length} with most links)` : "");
    parts.push(pair(figure(id, title, chart, `A link counts once for each ${attribute} at its ends; ordered by links.`), shareTable(attribute, shown, scales.scales)));
  }

  parts.push(distanceDecay(scales.distanceDecay, charts));
  return html`<section id="scales">${parts}</section>`;
}

function scaleIntro(scales: ScalesResult): Content {
  const flags = Object.entries(scales.network.flags);
  return [
    `${integer(scales.network.links)} links, weight ${integer(scales.network.weight)}. `,
    `Scales from nearest to widest: ${scales.scales.join(", ")}. `,
    `Organisations with a known place: ${Object.entries(scales.knownPlaces).map(([level, n]) => `${level} ${integer(n)}`).join(", ")}. `,
    flags.length > 0 ? `Links whose ends' place is unknown at a finer level (so they may be finer than counted): ${flags.map(([flag, n]) => `${flag} ${integer(n)}`).join(", ")}.` : "",
  ];
}

/** Which rule decided how many links: how "local" was decided, named where a reader meets the shares. */
function rulesTable(scales: ScalesResult): Html {
  return table(
    ["scale", "rule", "links", "what it means"],
    scales.rules.map(({ scale, rule, links, description }) => [scale, rule, integer(links), description]),
    { numeric: [2], caption: "how each link's scale was decided" },
  );
}

function scaleColours(scales: readonly string[]): string[] {
  let next = 0;
  return scales.map((scale) => (scale === "unknown" ? UNKNOWN_COLOUR : (SCALE_COLOURS[next++ % SCALE_COLOURS.length] as string)));
}

/** Stacked bars of count shares: years across, groups down (their labels read better that way). */
function shareBars(rows: ReadonlyArray<[string, Shares]>, scales: readonly string[], colours: string[], options: { across: string; vertical: boolean; description: string }): TopLevelSpec {
  const values = rows.flatMap(([label, shares]) => scales.map((scale, order) => ({ label, scale, order, share: shares.countShares[scale] ?? 0, links: shares.counts[scale] ?? 0 })));
  const labels = rows.map(([label]) => label);
  const { vertical } = options;
  const band = { field: "label", type: "nominal" as const, sort: labels, title: options.across, axis: { labelLimit: 160, ...(vertical ? { labelAngle: labels.length > 12 ? -90 : 0 } : {}) } };
  const share = { field: "share", type: "quantitative" as const, stack: "zero" as const, title: "share of links", scale: { domain: [0, 1] }, axis: { format: "%" } };
  return {
    description: options.description,
    data: { values },
    mark: { type: "bar" },
    ...(vertical ? { width: { step: Math.max(14, Math.min(40, Math.floor(480 / labels.length))) }, height: 220 } : { width: 360, height: { step: 16 } }),
    encoding: {
      ...(vertical ? { x: band, y: share } : { y: band, x: share }),
      color: { field: "scale", type: "nominal", title: "scale", scale: { domain: [...scales], range: colours } },
      order: { field: "order", type: "quantitative" },
    },
  };
}

function shareTable(label: string, rows: ReadonlyArray<[string, Shares]>, scales: readonly string[]): Html {
  return table(
    [label, "links", ...scales],
    rows.map(([name, shares]) => [name, integer(shares.links), ...scales.map((scale) => html`${percent(shares.countShares[scale])}<small>${percent(shares.weightShares[scale])}</small>`)]),
    { numeric: [1, ...scales.map((_, i) => i + 2)], caption: "share of links, and (small) of link weight" },
  );
}

function distanceDecay(decay: ScalesResult["distanceDecay"], charts: SectionContext["charts"]): Html {
  const title = html`<h3>How far links reach</h3>`;
  if (decay.measured === 0) return html`${title}<p>No link has coordinates at both ends: no distances to show.</p>`;
  // Bin 0 (0–1 km) has no centre on a log axis, and empty bins no log density: both sit in the table only.
  const points = decay.bins.flatMap((bin) => (bin.fromKm > 0 && bin.links > 0 ? [{ km: Math.sqrt(bin.fromKm * bin.toKm), density: bin.density, links: bin.links }] : []));
  const tail = decay.tail;
  const tailPoints = tail === null ? [] : points.filter((p) => p.km >= tail.fromKm).map((p) => ({ km: p.km, fit: 10 ** (tail.intercept + tail.slope * Math.log10(p.km)) }));
  const x = { field: "km", type: "quantitative" as const, title: "distance (km)", scale: { type: "log" as const }, axis: { format: "~s" } };
  const spec: TopLevelSpec = {
    description: "Distance-decay profile: links per km of distance, by distance, on log-log axes",
    width: 420,
    height: 260,
    layer: [
      {
        data: { values: points },
        mark: { type: "point", filled: true, opacity: 0.85 },
        encoding: {
          x,
          y: { field: "density", type: "quantitative", title: "links per km", scale: { type: "log" }, axis: { format: "~g" } },
          size: { field: "links", type: "quantitative", title: "links in bin", legend: { orient: "right", direction: "vertical" } },
        },
      },
      ...(tailPoints.length > 1
        ? [{ data: { values: tailPoints }, mark: { type: "line" as const, color: "#d95f02", strokeWidth: 2 }, encoding: { x, y: { field: "fit", type: "quantitative" as const, scale: { type: "log" as const } } } }]
        : []),
      ...(decay.medianKm !== null && decay.medianKm > 0
        ? [{ data: { values: [{ km: decay.medianKm }] }, mark: { type: "rule" as const, strokeDash: [4, 3], color: "#666" }, encoding: { x } }]
        : []),
    ],
  };
  const id = charts.unique("distance-decay");
  const chart = charts.add(id, spec);
  const summary = table(
    ["distances", ""],
    [
      ["links measured", integer(decay.measured)],
      ["without coordinates at both ends", integer(decay.unmeasured)],
      ["mean", `${integer(decay.meanKm)} km`],
      ["median (dashed line)", `${integer(decay.medianKm)} km`],
      ["tail slope (orange line)", tail ? fixed(tail.slope, 3) : "n/a (fewer than three distance bins past the mode)"],
      ["tail range", tail ? `${fixedKm(tail.fromKm)}–${fixedKm(tail.toKm)} km` : "n/a"],
      ["tail intercept (log10)", tail ? fixed(tail.intercept, 3) : "n/a"],
      ["tail R²", tail ? fixed(tail.rSquared, 3) : "n/a"],
      ["bins in the tail fit", tail ? `${tail.bins} (${tail.rule})` : "n/a"],
    ],
    { numeric: [1] },
  );
  const bins = table(
    ["from km", "to km", "links", "links per km"],
    decay.bins.map((bin) => [fixedKm(bin.fromKm), fixedKm(bin.toKm), integer(bin.links), bin.density === 0 ? "0" : bin.density.toPrecision(3)]),
    { numeric: [0, 1, 2, 3] },
  );
  const note = "Links in logarithmic distance bins; the line is the least-squares fit of log10(links per km) on log10(distance) over the tail, from the bin with the most links on (or from tailFromKm). A slope of −1 to −2 is the gravity-like decay the literature reports.";
  return html`${title}${pair(figure(id, "Distance-decay profile", chart, note), html`${summary}<details><summary>all ${decay.bins.length} bins</summary>${bins}</details>`)}`;
}

function fixedKm(km: number): string {
  return km < 10 ? km.toFixed(2) : integer(km);
}
