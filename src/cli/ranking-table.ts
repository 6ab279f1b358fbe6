import type { ChalkInstance } from 'chalk';
import { t } from '../i18n/catalog.js';
import { fixedNumber } from '../i18n/numbers.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';
import { pad } from './io.js';
import { visible } from './visible.js';

type Doc = ResultsDoc;

/** An index as the framework publishes it: 0.8002 (0,8002 in Vietnamese), or 80.02% for percentage frameworks. */
export function formatIndex(value: number, doc: Doc, lang: Lang = 'en'): string {
  const { index, indexDisplay } = doc.framework.precision;
  return indexDisplay === 'percent' ? `${fixedNumber(value * 100, Math.max(0, index - 2), lang)}%` : fixedNumber(value, index, lang);
}

/** One table per group: rank, code, agency, points, index, class, then each main indicator's index. */
export function rankingTable(doc: Doc, lang: Lang, c: ChalkInstance, groupIds?: readonly string[]): string {
  let out = '';
  for (const g of doc.groups.filter((x) => !groupIds || groupIds.includes(x.id))) {
    // An agency may lack a main indicator or pillar that does not apply to it ("—").
    const union = (lists: string[][]) => [...new Set(lists.flat())];
    const mains = union(g.agencies.map((a) => a.indicators.map((i) => i.code)));
    const pillars = union(g.agencies.map((a) => a.pillars.map((p) => p.code)));
    const indexOf = (values: readonly { code: string; index: number }[], code: string) => {
      const v = values.find((x) => x.code === code);
      return v ? formatIndex(v.index, doc, lang) : '—';
    };
    const hasClass = g.agencies.some((a) => a.class);
    // Agencies whose submission has errors are marked in a last column: their score may not hold.
    const withErrors = g.agencies.some((a) => a.errors !== undefined);
    const header = [
      t('LABEL_RANK', lang),
      t('LABEL_CODE', lang),
      t('LABEL_AGENCY', lang),
      t('LABEL_POINTS', lang),
      t('LABEL_INDEX', lang),
      ...(hasClass ? [t('LABEL_CLASS', lang)] : []),
      ...mains,
      ...pillars,
      ...(withErrors ? [t('LABEL_SUBMISSION_ERRORS', lang)] : []),
    ];
    const rows = g.agencies.map((a) => [
      a.rank === null ? (a.complete ? '–' : t('LABEL_INCOMPLETE', lang)) : String(a.rank),
      visible(a.code),
      visible(a.name),
      fixedNumber(a.points, doc.framework.precision.points, lang),
      formatIndex(a.index, doc, lang),
      ...(hasClass ? [a.class?.name[lang] ?? ''] : []),
      ...mains.map((code) => indexOf(a.indicators, code)),
      ...pillars.map((code) => indexOf(a.pillars, code)),
      ...(withErrors ? [a.errors !== undefined ? `⚠ ${a.errors}` : ''] : []),
    ]);
    const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]!].length)));
    const classColumn = hasClass ? 5 : -1;
    const align = (i: number) => (i === 0 || (i >= 3 && i !== classColumn && !(withErrors && i === header.length - 1)) ? 'right' : 'left');
    const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!, align(i))).join('  ');
    out += c.bold(`${g.name[lang]} (${g.agencies.length})${g.ranked ? '' : ' – ' + t('LABEL_NOT_RANKED', lang)}`) + '\n';
    out += c.dim(line(header)) + '\n';
    g.agencies.forEach((a, i) => {
      const text = line(rows[i]!);
      out += (a.errors !== undefined ? c.red(text) : a.rank !== null && a.rank <= 3 ? c.green(text) : text) + '\n';
    });
    out += '\n';
  }
  return out;
}
