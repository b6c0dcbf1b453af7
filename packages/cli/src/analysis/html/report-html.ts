/**
 * `report.html`: the report as one self-contained page a researcher would rather look at than
 * read: the summary tables with the charts of the same numbers beside them (scale shares by year
 * and group, distance decay, group × group heat maps, centrality distributions). The CSS and the
 * SVG charts are inline and the page has no script and no URL: opened from a disk, it requests
 * nothing. Each section draws what its part of the report holds; an absent section is left out.
 * The same report gives the same bytes.
 */
import type { ReadableGraph } from "@linkscale/core";
import { HTML_MARK } from "../../commands/analyze.ts";
import type { Report } from "../report.ts";
import { ChartSet } from "./charts.ts";
import { organisationNamer, type SectionContext } from "./context.ts";
import { html, render, trusted, type Html } from "./markup.ts";
import { brokerageSection } from "./sections/brokerage.ts";
import { centralitySection } from "./sections/centrality.ts";
import { clustersSection } from "./sections/clusters.ts";
import { communitiesSection } from "./sections/communities.ts";
import { networkSection } from "./sections/network.ts";
import { opennessSection } from "./sections/openness.ts";
import { overviewSection } from "./sections/overview.ts";
import { scalesSection } from "./sections/scales.ts";
import { stagesSection } from "./sections/stages.ts";
import { tripleHelixSection } from "./sections/triple-helix.ts";
import { STYLES } from "./styles.ts";

/** The sections in reading order, each with its fragment id and its title in the contents. */
const SECTIONS: ReadonlyArray<{ id: string; title: string; present: (report: Report) => boolean; render: (report: Report, context: SectionContext) => Html }> = [
  { id: "network", title: "Network", present: (r) => r.results.counts !== undefined, render: networkSection },
  { id: "scales", title: "Scale of links", present: (r) => r.results.scales !== undefined, render: scalesSection },
  { id: "openness", title: "Openness", present: (r) => Object.keys(r.results.openness ?? {}).length > 0, render: opennessSection },
  { id: "clusters", title: "Clusters", present: (r) => r.results.clusters !== undefined, render: clustersSection },
  { id: "stages", title: "Stages", present: (r) => r.results.stages !== undefined, render: stagesSection },
  { id: "centrality", title: "Centrality", present: (r) => r.results.centrality !== undefined, render: centralitySection },
  { id: "communities", title: "Communities", present: (r) => r.results.communities !== undefined, render: communitiesSection },
  { id: "brokerage", title: "Brokerage", present: (r) => r.results.brokerage !== undefined, render: brokerageSection },
  { id: "triple-helix", title: "Triple helix", present: (r) => r.results.tripleHelix !== undefined, render: tripleHelixSection },
];

export async function renderHtmlReport(report: Report, graph: ReadableGraph): Promise<string> {
  const charts = new ChartSet();
  const context: SectionContext = { charts, organisation: organisationNamer(graph) };
  const sections = SECTIONS.filter((section) => section.present(report));
  const title = `linkscale report: ${report.input.files.map((file) => file.path.split(/[\\/]/).at(-2) ?? file.path).filter((name, i, all) => all.indexOf(name) === i).join(", ")}`;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${trusted(HTML_MARK)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header><h1>${title}</h1></header>
<nav aria-label="sections">${sections.map((section) => html`<a href="#${section.id}">${section.title}</a>`)}</nav>
${overviewSection(report)}
${sections.map((section) => section.render(report, context))}
</body>
</html>
`;
  return charts.fill(render(page));
}
