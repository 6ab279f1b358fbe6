import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';

/**
 * RFC 4180 quoting is a few lines; no CSV writer library is needed for it. Text that a
 * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/** One row per agency: group, rank, code, name, points, index, class, then each main indicator's index and rank. */
export function rankingCsv(doc: ResultsDoc, lang: Lang, groupIds?: readonly string[]): string {
  const groups = doc.groups.filter((g) => !groupIds || groupIds.includes(g.id));
  const mainCodes = [...new Set(groups.flatMap((g) => g.agencies.flatMap((a) => a.indicators.map((i) => i.code))))];
  const pillarCodes = [...new Set(groups.flatMap((g) => g.agencies.flatMap((a) => a.pillars.map((p) => p.code))))];
  let out = csvLine([
    'group',
    'rank',
    'agency_code',
    'agency_name',
    'points',
    'max_points',
    'index',
    'class',
    ...mainCodes.flatMap((c) => [`index_${c}`, `rank_${c}`]),
    ...pillarCodes.flatMap((c) => [`index_${c}`, `rank_${c}`]),
  ]);
  for (const g of groups) {
    for (const a of g.agencies) {
      const main = new Map(a.indicators.map((i) => [i.code, i]));
      const pillar = new Map(a.pillars.map((p) => [p.code, p]));
      out += csvLine([
        g.id,
        a.rank,
        a.code,
        a.name,
        a.points,
        a.maxPoints,
        a.index,
        a.class ? a.class.name[lang] : a.rank === null && !g.ranked ? t('LABEL_NOT_RANKED', lang) : '',
        ...mainCodes.flatMap((c) => [main.get(c)?.index ?? null, main.get(c)?.rank ?? null]),
        ...pillarCodes.flatMap((c) => [pillar.get(c)?.index ?? null, pillar.get(c)?.rank ?? null]),
      ]);
    }
  }
  return out;
}
