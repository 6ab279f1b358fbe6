import { z } from 'zod';
import { Decimal, ONE, ZERO, minDec } from '../../core/decimal.js';
import { issue } from '../../core/issues.js';
import { isBlank, readNumber } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/**
 * a / b × max points. With a target (in percent) full points are reached at that share:
 * points = min(1, (a/b) / target) × max. A share may also be given directly as a percentage value.
 */
export const ratioRuleSchema = z.object({
  type: z.literal('ratio'),
  target: z.number().gt(0).max(100).optional(),
  /** What b = 0 means: nothing to do, so full points ("full"), or nothing done ("zero", the default). */
  zeroDenominator: z.enum(['zero', 'full']).default('zero'),
});
export type RatioRule = z.infer<typeof ratioRuleSchema>;

const HUNDRED = new Decimal(100);

/** Each rule's target as a share (0.8 for 80 %), worked out once per rule rather than once per agency. */
const targets = new WeakMap<RatioRule, Decimal>();
function targetOf(rule: RatioRule): Decimal {
  let target = targets.get(rule);
  if (target === undefined) {
    target = rule.target === undefined ? ONE : new Decimal(rule.target).dividedBy(HUNDRED);
    targets.set(rule, target);
  }
  return target;
}

export function scoreRatio(rule: RatioRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  const target = targetOf(rule);
  const fail = (inputs: Record<string, string>, problem: ReturnType<typeof issue>): RuleOutcome => ({
    status: 'scored',
    points: ZERO,
    inputs,
    issues: [problem],
  });

  if (!isBlank(input.numerator) || !isBlank(input.denominator)) {
    if (isBlank(input.numerator) || isBlank(input.denominator)) {
      const present = isBlank(input.numerator) ? input.denominator! : input.numerator;
      return fail({}, issue('E_RATIO_INCOMPLETE', present.loc, { indicator: ctx.indicator }));
    }
    const inputs = { numerator: String(input.numerator.raw), denominator: String(input.denominator.raw) };
    const a = readNumber(input.numerator, ctx, 'numerator', { min: 0 });
    if (!a.ok) return fail(inputs, a.issue);
    const b = readNumber(input.denominator, ctx, 'denominator', { min: 0 });
    if (!b.ok) return fail(inputs, b.issue);
    if (a.value.greaterThan(b.value)) {
      return fail(
        inputs,
        issue('E_NUMERATOR_OVER_DENOMINATOR', input.numerator.loc, {
          indicator: ctx.indicator,
          numerator: a.value.toString(),
          denominator: b.value.toString(),
        }),
      );
    }
    if (b.value.isZero()) {
      const full = rule.zeroDenominator === 'full';
      return {
        status: 'scored',
        points: full ? ctx.maxPoints : ZERO,
        inputs,
        issues: [issue('W_ZERO_DENOMINATOR', input.denominator.loc, { indicator: ctx.indicator, points: full ? ctx.maxPoints.toString() : '0' })],
      };
    }
    return { status: 'scored', points: share(a.value.dividedBy(b.value), target, ctx), inputs, issues: [] };
  }

  if (isBlank(input.value)) return { status: 'missing' };
  const inputs = { value: String(input.value.raw) };
  const pct = readNumber(input.value, ctx, 'value', { min: 0, max: 100, percent: true });
  if (!pct.ok) return fail(inputs, pct.issue);
  return { status: 'scored', points: share(pct.value.dividedBy(HUNDRED), target, ctx), inputs, issues: [] };
}

function share(ratio: Decimal, target: Decimal, ctx: RuleContext): Decimal {
  // Without a target the share is the ratio itself: dividing by 1 (at the same precision) changes no digit.
  return minDec(ONE, target === ONE ? ratio : ratio.dividedBy(target)).times(ctx.maxPoints);
}
