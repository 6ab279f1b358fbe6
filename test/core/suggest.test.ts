import { describe, expect, it } from 'vitest';
import { nearestCode } from '../../src/core/suggest.js';

const CODES = ['1', '1.1', '1.2', '6', '6.1', '6.2', '6.2.a', '6.2.b', '6.3'];

describe('the nearest known code', () => {
  it('is the one that differs only in punctuation or case: "6.2a" → "6.2.a"', () => {
    expect(nearestCode('6.2a', CODES)).toBe('6.2.a');
    expect(nearestCode('6.2.A', CODES)).toBe('6.2.a');
  });

  it('is the one a single typing slip away', () => {
    expect(nearestCode('6.2.c', CODES)).toBeUndefined(); // as near to 6.2.a as to 6.2.b: no guess
    expect(nearestCode('6.4', CODES)).toBeUndefined(); // 6.1, 6.2, 6.3 tie
    expect(nearestCode('1.1.', CODES)).toBe('1.1');
  });

  it('is nothing when every known code is far', () => {
    expect(nearestCode('9.9.9.9', CODES)).toBeUndefined();
    expect(nearestCode('', CODES)).toBeUndefined();
  });
});
