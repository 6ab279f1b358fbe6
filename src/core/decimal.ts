import { Decimal as DecimalJs } from 'decimal.js';

/**
 * Exact decimal arithmetic for points and indices. A private clone with 40 significant digits
 * and half-up rounding: inputs have few digits, so a quotient cannot land within 1e-40 of a
 * rounding boundary without being on it, and two equal scores always compare equal, whatever
 * order their parts were added in.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** A JS number as the decimal a spreadsheet shows: 15 significant digits strip binary float noise (0.1 + 0.2). */
export function fromNumber(n: number): Decimal {
  // A whole number below 10^15 has no float noise to strip: it is its own 15-digit rounding (the
  // common case, counts and points), and needs no trip through two strings.
  // (-0 becomes 0, as the string trip makes it.)
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return new Decimal(n === 0 ? 0 : n);
  return new Decimal(Number(n.toPrecision(15)).toString());
}

export function dec(x: number | string | Decimal): Decimal {
  if (x instanceof Decimal) return x;
  return typeof x === 'number' ? fromNumber(x) : new Decimal(x);
}

/** Rounds half away from zero to `places` decimals, the way published DTI tables round. */
export function roundTo(x: Decimal, places: number): Decimal {
  return x.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

export function sum(xs: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const x of xs) total = total.plus(x);
  return total;
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** For JSON and tables: the rounded decimal as a plain JS number (exactly representable as printed). */
export function toNumber(x: Decimal, places: number): number {
  // toFixed rounds as roundTo does (half up, at `places`) without making the rounded decimal first.
  return Number(x.toFixed(places, Decimal.ROUND_HALF_UP));
}
