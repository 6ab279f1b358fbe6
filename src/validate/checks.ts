import { issue, type DtiIssue } from '../core/issues.js';
import type { FrameworkModel } from '../framework/model.js';
import type { Submission } from '../submission/schema.js';

export interface SubmissionCheckOptions {
  /** The assessment year every submission must carry, when known (`--year`). */
  readonly year?: number;
}

/**
 * Checks a submission for what scoring does not need but an appraisal meeting does: the right
 * year, every applicable indicator present, evidence links that are real http(s) links. Pure.
 */
export function checkSubmission(model: FrameworkModel, s: Submission, options: SubmissionCheckOptions = {}): DtiIssue[] {
  const issues: DtiIssue[] = [];
  const agency = s.agency.code;
  if (options.year !== undefined) {
    if (s.agency.year === undefined) issues.push(issue('W_YEAR_MISSING', s.loc, { agency, year: options.year }));
    else if (s.agency.year !== options.year) issues.push(issue('E_YEAR_MISMATCH', s.loc, { agency, year: s.agency.year, expected: options.year }));
  }
  for (const e of s.entries) {
    const ev = e.evidence;
    if (!ev) continue;
    const target = ev.link ?? (looksLikeLink(ev.text) ? ev.text : undefined);
    if (target !== undefined && !isHttpUrl(target)) {
      issues.push(issue('W_EVIDENCE_LINK', ev.loc, { agency, indicator: e.indicator, value: target }));
    }
  }
  return issues;
}

function looksLikeLink(text: string): boolean {
  return /^(https?:|www\.|ftp:|file:|javascript:)/i.test(text.trim());
}

/** A well-formed absolute http(s) URL with a host. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
