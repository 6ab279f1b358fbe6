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

const appraisalJsonSchema = z.object({ reason: z.string(), reviewer: z.string().optional(), loc: locationSchema });

export const leafJsonSchema = z.object({
  code: z.string(),
  rule: z.string(),
  /** 'not-applicable': out of the agency's maximum (see notApplicable). */
  status: z.enum(['scored', 'missing', 'given-above', 'not-applicable']),
  points: z.number(),
  /** The agency's own max of the leaf (0 when it does not apply); for a bonus or penalty leaf, its cap. */
  maxPoints: z.number(),
  /** Bonus points add to the total, penalty points are taken off it; neither counts in the max. */
  effect: z.enum(['bonus', 'penalty']).optional(),
  /** Why the leaf does not apply: a tag the agency lacks, or its own accepted "không áp dụng". */
  notApplicable: z
    .object({ by: z.enum(['tag', 'declared']), tags: z.array(z.string()).optional(), reason: z.string().optional(), loc: locationSchema.optional() })
    .optional(),
  /** The agency's "không áp dụng" claim: allowed or not, and the council's rejection. */
  notApplicableClaim: z.object({ loc: locationSchema, reason: z.string().optional(), allowed: z.boolean(), rejected: appraisalJsonSchema.optional() }).optional(),
  selfPoints: z.number().optional(),
  /** Present when the appraisal council decided on this leaf: what the rules gave the agency's own inputs. */
  computedPoints: z.number().optional(),
  appraisal: appraisalJsonSchema.optional(),
  /** When the council corrected the inputs: the agency's own inputs and their cells (`inputs` and `sources` are then the council's). */
  ownInputs: z.record(z.string(), z.string()).optional(),
  ownSources: z.array(locationSchema).optional(),
  /** The points the council gave directly, when it gave points rather than corrected inputs. */
  councilPoints: z.number().optional(),
  inputs: z.record(z.string(), z.string()),
  evidence: z.string().optional(),
  sources: z.array(locationSchema),
});

export type LeafJson = z.infer<typeof leafJsonSchema>;

export const agencyJsonSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  parent: z.string().optional(),
  year: z.number().int().optional(),
  /** Tags from the agency list, deciding which `onlyFor` indicators apply. */
  tags: z.array(z.string()).optional(),
  file: z.string(),
  /** Points of the scored indicators plus bonus minus penalty. */
  points: z.number(),
  /** Present when the framework has bonus or penalty nodes. */
  bonusPoints: z.number().optional(),
  penaltyPoints: z.number().optional(),
  /** The agency's own maximum: over the indicators that apply to it, bonus and penalty excluded. */
  maxPoints: z.number(),
  index: z.number(),
  rank: z.number().int().positive().nullable(),
  class: z.object({ code: z.string(), name: localized }).optional(),
  complete: z.boolean(),
  indicators: z.array(rankedValueSchema),
  pillars: z.array(rankedValueSchema),
  leaves: z.array(leafJsonSchema),
  /** Errors found in the agency's submission (its file, or naming it), when there are any: its score may not hold. */
  errors: z.number().int().positive().optional(),
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
    /** The agency tags the framework declares (present when it declares some), for their names. */
    tags: z.array(z.object({ id: z.string(), name: localized })).optional(),
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
