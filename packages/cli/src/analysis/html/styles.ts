/**
 * report.html's stylesheet, inlined in the page: system fonts only (the page loads nothing),
 * charts and their tables side by side where there is room, and a print layout that keeps each
 * chart and table on one page.
 */
export const STYLES = `
:root { --ink: #222; --muted: #666; --rule: #ddd; --band: #f6f7f9; --accent: #2f5f8f; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 1.5rem 2rem 3rem; color: var(--ink); background: white;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
p { max-width: 75ch; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
nav { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: .8rem 0 1rem; padding: .5rem .8rem; background: var(--band); border-radius: 4px; }
nav a { color: var(--accent); text-decoration: none; }
nav a:hover { text-decoration: underline; }
.lead { color: var(--muted); margin-top: 0; }
.muted, .id, .more, small { color: var(--muted); }
.id { font-size: .85em; white-space: nowrap; }
small { font-size: .8em; margin-left: .35em; }
.pair { display: grid; grid-template-columns: minmax(0, max-content) minmax(16rem, 1fr); gap: 1.5rem; align-items: start; margin: 1rem 0; }
.triple { display: grid; grid-template-columns: repeat(3, minmax(0, max-content)); gap: 1.5rem; align-items: start; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 1.2rem; }
.card { border: 1px solid var(--rule); border-radius: 4px; padding: .6rem .8rem; }
.card figure { margin: 0; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
figure svg { display: block; max-width: 100%; height: auto; }
.note { font-size: .85em; color: var(--muted); margin: .3rem 0 0; }
.notes { background: #fff8e6; border-left: 3px solid #e6ab02; padding: .3rem .9rem; margin: 1rem 0; }
.notes h3 { margin: .4rem 0; font-size: .95rem; }
.notes ul { margin: .2rem 0 .5rem; padding-left: 1.2rem; }
table { border-collapse: collapse; font-size: .88em; margin: .5rem 0 1rem; }
table.wide { width: 100%; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: .92em; padding-bottom: .25rem; }
th, td { padding: .22rem .55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fbfbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.org { overflow-wrap: anywhere; }
details { margin: .4rem 0; }
summary { cursor: pointer; color: var(--accent); }
@media (max-width: 900px) {
  body { padding: 1rem; }
  .pair, .triple { grid-template-columns: minmax(0, 1fr); }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, table, .card { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  tbody tr:nth-child(even) td { background: none; }
}
`;
