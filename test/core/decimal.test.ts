import { describe, expect, it } from 'vitest';
import { Decimal, fromNumber, roundTo, toNumber } from '../../src/core/decimal.js';

/** What fromNumber gave before whole numbers took the short way: the number's 15 significant digits, through a string. */
const viaString = (n: number) => new Decimal(Number(n.toPrecision(15)).toString());

describe('a spreadsheet number as a decimal', () => {
  it.each([0, 1, 7, -3, 150, 1000, 123456789012345, -999999999999999, 2 ** 40])('takes the whole number %s exactly', (n) => {
    expect(fromNumber(n).toFixed()).toBe(String(n));
    expect(fromNumber(n).equals(viaString(n))).toBe(true);
  });

  it('reads -0 as 0, which prints and compares as 0', () => {
    expect(fromNumber(-0).isNegative()).toBe(false);
    expect(fromNumber(-0).toString()).toBe('0');
  });

  it.each([
    [0.1 + 0.2, '0.3'],
    [65.8, '65.8'],
    [1e15 + 0.5, '1000000000000000'],
    [2 ** 60, '1152921504606850000'],
    [1e-7, '1e-7'],
  ])('strips binary noise from %s to the 15 digits a spreadsheet shows (%s)', (n, shown) => {
    expect(fromNumber(n).toString()).toBe(shown);
    expect(fromNumber(n).equals(viaString(n))).toBe(true);
  });
});

describe('a decimal as a plain number for JSON and tables', () => {
  it.each([
    ['0.12345', 4, 0.1235],
    ['-0.12345', 4, -0.1235],
    ['812.495', 2, 812.5],
    ['812.494999', 2, 812.49],
    ['2.5', 0, 3],
    ['1000', 2, 1000],
    ['0.00005', 4, 0.0001],
  ])('rounds %s half away from zero to %i places: %s', (x, places, n) => {
    expect(toNumber(new Decimal(x), places)).toBe(n);
    expect(toNumber(new Decimal(x), places)).toBe(Number(roundTo(new Decimal(x), places).toFixed(places)));
  });
});
