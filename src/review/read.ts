import type { Grid, GridCell, GridSheet } from '../core/grid.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { foldText, normaliseCode } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';
import { readGridFile, type ReadOptions } from '../sheets/read.js';
import { cellText, locationOf } from '../submission/cells.js';
import type { Submission } from '../submission/schema.js';
import { checkAdjustments } from './check.js';
import { DECISION_ROLES, NA_ACCEPT_WORDS, NA_REJECT_WORDS, reviewColumnRole, type ReviewRole } from './columns.js';
import type { Adjustment } from './schema.js';
import { withFile } from '../core/file-error.js';

/** How far down a sheet the header row is looked for (title rows sit above it). */
const HEADER_SEARCH_ROWS = 40;

/**
 * An adjustment as read from a review file: `loc` is its indicator cell (where the engine and
 * the results point for the decision); `cells` also names the agency cell, so that a finding
 * about the agency points at the cell that holds it.
 */
export interface ReviewAdjustment extends Adjustment {
  readonly cells?: { readonly agency: Location; readonly indicator: Location };
}

export interface ReviewRead {
  readonly adjustments: Adjustment[];
  readonly issues: DtiIssue[];
  /** SHA-256 of the review file, when it could be read (for the results' inputs). */
  readonly sha256?: string;
}

export interface ReviewOptions extends ReadOptions {
  /** Sheet to read, by name; otherwise the first sheet whose header is recognised. */
  readonly sheet?: string;
}

/**
 * Reads the appraisal council's review file (.xlsx or .csv): one row per agency and indicator,
 * with approved points or corrected inputs, the reason and the reviewer. Rows with no decision
 * confirm the self-assessment and give nothing. With the submissions, the adjustments are also
 * checked against them (src/review/check.ts) and only the valid ones are returned.
 */
export function readReview(file: string, model: FrameworkModel, submissions?: readonly Submission[], options: ReviewOptions = {}): ReviewRead {
  return withFile(file, () => readReviewFile(file, model, submissions, options));
}

function readReviewFile(file: string, model: FrameworkModel, submissions: readonly Submission[] | undefined, options: ReviewOptions): ReviewRead {
  const read = readGridFile(file, options);
  if (!read.grid) return { adjustments: [], issues: read.issues };
  const parsed = parseReview(read.grid, options);
  const issues = [...read.issues, ...parsed.issues];
  if (submissions === undefined) return { adjustments: parsed.adjustments, issues, sha256: read.grid.sha256 };
  const checked = checkAdjustments(model, submissions, parsed.adjustments);
  return { adjustments: checked.adjustments, issues: [...issues, ...checked.issues], sha256: read.grid.sha256 };
}

interface Header {
  readonly row: number;
  readonly roles: ReadonlyMap<ReviewRole, number>;
}

/** From a Grid to adjustments: finds the header row, then reads each row with a decision. Pure. */
export function parseReview(grid: Grid, options: { readonly sheet?: string } = {}): { adjustments: ReviewAdjustment[]; issues: DtiIssue[] } {
  const issues: DtiIssue[] = [];
  const candidates = options.sheet === undefined ? grid.sheets : grid.sheets.filter((s) => s.name === options.sheet);
  if (options.sheet !== undefined && candidates.length === 0) {
    issues.push(issue('E_SHEET_NOT_FOUND', { file: grid.file }, { sheet: options.sheet, sheets: grid.sheets.map((s) => s.name).join(', ') }));
    return { adjustments: [], issues };
  }
  // Visible sheets first: a hidden sheet is only read when no visible one has a review header.
  const ordered = [...candidates.filter((s) => !s.hidden), ...candidates.filter((s) => s.hidden)];
  for (const sheet of ordered) {
    const header = findHeader(sheet);
    if (header) return { adjustments: readRows(grid, sheet, header, issues), issues };
  }
  const first = candidates[0];
  issues.push(issue('E_REVIEW_NO_HEADER', { file: grid.file, ...(grid.kind === 'xlsx' && first ? { sheet: first.name } : {}) }, {}));
  return { adjustments: [], issues };
}

