/**
 * Stages: the network window by window and from one window to the next. Line charts of each
 * measure over the windows (size; density, the largest component's share, transitivity,
 * modularity; persistence and rank stability), an entry/exit chart of the organisations, and the
 * tables of the same numbers. Windows are in the report's order (stages as the user named them),
 * never re-sorted. The numbers are the report's; nothing is recounted.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Report } from "../../report.ts";
import { briefWhy, describeWindowing, tripleHelixText, UNDEFINED_LEGEND } from "../../stages.ts";
import { SCALE_COLOURS, UNKNOWN_COLOUR } from "../charts.ts";
import type { SectionContext } from "../context.ts";
import { figure, fixed, html, integer, pair, percent, table, type Content, type Html } from "../markup.ts";

type StagesResult = NonNullable<Report["results"]["stages"]>;
type Staged = Exclude<StagesResult, { windowing: null }>;

export function stagesSection(report: Report, { charts, organisation }: SectionContext): Html {
  const stages = report.results.stages;
  if (stages === undefined) return html``;
  if (stages.windowing === null) return html`<section id="stages"><h2>Stages</h2><p>n/a (${stages.why})</p></section>`;
  const { windows, changes } = stages;
  const order = windows.map((w) => w.name);
  const parts: Content[] = [html`<h2>Stages: ${describeWindowing(stages.windowing)}</h2>`, html`<p>${intro(stages)}</p>`, html`<ul class="rules">${Object.values(stages.rules).map((rule) => html`<li>${rule}</li>`)}</ul>`];

  if (windows.length > 0) {
    const size = charts.add(charts.unique("stages-size"), {
      description: "Organisations and links per window",
      data: { values: windows.flatMap((w) => [{ window: w.name, measure: "organisations", value: w.organisations }, { window: w.name, measure: "links", value: w.links }]) },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "window", type: "ordinal", sort: order, title: null, axis: { labelAngle: -30, labelLimit: 0 } },
        y: { field: "value", type: "quantitative", title: null },
        row: { field: "measure", type: "nominal", sort: ["organisations", "links"], title: null },
      },
      width: 420,
      height: 100,
      resolve: { scale: { y: "independent" } },
    } as TopLevelSpec);
    const shape = charts.add(
      charts.unique("stages-shape"),
      lines(
        order,
        windows.flatMap((w) =>
          (
            [
              ["density", w.density],
              ["largest component's share", w.largestComponentShare],
              // Without a link there is no triple to close: NetworkX's 0 is not drawn as a value.
              ["transitivity", w.links > 0 ? w.transitivity : null],
              ["modularity", w.modularity],
            ] as const
          ).flatMap(([measure, value]) => (value === null ? [] : [{ window: w.name, measure, value }])),
        ),
        { title: "value", description: "Density, the largest component's share, transitivity and modularity per window" },
      ),
    );
    parts.push(
      pair(figure("stages-size", "Organisations and links per window", size), figure("stages-shape", "How connected each window is", shape, "A window without a value for a measure (density with under two organisations, transitivity and modularity without links) has no point.")),
      windowTable(windows),
    );
    const scaleNames = [...new Set(windows.flatMap((w) => Object.keys(w.scales?.countShares ?? {})))];
    const scaleChart = charts.add(charts.unique("stages-scales"), {
      description: "Share of links at each scale, per window",
      width: 420,
      height: 220,
      data: { values: windows.flatMap((w) => scaleNames.map((scale, order) => ({ window: w.name, scale, order, share: w.scales?.countShares[scale] ?? 0 }))) },
      mark: "bar",
      encoding: {
        x: { field: "window", type: "ordinal", sort: order, title: null, axis: { labelAngle: -30, labelLimit: 0 } },
        y: { field: "share", type: "quantitative", stack: "normalize", title: "share of links", axis: { format: "%" } },
        color: { field: "scale", type: "nominal", sort: scaleNames, scale: { domain: scaleNames, range: scaleNames.map((scale, i) => (scale === "unknown" ? UNKNOWN_COLOUR : (SCALE_COLOURS[i % SCALE_COLOURS.length] as string))) }, title: null },
        order: { field: "order" },
      },
    } as TopLevelSpec);
    const attributes = Object.keys(windows[0]?.openness ?? {});
    const opennessChart = charts.add(
      charts.unique("stages-openness"),
      lines(
        order,
        windows.flatMap((w) => attributes.flatMap((attribute) => (w.openness[attribute]?.counted == null ? [] : [{ window: w.name, measure: `E-I by ${attribute}`, value: w.openness[attribute]?.counted as number }]))),
        { title: "E-I (−1 closed, +1 open)", description: "Openness (E-I index) per window, by group attribute" },
      ),
    );
    parts.push(
      pair(
        figure("stages-scales", "At which scale links run, per window", scaleChart, "Windows without links have no bar."),
        figure("stages-openness", "How open each window is", opennessChart, "E-I: links across groups minus links inside, over all; a window where no link has both ends known has no point."),
      ),
      opennessTable(windows, scaleNames, attributes),
      html`<h3>Who carries each window</h3><p>${stages.clusters.by === null ? `No cluster network: ${stages.clusters.why}.` : `Cluster networks by ${stages.clusters.by}: ${stages.clusters.rule}.`} Brokers and gatekeepers: ${stages.rules.brokers}.</p>`,
      carriersTable(windows, organisation),
    );
  }

  if (changes.length > 0) {
    const steps = changes.map((c) => `${c.from} → ${c.to}`);
    const turnover = charts.add(charts.unique("stages-turnover"), {
      description: "Organisations entering, staying and leaving from each window to the next",
      width: 420,
      height: 220,
      data: { values: changes.flatMap((c) => (["entered", "stayed", "left"] as const).map((kind) => ({ step: `${c.from} → ${c.to}`, kind, organisations: c.organisations[kind] }))) },
      mark: "bar",
      encoding: {
        x: { field: "step", type: "nominal", sort: steps, title: null, axis: { labelAngle: -30, labelLimit: 0 } },
        xOffset: { field: "kind", sort: ["entered", "stayed", "left"] },
        y: { field: "organisations", type: "quantitative", title: "organisations" },
        color: { field: "kind", type: "nominal", sort: ["entered", "stayed", "left"], scale: { range: ["#1b9e77", "#7570b3", "#d95f02"] }, title: null },
      },
    } as TopLevelSpec);
    const stability = charts.add(
      charts.unique("stages-stability"),
      lines(
        steps,
        changes.flatMap((c) =>
          (
            [
              ["tie persistence", c.persistence],
              ["rank stability: degree", c.rankStability.degree.spearman],
              ["rank stability: strength", c.rankStability.strength.spearman],
              ["rank stability: PageRank", c.rankStability.pagerank.spearman],
              ["community continuity (NMI)", c.continuity.nmi],
            ] as const
          ).flatMap(([measure, value]) => (value === null ? [] : [{ window: `${c.from} → ${c.to}`, measure, value }])),
        ),
        { title: "value", description: "Tie persistence, rank stability and community continuity from each window to the next" },
      ),
    );
    parts.push(
      pair(
        figure("stages-turnover", "Organisations entering, staying and leaving", turnover),
        figure("stages-stability", "What lasts from one window to the next", stability, "Persistence: links in both windows over links in either. Rank stability: Spearman's correlation over the organisations in both. NMI: how much of one window's communities the next keeps."),
      ),
      changeTable(changes),
    );
  }
  return html`<section id="stages">${parts}</section>`;
}

function intro(stages: Staged): Content {
  const undated = "links" in stages.withoutYear ? `${integer(stages.withoutYear.links)} links` : `${integer(stages.withoutYear.projects)} projects (${integer(stages.withoutYear.participations)} participations)`;
  const span = stages.span === null ? "No project or link has a year. " : `The data runs from ${stages.span.from} to ${stages.span.to}. `;
  return [span, `${stages.windows.length} windows. In no window, for want of a year: ${undated}.`];
}

/** A line per measure over the windows, in their order. */
function lines(order: readonly string[], values: readonly { window: string; measure: string; value: number }[], { title, description }: { title: string; description: string }): TopLevelSpec {
  return {
    description,
    width: 420,
    height: 220,
    data: { values: [...values] },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "window", type: "ordinal", sort: [...order], title: null, axis: { labelAngle: -30, labelLimit: 0 } },
      y: { field: "value", type: "quantitative", title },
      color: { field: "measure", type: "nominal", title: null, legend: { labelLimit: 0, columns: 2 } },
    },
  } as TopLevelSpec;
}

