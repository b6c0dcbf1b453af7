/**
 * What each section of report.html is given besides its results: the chart set to add charts
 * to, and organisation names from the graph (the report keys organisations by id only).
 */
import type { ReadableGraph } from "@linkscale/core";
import type { ChartSet } from "./charts.ts";
import { html, type Html } from "./markup.ts";

export interface SectionContext {
  charts: ChartSet;
  /** An organisation as its name with its id beside it (the id alone when it has no name). */
  organisation: (id: string) => Html;
}

/** Sections show the top this many groups and organisations: enough to read, never all of them. */
export const TOP_GROUPS = 25;
export const TOP_ORGANISATIONS = 10;

export function organisationNamer(graph: ReadableGraph): (id: string) => Html {
  return (id) => {
    const name = graph.hasNode(id) ? graph.getNodeAttribute(id, "name") : undefined;
    return typeof name === "string" && name.trim() !== "" ? html`<span class="org">${name}</span> <span class="id">${id}</span>` : html`<span class="id">${id}</span>`;
  };
}
