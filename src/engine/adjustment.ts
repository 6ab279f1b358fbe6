import { z } from 'zod';
import { locationSchema } from '../core/issues.js';
import { sourcedValueSchema } from './input.js';

/**
 * One decision of the appraisal council ("hội đồng thẩm định") on one agency's indicator:
 * approved points, or corrected input values that the rule then scores, or the rejection of a
 * "not applicable" claim, with the reason. The engine's own input type: src/review produces it.
 */
export const adjustmentSchema = z.object({
  agency: z.string().min(1),
  indicator: z.string().min(1),
  /** Approved points, used as they are (0..max). */
  points: sourcedValueSchema.optional(),
  /** Corrected inputs; any given replaces the agency's own, and the rule scores the result. */
  value: sourcedValueSchema.optional(),
  numerator: sourcedValueSchema.optional(),
  denominator: sourcedValueSchema.optional(),
  /**
   * The council does not accept the agency's "không áp dụng" (N/A) claim: the indicator is scored
   * as missing, unless the council also gives points or inputs (which reject the claim as well).
   */
  rejectNotApplicable: z.boolean().optional(),
  reason: z.string(),
  reviewer: z.string().optional(),
  loc: locationSchema,
});
export type Adjustment = z.infer<typeof adjustmentSchema>;
