import { z } from 'zod';
import { locationSchema, severitySchema } from '../core/issues.js';

/**
 * The results document: what `dti score --format json` prints and `--out results.json` writes.
 * Scripts read it, and later runs read it back (last year's results), so its names are stable.
 */
const localized = z.object({ vi: z.string(), en: z.string() });

export const rankedValueSchema = z.object({
  code: z.string(),
  name: localized,
  group: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  index: z.number(),
  rank: z.number().int().positive().nullable(),
});
export type RankedValueJson = z.infer<typeof rankedValueSchema>;

export const leafJsonSchema = z.object({
  code: z.string(),
  rule: z.string(),
  status: z.enum(['scored', 'missing', 'given-above']),
  points: z.number(),
  maxPoints: z.number(),
  selfPoints: z.number().optional(),
  /** Present when the appraisal council decided on this leaf: what the rules gave the agency's own inputs. */
  computedPoints: z.number().optional(),
  appraisal: z.object({ reason: z.string(), reviewer: z.string().optional(), loc: locationSchema }).optional(),
  inputs: z.record(z.string(), z.string()),
  evidence: z.string().optional(),
  sources: z.array(locationSchema),
});

export const agencyJsonSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  parent: z.string().optional(),
  year: z.number().int().optional(),
  file: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  index: z.number(),
  rank: z.number().int().positive().nullable(),
  class: z.object({ code: z.string(), name: localized }).optional(),
  complete: z.boolean(),
  indicators: z.array(rankedValueSchema),
  pillars: z.array(rankedValueSchema),
  leaves: z.array(leafJsonSchema),
});
export type AgencyJson = z.infer<typeof agencyJsonSchema>;

export const issueJsonSchema = locationSchema.extend({
  severity: severitySchema,
  code: z.string(),
  message: z.string(),
});
export type IssueJson = z.infer<typeof issueJsonSchema>;

/** What an input file was to the run: the method sheet lists each with its hash. */
export const inputFileSchema = z.object({
  file: z.string(),
  sha256: z.string(),
  kind: z.enum(['submission', 'review', 'previous', 'units', 'agencies', 'framework']).optional(),
});
export type InputFile = z.infer<typeof inputFileSchema>;

export const resultsSchema = z.object({
  tool: z.object({ name: z.literal('dti'), version: z.string() }),
  lang: z.enum(['vi', 'en']),
  framework: z.object({
    id: z.string(),
    name: localized,
    version: z.string(),
    year: z.number().int(),
    maxPoints: z.number(),
    precision: z.object({ points: z.number().int(), index: z.number().int(), indexDisplay: z.enum(['decimal', 'percent']) }),
    ties: z.enum(['published', 'exact']),
  }),
  inputs: z.array(inputFileSchema),
  groups: z.array(
    z.object({
      id: z.string(),
      name: localized,
      ranked: z.boolean(),
      maxPoints: z.number(),
      agencies: z.array(agencyJsonSchema),
    }),
  ),
  issues: z.array(issueJsonSchema),
  summary: z.object({ agencies: z.number().int(), errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
});
export type ResultsDoc = z.infer<typeof resultsSchema>;
