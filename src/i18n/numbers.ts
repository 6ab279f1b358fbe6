import type { Lang } from './types.js';

/**
 * A number as a person reads it in a language: Vietnamese writes the decimal comma (0,8002),
 * English the point. Only a plain number is changed ("0.5", -3.25); other text (a code such as
 * "1.2") is returned as it is. Digit grouping is left out: published DTI tables print plain figures.
 */
export function localNumber(value: number | string, lang: Lang): string {
  const text = typeof value === 'number' ? String(value) : value;
  return lang === 'vi' && /^[-−+]?\d+\.\d+%?$/.test(text) ? text.replace('.', ',') : text;
}

/** A number with a fixed count of decimals, in the language's decimal mark. */
export function fixedNumber(value: number, places: number, lang: Lang): string {
  return localNumber(value.toFixed(places), lang);
}

/**
 * English nouns counted in the catalogue's messages, plural → singular. Vietnamese has no
 * plural; English needs "1 file" beside "2 files". A small table rather than a plural library:
 * these are the only nouns the messages count.
 */
export const ENGLISH_PLURALS: Readonly<Record<string, string>> = {
  files: 'file',
  agencies: 'agency',
  errors: 'error',
  warnings: 'warning',
  notes: 'note',
  issues: 'issue',
  rows: 'row',
  groups: 'group',
  workbooks: 'workbook',
  leaves: 'leaf',
  indicators: 'indicator',
  points: 'point',
  'more issues': 'more issue',
  items: 'item',
  characters: 'character',
  'leaf indicators': 'leaf indicator',
  'invalid byte sequence(s)': 'invalid byte sequence',
};

const COUNTED = new RegExp(
  `(^|[^\\d.,])1 (${Object.keys(ENGLISH_PLURALS)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\w(])`,
  'g',
);

/** "1 files" → "1 file" in English text; other languages are returned as they are. */
export function singularAfterOne(text: string, lang: 'vi' | 'en'): string {
  return lang === 'en' ? text.replace(COUNTED, (_, before: string, noun: string) => `${before}1 ${ENGLISH_PLURALS[noun]}`) : text;
}
