/**
 * Array helpers for inputs of any size. `push(...items)` and `Math.max(...values)` pass every
 * item as an argument, and past about 100,000 items that overflows the stack ("Maximum call
 * stack size exceeded"); these loop instead.
 */

/** Appends the items to the target, one by one; returns the target. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values and `start` (what Math.max(start, ...values) gives for numbers). */
export function maxOf(values: Iterable<number>, start: number): number {
  let max = start;
  for (const v of values) if (v > max) max = v;
  return max;
}
