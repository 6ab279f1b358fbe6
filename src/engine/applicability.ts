import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { isNotApplicableText } from '../core/not-applicable.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import type { Adjustment } from './adjustment.js';
import type { Agency, SubmissionEntry } from './input.js';

/** Why a leaf does not count for an agency: a tag it lacks, or its own accepted "không áp dụng". */
export type NotApplicable =
  | { readonly by: 'tag'; readonly tags: readonly string[] }
  | { readonly by: 'declared'; readonly reason?: string; readonly loc: Location };

/** An agency's "không áp dụng" claim, kept in the audit trail whatever became of it. */
export interface NotApplicableClaim {
  readonly loc: Location;
  readonly reason?: string;
  readonly allowed: boolean;
  /** The appraisal council's rejection, with its reason. */
  readonly rejected?: { readonly reason: string; readonly reviewer?: string; readonly loc: Location };
}

export interface Applicability {
  /** Set when the leaf is out of the agency's maximum. */
  readonly notApplicable?: NotApplicable;
  readonly claim?: NotApplicableClaim;
  /** The claim was not allowed or was rejected: the leaf is scored as if it had no value. */
  readonly scoreAsMissing: boolean;
  /** Whether the usual missing-value finding is still to be reported (not after E_NA_NOT_ALLOWED). */
  readonly reportMissing: boolean;
  readonly issues: readonly DtiIssue[];
}

/** The cell holding an agency's "không áp dụng" for an entry: its value cell, else its points cell. */
export function notApplicableCell(entry: SubmissionEntry | undefined): SubmissionEntry['value'] {
  if (entry?.value && isNotApplicableText(entry.value.raw)) return entry.value;
  if (entry?.points && isNotApplicableText(entry.points.raw)) return entry.points;
  return undefined;
}

/**
 * Whether a scored leaf applies to an agency: its tags against the node's `onlyFor`, then the
 * agency's own N/A claim (allowed or not, with a reason or not, rejected by the council or not).
 */
export function applicability(
  model: FrameworkModel,
  node: FrameworkNode,
  agency: Agency,
  own: SubmissionEntry | undefined,
  adjustment: Adjustment | undefined,
): Applicability {
  const missing = model.missingTags(node, agency.tags);
  if (missing) {
    const given = own && [own.value, own.numerator, own.denominator, own.points].some((v) => v !== undefined);
    const issues = given ? [issue('I_NOT_FOR_AGENCY_TAGS', own.loc, { agency: agency.code, indicator: node.code, tags: missing.join(', ') })] : [];
    return { notApplicable: { by: 'tag', tags: missing }, scoreAsMissing: false, reportMissing: true, issues };
  }
  const cell = notApplicableCell(own);
  if (!cell) return { scoreAsMissing: false, reportMissing: true, issues: [] };
  const reason = own?.note?.text;
  const base = { loc: cell.loc, ...(reason !== undefined ? { reason } : {}) };
  if (!node.notApplicableAllowed) {
    return {
      claim: { ...base, allowed: false },
      scoreAsMissing: true,
      reportMissing: false,
      issues: [issue('E_NA_NOT_ALLOWED', cell.loc, { agency: agency.code, indicator: node.code, value: String(cell.raw) })],
    };
  }
  const councilGave = adjustment && (adjustment.points || adjustment.value || adjustment.numerator || adjustment.denominator);
  if (adjustment && (adjustment.rejectNotApplicable || councilGave)) {
    const rejected = { reason: adjustment.reason, loc: adjustment.loc, ...(adjustment.reviewer ? { reviewer: adjustment.reviewer } : {}) };
    return {
      claim: { ...base, allowed: true, rejected },
      scoreAsMissing: !(adjustment.value || adjustment.numerator || adjustment.denominator),
      reportMissing: !adjustment.points,
      issues: [issue('I_NA_REJECTED', adjustment.loc, { agency: agency.code, indicator: node.code })],
    };
  }
  const issues = reason === undefined ? [issue('W_NA_NO_REASON', cell.loc, { agency: agency.code, indicator: node.code })] : [];
  return {
    notApplicable: { by: 'declared', ...base },
    claim: { ...base, allowed: true },
    scoreAsMissing: false,
    reportMissing: true,
    issues,
  };
}
