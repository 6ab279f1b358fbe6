import { z } from 'zod';
import { booleanRuleSchema, scoreBoolean } from './boolean.js';
import { choiceRuleSchema, scoreChoice } from './choice.js';
import { countRuleSchema, scoreCount } from './count.js';
import { manualRuleSchema, scoreManual } from './manual.js';
import { ratioRuleSchema, scoreRatio } from './ratio.js';
import { relativeRuleSchema, scoreRelative } from './relative.js';
import { scoreTiers, tiersRuleSchema } from './tiers.js';
import type { RuleContext, RuleInput, RuleOutcome } from './types.js';

/**
 * The scoring rules, one module each. Adding a rule: its schema here, its scorer in SCORERS,
 * and a test file under test/engine/rules/.
 */
export const ruleSchema = z.discriminatedUnion('type', [
  booleanRuleSchema,
  ratioRuleSchema,
  tiersRuleSchema,
  countRuleSchema,
  choiceRuleSchema,
  relativeRuleSchema,
  manualRuleSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];

type Scorer<T extends RuleType> = (rule: Extract<Rule, { type: T }>, input: RuleInput, ctx: RuleContext) => RuleOutcome;

const SCORERS: { [T in RuleType]: Scorer<T> } = {
  boolean: scoreBoolean,
  ratio: scoreRatio,
  tiers: scoreTiers,
  count: scoreCount,
  choice: scoreChoice,
  relative: scoreRelative,
  manual: scoreManual,
};

export function scoreRule(rule: Rule, input: RuleInput, ctx: RuleContext): RuleOutcome {
  return (SCORERS[rule.type] as Scorer<RuleType>)(rule as never, input, ctx);
}

export type { RuleContext, RuleInput, RuleOutcome, SourcedValue } from './types.js';
