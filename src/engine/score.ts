import { Decimal, ZERO, roundTo, sum } from '../core/decimal.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import type { Agency, Submission, SubmissionEntry } from '../submission/schema.js';
import { readNumber } from './rules/inputs.js';
import { relativeValue } from './rules/relative.js';
import { scoreRule, type RuleContext, type RuleInput } from './rules/index.js';
import type { Adjustment } from '../review/schema.js';
import { scopeKey } from './scope.js';
import { append } from '../core/arrays.js';

/** How a leaf's points came about: the audit trail behind every number. */
export interface LeafAudit {
  readonly code: string;
  readonly rule: string;
  readonly maxPoints: Decimal;
  /** Points at the framework's precision. */
  readonly points: Decimal;
  readonly status: 'scored' | 'missing' | 'given-above';
  readonly inputs: Readonly<Record<string, string>>;
  /** The agency's own points for this indicator, when it gave them. */
  readonly selfPoints?: Decimal;
  /** What the rules gave the agency's own inputs, kept when an appraisal changed the points. */
  readonly computedPoints?: Decimal;
  /** The appraisal council's decision on this leaf, when there is one. */
  readonly appraisal?: { readonly reason: string; readonly reviewer?: string; readonly loc: Location };
  readonly evidence?: string;
  /** Cells the inputs were read from. */
  readonly sources: readonly Location[];
}

export interface NodeScore {
  readonly code: string;
  readonly maxPoints: Decimal;
  readonly points: Decimal;
  /** 'rules': summed from leaves; 'direct': the submission gave this node's points. */
  readonly origin: 'rules' | 'direct';
}

export interface AgencyScore {
  readonly agency: Agency & { group: string };
  readonly file: string;
  readonly sha256: string;
  /** Every scored node that applies to the agency's group, by code. */
  readonly nodes: ReadonlyMap<string, NodeScore>;
  readonly leaves: readonly LeafAudit[];
  readonly points: Decimal;
  readonly maxPoints: Decimal;
  /** False when the framework's missing-value policy is "incomplete" and a value is missing. */
  readonly complete: boolean;
  readonly issues: readonly DtiIssue[];
}

/**
 * Scores every submission against the framework. Pure: data in, data out. Scored as a batch
 * because a relative rule compares each agency with the best of its ranking scope.
 */
export function scoreSubmissions(
  model: FrameworkModel,
  submissions: readonly Submission[],
  adjustments: readonly Adjustment[] = [],
): AgencyScore[] {
  const byAgency = new Map<string, Map<string, Adjustment>>();
  for (const a of adjustments) {
    const mine = byAgency.get(a.agency) ?? new Map<string, Adjustment>();
    mine.set(a.indicator, a);
    byAgency.set(a.agency, mine);
  }
  const appraised = submissions.map((s) => withCorrectedInputs(s, byAgency.get(s.agency.code)));
  const best = bestValues(model, appraised);
  return submissions.map((s, i) => scoreOne(model, s, best, byAgency.get(s.agency.code), appraised[i]!));
}

/** The submission as the council corrected it: corrected inputs replace the agency's own. */
function withCorrectedInputs(s: Submission, adjustments: ReadonlyMap<string, Adjustment> | undefined): Submission {
  if (!adjustments) return s;
  const entries = new Map(s.entries.map((e) => [e.indicator, e]));
  for (const a of adjustments.values()) {
    if (!a.value && !a.numerator && !a.denominator) continue;
    const prior: SubmissionEntry = entries.get(a.indicator) ?? { indicator: a.indicator, loc: a.loc };
    const corrected: SubmissionEntry = { ...prior };
    if (a.value) corrected.value = a.value;
    if (a.numerator) corrected.numerator = a.numerator;
    if (a.denominator) corrected.denominator = a.denominator;
    entries.set(a.indicator, corrected);
  }
  return { ...s, entries: [...entries.values()] };
}

/** Best value of each relative leaf per ranking scope: "scope\0code" → value. */
function bestValues(model: FrameworkModel, submissions: readonly Submission[]): Map<string, Decimal> {
  const best = new Map<string, Decimal>();
  for (const s of submissions) {
    const group = s.agency.group!;
    for (const e of s.entries) {
      const node = model.nodes.get(e.indicator);
      if (!node || node.node.rule?.type !== 'relative' || !model.applies(node, group)) continue;
      const v = relativeValue(toRuleInput(e), ctxFor(model, node, group, e.loc));
      if (v === undefined) continue;
      const key = `${scopeKey(model, s.agency)}\u0000${node.code}`;
      const prior = best.get(key);
      if (!prior || v.greaterThan(prior)) best.set(key, v);
    }
  }
  return best;
}

function toRuleInput(e: SubmissionEntry): RuleInput {
  return { value: e.value, numerator: e.numerator, denominator: e.denominator, points: e.points };
}

