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