/** The row naming the most roles among those that name the agency code, the indicator and a decision. */
function findHeader(sheet: GridSheet): Header | undefined {
  let best: Header | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.rows[r] ?? [];
    const roles = new Map<ReviewRole, number>();
    for (const cell of cells) {
      if (!cell) continue;
      const role = reviewColumnRole(cellText(cell));
      if (role && !roles.has(role)) roles.set(role, cell.column);
    }
    const usable = roles.has('agencyCode') && roles.has('indicator') && (DECISION_ROLES.some((d) => roles.has(d)) || roles.has('naDecision'));
    if (usable && (!best || roles.size > best.roles.size)) best = { row: cells.find((c) => c)?.row ?? r + 1, roles };
  }
  return best;
}

function readRows(grid: Grid, sheet: GridSheet, header: Header, issues: DtiIssue[]): ReviewAdjustment[] {
  const out: ReviewAdjustment[] = [];
  const column = (role: ReviewRole) => header.roles.get(role);
  for (const row of sheet.rows) {
    const first = row.find((c) => c);
    if (!first || first.row <= header.row) continue;
    const rowNumber = first.row;
    const at = (role: ReviewRole): GridCell | undefined => {
      const c = column(role);
      return c === undefined ? undefined : row[c - 1];
    };
    const locAt = (role: ReviewRole) => locationOf(grid, sheet, rowNumber, column(role));
    const agencyText = cellText(at('agencyCode'));
    const indicatorText = cellText(at('indicator'));
    const reason = cellText(at('reason'));
    const reviewer = cellText(at('reviewer'));

    let unreadable = false;
    const decision: Partial<Record<(typeof DECISION_ROLES)[number], { raw: GridCell['value']; loc: Location }>> = {};
    for (const role of DECISION_ROLES) {
      const cell = at(role);
      if (cell?.problem) {
        issues.push(issue(cell.problem.code, locAt(role), { detail: cell.problem.detail, indicator: indicatorText }));
        unreadable = true;
        continue;
      }
      if (cell === undefined || cellText(cell) === '') continue;
      decision[role] = { raw: typeof cell.value === 'string' ? cellText(cell) : cell.value, loc: locAt(role) };
    }
    // The answer to a "không áp dụng" claim: a rejection is a decision, an acceptance confirms.
    const naText = cellText(at('naDecision'));
    const naFolded = foldText(naText);
    let rejectNotApplicable = false;
    if (naText !== '' && NA_REJECT_WORDS.includes(naFolded)) rejectNotApplicable = true;
    else if (naText !== '' && !NA_ACCEPT_WORDS.includes(naFolded)) {
      issues.push(issue('E_REVIEW_NA_DECISION', locAt('naDecision'), { agency: agencyText, indicator: indicatorText, value: naText }));
      unreadable = true;
    }
    const hasDecision = unreadable || rejectNotApplicable || Object.keys(decision).length > 0;
    if (!hasDecision) {
      // Confirmed as self-assessed. A reason on such a row is most likely a decision left out.
      if (reason !== '' && agencyText !== '' && indicatorText !== '') {
        issues.push(issue('W_REVIEW_NO_DECISION', locAt('reason'), { agency: agencyText, indicator: indicatorText }));
      }
      continue;
    }
    if (agencyText === '') {
      issues.push(issue('E_REVIEW_AGENCY_MISSING', locAt('agencyCode'), { indicator: indicatorText }));
      continue;
    }
    if (indicatorText === '') {
      issues.push(issue('E_REVIEW_INDICATOR_MISSING', locAt('indicator'), { agency: agencyText }));
      continue;
    }
    if (unreadable) continue;
    const corrected = decision.value ?? decision.numerator ?? decision.denominator;
    if (decision.points && corrected) {
      issues.push(issue('E_REVIEW_CONFLICT', decision.points.loc, { agency: agencyText, indicator: indicatorText }));
      continue;
    }
    const indicator = normaliseCode(indicatorText);
    const loc = locAt('indicator');
    if (reason === '') {
      issues.push(issue('W_REVIEW_NO_REASON', column('reason') === undefined ? locationOf(grid, sheet, rowNumber) : locAt('reason'), { agency: agencyText, indicator }));
    }
    out.push({
      agency: agencyText,
      indicator,
      ...decision,
      ...(rejectNotApplicable ? { rejectNotApplicable } : {}),
      reason,
      ...(reviewer !== '' ? { reviewer } : {}),
      loc,
      cells: { agency: locAt('agencyCode'), indicator: loc },
    });
  }
  return out;
}
