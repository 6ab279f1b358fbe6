import { Decimal, ZERO, roundTo, sum } from '../core/decimal.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import type { Agency, Submission, SubmissionEntry } from './input.js';
import { readNumber } from './rules/inputs.js';
import { relativeValue } from './rules/relative.js';
import { scoreRule, type RuleContext, type RuleInput } from './rules/index.js';
import type { Adjustment } from './adjustment.js';
import { applicability, notApplicableCell, type NotApplicable, type NotApplicableClaim } from './applicability.js';
import { scopeKey } from './scope.js';
import { append } from '../core/arrays.js';

/** How a leaf's points came about: the audit trail behind every number. */
export interface LeafAudit {
  readonly code: string;
  readonly rule: string;
  /** The agency's own max of the leaf (0 when it does not apply); a bonus or penalty leaf's cap. */
  readonly maxPoints: Decimal;
  /** Points at the framework's precision (a penalty's points are what it takes off). */
  readonly points: Decimal;
  readonly status: 'scored' | 'missing' | 'given-above' | 'not-applicable';
  /** Set for bonus and penalty leaves, whose points count outside the maximum. */
  readonly effect?: 'bonus' | 'penalty';
  /** Why the leaf does not count for this agency. */
  readonly notApplicable?: NotApplicable;
  /** The agency's "không áp dụng" claim, accepted, not allowed or rejected by the council. */
  readonly notApplicableClaim?: NotApplicableClaim;
  readonly inputs: Readonly<Record<string, string>>;
  /** The agency's own points for this indicator, when it gave them. */
  readonly selfPoints?: Decimal;
  /** What the rules gave the agency's own inputs, kept when an appraisal changed the points. */
  readonly computedPoints?: Decimal;
  /** The agency's own inputs and their cells, when the council corrected them (`inputs`, `sources` are then the council's). */
  readonly ownInputs?: Readonly<Record<string, string>>;
  readonly ownSources?: readonly Location[];
  /** The points the council gave directly, when it did (rather than correcting inputs). */
  readonly councilPoints?: Decimal;
  /** The appraisal council's decision on this leaf, when there is one. */
  readonly appraisal?: { readonly reason: string; readonly reviewer?: string; readonly loc: Location };
  readonly evidence?: string;
  /** Cells the inputs were read from. */
  readonly sources: readonly Location[];
}

export interface NodeScore {
  readonly code: string;
  /** The agency's own max: over the leaves that apply to it (its group, its tags, no accepted N/A), bonus and penalty excluded. */
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
  /** Points of the scored indicators, bonus and penalty excluded. */
  readonly points: Decimal;
  /** Points added by bonus nodes and taken off by penalty nodes (each within its cap). */
  readonly bonusPoints: Decimal;
  readonly penaltyPoints: Decimal;
  /** The agency's own maximum (see NodeScore.maxPoints). */
  readonly maxPoints: Decimal;
  /** False when the framework's missing-value policy is "incomplete" and a value is missing. */
  readonly complete: boolean;
  readonly issues: readonly DtiIssue[];
}

/** What a node gives: points in the score, and bonus and penalty points outside the maximum. */
interface Contribution {
  readonly points: Decimal;
  readonly bonus: Decimal;
  readonly penalty: Decimal;
}
const NOTHING: Contribution = { points: ZERO, bonus: ZERO, penalty: ZERO };

function asEffect(node: FrameworkNode, points: Decimal): Contribution {
  if (node.effect === 'bonus') return { ...NOTHING, bonus: points };
  if (node.effect === 'penalty') return { ...NOTHING, penalty: points };
  return { ...NOTHING, points };
}

/**
 * Scores every submission against the framework. Pure: data in, data out. Scored as a batch
 * because a relative rule compares each agency with the best of its ranking scope.
 */