function ctxFor(model: FrameworkModel, node: FrameworkNode, group: string, loc: Location, best?: Decimal): RuleContext {
  const ctx: RuleContext = { indicator: node.code, maxPoints: model.maxFor(node, group), fallbackLocation: loc };
  return best === undefined ? ctx : { ...ctx, best };
}

function scoreOne(
  model: FrameworkModel,
  submission: Submission,
  best: Map<string, Decimal>,
  adjustments: ReadonlyMap<string, Adjustment> | undefined,
  appraised: Submission,
): AgencyScore {
  const fw = model.framework;
  const group = submission.agency.group!;
  const agency = { ...submission.agency, group };
  const issues: DtiIssue[] = [];
  const entries = new Map(appraised.entries.map((e) => [e.indicator, e]));
  const ownEntries = new Map(submission.entries.map((e) => [e.indicator, e]));
  const nodes = new Map<string, NodeScore>();
  const leaves: LeafAudit[] = [];
  let complete = true;
  const places = fw.precision.points;
  const agencyLoc: Location = submission.loc;

  for (const e of submission.entries) {
    const node = model.nodes.get(e.indicator)!;
    if (!model.applies(node, group)) {
      issues.push(issue('W_INDICATOR_NOT_IN_GROUP', e.loc, { agency: agency.code, indicator: e.indicator, group }));
    } else if (node.informational && (e.value || e.points || e.numerator)) {
      issues.push(issue('I_INFORMATIONAL', e.loc, { indicator: e.indicator }));
    }
  }

  const visit = (node: FrameworkNode, givenAbove: boolean): Decimal => {
    const max = model.maxFor(node, group);
    const entry = entries.get(node.code);
    if (givenAbove) {
      if (node.isLeaf) {
        leaves.push({ code: node.code, rule: node.node.rule!.type, maxPoints: max, points: ZERO, status: 'given-above', inputs: {}, sources: [] });
      }
      node.children.filter((c) => !c.informational && model.applies(c, group)).forEach((c) => visit(c, true));
      return ZERO;
    }
    if (!node.isLeaf && entry?.points && !hasEntryBelow(node)) {
      // Points given for a branch (e.g. published main-indicator values): used as they are.
      const read = readNumber(entry.points, ctxFor(model, node, group, entry.loc), 'points', { min: 0, max });
      const points = read.ok ? roundTo(read.value, places) : ZERO;
      if (!read.ok) issues.push(read.issue);
      else issues.push(issue('I_DIRECT_POINTS', entry.points.loc, { agency: agency.code, indicator: node.code, points: points.toString() }));
      nodes.set(node.code, { code: node.code, maxPoints: max, points, origin: 'direct' });
      node.children.filter((c) => !c.informational && model.applies(c, group)).forEach((c) => visit(c, true));
      return points;
    }
    if (!node.isLeaf) {
      const points = sum(node.children.filter((c) => !c.informational && model.applies(c, group)).map((c) => visit(c, false)));
      nodes.set(node.code, { code: node.code, maxPoints: max, points, origin: 'rules' });
      if (entry?.points) crossCheckSubtotal(node, entry.points);
      return points;
    }
    const rule = node.node.rule!;
    const loc = entry?.loc ?? agencyLoc;
    const key = `${scopeKey(model, agency)}\u0000${node.code}`;
    const outcome = entry ? scoreRule(rule, toRuleInput(entry), ctxFor(model, node, group, loc, best.get(key))) : { status: 'missing' as const };
    const sources = entry ? [entry.value, entry.numerator, entry.denominator, entry.points].flatMap((v) => (v ? [v.loc] : [])) : [];
    let points = ZERO;
    let inputs: Readonly<Record<string, string>> = {};
    if (outcome.status === 'missing') {
      if (fw.missing === 'incomplete') complete = false;
      issues.push(issue(fw.missing === 'incomplete' ? 'E_MISSING_VALUE' : 'W_MISSING_VALUE', loc, { agency: agency.code, indicator: node.code }));
    } else {
      points = roundTo(outcome.points, places);
      inputs = outcome.inputs;
      append(issues, outcome.issues);
      if (node.node.evidenceRequired && !entry?.evidence && points.greaterThan(0)) {
        issues.push(issue('W_EVIDENCE_MISSING', loc, { agency: agency.code, indicator: node.code, points: points.toString() }));
        if (fw.evidenceMissing === 'zero') points = ZERO;
      }
    }
    // The rules' points on the agency's own inputs; an appraisal may then change what counts.
    let computedPoints = points;
    const adjustment = adjustments?.get(node.code);
    if (adjustment && (adjustment.value || adjustment.numerator || adjustment.denominator)) {
      const own = ownEntries.get(node.code);
      const ownOutcome = own ? scoreRule(rule, toRuleInput(own), ctxFor(model, node, group, own.loc, best.get(key))) : undefined;
      computedPoints = ownOutcome?.status === 'scored' ? roundTo(ownOutcome.points, places) : ZERO;
    }
    if (adjustment?.points) {
      const read = readNumber(adjustment.points, ctxFor(model, node, group, adjustment.loc), 'points', { min: 0, max });
      if (read.ok) points = roundTo(read.value, places);
      else issues.push(read.issue);
    }
    let selfPoints: Decimal | undefined;
    if (entry?.points && rule.type !== 'manual') {
      const read = readNumber(entry.points, ctxFor(model, node, group, entry.loc), 'points', { min: 0, max });
      if (!read.ok) issues.push(read.issue);
      else {
        selfPoints = roundTo(read.value, places);
        if (outcome.status === 'scored' && !selfPoints.equals(computedPoints)) {
          issues.push(
            issue('W_SELF_SCORE_DIFFERS', entry.points.loc, {
              agency: agency.code,
              indicator: node.code,
              self: selfPoints.toString(),
              computed: computedPoints.toString(),
            }),
          );
        }
      }
    }
    const audit: LeafAudit = {
      code: node.code,
      rule: rule.type,
      maxPoints: max,
      points,
      status: outcome.status,
      inputs,
      sources,
      ...(selfPoints !== undefined ? { selfPoints } : {}),
      ...(adjustment
        ? {
            computedPoints,
            appraisal: { reason: adjustment.reason, loc: adjustment.loc, ...(adjustment.reviewer ? { reviewer: adjustment.reviewer } : {}) },
          }
        : {}),
      ...(entry?.evidence ? { evidence: entry.evidence.link ?? entry.evidence.text } : {}),
    };
    leaves.push(audit);
    nodes.set(node.code, { code: node.code, maxPoints: max, points, origin: 'rules' });
    return points;
  };

  function hasEntryBelow(node: FrameworkNode): boolean {
    return node.children.some((c) => entries.has(c.code) || hasEntryBelow(c));
  }

  /**
   * A subtotal row in the agency's sheet (a section's points, usually a SUM formula) is checked
   * against the sum of the self-scored points below it, as the sheet's formula adds them.
   */
  function crossCheckSubtotal(node: FrameworkNode, given: NonNullable<SubmissionEntry['points']>): void {
    // A subtotal over no self-scored row (a form whose points column was left empty) says nothing.
    if (!selfScoredBelow(node)) return;
    const read = readNumber(given, ctxFor(model, node, group, given.loc), 'points', { min: 0 });
    if (!read.ok) {
      issues.push(read.issue);
      return;
    }
    const expected = roundTo(selfSum(node), places);
    if (!roundTo(read.value, places).equals(expected)) {
      issues.push(
        issue('W_SUBTOTAL_MISMATCH', given.loc, {
          agency: agency.code,
          indicator: node.code,
          given: read.value.toString(),
          expected: expected.toString(),
        }),
      );
    }
  }

  const scoredChildren = (node: FrameworkNode) => node.children.filter((c) => !c.informational && model.applies(c, group));

  /** A manual rule's points are the agency's own; other leaves count their self-scored points. */
  function selfOf(node: FrameworkNode): Decimal | undefined {
    const leaf = leaves.find((l) => l.code === node.code);
    return node.node.rule?.type === 'manual' && leaf?.status === 'scored' ? leaf.points : leaf?.selfPoints;
  }

  function selfScoredBelow(node: FrameworkNode): boolean {
    return node.isLeaf ? selfOf(node) !== undefined : scoredChildren(node).some(selfScoredBelow);
  }

  /** What the sheet's SUM adds: the self-scored points below, blanks counting 0. */
  function selfSum(node: FrameworkNode): Decimal {
    return node.isLeaf ? (selfOf(node) ?? ZERO) : sum(scoredChildren(node).map(selfSum));
  }

  const mains = model.mainFor(group);
  const points = sum(mains.map((m) => visit(m, false)));
  if (submission.total && mains.some(selfScoredBelow)) {
    const read = readNumber(submission.total, { indicator: agency.code, maxPoints: model.totalFor(group), fallbackLocation: submission.total.loc }, 'points', { min: 0 });
    if (!read.ok) issues.push(read.issue);
    else {
      const expected = roundTo(sum(mains.map(selfSum)), places);
      if (!roundTo(read.value, places).equals(expected)) {
        issues.push(issue('W_TOTAL_MISMATCH', submission.total.loc, { agency: agency.code, given: read.value.toString(), expected: expected.toString() }));
      }
    }
  }
  return {
    agency,
    file: submission.file,
    sha256: submission.sha256,
    nodes,
    leaves,
    points,
    maxPoints: model.totalFor(group),
    complete,
    issues,
  };
}
