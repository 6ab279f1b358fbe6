import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { cellNumber, parseLocaleNumber, type NumberParse } from '../../src/core/numbers.js';

/** The value as a plain decimal string, or the reason it is not a number. */
function read(p: NumberParse): string {
  return p.ok ? p.value.toFixed() : `<${p.reason}>`;
}
const parsed = (s: string) => read(parseLocaleNumber(s));

describe('parseLocaleNumber: decimals', () => {
  it.each([
    ['65,8', '65.8'],
    ['65.8', '65.8'],
    ['0,125', '0.125'],
    ['0.125', '0.125'],
    ['1234,567', '1234.567'],
    ['1.2345', '1.2345'],
  ])('reads %s with a decimal comma or point as %s', (input, value) => {
    expect(parsed(input)).toBe(value);
  });

  it.each([
    ['.5', '0.5'],
    [',5', '0.5'],
    ['5,', '5'],
    ['5.', '5'],
  ])('reads %s with nothing on one side of the separator as %s', (input, value) => {
    expect(parsed(input)).toBe(value);
  });

  it('reads "0,000" and "0.000" as zero: a leading 0 cannot start a thousands group', () => {
    expect(parsed('0,000')).toBe('0');
    expect(parsed('0.000')).toBe('0');
  });
});

describe('parseLocaleNumber: thousands', () => {
  it.each([
    ['1.234.567', '1234567'],
    ['1,234,567', '1234567'],
    ['1,234.5', '1234.5'],
    ['1.234,5', '1234.5'],
    ['1.234.567,89', '1234567.89'],
    ['1,234,567.89', '1234567.89'],
    ['1.234,567', '1234.567'],
  ])('reads %s with grouped thousands as %s', (input, value) => {
    expect(parsed(input)).toBe(value);
  });

  it.each([
    ['1 234', '1234'],
    ['1\u00a0234', '1234'],
    ['1\u202f234', '1234'],
    ['1 234 567', '1234567'],
    ['1 234,5', '1234.5'],
    ['1\u00a0234.5', '1234.5'],
  ])('reads %j with spaces or non-breaking spaces between thousands as %s', (input, value) => {
    expect(parsed(input)).toBe(value);
  });

  it.each(['1.234', '1,234', '12.345', '123,456', '1.000', '-1.234', '1,234%'])(
    'refuses to guess whether %s is a thousand or a decimal',
    (input) => {
      expect(parsed(input)).toBe('<ambiguous>');
    },
  );

  it.each(['1.234.56', '1,234.567.8', '1,2,3', '12 34', '1234 567', '1 234.567,8', '12,34,567'])(
    'refuses %j, whose groups are not of three digits',
    (input) => {
      expect(parsed(input)).toBe('<not-a-number>');
    },
  );

  it.each(['0,123.5', '0.123,5', '0.123.456', '0 123'])('refuses %j, whose first thousands group is 0', (input) => {
    expect(parsed(input)).toBe('<not-a-number>');
  });
});

describe('parseLocaleNumber: signs and percentages', () => {
  it.each([
    ['-3', '-3'],
    ['+5', '5'],
    ['-65,8', '-65.8'],
    ['- 5', '-5'],
  ])('reads the sign of %j', (input, value) => {
    expect(parsed(input)).toBe(value);
  });

  it('reads "-0" as zero, not as a negative zero', () => {
    const p = parseLocaleNumber('-0');
    expect(p.ok && p.value.isZero() && !p.value.isNegative()).toBe(true);
  });

  it.each([
    ['65,8%', '65.8'],
    ['65,8 %', '65.8'],
    ['0,5%', '0.5'],
    ['-2%', '-2'],
    ['100\u00a0%', '100'],
  ])('reads %j as a percentage of %s', (input, value) => {
    const p = parseLocaleNumber(input);
    expect(read(p)).toBe(value);
    expect(p.ok && p.percent).toBe(true);
  });

  it('marks a number without a % sign as not a percentage', () => {
    const p = parseLocaleNumber('65,8');
    expect(p.ok && p.percent).toBe(false);
  });
});

describe('parseLocaleNumber: what is not a number', () => {
  it.each(['', '   ', '\u00a0', '\t'])('calls %j empty', (input) => {
    expect(parseLocaleNumber(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['abc', '12abc', 'Có', '1e3', '0x10', 'Infinity', 'NaN', '(3)', '1..2', '1,,2', '5-', '--3', '%', '-', ',', '1_000', '1/2'])(
    'calls %j not a number',
    (input) => {
      expect(parseLocaleNumber(input)).toEqual({ ok: false, reason: 'not-a-number' });
    },
  );

  it('trims surrounding spaces and non-breaking spaces', () => {
    expect(parsed(' \u00a065,8\u00a0 ')).toBe('65.8');
  });
});

describe('parseLocaleNumber: exactness', () => {
  it('keeps every digit as an exact decimal', () => {
    expect(parsed('0,1')).toBe('0.1');
    expect(parsed('123456789012345678,123456789')).toBe('123456789012345678.123456789');
  });

  it('adds "0,1" and "0,2" to exactly 0.3', () => {
    const a = parseLocaleNumber('0,1');
    const b = parseLocaleNumber('0,2');
    expect(a.ok && b.ok && a.value.plus(b.value).equals(new Decimal('0.3'))).toBe(true);
  });
});

describe('cellNumber', () => {
  it('reads a spreadsheet number as the decimal the spreadsheet shows', () => {
    expect(read(cellNumber(65.8))).toBe('65.8');
    expect(read(cellNumber(-3))).toBe('-3');
  });

  it('reads 0.1 + 0.2 as exactly 0.3', () => {
    const p = cellNumber(0.1 + 0.2);
    expect(p.ok && p.value.equals(new Decimal('0.3'))).toBe(true);
  });

  it('keeps 15 significant digits of a number, as Excel does', () => {
    expect(read(cellNumber(1 / 3))).toBe('0.333333333333333');
    expect(read(cellNumber(123456789012345678))).toBe('123456789012346000');
  });

  it('reads very large and very small numbers without exponent trouble', () => {
    expect(read(cellNumber(1e21))).toBe('1000000000000000000000');
    expect(read(cellNumber(1e-7))).toBe('0.0000001');
  });

  it('never marks a spreadsheet number as a percentage', () => {
    const p = cellNumber(0.658);
    expect(p.ok && p.percent).toBe(false);
  });

  it('reads text through parseLocaleNumber', () => {
    expect(cellNumber('65,8%')).toEqual(parseLocaleNumber('65,8%'));
    expect(cellNumber('1.234')).toMatchObject({ ok: false, reason: 'ambiguous' });
  });

  it('calls null empty', () => {
    expect(cellNumber(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([NaN, Infinity, -Infinity, true, false])('calls %s not a number', (value) => {
    expect(cellNumber(value)).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

describe('an ambiguous number', () => {
  it('carries both readings, the decimal first, so a caller that knows the range can choose', () => {
    const out = parseLocaleNumber('77.955');
    if (out.ok || out.reason !== 'ambiguous') throw new Error('expected ambiguous');
    expect(out.readings.map((r) => r.toString())).toEqual(['77.955', '77955']);
  });
});
