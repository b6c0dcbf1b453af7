/**
 * The top of report.html: what was analysed (input files and their checksums, the config and
 * seed, the generator's version: what a reader needs to tell whether two reports compare), the
 * notes on skipped or estimated metrics.
 */
import type { Report } from "../../report.ts";
import { ORGANISATIONS_FILE } from "../../organisations-csv.ts";
import { html, integer, table, type Html } from "../markup.ts";

export function overviewSection(report: Report): Html {
  const { input, config, generator, notes } = report;
  const files = table(
    ["file", "bytes", "SHA-256"],
    input.files.map((file) => [html`<code>${file.path}</code>`, integer(file.bytes), html`<code title="${file.sha256}">${file.sha256.slice(0, 16)}…</code>`]),
    { numeric: [1] },
  );
  const settings = table(
    ["setting", "value"],
    [
      ["group by", config.groupBy.join(", ") || "none"],
      ["counting", config.counting],
      ["communities", `${config.communities.algorithm}, resolution ${config.communities.resolution}`],
      ["permutations", integer(config.permutations)],
      // This page charts every organisation whatever the detail; the row says what report.json holds.
      ["organisations in report.json", config.organisations.detail === "top" ? `the top ${integer(config.organisations.top)} of each per-organisation table` : `every organisation, in ${ORGANISATIONS_FILE}`],
      ["seed", String(report.seed)],
      ["sections", config.sections.join(", ")],
    ],
  );
  return html`<section id="overview">
<p class="lead">${generator.name} ${generator.version} · input checksum <code>${input.sha256.slice(0, 16)}…</code> · seed ${report.seed}</p>
<div class="pair"><div>${files}</div><div>${settings}</div></div>
${notes.length > 0 ? html`<div class="notes"><h3>Notes</h3><ul>${notes.map((note) => html`<li>${note}</li>`)}</ul></div>` : ""}
</section>`;
}