function windowTable(windows: Staged["windows"]): Html {
  return table(
    ["window", "years", "projects", "organisations", "links", "density", "components", "largest", "transitivity", "communities", "modularity"],
    windows.map((w) => [
      w.name,
      w.from === w.to ? String(w.from) : `${w.from}–${w.to}`,
      w.projects === null ? "n/a (links)" : integer(w.projects),
      integer(w.organisations),
      integer(w.links),
      fixed(w.density, 4, "under 2 organisations"),
      integer(w.components),
      w.largestComponentShare === null ? "n/a (empty)" : percent(w.largestComponentShare),
      w.links > 0 ? fixed(w.transitivity, 3) : "n/a (no links)",
      integer(w.communities),
      fixed(w.modularity, 3, "no links"),
    ]),
    { numeric: [2, 3, 4, 5, 6, 7, 8, 9, 10] },
  );
}

function opennessTable(windows: Staged["windows"], scaleNames: readonly string[], attributes: readonly string[]): Html {
  return table(
    ["window", ...scaleNames, ...attributes.map((a) => `E-I ${a} (p↓, p↑)`), "T(UIG), bits"],
    windows.map((w) => [
      w.name,
      ...scaleNames.map((scale) => (w.scales === null ? "n/a (no links)" : percent(w.scales.countShares[scale] ?? 0))),
      ...attributes.map((a) => {
        const o = w.openness[a];
        if (o === undefined || o.counted === null) return "n/a (no link with both ends known)";
        return `${fixed(o.counted, 3)}${o.pLower === null || o.pUpper === null ? "" : ` (${fixed(o.pLower, 3)}, ${fixed(o.pUpper, 3)})`}`;
      }),
      tripleHelixText(w.tripleHelix),
    ]),
    { numeric: [...scaleNames.map((_s, i) => i + 1), ...attributes.map((_a, i) => scaleNames.length + 1 + i), scaleNames.length + attributes.length + 1] },
  );
}