export function scoreSubmissions(
  model: FrameworkModel,
  submissions: readonly Submission[],
  adjustments: readonly Adjustment[] = [],
  /** The batch's best values (bestOfBatch), when the submissions are scored a few at a time rather than all together. */
  best?: ReadonlyMap<string, Decimal>,
): AgencyScore[] {
  const byAgency = adjustmentsByAgency(adjustments);
  const appraised = submissions.map((s) => withCorrectedInputs(s, byAgency.get(s.agency.code)));
  const bests = best ?? bestValues(model, appraised);
  return submissions.map((s, i) => scoreOne(model, s, bests, byAgency.get(s.agency.code), appraised[i]!));
}

/**
 * The best value of each relative leaf per ranking scope over a whole batch, as scoreSubmissions
 * computes it: lets a caller score a large batch one submission at a time. Only the entries of
 * relative leaves (and of adjusted ones) are read, so the submissions may be reduced to those.
 */
export function bestOfBatch(model: FrameworkModel, submissions: readonly Submission[], adjustments: readonly Adjustment[] = []): Map<string, Decimal> {
  const byAgency = adjustmentsByAgency(adjustments);
  return bestValues(model, submissions.map((s) => withCorrectedInputs(s, byAgency.get(s.agency.code))));
}

function adjustmentsByAgency(adjustments: readonly Adjustment[]): Map<string, Map<string, Adjustment>> {
  const byAgency = new Map<string, Map<string, Adjustment>>();
  for (const a of adjustments) {
    const mine = byAgency.get(a.agency) ?? new Map<string, Adjustment>();
    mine.set(a.indicator, a);
    byAgency.set(a.agency, mine);
  }
  return byAgency;
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

/** The cells an entry's inputs came from: value, numerator, denominator, points, those it has. */
function inputLocations(e: SubmissionEntry): Location[] {
  const out: Location[] = [];
  if (e.value) out.push(e.value.loc);
  if (e.numerator) out.push(e.numerator.loc);
  if (e.denominator) out.push(e.denominator.loc);
  if (e.points) out.push(e.points.loc);
  return out;
}

/** The cell an indicator's missing input goes in: the numerator for a ratio, the points for a manual rule, else the value. */
function inputCell(entry: SubmissionEntry | undefined, rule: string): Location | undefined {
  const cells = entry?.cells;
  if (!cells) return undefined;
  const first = rule === 'ratio' ? cells.numerator : rule === 'manual' ? cells.points : cells.value;
  return first ?? cells.value ?? cells.numerator ?? cells.points;
}

/**
 * Cells as a short list for a message: "G9:G11, G14" in a workbook (runs of one column merged),
 * line numbers in a CSV file ("9, 10").
 */
export function cellList(locs: readonly Location[]): string {
  const parts: string[] = [];
  let run: { col: string; first: number; last: number } | undefined;
  const flush = () => {
    if (run) parts.push(run.first === run.last ? `${run.col}${run.first}` : `${run.col}${run.first}:${run.col}${run.last}`);
    run = undefined;
  };
  for (const l of locs) {
    const m = l.cell ? /^([A-Z]+)(\d+)$/.exec(l.cell) : null;
    if (!m) {
      flush();
      if (l.row !== undefined) parts.push(String(l.row));
      continue;
    }
    const [, col, row] = m;
    if (run && run.col === col && Number(row) === run.last + 1) run.last = Number(row);
    else {
      flush();
      run = { col: col!, first: Number(row), last: Number(row) };
    }
  }
  flush();
  return parts.join(', ');
}

/** Best value of each relative leaf per ranking scope: "scope\0code" → value. */
function bestValues(model: FrameworkModel, submissions: readonly Submission[]): Map<string, Decimal> {
  const best = new Map<string, Decimal>();
  for (const s of submissions) {
    const group = s.agency.group!;
    for (const e of s.entries) {
      const node = model.nodes.get(e.indicator);
      if (!node || node.node.rule?.type !== 'relative' || !model.applies(node, group)) continue;
      // An agency the indicator does not apply to sets no best value for the others.
      if (!model.tagsAllow(node, s.agency.tags)) continue;
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
  // A bonus or penalty rule scales to, and is capped at, the node's cap.
  const maxPoints = node.effect === 'score' ? model.maxFor(node, group) : model.capFor(node, group);
  const ctx: RuleContext = { indicator: node.code, maxPoints, fallbackLocation: loc };
  return best === undefined ? ctx : { ...ctx, best };
}

function scoreOne(
  model: FrameworkModel,
  submission: Submission,
  best: ReadonlyMap<string, Decimal>,
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
  /** Each leaf's audit by code (the first one kept), for the subtotal checks that look leaves up. */
  const leafByCode = new Map<string, LeafAudit>();
  const addLeaf = (leaf: LeafAudit) => {
    leaves.push(leaf);
    if (!leafByCode.has(leaf.code)) leafByCode.set(leaf.code, leaf);
  };
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

  /** Codes of the nodes whose own max differs from the framework's max for the group. */
  const ownMaxDiffers = new Set<string>();
  const visit = (node: FrameworkNode, givenAbove: boolean): Contribution => {
    const max = node.effect === 'score' ? model.maxFor(node, group) : model.capFor(node, group);
    const entry = entries.get(node.code);
    if (givenAbove) {
      if (node.isLeaf) {
        addLeaf({ code: node.code, rule: node.node.rule!.type, maxPoints: max, points: ZERO, status: 'given-above', inputs: {}, sources: [] });
      }
      node.children.filter((c) => !c.informational && model.applies(c, group)).forEach((c) => visit(c, true));
      return NOTHING;
    }
    if (!node.isLeaf && entry?.points && !hasEntryBelow(node)) {
      // Points given for a branch (e.g. published main-indicator values): used as they are.
      const read = readNumber(entry.points, ctxFor(model, node, group, entry.loc), 'points', { min: 0, max });
      const points = read.ok ? roundTo(read.value, places) : ZERO;
      if (!read.ok) issues.push(read.issue);
      else issues.push(issue('I_DIRECT_POINTS', entry.points.loc, { agency: agency.code, indicator: node.code, points: points.toString() }));
      nodes.set(node.code, { code: node.code, maxPoints: node.effect === 'score' ? max : ZERO, points: node.effect === 'score' ? points : ZERO, origin: 'direct' });
      node.children.filter((c) => !c.informational && model.applies(c, group)).forEach((c) => visit(c, true));
      return asEffect(node, points);
    }
    if (!node.isLeaf) {
      const children = node.children.filter((c) => !c.informational && model.applies(c, group));
      const parts = children.map((c) => visit(c, false));
      const points = sum(parts.map((p) => p.points));
      // Bonus and penalty add up outside the max; a bonus or penalty branch caps what its leaves give.
      const cap = (e: 'bonus' | 'penalty', v: Decimal) => (node.effect === e && !max.isZero() && v.greaterThan(max) ? max : v);
      const bonus = cap('bonus', sum(parts.map((p) => p.bonus)));
      const penalty = cap('penalty', sum(parts.map((p) => p.penalty)));
      let own = max;
      if (node.effect !== 'score') own = ZERO;
      else if (children.some((c) => ownMaxDiffers.has(c.code))) {
        own = sum(children.map((c) => nodes.get(c.code)?.maxPoints ?? ZERO));
        ownMaxDiffers.add(node.code);
      }
      nodes.set(node.code, { code: node.code, maxPoints: own, points, origin: 'rules' });
      if (entry?.points) crossCheckSubtotal(node, entry.points);
      return { points, bonus, penalty };
    }
    const rule = node.node.rule!;
    const own = ownEntries.get(node.code);
    const adjustment = adjustments?.get(node.code);
    const app = applicability(model, node, agency, own, adjustment);
    issues.push(...app.issues);
    const effect = node.effect === 'score' ? {} : { effect: node.effect };
    const claim = app.claim ? { notApplicableClaim: app.claim } : {};
    if (app.notApplicable) {
      // Out of the agency's maximum: no points, no max.
      const sources = app.notApplicable.by === 'declared' ? [app.notApplicable.loc] : [];
      addLeaf({ code: node.code, rule: rule.type, maxPoints: ZERO, points: ZERO, status: 'not-applicable', notApplicable: app.notApplicable, ...claim, ...effect, inputs: {}, sources });
      nodes.set(node.code, { code: node.code, maxPoints: ZERO, points: ZERO, origin: 'rules' });
      if (!max.isZero() && node.effect === 'score') ownMaxDiffers.add(node.code);
      return NOTHING;
    }
    const loc = entry?.loc ?? agencyLoc;
    // Only a relative rule has a best value in its scope (bestValues): no key is built for the others.
    const bestValue = rule.type === 'relative' ? best.get(`${scopeKey(model, agency)}\u0000${node.code}`) : undefined;
    const outcome =
      entry && !app.scoreAsMissing ? scoreRule(rule, toRuleInput(entry), ctxFor(model, node, group, loc, bestValue)) : { status: 'missing' as const };
    const sources = entry ? inputLocations(entry) : [];
    let points = ZERO;
    let inputs: Readonly<Record<string, string>> = {};
    // No entry for a bonus or penalty: no award, no incident; nothing is missing.
    if (outcome.status === 'missing' && node.effect === 'score') {
      if (fw.missing === 'incomplete') complete = false;
      if (app.reportMissing) {
        issues.push(issue(fw.missing === 'incomplete' ? 'E_MISSING_VALUE' : 'W_MISSING_VALUE', inputCell(entry, rule.type) ?? loc, { agency: agency.code, indicator: node.code }));
      }
    } else if (outcome.status === 'scored') {
      points = roundTo(outcome.points, places);
      inputs = outcome.inputs;
      append(issues, outcome.issues);
      // A penalty without its document still counts: dropping it would reward the missing evidence.
      if (node.node.evidenceRequired && node.effect !== 'penalty' && !entry?.evidence && points.greaterThan(0)) {
        issues.push(issue('W_EVIDENCE_MISSING', entry?.cells?.evidence ?? loc, { agency: agency.code, indicator: node.code, points: points.toString() }));
        if (fw.evidenceMissing === 'zero') points = ZERO;
      }
    }
    // The rules' points on the agency's own inputs; an appraisal may then change what counts.
    let computedPoints = points;
    let ownSide: { ownInputs: Readonly<Record<string, string>>; ownSources: Location[] } | undefined;
    let councilPoints: Decimal | undefined;
    if (adjustment && (adjustment.value || adjustment.numerator || adjustment.denominator)) {
      // A rejected N/A claim has no inputs of the agency's own to score.
      const ownEntry = app.claim ? undefined : own;
      const ownOutcome = ownEntry ? scoreRule(rule, toRuleInput(ownEntry), ctxFor(model, node, group, ownEntry.loc, bestValue)) : undefined;
      computedPoints = ownOutcome?.status === 'scored' ? roundTo(ownOutcome.points, places) : ZERO;
      ownSide = {
        ownInputs: ownOutcome?.status === 'scored' ? ownOutcome.inputs : {},
        ownSources: ownEntry ? inputLocations(ownEntry) : [],
      };
    }
    if (adjustment?.points) {
      const read = readNumber(adjustment.points, ctxFor(model, node, group, adjustment.loc), 'points', { min: 0, max });
      if (read.ok) points = councilPoints = roundTo(read.value, places);
      else issues.push(read.issue);
    }
    let selfPoints: Decimal | undefined;
    if (entry?.points && rule.type !== 'manual' && notApplicableCell(entry) !== entry.points) {
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
      ...effect,
      ...claim,
      inputs,
      sources,
      ...(selfPoints !== undefined ? { selfPoints } : {}),
      ...(adjustment
        ? {
            computedPoints,
            ...ownSide,
            ...(councilPoints !== undefined ? { councilPoints } : {}),
            appraisal: { reason: adjustment.reason, loc: adjustment.loc, ...(adjustment.reviewer ? { reviewer: adjustment.reviewer } : {}) },
          }
        : {}),
      ...(entry?.evidence ? { evidence: entry.evidence.link ?? entry.evidence.text } : {}),
    };
    addLeaf(audit);
    nodes.set(node.code, { code: node.code, maxPoints: node.effect === 'score' ? max : ZERO, points: node.effect === 'score' ? points : ZERO, origin: 'rules' });
    return asEffect(node, points);
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
    const read = readNumber(given, ctxFor(model, node, group, given.loc), 'points', subtotalBounds);
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
          cells: cellList(scoredChildren(node).flatMap(pointsCells)),
        }),
      );
    }
  }

  // A sheet's subtotal or total takes penalties off, so with penalty nodes it may fall below 0.
  const subtotalBounds = model.hasBonusPenalty ? {} : { min: 0 };
  const scoredChildren = (node: FrameworkNode) => node.children.filter((c) => !c.informational && model.applies(c, group));

  /** A manual rule's points are the agency's own; other leaves count their self-scored points. */
  function selfOf(node: FrameworkNode): Decimal | undefined {
    const leaf = leafByCode.get(node.code);
    return node.node.rule?.type === 'manual' && leaf?.status === 'scored' ? leaf.points : leaf?.selfPoints;
  }

  function selfScoredBelow(node: FrameworkNode): boolean {
    return node.isLeaf ? selfOf(node) !== undefined : scoredChildren(node).some(selfScoredBelow);
  }

  /** What the sheet's SUM adds: the self-scored points below, blanks counting 0, penalties taken off. */
  function selfSum(node: FrameworkNode): Decimal {
    if (node.isLeaf) return selfOf(node) ?? ZERO;
    return sum(scoredChildren(node).map((c) => (c.effect === 'penalty' && node.effect !== 'penalty' ? selfSum(c).negated() : selfSum(c))));
  }

  /**
   * The points cells a sum adds for a node: its own subtotal cell when the sheet has one, else
   * its self-scored leaves' cells — the cells to look at when a subtotal or total disagrees.
   */
  function pointsCells(node: FrameworkNode): Location[] {
    const own = entries.get(node.code)?.points?.loc;
    if (own) return [own];
    return node.isLeaf ? [] : scoredChildren(node).flatMap(pointsCells);
  }

  const mains = model.mainFor(group);
  const parts = mains.map((m) => visit(m, false));
  const points = sum(parts.map((p) => p.points));
  const maxPoints = mains.some((m) => ownMaxDiffers.has(m.code)) ? sum(mains.map((m) => nodes.get(m.code)?.maxPoints ?? ZERO)) : model.totalFor(group);
  if (submission.total && mains.some(selfScoredBelow)) {
    const read = readNumber(submission.total, { indicator: agency.code, maxPoints: model.totalFor(group), fallbackLocation: submission.total.loc }, 'points', subtotalBounds);
    if (!read.ok) issues.push(read.issue);
    else {
      const expected = roundTo(sum(mains.map((m) => (m.effect === 'penalty' ? selfSum(m).negated() : selfSum(m)))), places);
      if (!roundTo(read.value, places).equals(expected)) {
        issues.push(
          issue('W_TOTAL_MISMATCH', submission.total.loc, {
            agency: agency.code,
            given: read.value.toString(),
            expected: expected.toString(),
            cells: cellList(mains.flatMap(pointsCells)),
          }),
        );
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
    bonusPoints: sum(parts.map((p) => p.bonus)),
    penaltyPoints: sum(parts.map((p) => p.penalty)),
    maxPoints,
    complete,
    issues,
  };
}
