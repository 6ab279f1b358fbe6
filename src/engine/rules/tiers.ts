import { z } from 'zod';
import { Decimal, ZERO } from '../../core/decimal.js';
import { issue } from '../../core/issues.js';
import { FRAMEWORK_LIMITS } from '../../core/limits.js';
import { isBlank, readNumber } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/**
 * Thresholds on a value: the highest tier whose `min` the value reaches gives its points
 * (met 4 times → 20, 3 → 15 …; ≥ 90 % → 10, ≥ 70 % → 7). Below every tier: 0.
 * With `basis: percent` the value may also come as numerator / denominator.
 */
export const tiersRuleSchema = z.object({
  type: z.literal('tiers'),
  basis: z.enum(['value', 'percent']).default('value'),
  tiers: z
    .array(z.object({ min: z.number(), points: z.number().nonnegative().max(FRAMEWORK_LIMITS.points) }))
    .min(1)
    .max(FRAMEWORK_LIMITS.tiers),
});
export type TiersRule = z.infer<typeof tiersRuleSchema>;

export function scoreTiers(rule: TiersRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  let value: Decimal;
  let inputs: Record<string, string>;
  if (rule.basis === 'percent' && isBlank(input.value) && isBlank(input.numerator) !== isBlank(input.denominator)) {
    // Half a ratio is a mistake to report, not a value left out.
    const present = (isBlank(input.numerator) ? input.denominator : input.numerator)!;
    return { status: 'scored', points: ZERO, inputs: {}, issues: [issue('E_RATIO_INCOMPLETE', present.loc, { indicator: ctx.indicator })] };
  }
  if (rule.basis === 'percent' && !isBlank(input.numerator) && !isBlank(input.denominator)) {
    inputs = { numerator: String(input.numerator.raw), denominator: String(input.denominator.raw) };
    const a = readNumber(input.numerator, ctx, 'numerator', { min: 0 });
    if (!a.ok) return { status: 'scored', points: ZERO, inputs, issues: [a.issue] };
    const b = readNumber(input.denominator, ctx, 'denominator', { min: 0 });
    if (!b.ok) return { status: 'scored', points: ZERO, inputs, issues: [b.issue] };
    if (a.value.greaterThan(b.value)) {
      const params = { indicator: ctx.indicator, numerator: a.value.toString(), denominator: b.value.toString() };
      return { status: 'scored', points: ZERO, inputs, issues: [issue('E_NUMERATOR_OVER_DENOMINATOR', input.numerator.loc, params)] };
    }
    if (b.value.isZero()) {
      return {
        status: 'scored',
        points: ZERO,
        inputs,
        issues: [issue('W_ZERO_DENOMINATOR', input.denominator.loc, { indicator: ctx.indicator, points: '0' })],
      };
    }
    value = a.value.dividedBy(b.value).times(100);
  } else {
    if (isBlank(input.value)) return { status: 'missing' };
    inputs = { value: String(input.value.raw) };
    const bounds = rule.basis === 'percent' ? { min: 0, max: 100, percent: true } : { min: 0 };
    const v = readNumber(input.value, ctx, 'value', bounds);
    if (!v.ok) return { status: 'scored', points: ZERO, inputs, issues: [v.issue] };
    value = v.value;
  }
  let points = ZERO;
  let best: Decimal | undefined;
  for (const tier of rule.tiers) {
    const min = new Decimal(tier.min);
    if (value.greaterThanOrEqualTo(min) && (best === undefined || min.greaterThan(best))) {
      best = min;
      points = new Decimal(tier.points);
    }
  }
  return { status: 'scored', points, inputs, issues: [] };
}