function carriersTable(windows: Staged["windows"], organisation: SectionContext["organisation"]): Html {
  return table(
    ["window", "clusters", "cluster links", "gatekeepers (group, share of its outward weight)", "brokers (brokerage roles)"],
    windows.map((w) => [
      w.name,
      w.clusters === null ? "n/a" : integer(w.clusters.clusters),
      w.clusters === null ? "n/a" : integer(w.clusters.links),
      w.gatekeepers.length === 0 ? "none" : w.gatekeepers.slice(0, 3).map((g, i) => html`${i > 0 ? "; " : ""}${organisation(g.organisation)} <span class="muted">${g.group} ${percent(g.share, 0)}</span>`),
      w.brokers.length === 0 ? "none" : w.brokers.slice(0, 3).map((b, i) => html`${i > 0 ? "; " : ""}${organisation(b.organisation)} <span class="muted">${integer(b.brokerage)}</span>`),
    ]),
    { numeric: [1, 2] },
  );
}

function changeTable(changes: Staged["changes"]): Html {
  const turnover = ({ entered, stayed, left }: { entered: number; stayed: number; left: number }) => `+${integer(entered)} =${integer(stayed)} −${integer(left)}`;
  const rho = ({ spearman, undefinedBecause }: { spearman: number | null; undefinedBecause?: string }) => fixed(spearman, 3, briefWhy(undefinedBecause));
  return table(
    ["from → to", "organisations +in =stay −out", "links +in =stay −out", "persistence", "ρ degree", "ρ strength", "ρ PageRank", "NMI", "splits", "merges"],
    changes.map((c) => [
      `${c.from} → ${c.to}`,
      turnover(c.organisations),
      turnover(c.links),
      fixed(c.persistence, 3, "no links"),
      rho(c.rankStability.degree),
      rho(c.rankStability.strength),
      rho(c.rankStability.pagerank),
      fixed(c.continuity.nmi, 3, briefWhy(c.continuity.undefinedBecause)),
      integer(c.continuity.splits.length),
      integer(c.continuity.merges.length),
    ]),
    { numeric: [3, 4, 5, 6, 7, 8, 9], caption: UNDEFINED_LEGEND },
  );
}
