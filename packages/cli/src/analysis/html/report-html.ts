/**
 * `report.html`: one self-contained page (no script, no request when opened).
 */
import type { AllianceGraph } from "@linkscale/core";
import { HTML_MARK } from "../../commands/analyze.ts";
import type { Report } from "../report.ts";
import { formatAnalysis } from "../summary-text.ts";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHtmlReport(report: Report, graph: AllianceGraph): string {
  return `<!doctype html><html><head><meta charset="utf-8">${HTML_MARK}<title>linkscale report</title></head><body><pre>${escape(formatAnalysis(report, graph))}</pre></body></html>\n`;
}
