import { z } from 'zod';
import { ONE, ZERO, minDec } from '../../core/decimal.js';
import { isBlank, readNumber } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/** The agency's value divided by the best value in its ranking scope, × max points. */
export const relativeRuleSchema = z.object({ type: z.literal('relative') });
export type RelativeRule = z.infer<typeof relativeRuleSchema>;

export function scoreRelative(_rule: RelativeRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  if (isBlank(input.value)) return { status: 'missing' };
  const inputs: Record<string, string> = { value: String(input.value.raw) };
  const v = readNumber(input.value, ctx, 'value', { min: 0, percent: true });
  if (!v.ok) return { status: 'scored', points: ZERO, inputs, issues: [v.issue] };
  const best = ctx.best ?? v.value;
  inputs.best = best.toString();
  // When every agency reports 0 there is no best to measure against: all get 0.
  // Capped: a best that is not the group's best (a library caller's own) never lifts points above the max.
  const points = best.isZero() ? ZERO : minDec(ONE, v.value.dividedBy(best)).times(ctx.maxPoints);
  return { status: 'scored', points, inputs, issues: [] };
}

/** The value a relative rule compares, or undefined when it cannot be read (the scorer reports why). */
export function relativeValue(input: RuleInput, ctx: RuleContext) {
  if (isBlank(input.value)) return undefined;
  const v = readNumber(input.value, ctx, 'value', { min: 0, percent: true });
  return v.ok ? v.value : undefined;
}
