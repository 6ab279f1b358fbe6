import { nearestCode } from '../core/suggest.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { foldText, normaliseCode } from '../core/text.js';
import { readNumber } from '../engine/rules/inputs.js';
import type { Rule } from '../engine/rules/index.js';
import type { FrameworkModel } from '../framework/model.js';
import type { Submission, SubmissionEntry } from '../submission/schema.js';
import { notApplicableCell } from '../engine/applicability.js';
import type { Adjustment } from './schema.js';

export interface CheckedAdjustments {
  /** The valid adjustments, in their order, agency codes as the submissions spell them. */
  readonly adjustments: Adjustment[];
  /** Why the others were dropped, at the review file's cells. */
  readonly issues: DtiIssue[];
}

/**
 * Checks the appraisal council's adjustments against the submissions they adjust. Pure.
 *
 * Dropped, with an error at the review cell: an agency that is not among the submissions
 * (E_REVIEW_UNKNOWN_AGENCY); an indicator that is not a scored leaf applying to the agency's
 * group (E_REVIEW_UNKNOWN_INDICATOR); a second decision on the same agency and indicator
 * (E_REVIEW_DUPLICATE, the first is kept); approved points that are not a number from 0 to the
 * leaf's max (E_NOT_A_NUMBER, E_RANGE); a corrected input the leaf's rule would not read
 * (E_REVIEW_INPUT_UNUSED), which would otherwise leave the points silently unchanged.
 *
 * Agency codes match as typed, or else ignoring case and diacritics when that names one agency.
 * Checking checked adjustments again finds nothing new.
 */
export function checkAdjustments(model: FrameworkModel, submissions: readonly Submission[], adjustments: readonly Adjustment[]): CheckedAdjustments {
  const issues: DtiIssue[] = [];
  const out: Adjustment[] = [];
  const byCode = new Map<string, Submission>();
  const byFolded = new Map<string, Submission[]>();
  for (const s of submissions) {
    if (!byCode.has(s.agency.code)) byCode.set(s.agency.code, s);
    const key = foldText(s.agency.code);
    byFolded.set(key, [...(byFolded.get(key) ?? []), s]);
  }
  const seen = new Map<string, Adjustment>();

  for (const a of adjustments) {
    const folded = byFolded.get(foldText(a.agency));
    const submission = byCode.get(a.agency) ?? (folded?.length === 1 ? folded[0] : undefined);
    if (!submission) {
      const near = nearestCode(a.agency, byCode.keys());
      issues.push(issue('E_REVIEW_UNKNOWN_AGENCY', cellsOf(a).agency, { agency: a.agency, indicator: a.indicator, ...(near ? { suggestion: near } : {}) }));
      continue;
    }
    const agency = submission.agency.code;
    const group = submission.agency.group!;
    const code = normaliseCode(a.indicator);
    const node = model.nodes.get(code);
    if (!node || !node.isLeaf || node.informational || !node.node.rule || !model.applies(node, group)) {
      // The nearest leaf the council could have meant, among those that apply to the agency.
      const leaves = [...model.nodes.values()].filter((n) => n.isLeaf && !n.informational && n.node.rule && model.applies(n, group)).map((n) => n.code);
      const near = node && !node.isLeaf ? undefined : nearestCode(code, leaves);
      issues.push(issue('E_REVIEW_UNKNOWN_INDICATOR', cellsOf(a).indicator, { agency, indicator: a.indicator, group, ...(near ? { suggestion: near } : {}) }));
      continue;
    }
    if (!model.tagsAllow(node, submission.agency.tags)) {
      issues.push(issue('E_REVIEW_NOT_FOR_AGENCY', cellsOf(a).indicator, { agency, indicator: code, tags: (model.missingTags(node, submission.agency.tags) ?? []).join(', ') }));
      continue;
    }
    const key = `${agency}\u0000${code}`;
    const first = seen.get(key);
    if (first) {
      issues.push(issue('E_REVIEW_DUPLICATE', a.loc, { agency, indicator: code, first: where(first.loc) }));
      continue;
    }
    seen.set(key, a);

    if (a.points) {
      // A bonus or penalty leaf's points go up to its cap.
      const max = node.effect === 'score' ? model.maxFor(node, group) : model.capFor(node, group);
      const read = readNumber(a.points, { indicator: code, maxPoints: max, fallbackLocation: a.loc }, 'points', { min: 0, max });
      if (!read.ok) {
        issues.push(read.issue);
        continue;
      }
    }
    const entry = submission.entries.find((e) => e.indicator === code);
    if (a.rejectNotApplicable && !a.points && !a.value && !a.numerator && !a.denominator && !notApplicableCell(entry)) {
      // Nothing to reject: the agency gave a value for this indicator, not "không áp dụng".
      issues.push(issue('W_REVIEW_NA_NO_CLAIM', a.loc, { agency, indicator: code }));
      continue;
    }
    const unused = unusedInput(node.node.rule, a, submission.entries.find((e) => e.indicator === code));
    if (unused) {
      issues.push(issue('E_REVIEW_INPUT_UNUSED', unused.loc, { agency, indicator: code, field: unused.field, rule: node.node.rule.type }));
      continue;
    }
    out.push({ ...a, agency, indicator: code });
  }
  return { adjustments: out, issues };
}

/** Where an adjustment's agency and indicator were read: the cells the reader recorded, else its location. */
function cellsOf(a: Adjustment): { agency: Location; indicator: Location } {
  const cells = (a as { cells?: { agency?: Location; indicator?: Location } }).cells;
  return { agency: cells?.agency ?? a.loc, indicator: cells?.indicator ?? a.loc };
}

function where(loc: Location): string {
  return loc.cell ?? (loc.row !== undefined ? String(loc.row) : '');
}

/**
 * A corrected input the rule would not read once the correction is merged into the agency's
 * entry (as the engine merges it): numerator or denominator for a rule that reads a value, or a
 * value for a ratio (or percentage tiers) that still has a numerator and denominator.
 */
function unusedInput(rule: Rule, a: Adjustment, own: SubmissionEntry | undefined): { field: string; loc: Location } | undefined {
  const fraction = a.numerator ?? a.denominator;
  const readsFraction = rule.type === 'ratio' || (rule.type === 'tiers' && rule.basis === 'percent');
  if (fraction && !readsFraction) return { field: a.numerator ? 'numerator' : 'denominator', loc: fraction.loc };
  if (!a.value) return undefined;
  const numerator = a.numerator ?? own?.numerator;
  const denominator = a.denominator ?? own?.denominator;
  const present = (v: SubmissionEntry['numerator']) => v !== undefined && !(v.raw === null || (typeof v.raw === 'string' && v.raw.trim() === ''));
  const fractionWins = rule.type === 'ratio' ? present(numerator) || present(denominator) : readsFraction && present(numerator) && present(denominator);
  return fractionWins ? { field: 'value', loc: a.value.loc } : undefined;
}
