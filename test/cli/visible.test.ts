import { describe, expect, it } from 'vitest';
import { visible } from '../../src/cli/visible.js';

describe('visible', () => {
  it('shows control characters as escapes', () => {
    expect(visible('a\rb\nc\td\u001b[2Ke\u0000\u007f\u009b')).toBe('a\\rb\\nc\\td\\x1B[2Ke\\x00\\x7F\\x9B');
  });

  it('shows bidirectional controls and line separators as escapes', () => {
    expect(visible('\u202aa\u202eb\u2066c\u2069d\u200ee\u200ff\u061cg\u2028h\u2029')).toBe('\\u202Aa\\u202Eb\\u2066c\\u2069d\\u200Ee\\u200Ff\\u061Cg\\u2028h\\u2029');
  });

  it('leaves ordinary text alone, Vietnamese and combining marks included', () => {
    const text = 'Sở Thông tin và Truyền thông — Điểm: 0,8123 (tốt) 🙂 e\u0301';
    expect(visible(text)).toBe(text);
  });
});
