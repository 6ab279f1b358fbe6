import { distance } from 'fastest-levenshtein';

/** A code reduced to its letters and digits, lower case: "6.2a", "6.2.a", "6-2-A" → "62a". */
function codeKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/**
 * The known code nearest to one typed by a person, for a "did you mean" hint: a code that
 * differs only in punctuation or case ("6.2a" → "6.2.a"), else the one at the smallest edit
 * distance, within a third of its length and only when no other is as near. Undefined when
 * nothing is near enough to be worth suggesting.
 */
export function nearestCode(typed: string, known: Iterable<string>): string | undefined {
  const key = codeKey(typed);
  const candidates = [...known];
  const same = candidates.filter((c) => codeKey(c) === key);
  if (same.length === 1) return same[0];
  if (key === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tied = false;
  for (const c of candidates) {
    const d = distance(typed.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      tied = false;
    } else if (d === bestDistance) tied = true;
  }
  if (best === undefined || tied || bestDistance === 0) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(typed.length, best.length) / 3)) ? best : undefined;
}
