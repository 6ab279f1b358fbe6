import { cleanText } from '../core/text.js';

/** An agency code as matching sees it: spaces and case do not count ("nhvn", "NH VN" and "NHVN" are one code). */
export function looseCode(code: string): string {
  return cleanText(code).replace(/\s+/g, '').toUpperCase();
}
