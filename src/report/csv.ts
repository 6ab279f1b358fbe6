import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';

/**
 * Two CSV styles. `excel` is for people who double-click the file: a UTF-8 BOM (without it Excel
 * reads UTF-8 as the ANSI code page and garbles Vietnamese), headers in the chosen language, and
 * the list separator and decimal mark of the language's regional setting, since Excel splits on
 * that separator: ";" with a decimal comma under vi (Windows' Vietnamese setting), "," with a
 * decimal point under en. `plain` is for programs: no BOM, ",", a decimal point, fixed English
 * headers.
 */
export const CSV_STYLES = ['excel', 'plain'] as const;
export type CsvStyle = (typeof CSV_STYLES)[number];

export interface CsvFormat {
  readonly bom: boolean;
  readonly separator: ',' | ';';
  readonly decimalComma: boolean;
}

export function csvFormat(style: CsvStyle, lang: Lang): CsvFormat {
  return style === 'plain' ? { bom: false, separator: ',', decimalComma: false } : { bom: true, separator: lang === 'vi' ? ';' : ',', decimalComma: lang === 'vi' };
}

const PLAIN: CsvFormat = csvFormat('plain', 'en');

/** What a spreadsheet would run as a formula (OWASP CSV injection), full-width forms included. */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One field. RFC 4180 quoting is a few lines; no CSV writer library is needed for it. A field
 * holding either list separator is quoted whatever the file's separator, so a file opened with
 * the other one ("Sở A;=1+1" in an Excel that splits on ";") still keeps it in one cell; text
 * starting like a formula gets a leading apostrophe, inside the quotes.
 */
export function csvCell(value: string | number | null | undefined, format: CsvFormat = PLAIN): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const text = String(value);
    return format.decimalComma ? text.replace('.', ',') : text;
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n\t]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | null | undefined)[], format: CsvFormat = PLAIN): string {
  return cells.map((c) => csvCell(c, format)).join(format.separator) + '\r\n';
}

/** One row per agency: group, rank, code, name, points, index, class, then each main indicator's index and rank, then each pillar's. */
export function rankingCsv(doc: ResultsDoc, lang: Lang, groupIds?: readonly string[], style: CsvStyle = 'excel'): string {
  const format = csvFormat(style, lang);
  const groups = doc.groups.filter((g) => !groupIds || groupIds.includes(g.id));
  const mainCodes = [...new Set(groups.flatMap((g) => g.agencies.flatMap((a) => a.indicators.map((i) => i.code))))];
  const pillarCodes = [...new Set(groups.flatMap((g) => g.agencies.flatMap((a) => a.pillars.map((p) => p.code))))];
  const codes = [...mainCodes, ...pillarCodes];
  const header =
    style === 'plain'
      ? ['group', 'rank', 'agency_code', 'agency_name', 'points', 'max_points', 'index', 'class', ...codes.flatMap((c) => [`index_${c}`, `rank_${c}`])]
      : [
          ...['CSV_GROUP', 'CSV_RANK', 'CSV_AGENCY_CODE', 'CSV_AGENCY_NAME', 'CSV_POINTS', 'CSV_MAX_POINTS', 'CSV_INDEX', 'CSV_CLASS'].map((k) => t(k, lang)),
          ...codes.flatMap((code) => [t('CSV_INDEX_OF', lang, { code }), t('CSV_RANK_OF', lang, { code })]),
        ];
  let out = (format.bom ? '\ufeff' : '') + csvLine(header, format);
  for (const g of groups) {
    for (const a of g.agencies) {
      const main = new Map(a.indicators.map((i) => [i.code, i]));
      const pillar = new Map(a.pillars.map((p) => [p.code, p]));
      out += csvLine(
        [
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
        ],
        format,
      );
    }
  }
  return out;
}
