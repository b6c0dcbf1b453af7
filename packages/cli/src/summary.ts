/**
 * What `validate` reports: per file, rows read = accepted + rejected; the codes read as another
 * (CORDIS's UK as GB), counted; the network's counts; and every rejected row with its reasons.
 * The same object prints as text or as JSON.
 */
import { describeGraph, type GraphDescription, type ReadableGraph } from "@linkscale/core";
import { formatRejectedRow, mergeReadAs, type ReadAs, type RejectedRow } from "@linkscale/io";
import type { LoadedInput } from "./input.ts";

export interface FileSummary {
  file: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
}

export interface ValidationSummary extends GraphDescription {
  files: FileSummary[];
  /** Distinct projects, for participation data. */
  projects?: number;
  rejectedRows: RejectedRow[];
  /** Cells read as another code, over all files: `{ field: "country", from: "UK", to: "GB", rows, source: "CORDIS codes" }`. */
  readAs: ReadAs[];
  /** How a reader decided what a file's values mean, where its format leaves it open, as `file: rule`. */
  rules: string[];
  notes: string[];
  skipped: string[];
  /**
   * Organisations by the length of their region code, as a NUTS level: "2" a bare country code,
   * "3" NUTS-1, "4" NUTS-2, "5" NUTS-3, "other" any other length. A code shorter than the NUTS
   * level an analysis asks for is unknown at that level, so this says what each level leaves out.
   */
  regionCodes: Record<string, number>;
}

/** Organisations by the length of their region code (see `ValidationSummary.regionCodes`); empty without regions. */
function regionCodes(graph: ReadableGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  graph.forEachNode((_node, attributes) => {
    const region = attributes["region"];
    if (typeof region !== "string" || region === "") return;
    const key = region.length >= 2 && region.length <= 5 ? String(region.length) : "other";
    counts[key] = (counts[key] ?? 0) + 1;
  });
  return Object.fromEntries(["2", "3", "4", "5", "other"].flatMap((key) => (counts[key] === undefined ? [] : [[key, counts[key]]])));
}


/** What was read; `engineRule`: how the input was projected when not in memory. */
export function summarise(input: LoadedInput, engineRule?: string): ValidationSummary {
  if (input.form === "graph") {
    const { load } = input;
    return {
      // An arc merged into its reverse's link (--arcs) is a row accepted that adds no link.
      files: [{ file: load.file, rowsRead: load.nodesRead + load.linksRead, accepted: load.graph.order + load.graph.size + (load.merged ?? 0), rejected: load.rejected.length }],
      ...describeGraph(load.graph),
      rejectedRows: load.rejected,
      readAs: load.readAs,
      rules: (load.rules ?? []).map((rule) => `${load.file}: ${rule}`),
      notes: [],
      skipped: input.skipped,
      regionCodes: regionCodes(load.graph),
    };
  }
  const { dataset } = input;
  const summary: ValidationSummary = {
    // Rows read less rows rejected: an out-of-core engine keeps its accepted rows to itself.
    files: dataset.tables.map(({ file, rowsRead, rejected }) => ({ file, rowsRead, accepted: rowsRead - rejected.length, rejected: rejected.length })),
    ...describeGraph(dataset.graph),
    rejectedRows: dataset.tables.flatMap((table) => table.rejected),
    readAs: mergeReadAs(dataset.tables.map((table) => table.readAs)),
    rules: engineRule === undefined ? [] : [engineRule],
    notes: dataset.notes,
    skipped: input.skipped,
    regionCodes: regionCodes(dataset.graph),
  };
  if (dataset.projects !== undefined) summary.projects = dataset.projects;
  return summary;
}

const LIST_LIMIT = 50;
const number = new Intl.NumberFormat("en-GB");

