import { z } from 'zod';
import { ZERO } from '../../core/decimal.js';
import { isBlank, readNumber } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/** Points given directly (by the agency, then by the appraisers), 0..max. Read from the value, else from the points column. */
export const manualRuleSchema = z.object({ type: z.literal('manual') });
export type ManualRule = z.infer<typeof manualRuleSchema>;

export function scoreManual(_rule: ManualRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  const given = !isBlank(input.value) ? input.value : !isBlank(input.points) ? input.points : undefined;
  if (given === undefined) return { status: 'missing' };
  const inputs = { points: String(given.raw) };
  const p = readNumber(given, ctx, 'points', { min: 0, max: ctx.maxPoints });
  if (!p.ok) return { status: 'scored', points: ZERO, inputs, issues: [p.issue] };
  return { status: 'scored', points: p.value, inputs, issues: [] };
}
