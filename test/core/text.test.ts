import { describe, expect, it } from 'vitest';
import { headerMatcher } from '../../src/core/headers.js';
import { cleanText, foldText, headerKey, memoised } from '../../src/core/text.js';
import { COLUMN_SYNONYMS } from '../../src/submission/columns.js';

describe('text folding kept for texts seen before', () => {
  it('folds a text the same the first time and every later time', () => {
    const text = 'Điểm Tự Đánh  Giá\u00a0(1)';
    const first = [foldText(text), headerKey(text), cleanText(text)];
    expect(first).toEqual(['diem tu danh gia (1)', 'diem tu danh gia 1', 'Điểm Tự Đánh Giá (1)']);
    expect([foldText(text), headerKey(text), cleanText(text)]).toEqual(first);
  });

  it('folds a long text (never kept) as it folds a short one', () => {
    const long = 'Tỷ lệ hồ sơ '.repeat(100);
    expect(foldText(long)).toBe('ty le ho so '.repeat(100).trim());
  });

  it('still answers rightly once the cache has filled and started afresh', () => {
    let calls = 0;
    const upper = memoised((s) => (calls++, s.toUpperCase()));
    for (let i = 0; i < 50_000; i++) expect(upper(`a${i}`)).toBe(`A${i}`);
    expect(calls).toBe(50_000);
    expect(upper('a49999')).toBe('A49999');
    expect(calls).toBe(50_000);
  });
});

describe('header matching', () => {
  // The matcher's rule as first written: an exact synonym, else the longest synonym of five
  // letters or more that the header starts with, followed by more words.
  const reference = (header: string) => {
    const exact = new Map<string, string>();
    for (const [role, names] of Object.entries(COLUMN_SYNONYMS)) for (const n of names) exact.set(headerKey(n), role);
    const key = headerKey(header);
    if (key === '') return undefined;
    const prefixes = [...exact].filter(([n]) => n.length >= 5).sort((a, b) => b[0].length - a[0].length);
    return exact.get(key) ?? prefixes.find(([n]) => key.startsWith(n + ' '))?.[1];
  };
  const match = headerMatcher(COLUMN_SYNONYMS);
  const names = Object.values(COLUMN_SYNONYMS).flat();
  const tails = ['', ' (1)', ' của đơn vị', ':', ' (nếu có) ghi rõ', 'x', ' 2024'];
  const headers = [...names.flatMap((n) => tails.map((t) => n + t)), ...names.map((n) => 'Cột ' + n), '', '   ', 'Điểm', 'Điểm  tự   chấm điểm (a)'];

  it('gives every synonym, with or without more words after it, the role of the longest synonym it starts with', () => {
    const roles = headers.map((h) => [h, match(h)]);
    expect(roles).toEqual(headers.map((h) => [h, reference(h)]));
    expect(roles.filter(([, r]) => r !== undefined).length).toBeGreaterThan(names.length);
  });
});

describe('cleaning text for display', () => {
  it.each([
    ['1.1', '1.1'],
    ['Co', 'Co'],
    ['a b', 'a b'],
    [' a', 'a'],
    ['a ', 'a'],
    ['a  b', 'a b'],
    ['a\tb', 'a b'],
    ['a\u00a0b', 'a b'],
    ['', ''],
    [' ', ''],
    ['x', 'x'],
    ['Có'.normalize('NFD'), 'Có'],
    ['\u200bx', '\u200bx'],
  ])('cleans %j to %j', (input, out) => {
    expect(cleanText(input)).toBe(out);
  });
});
