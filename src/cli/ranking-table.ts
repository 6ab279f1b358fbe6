import type { ChalkInstance } from 'chalk';
import { t } from '../i18n/catalog.js';
import { fixedNumber } from '../i18n/numbers.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';
import { pad } from './io.js';

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
    const mains = g.agencies[0]?.indicators.map((i) => i.code) ?? [];
    const pillars = g.agencies[0]?.pillars.map((p) => p.code) ?? [];
    const hasClass = g.agencies.some((a) => a.class);
    const header = [
      t('LABEL_RANK', lang),
      t('LABEL_CODE', lang),
      t('LABEL_AGENCY', lang),
      t('LABEL_POINTS', lang),
      t('LABEL_INDEX', lang),
      ...(hasClass ? [t('LABEL_CLASS', lang)] : []),
      ...mains,
      ...pillars,
    ];
    const rows = g.agencies.map((a) => [
      a.rank === null ? (a.complete ? '–' : t('LABEL_INCOMPLETE', lang)) : String(a.rank),
      a.code,
      a.name,
      fixedNumber(a.points, doc.framework.precision.points, lang),
      formatIndex(a.index, doc, lang),
      ...(hasClass ? [a.class?.name[lang] ?? ''] : []),
      ...a.indicators.map((i) => formatIndex(i.index, doc, lang)),
      ...a.pillars.map((p) => formatIndex(p.index, doc, lang)),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
    const classColumn = hasClass ? 5 : -1;
    const align = (i: number) => (i === 0 || (i >= 3 && i !== classColumn) ? 'right' : 'left');
    const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!, align(i))).join('  ');
    out += c.bold(`${g.name[lang]} (${g.agencies.length})${g.ranked ? '' : ' – ' + t('LABEL_NOT_RANKED', lang)}`) + '\n';
    out += c.dim(line(header)) + '\n';
    g.agencies.forEach((a, i) => {
      const text = line(rows[i]!);
      out += (a.rank !== null && a.rank <= 3 ? c.green(text) : text) + '\n';
    });
    out += '\n';
  }
  return out;
}
