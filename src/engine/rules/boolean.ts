import { z } from 'zod';
import { ZERO } from '../../core/decimal.js';
import { isBlank, readBoolean } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/** Yes/no ("có/không"): full points or none. */
export const booleanRuleSchema = z.object({ type: z.literal('boolean') });
export type BooleanRule = z.infer<typeof booleanRuleSchema>;

export function scoreBoolean(_rule: BooleanRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  if (isBlank(input.value)) return { status: 'missing' };
  const read = readBoolean(input.value, ctx, 'value');
  if (!read.ok) return { status: 'scored', points: ZERO, inputs: { value: String(input.value.raw) }, issues: [read.issue] };
  return {
    status: 'scored',
    points: read.value ? ctx.maxPoints : ZERO,
    inputs: { value: read.value ? 'true' : 'false' },
    issues: [],
  };
}
