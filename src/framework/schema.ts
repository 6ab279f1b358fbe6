import { z } from 'zod';
import { FRAMEWORK_LIMITS as LIMITS } from '../core/limits.js';
import { localizedSchema } from '../core/localized.js';
import { ruleSchema } from '../engine/rules/index.js';

/**
 * The framework file ("bộ chỉ số"): what a province or the ministry publishes, as data.
 * Types come from these schemas; semantic checks (sums, references) live in validate.ts.
 */

const codeSchema = z.string().max(LIMITS.codeLength).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes');
/** Points anywhere in a framework: bounded so sums stay exact and printable (no 1e308). */
const pointsSchema = z.number().nonnegative().max(LIMITS.points);
const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

/** How a node's points count: in the score and its maximum, or outside the maximum as bonus or penalty. */
export const effectSchema = z.enum(['score', 'bonus', 'penalty']);
export type Effect = z.output<typeof effectSchema>;

export const indicatorNodeSchema = z.object({
  code: codeSchema,
  name: localizedSchema,
  description: localizedSchema.optional(),
  /** Max points; on a branch it may be left out and is then the sum of its children. */
  maxPoints: pointsSchema.optional(),
  /** A different max for some groups (group id → points). */
  maxPointsByGroup: z.record(idSchema, pointsSchema).optional(),
  /** Groups the node applies to; absent means every group its parent applies to. */
  groups: z.array(idSchema).min(1).optional(),
  /** "Không tính điểm": collected, shown, never scored. */
  informational: z.boolean().default(false),
  evidenceRequired: z.boolean().default(false),
  /** Pillars this main indicator counts in (codes from the framework's `pillars`). */
  pillars: z.array(codeSchema).optional(),
  /** Agency tags (framework `tags`): the node applies only to agencies carrying at least one; inherited. */
  onlyFor: z.array(idSchema).min(1).max(LIMITS.groups).optional(),
  /** The agency may answer "Không áp dụng" (N/A) with a reason; on a branch, for each leaf below. */
  notApplicableAllowed: z.boolean().optional(),
  /**
   * 'score' (inherited default): counts in the maximum. 'bonus' / 'penalty': outside the maximum,
   * maxPoints is the cap of what the node can add or take off.
   */
  effect: effectSchema.optional(),
  rule: ruleSchema.optional(),
  get children() {
    return z.array(indicatorNodeSchema).max(LIMITS.nodes).default([]);
  },
});
export type IndicatorNode = z.output<typeof indicatorNodeSchema>;

export const pillarSchema = z.object({ code: codeSchema, name: localizedSchema });
export type Pillar = z.output<typeof pillarSchema>;

export const classSchema = z.object({
  code: idSchema,
  name: localizedSchema,
  /** Lowest index (0..1) that earns the class. */
  min: z.number().min(0).max(1),
});
export type ScoreClass = z.output<typeof classSchema>;

/** An agency attribute that `onlyFor` names ("has-public-services"); agencies carry tags in the agency list. */
export const tagSchema = z.object({ id: idSchema, name: localizedSchema });
export type AgencyTag = z.output<typeof tagSchema>;

export const groupSchema = z.object({
  id: idSchema,
  name: localizedSchema,
  /** Assessed but not ranked (e.g. units that provide no public services). */
  ranked: z.boolean().default(true),
  /** Rank within the whole group, or within each parent unit (communes within a district). */
  rankScope: z.enum(['group', 'parent']).default('group'),
  /** Class thresholds of this group, instead of the framework's `classes`. */
  classes: z.array(classSchema).max(LIMITS.groups).optional(),
});
export type AgencyGroup = z.output<typeof groupSchema>;

export const precisionSchema = z.object({
  /** Decimals kept for points (leaf points are rounded to this, sums are exact). */
  points: z.number().int().min(0).max(6).default(2),
  /** Decimals of a published index value (0.8002 → 4). */
  index: z.number().int().min(0).max(8).default(4),
  /** Whether indices are shown as 0.8002 or as 80.02 %. */
  indexDisplay: z.enum(['decimal', 'percent']).default('decimal'),
});

export const frameworkSchema = z.object({
  id: idSchema,
  name: localizedSchema,
  version: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  description: localizedSchema.optional(),
  /** Where the framework comes from and what was modelled: free text kept with the results. */
  provenance: z.string().optional(),
  /** Declared total (1000); checked against the main indicators for every group. */
  maxPoints: z.number().positive().max(LIMITS.points).optional(),
  /** Declared total per group (1000 / 800 / 900), checked instead of `maxPoints` for those groups. */
  maxPointsByGroup: z.record(idSchema, z.number().positive().max(LIMITS.points)).optional(),
  /** Whether the total index, bonus and penalty included, is clamped to 0..1. */
  indexClamp: z.boolean().default(true),
  precision: precisionSchema.prefault({}),
  /** Ties judged on the published (rounded) index or the exact one. */
  ties: z.enum(['published', 'exact']).default('exact'),
  /** A leaf with no input: scored 0 with a warning, or the agency marked incomplete (no rank). */
  missing: z.enum(['zero', 'incomplete']).default('zero'),
  /** Required evidence absent: only flagged, or the indicator scores 0. */
  evidenceMissing: z.enum(['flag', 'zero']).default('flag'),
  groups: z.array(groupSchema).min(1).max(LIMITS.groups),
  pillars: z.array(pillarSchema).max(LIMITS.groups).default([]),
  classes: z.array(classSchema).max(LIMITS.groups).default([]),
  /** Agency tags that nodes' `onlyFor` may name. */
  tags: z.array(tagSchema).max(LIMITS.groups).default([]),
  indicators: z.array(indicatorNodeSchema).min(1).max(LIMITS.nodes),
});
export type Framework = z.output<typeof frameworkSchema>;
export type FrameworkInput = z.input<typeof frameworkSchema>;