export function formatSummary(summary: ValidationSummary): string {
  const lines: string[] = [];
  const width = Math.max(...summary.files.map((f) => f.file.length));
  for (const { file, rowsRead, accepted, rejected } of summary.files) {
    lines.push(`${file.padEnd(width)}  ${number.format(rowsRead)} rows read: ${number.format(accepted)} accepted, ${number.format(rejected)} rejected`);
  }
  for (const skipped of summary.skipped) lines.push(`skipped ${skipped}`);
  lines.push(...readAsLines(summary.readAs));
  lines.push(...summary.rules);
  lines.push("");
  lines.push(
    `organisations  ${number.format(summary.organisations)} (isolated ${number.format(summary.isolated)}, without coordinates ${number.format(summary.withoutCoordinates)}, without name ${number.format(summary.withoutName)})`,
  );
  lines.push(`  by type      ${joined(counts(summary.byType), summary.withoutType > 0 ? `without a type ${number.format(summary.withoutType)}` : "")}`);
  const countries = Object.keys(summary.byCountry).length;
  lines.push(
    `  by country   ${joined(counts(summary.byCountry, 12) + (countries > 12 ? ` … (${countries} countries)` : ""), summary.withoutCountry > 0 ? `without a country ${number.format(summary.withoutCountry)}` : "")}`,
  );
  const regions = Object.entries(summary.regionCodes);
  if (regions.length > 0) {
    const names: Record<string, string> = { "2": "2 characters (a country code)", "3": "NUTS-1 (3)", "4": "NUTS-2 (4)", "5": "NUTS-3 (5)", other: "other lengths" };
    lines.push(`  by region    ${regions.map(([key, n]) => `${names[key]} ${number.format(n)}`).join(" · ")}; a code shorter than the NUTS level analysed (--nuts-level) is unknown there`);
  }
  if (summary.projects !== undefined) lines.push(`projects       ${number.format(summary.projects)}`);
  lines.push(`links          ${number.format(summary.links)}`);
  if (summary.years) lines.push(`years          ${summary.years.first}–${summary.years.last}`);
  lines.push("");
  const problems = summary.rejectedRows.flatMap(formatRejectedRow);
  if (problems.length === 0) lines.push("rejected rows: none");
  else {
    lines.push(`rejected rows: ${number.format(summary.rejectedRows.length)}`);
    lines.push(...problems.slice(0, LIST_LIMIT).map((line) => `  ${line}`));
    if (problems.length > LIST_LIMIT) lines.push(`  … and ${number.format(problems.length - LIST_LIMIT)} more (--json lists them all)`);
  }
  if (summary.notes.length > 0) {
    lines.push(`notes: ${number.format(summary.notes.length)} organisation descriptions differ from the one kept`);
    lines.push(...summary.notes.slice(0, 10).map((line) => `  ${line}`));
    if (summary.notes.length > 10) lines.push(`  … and ${number.format(summary.notes.length - 10)} more (--json lists them all)`);
  }
  return lines.join("\n") + "\n";
}

/** "country: 12 rows read UK as GB, 3 EL as GR (CORDIS codes)", a line per field and source. */
function readAsLines(readAs: readonly ReadAs[]): string[] {
  const groups = new Map<string, ReadAs[]>();
  for (const item of readAs) {
    const key = `${item.field}\u0000${item.source}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()].map((items) => {
    const [first] = items as [ReadAs, ...ReadAs[]];
    const codes = items.map(({ from, to, rows }, index) => `${number.format(rows)}${index === 0 ? (rows === 1 ? " row" : " rows") + " read" : ""} ${from} as ${to}`);
    return `${first.field}: ${codes.join(", ")} (${first.source})`;
  });
}

function counts(record: Record<string, number>, limit = Infinity): string {
  return Object.entries(record)
    .slice(0, limit)
    .map(([key, value]) => `${key} ${number.format(value)}`)
    .join(" · ");
}

/** The known values' counts and those left out, with a separator only between two that are there. */
function joined(known: string, leftOut: string): string {
  return [known, leftOut].filter((part) => part !== "").join(" · ");
}
