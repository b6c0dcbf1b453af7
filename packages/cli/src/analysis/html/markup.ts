/**
 * The HTML that every part of report.html is built with. Markup is an `Html` value, made only
 * by the `html` template tag (or `trusted`, for the SVG vega writes and our own CSS); anything
 * else interpolated into it (organisation and group names, ids, numbers) is escaped as text. So
 * data never becomes markup, whatever a name holds.
 */

export class Html {
  constructor(readonly markup: string) {}
}

/** What can go into a template: markup, text to escape, or lists of them. */
export type Content = Html | string | number | null | undefined | false | readonly Content[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML text, safe in element content and in quoted attribute values. */
export function escapeText(text: string): string {
  // NUL cannot be written in HTML, even as a character reference.
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string).replace(/\0/g, "\uFFFD");
}

export function render(content: Content): string {
  if (content instanceof Html) return content.markup;
  if (Array.isArray(content)) return content.map(render).join("");
  if (content === null || content === undefined || content === false) return "";
  return escapeText(String(content));
}

export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let markup = strings[0] ?? "";
  values.forEach((value, i) => (markup += render(value) + (strings[i + 1] ?? "")));
  return new Html(markup);
}

/** Markup we wrote ourselves or that escapes its own text (vega's SVG): never data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export interface TableOptions {
  /** Column indexes holding numbers: right-aligned, in tabular figures. */
  numeric?: readonly number[];
  caption?: Content;
  className?: string;
}

export function table(head: readonly Content[], rows: readonly (readonly Content[])[], options: TableOptions = {}): Html {
  const numeric = new Set(options.numeric ?? []);
  const cell = (tag: "th" | "td", content: Content, column: number) =>
    html`<${trusted(tag)}${numeric.has(column) ? trusted(' class="num"') : ""}>${content}</${trusted(tag)}>`;
  return html`<table${options.className ? html` class="${options.className}"` : ""}>${options.caption === undefined ? "" : html`<caption>${options.caption}</caption>`}<thead><tr>${head.map((label, c) => cell("th", label, c))}</tr></thead><tbody>${rows.map((row) => html`<tr>${row.map((content, c) => cell("td", content, c))}</tr>`)}</tbody></table>`;
}

/** A chart (or any content) with its title above and an optional note below. */
export function figure(id: string, title: Content, content: Content, note?: Content): Html {
  return html`<figure class="chart" id="${id}"><figcaption>${title}</figcaption>${content}${note === undefined ? "" : html`<p class="note">${note}</p>`}</figure>`;
}

/** A chart and the table of the same numbers, side by side where the page is wide enough. */
export function pair(left: Content, right: Content): Html {
  return html`<div class="pair"><div>${left}</div><div>${right}</div></div>`;
}

/** A whole number with thousands separators (rounded if it is not whole). */
export function integer(value: number | null | undefined): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "n/a";
  // Grouped by hand: the page must not depend on the locale of the machine that wrote it.
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number to `digits` places; "n/a", or "n/a (why)" given why, where it is not defined. */
export function fixed(value: number | null | undefined, digits: number, why?: string): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toFixed(digits) : why === undefined ? "n/a" : `n/a (${why})`;
}

export function percent(value: number | null | undefined, digits = 1): string {
  return typeof value === "number" && Number.isFinite(value) ? `${(value * 100).toFixed(digits)}%` : "n/a";
}

/** A measure's value at a readable precision: counts whole, small values to 3 significant digits. */
export function measure(value: number | null | undefined): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "n/a";
  if (Number.isInteger(value) || Math.abs(value) >= 1000) return integer(value);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value === 0 ? "0" : value.toPrecision(3);
}

/** The p-value of a permutation test, never printed as 0. */
export function pValue(value: number | null | undefined): string {
  return typeof value === "number" && Number.isFinite(value) ? (value < 0.001 ? "< 0.001" : value.toFixed(3)) : "n/a";
}

/** A fragment id from any label: lower case, ASCII letters, digits and dashes. */
export function slug(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "x"
  );
}
