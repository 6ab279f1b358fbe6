import type { Lang } from '../../i18n/types.js';
import { esc } from './format.js';
import { SORT_SCRIPT, STYLES } from './styles.js';

/** A table cell: its text (escaped here), and for numbers the raw value the sorting uses. */
export interface Cell {
  readonly text: string;
  readonly v?: number | null;
  readonly cls?: string;
  /** Trusted markup instead of text (built by this module's callers from escaped parts). */
  readonly html?: string;
}

export interface Column {
  readonly head: string;
  readonly num?: boolean;
}

export const cell = (text: string | number, extra: Omit<Cell, 'text'> = {}): Cell => ({ text: String(text), ...extra });
export const num = (text: string, v: number | null, cls = ''): Cell => ({ text, v, cls: `num ${cls}`.trim() });

/** A real table (thead, tbody), wrapped to scroll sideways on a narrow screen. */
export function tableHtml(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: { sortable?: boolean; cls?: string; rowAttrs?: (i: number) => string } = {}): string {
  const cls = [options.sortable ? 'sortable' : '', options.cls ?? ''].filter(Boolean).join(' ');
  const head = columns.map((c) => `<th${c.num ? ' class="num"' : ''} scope="col">${esc(c.head)}</th>`).join('');
  const body = rows
    .map((row, i) => {
      const cells = row
        .map((c) => {
          const attrs = [c.cls ? ` class="${esc(c.cls)}"` : '', c.v !== undefined ? ` data-v="${c.v === null ? '' : c.v}"` : ''].join('');
          return `<td${attrs}>${c.html ?? esc(c.text)}</td>`;
        })
        .join('');
      const attrs = options.rowAttrs?.(i);
      return `<tr${attrs ? ' ' + attrs : ''}>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

/** A chart figure: the SVG (already made) and a caption. */
export function figureHtml(svg: string | undefined, caption: string): string {
  if (svg === undefined) return '';
  return `<figure class="chart">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The whole document: one file, styles and script inline, nothing fetched. */
export function pageHtml(lang: Lang, title: string, body: string, withScript: boolean): string {
  const { head, tail } = pageParts(lang, title, withScript);
  return head + body + tail;
}

/** The document around its body, for writing the body in chunks between them. */
export function pageParts(lang: Lang, title: string, withScript: boolean): { head: string; tail: string } {
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: no network, no external script, style or font.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main>',
  ].join('\n');
  const tail = ['</main>', withScript ? `<script>${SORT_SCRIPT}</script>` : '', '</body>', '</html>', ''].join('\n');
  return { head: head + '\n', tail: '\n' + tail };
}
