import { z } from 'zod';
import { Decimal, ZERO, minDec } from '../../core/decimal.js';
import { FRAMEWORK_LIMITS } from '../../core/limits.js';
import { isBlank, readNumber } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/** Points per item, capped at the indicator's max points (or a lower cap). */
export const countRuleSchema = z.object({
  type: z.literal('count'),
  pointsPerItem: z.number().positive().max(FRAMEWORK_LIMITS.points),
  cap: z.number().positive().max(FRAMEWORK_LIMITS.points).optional(),
});
export type CountRule = z.infer<typeof countRuleSchema>;

export function scoreCount(rule: CountRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  if (isBlank(input.value)) return { status: 'missing' };
  const inputs = { value: String(input.value.raw) };
  const n = readNumber(input.value, ctx, 'value', { min: 0, integer: true });
  if (!n.ok) return { status: 'scored', points: ZERO, inputs, issues: [n.issue] };
  const cap = rule.cap === undefined ? ctx.maxPoints : minDec(new Decimal(rule.cap), ctx.maxPoints);
  return { status: 'scored', points: minDec(cap, n.value.times(rule.pointsPerItem)), inputs, issues: [] };
}
