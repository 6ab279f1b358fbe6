import { z } from 'zod';
import { Decimal, ZERO } from '../../core/decimal.js';
import { issue } from '../../core/issues.js';
import { FRAMEWORK_LIMITS } from '../../core/limits.js';
import { foldText } from '../../core/text.js';
import { localizedSchema } from '../../core/localized.js';
import { display, isBlank } from './inputs.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/** One of several named levels, each with its points (head is the chairman → full, a deputy → half, none → 0). */
export const choiceRuleSchema = z.object({
  type: z.literal('choice'),
  options: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes'),
        label: localizedSchema,
        points: z.number().nonnegative().max(FRAMEWORK_LIMITS.points),
      }),
    )
    .min(2)
    .max(FRAMEWORK_LIMITS.tiers),
});
export type ChoiceRule = z.infer<typeof choiceRuleSchema>;

export function scoreChoice(rule: ChoiceRule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  if (isBlank(input.value)) return { status: 'missing' };
  const typed = foldText(display(input.value));
  // Accept the key, either label, or the option's position (1, 2, …) as typed in a dropdown-less sheet.
  // A key or label outranks a position: with keys "0", "1", "2", typing "1" means the key "1".
  const option =
    rule.options.find((o) => o.key === typed || foldText(o.label.vi) === typed || foldText(o.label.en) === typed) ??
    rule.options.find((_o, i) => String(i + 1) === typed);
  if (!option) {
    return {
      status: 'scored',
      points: ZERO,
      inputs: { value: display(input.value) },
      issues: [
        issue('E_CHOICE_UNKNOWN', input.value.loc, {
          indicator: ctx.indicator,
          value: display(input.value),
          options: rule.options.map((o) => o.label.vi).join(' | '),
        }),
      ],
    };
  }
  return { status: 'scored', points: new Decimal(option.points), inputs: { value: option.key }, issues: [] };
}
