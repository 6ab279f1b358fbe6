import { foldText } from './text.js';

/**
 * The words an agency writes in a value or points cell to claim that an indicator does not
 * apply to it ("Không áp dụng", N/A), compared folded: case, diacritics and spaces do not matter.
 */
export const NOT_APPLICABLE_WORDS: readonly string[] = ['khong ap dung', 'kad', 'n/a', 'na', 'n.a', 'n.a.', 'not applicable'];

export function isNotApplicableText(raw: unknown): boolean {
  return typeof raw === 'string' && NOT_APPLICABLE_WORDS.includes(foldText(raw));
}
