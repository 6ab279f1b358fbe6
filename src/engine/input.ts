import { z } from 'zod';
import { locationSchema } from '../core/issues.js';

/**
 * The engine's input, a submission: one agency's self-assessment for one year, as read from a sheet. Every value
 * keeps the cell it came from. Readers build it; zod checks it before the engine sees it.
 */
export const sourcedValueSchema = z.object({
  raw: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  loc: locationSchema,
});

export const sourcedTextSchema = z.object({
  text: z.string(),
  /** An http(s) link when the cell held one (evidence documents). */
  link: z.string().optional(),
  loc: locationSchema,
});

export const entrySchema = z.object({
  /** Indicator code as in the framework (already normalised: "1.1", not "1.1."). */
  indicator: z.string().min(1),
  loc: locationSchema,
  value: sourcedValueSchema.optional(),
  numerator: sourcedValueSchema.optional(),
  denominator: sourcedValueSchema.optional(),
  /** The agency's own points ("điểm tự đánh giá"), or a non-leaf node's points given directly. */
  points: sourcedValueSchema.optional(),
  evidence: sourcedTextSchema.optional(),
  note: sourcedTextSchema.optional(),
  /**
   * The cells of the indicator's row in each column the form has, filled or empty: where the
   * analyst must write what is missing (the evidence cell, the value cell), not the code cell.
   */
  cells: z.partialRecord(z.enum(['value', 'numerator', 'denominator', 'points', 'evidence', 'note']), locationSchema).optional(),
});
export type SubmissionEntry = z.infer<typeof entrySchema>;

export const agencySchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** Group id; may be absent when the framework has one group. */
  group: z.string().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  /** Parent unit code, for frameworks that rank within a parent (communes within a district). */
  parent: z.string().min(1).optional(),
  /** Tag ids (framework `tags`) deciding which `onlyFor` indicators apply; from the agency list. */
  tags: z.array(z.string().min(1)).optional(),
});
export type Agency = z.infer<typeof agencySchema>;

export const submissionSchema = z.object({
  agency: agencySchema,
  /** Where the agency's identity was read (first row of the agency in a CSV, metadata cells in a workbook). */
  loc: locationSchema,
  file: z.string(),
  sha256: z.string(),
  entries: z.array(entrySchema),
  /** A form's grand-total points, when it has a total row: cross-checked, never used as the score. */
  total: sourcedValueSchema.optional(),
});
export type Submission = z.infer<typeof submissionSchema>;
