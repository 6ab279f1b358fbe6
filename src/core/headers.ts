import { headerKey, memoised } from './text.js';

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
  const prefixes = new Map([...exact].filter(([n]) => n.length >= 5));
  // A form's headers and indicator names come back in every file of a batch: each key is matched once.
  const roleOf = memoised((key: string): Role | null => {
    if (key === '') return null;
    const found = exact.get(key);
    if (found) return found;
    // The longest synonym the key starts with, followed by more words ("diem tu danh gia" wins over
    // "diem"): the key cut at each space, longest first, looked up among the synonyms.
    for (let i = key.lastIndexOf(' '); i >= 5; i = key.lastIndexOf(' ', i - 1)) {
      const role = prefixes.get(key.slice(0, i));
      if (role) return role;
    }
    return null;
  });
  return (header) => roleOf(headerKey(header)) ?? undefined;
}
