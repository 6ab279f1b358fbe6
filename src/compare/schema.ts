import { z } from 'zod';
import { issueSchema } from '../core/issues.js';

/**
 * The year-on-year comparison: this year's results against last year's, agency by agency and
 * main indicator by main indicator, with what changed in the framework and which units were
 * merged. Built by compareYears (src/compare/compare.ts); `dti rank` prints it, writes it with
 * the results and fills the ranked workbook's rank-change column from it. Plain data: numbers
 * are already rounded at the current framework's precision.
 */
const localized = z.object({ vi: z.string(), en: z.string() });

/**
 * How this year's agency relates to last year's:
 * - same: found under the same code (and the same name, compared folded);
 * - renamed: the same unit under another code (matched by name, or a one-to-one units map) or another name;
 * - merged: formed from several of last year's units (units map); its previous value is their plain mean;
 * - new: nothing last year to compare with.
 */
export const matchStatusSchema = z.enum(['same', 'renamed', 'merged', 'new']);
export type MatchStatus = z.infer<typeof matchStatusSchema>;

/** What found last year's unit: its code, its name, or the units map. */
export const matchedBySchema = z.enum(['code', 'name', 'map']);
export type MatchedBy = z.infer<typeof matchedBySchema>;

export const previousValuesSchema = z.object({
  /** Last year's index; for a merged unit the plain mean of its former units' indices, rounded at the index precision. */
  index: z.number(),
  /**
   * Last year's rank, comparable with this year's: the published one, or, in a group where units
   * were merged, recomputed among this year's units from their previous indices (competition
   * ranking). Null when last year's unit (or one of the merged ones) was not ranked.
   */
  rank: z.number().int().positive().nullable(),
  /** Last year's codes the values come from (several for a merged unit). */
  codes: z.array(z.string()),
  /** Last year's names, in the order of `codes`. */
  names: z.array(z.string()),
  /** True when `rank` was recomputed because of merges, not read from last year's results. */
  rankRecomputed: z.boolean(),
});
export type PreviousValues = z.infer<typeof previousValuesSchema>;

export const indicatorComparisonSchema = z.object({
  code: z.string(),
  name: localized,
  index: z.number(),
  /** Last year's index of the same main indicator (mean over merged units); null when the code did not exist or the unit is new. */
  previous: z.number().nullable(),
  /** index − previous, at the index precision. */
  change: z.number().nullable(),
});
export type IndicatorComparison = z.infer<typeof indicatorComparisonSchema>;

export const agencyComparisonSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  index: z.number(),
  rank: z.number().int().positive().nullable(),
  status: matchStatusSchema,
  matchedBy: matchedBySchema.nullable(),
  previous: previousValuesSchema.nullable(),
  /** previous.rank − rank: positive moved up, negative moved down, 0 kept its place; null when new or either rank is missing. */
  rankChange: z.number().int().nullable(),
  /** index − previous.index, at the index precision; null when new. */
  indexChange: z.number().nullable(),
  /** This year's main indicators, in the results' order. */
  indicators: z.array(indicatorComparisonSchema),
});
export type AgencyComparison = z.infer<typeof agencyComparisonSchema>;

export const groupComparisonSchema = z.object({
  id: z.string(),
  name: localized,
  ranked: z.boolean(),
  /** In the order of this year's ranking. */
  agencies: z.array(agencyComparisonSchema),
});
export type GroupComparison = z.infer<typeof groupComparisonSchema>;

/** A unit assessed last year that matches nothing this year (abolished, merged without a map, or not submitted). */
export const goneAgencySchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  index: z.number(),
  rank: z.number().int().positive().nullable(),
});
export type GoneAgency = z.infer<typeof goneAgencySchema>;

/** A group (block) of last year that this year's results do not have, none of whose units was matched: the district level after 2025. */
export const goneGroupSchema = z.object({
  id: z.string(),
  name: localized,
  /** Last year's units of the group (all of them are also in `gone`). */
  codes: z.array(z.string()),
});
export type GoneGroup = z.infer<typeof goneGroupSchema>;

/** A merge the units map applied: this year's unit and the former units its previous value comes from. */
export const mergeSchema = z.object({
  code: z.string(),
  name: z.string(),
  group: z.string(),
  previous: z.array(z.string()),
  /** The plain mean of the former units' indices. */
  index: z.number(),
});
export type MergeApplied = z.infer<typeof mergeSchema>;

const codeSetChange = z.object({ shared: z.array(z.string()), added: z.array(z.string()), dropped: z.array(z.string()) });
export type CodeSetChange = z.infer<typeof codeSetChange>;

const frameworkRef = z.object({ id: z.string(), version: z.string(), year: z.number().int() });

export const frameworkChangesSchema = z.object({
  previous: frameworkRef,
  current: frameworkRef,
  /** A different framework id or different main-indicator or leaf codes. */
  changed: z.boolean(),
  /** Main indicators: compared only on `shared`. */
  indicators: codeSetChange,
  /** Scored leaves; null when either year's results carry none (a previous year read from a ranked workbook). */
  leaves: codeSetChange.nullable(),
  /** Names of every main indicator above (this year's name where both years have the code). */
  names: z.record(z.string(), localized),
});
export type FrameworkChanges = z.infer<typeof frameworkChangesSchema>;

export const comparisonSchema = z.object({
  /** The years assessed: the agencies' year, else the framework's. */
  currentYear: z.number().int(),
  previousYear: z.number().int(),
  framework: frameworkChangesSchema,
  groups: z.array(groupComparisonSchema),
  gone: z.array(goneAgencySchema),
  /** Last year's blocks gone as a whole; their units are in `gone` too. */
  goneGroups: z.array(goneGroupSchema).default([]),
  merges: z.array(mergeSchema),
  /** W_MATCHED_BY_NAME, I_UNITS_MERGED, units-map problems, I_FRAMEWORK_CHANGED, I_AGENCIES_GONE … */
  issues: z.array(issueSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** One pair of a units map: this year's code ← one of last year's codes. Several pairs with the same current code make a merge. */
export const unitsMapPairSchema = z.object({ current: z.string().min(1), previous: z.string().min(1) });
export type UnitsMapPair = z.infer<typeof unitsMapPairSchema>;
