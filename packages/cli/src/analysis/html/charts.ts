/**
 * Vega-Lite specs → inline SVG for report.html. Sections add their specs to a `ChartSet`, which
 * hands back a placeholder (an HTML comment: escaped data can never contain one); once the page
 * is written, `fill` draws every chart (render-svg.ts) and puts each SVG in its place. The house theme is merged into every spec here, so sections only say what to plot.
 *
 * The page must be the same bytes for the same report: vega numbers its clip paths and
 * gradients from a process-wide counter, so each chart's ids are renamed after the chart.
 */
import type { Config, TopLevelSpec } from "vega-lite";
import { escapeText, trusted, type Html } from "./markup.ts";
import { renderSvgs } from "./render-svg.ts";

export class ChartError extends Error {
  override name = "ChartError";
}

/** Colours of the scales of links, nearest first; "unknown" is always grey. */
export const SCALE_COLOURS = ["#1b9e77", "#7570b3", "#d95f02", "#e7298a", "#66a61e", "#e6ab02"];
export const UNKNOWN_COLOUR = "#bdbdbd";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const THEME: Config = {
  font: FONT,
  background: "white",
  padding: 4,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, labelColor: "#333", titleColor: "#333", gridColor: "#e6e6e6", domainColor: "#888", tickColor: "#888" },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, orient: "bottom", direction: "horizontal" },
  bar: { color: "#4c78a8" },
  point: { color: "#4c78a8" },
};

export class ChartSet {
  private readonly specs = new Map<string, TopLevelSpec>();

  /** Adds a chart; `id` becomes its figure's fragment id and the prefix of its SVG ids. */
  add(id: string, spec: TopLevelSpec): Html {
    if (this.specs.has(id)) throw new ChartError(`linkscale/report-html: two charts named ${id}`);
    this.specs.set(id, spec);
    return trusted(placeholder(id));
  }

  /** A chart id not used yet, from a base such as `openness-country`. */
  unique(base: string): string {
    let id = base;
    for (let n = 2; this.specs.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** The page with every placeholder replaced by its chart's SVG. */
  async fill(page: string): Promise<string> {
    const ids = [...this.specs.keys()];
    const { svgs, warnings } = await renderSvgs(ids.map((id) => withTheme(this.specs.get(id) as TopLevelSpec)));
    for (const warning of warnings) process.stderr.write(`linkscale: report.html: vega: ${warning}\n`);
    const byId = new Map(ids.map((id, i) => [id, labelled(ownIds(svgs[i] as string, id), this.specs.get(id)?.description)]));
    return page.replace(/<!--chart:([a-z0-9-]+)-->/g, (_match, id: string) => byId.get(id) ?? "");
  }
}

function placeholder(id: string): string {
  if (!/^[a-z0-9-]+$/.test(id)) throw new ChartError(`linkscale/report-html: chart ids are lower-case letters, digits and dashes, got ${id}`);
  return `<!--chart:${id}-->`;
}

function withTheme(spec: TopLevelSpec): TopLevelSpec {
  return { ...spec, config: { ...THEME, ...spec.config } } as TopLevelSpec;
}

/** The spec's description as the chart's accessible name (vega sets it only on a browser's container). */
function labelled(svg: string, description: string | undefined): string {
  if (description === undefined) return svg;
  return svg.replace(/^<svg /, `<svg role="graphics-document" aria-roledescription="chart" aria-label="${escapeText(description)}" `);
}

/** Renames every id in one SVG (and the references to it) after the chart, in order of appearance. */
function ownIds(svg: string, chart: string): string {
  const names = new Map<string, string>();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (id !== undefined && !names.has(id)) names.set(id, `${chart}-${names.size + 1}`);
  if (names.size === 0) return svg;
  return svg.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (match, lead: string, id: string) => {
    const name = names.get(id);
    return name === undefined ? match : lead + name;
  });
}
