/**
 * The report's one stylesheet, inlined: system fonts only (no web font to fetch), tables that
 * scroll sideways on a phone instead of squeezing, charts that shrink to the screen, and for
 * print A4 pages with each agency card starting a new page.
 */
export const STYLES = `
:root { --ink: #1a1a1a; --muted: #5a5a5a; --line: #d0d0d0; --band: #f4f6f8; --blue: #0072B2; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; margin: 0.2em 0 0.3em; line-height: 1.25; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.4em; padding-bottom: 0.2em; border-bottom: 2px solid var(--blue); }
h3 { font-size: 1.08rem; margin: 1.3em 0 0.4em; }
h4 { font-size: 1rem; margin: 1em 0 0.3em; }
p, li { max-width: 75ch; }
.muted { color: var(--muted); }
nav.toc ul { padding-left: 1.2em; margin: 0.3em 0; }
nav.toc li { margin: 0.15em 0; }
a { color: var(--blue); }
figure.chart { margin: 0.6em 0 1em; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure.chart figcaption { font-size: 0.85rem; color: var(--muted); }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 0.5em 0 1em; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 60%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--band); font-weight: 600; }
td.name, td:first-child:not(.num) { min-width: 11em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th::after { content: " ⇅"; color: #aaa; font-weight: normal; }
table.sortable th[aria-sort="ascending"]::after { content: " ▲"; color: var(--ink); }
table.sortable th[aria-sort="descending"]::after { content: " ▼"; color: var(--ink); }
.up { color: #005a8c; } .down { color: #8c3b00; }
.cards > article { border-top: 3px solid var(--blue); margin-top: 2em; padding-top: 0.3em; }
.card-head { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0.4em 0 0.8em; }
.card-head div { min-width: 8em; }
.card-head .big { display: block; font-size: 1.5rem; font-weight: 600; }
.card-head .label { display: block; font-size: 0.8rem; color: var(--muted); }
.card-head .sub { display: block; font-size: 0.85rem; }
ul.steps { padding-left: 1.2em; }
.print-only { display: none; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  /* A chart keeps a readable size and scrolls sideways rather than shrinking its text away. */
  figure.chart { overflow-x: auto; -webkit-overflow-scrolling: touch; }
  figure.chart svg { min-width: 560px; }
  figure.chart figcaption { position: sticky; left: 0; }
  main { padding: 10px; }
  h1 { font-size: 1.3rem; }
  th, td { padding: 3px 5px; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  nav.toc, .noprint, .screen-only { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  figure.chart, tr { break-inside: avoid; page-break-inside: avoid; }
  /* A tall chart (51 rows of a large group) shrinks to the page rather than being cut or leaving a blank page. */
  figure.chart svg { max-height: 180mm; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  table.sortable th::after, table.sortable th[aria-sort]::after { content: ""; }
  .card-head .big { font-size: 1.25rem; }
  .cards > article { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  /* A card is one A4 page: tighter type and spacing, the long tables cut to their first rows (a note says how many more). */
  .print-only { display: block; }
  article.card tr.more { display: none; }
  article.card { font-size: 9pt; line-height: 1.3; }
  article.card > h2, article.card > h3 { font-size: 10pt; margin: 0.7em 0 0.2em; padding-bottom: 0; border-bottom: 1px solid var(--blue); }
  article.card > :is(h1, h2):first-child { font-size: 14pt; margin: 0 0 0.1em; padding-bottom: 0.1em; border-bottom: 2px solid var(--blue); }
  article.card > p.muted { margin: 0 0 0.3em; }
  article.card .card-head { gap: 2px 18px; margin: 0.2em 0 0.3em; }
  article.card .card-head div { min-width: 6em; }
  article.card .card-head .big { font-size: 12pt; }
  article.card .card-head .label, article.card .card-head .sub { font-size: 7.5pt; }
  article.card ul.steps { margin: 0.2em 0; }
  article.card p, article.card li { margin: 0.15em 0; max-width: none; }
  article.card .table-wrap { margin: 0.2em 0 0.3em; }
  article.card table { font-size: 8pt; width: 100%; }
  article.card th, article.card td { padding: 1px 4px; }
  article.card td:first-child:not(.num) { min-width: 0; }
  article.card .more-note { font-size: 7.5pt; color: var(--muted); }
}
`;

/**
 * Sorting for tables marked "sortable", hand-written because it is a dozen lines and the report
 * must not load a script from anywhere: a click on a header sorts by that column (numbers by
 * their data-v value), a second click reverses.
 */
export const SORT_SCRIPT = `
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead ? table.tHead.rows[0].cells : [];
  Array.prototype.forEach.call(heads, function (th, col) {
    th.setAttribute('tabindex', '0');
    function sort() {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) { var c = row.cells[col]; var v = c && c.getAttribute('data-v'); return v === null || v === undefined ? (c ? c.textContent : '') : v === '' ? NaN : Number(v); };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var r = typeof x === 'number' && typeof y === 'number' ? (isNaN(x) ? 1 : isNaN(y) ? -1 : x - y) : String(x).localeCompare(String(y), document.documentElement.lang);
        return asc ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
    th.addEventListener('click', sort);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); } });
  });
});
`;
