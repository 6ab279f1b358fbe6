import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/core/decimal.js';
import { fixed } from '../../src/report/numbers.js';

describe('a number printed at a precision', () => {
  it('is what decimal.js prints, for values at the precision and for any other double', () => {
    const atPrecision = fc.tuple(fc.maxSafeInteger().map((n) => n % 1e12), fc.integer({ min: 0, max: 6 })).map(([n, p]) => [n / 10 ** p, p] as const);
    const any = fc.tuple(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }));
    fc.assert(fc.property(fc.oneof(atPrecision, any), ([v, p]) => {
      expect(fixed(v, p)).toBe(dec(v).toFixed(p));
    }), { numRuns: 5000 });
  });

  it('rounds half up where the double lies just below the half', () => {
    // 1.005 is 1.00499999999999989… as a double; as the decimal a spreadsheet shows, it rounds to 1.01.
    expect(fixed(1.005, 2)).toBe('1.01');
    expect(fixed(-0, 2)).toBe('0.00');
  });
});
