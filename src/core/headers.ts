import { headerKey } from './text.js';

/**
 * A matcher from header text to a column role, built from synonym lists (folded: case,
 * diacritics, NFC/NFD and punctuation do not matter). A header matches a synonym exactly, or
 * starts with a synonym of five letters or more followed by more words ("Điểm tự đánh giá (1)").
 */
export function headerMatcher<Role extends string>(synonyms: Readonly<Record<Role, readonly string[]>>): (header: string) => Role | undefined {
  const exact = new Map<string, Role>();
  for (const [role, names] of Object.entries(synonyms) as [Role, readonly string[]][]) {
    for (const n of names) {
      const key = headerKey(n);
      // Two roles sharing a wording would make a header's role depend on the table's order.
      if (exact.has(key) && exact.get(key) !== role) throw new Error(`header synonym "${n}" names two roles`);
      exact.set(key, role);
    }
  }
  // Longest synonyms first, so "diem tu danh gia" wins over "diem".
  const prefixes = [...exact.entries()].filter(([n]) => n.length >= 5).sort((a, b) => b[0].length - a[0].length);
  return (header) => {
    const key = headerKey(header);
    if (key === '') return undefined;
    const found = exact.get(key);
    if (found) return found;
    return prefixes.find(([name]) => key.startsWith(name + ' '))?.[1];
  };
}
