import { toNumber, type Decimal } from '../core/decimal.js';
import { sortIssues, type DtiIssue } from '../core/issues.js';
import type { RankedGroup, RankedValue } from '../engine/rank.js';
import type { AgencyScore, LeafAudit } from '../engine/score.js';
import type { FrameworkModel } from '../framework/model.js';
import { renderIssue } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import type { AgencyJson, InputFile, IssueJson, LeafJson, RankedValueJson, ResultsDoc } from './schema.js';

export interface BuildOptions {
  readonly lang: Lang;
  readonly toolVersion: string;
  /** Files read, with their SHA-256, in the order given. */
  readonly inputs: readonly InputFile[];
  /**
   * Where the agencies' audit trails are kept, when not in their scores (a large batch spools
   * them to disk): for each score, a function giving its leaves whenever the document is read.
   */
  readonly leaves?: (score: AgencyScore) => () => LeafJson[];
}

/** From ranked groups to the results document: decimals rounded at the framework's precision, issues worded in the chosen language. Pure. */
export function buildResults(model: FrameworkModel, groups: readonly RankedGroup[], issues: readonly DtiIssue[], options: BuildOptions): ResultsDoc {
  const fw = model.framework;
  const pts = (d: Decimal) => toNumber(d, fw.precision.points);
  const idx = (d: Decimal) => toNumber(d, fw.precision.index);
  const nameOf = (code: string) => model.nodes.get(code)?.node.name ?? fw.pillars.find((p) => p.code === code)?.name ?? { vi: code, en: code };
  const ranked = (v: RankedValue, group: string): RankedValueJson => ({
    code: v.code,
    name: nameOf(v.code),
    group,
    points: pts(v.points),
    maxPoints: pts(v.maxPoints),
    index: idx(v.index),
    rank: v.rank ?? null,
  });
  const sorted = sortIssues(issues);
  const errors = errorCounter(issues);
  return {
    tool: { name: 'dti', version: options.toolVersion },
    lang: options.lang,
    framework: {
      id: fw.id,
      name: fw.name,
      version: fw.version,
      year: fw.year,
      maxPoints: fw.maxPoints ?? pts(model.totalFor(fw.groups[0]!.id)),
      precision: fw.precision,
      ties: fw.ties,
      ...(fw.tags.length > 0 ? { tags: fw.tags.map((x) => ({ id: x.id, name: x.name })) } : {}),
    },
    inputs: [...options.inputs],
    groups: groups.map(({ group, agencies }) => ({
      id: group.id,
      name: group.name,
      ranked: group.ranked,
      maxPoints: pts(model.totalFor(group.id)),
      agencies: agencies.map((a) => {
        const ag = a.score.agency;
        const agency: AgencyJson = {
          code: ag.code,
          name: ag.name,
          group: ag.group,
          ...(ag.parent ? { parent: ag.parent } : {}),
          ...(ag.year !== undefined ? { year: ag.year } : {}),
          ...(ag.tags && ag.tags.length > 0 ? { tags: [...ag.tags] } : {}),
          file: a.score.file,
          points: pts(a.total.points),
          ...(model.hasBonusPenalty ? { bonusPoints: pts(a.score.bonusPoints), penaltyPoints: pts(a.score.penaltyPoints) } : {}),
          maxPoints: pts(a.total.maxPoints),
          index: idx(a.total.index),
          rank: a.total.rank ?? null,
          ...(a.class ? { class: { code: a.class.code, name: a.class.name } } : {}),
          complete: a.score.complete,
          indicators: a.mains.map((v) => ranked(v, ag.group)),
          pillars: a.pillars.map((v) => ranked(v, ag.group)),
          leaves: options.leaves ? [] : a.score.leaves.map((l) => leafJson(model, l)),
          ...errors(ag.code, a.score.file),
        };
        // Read from where the caller keeps them each time they are asked for, in their place among the keys.
        if (options.leaves) Object.defineProperty(agency, 'leaves', { get: options.leaves(a.score), enumerable: true });
        return agency;
      }),
    })),
    issues: sorted.map((i): IssueJson => ({ severity: i.severity, code: i.code, ...i.location, message: renderIssue(i, options.lang) })),
    summary: {
      agencies: groups.reduce((n, g) => n + g.agencies.length, 0),
      ...severityCounts(issues),
    },
  };
}

/** One leaf's audit trail as results.json holds it: points at the framework's precision. Pure. */
export function leafJson(model: FrameworkModel, l: LeafAudit): LeafJson {
  const pts = (d: Decimal) => toNumber(d, model.framework.precision.points);
  return {
    code: l.code,
    rule: l.rule,
    status: l.status,
    points: pts(l.points),
    maxPoints: pts(l.maxPoints),
    ...(l.effect ? { effect: l.effect } : {}),
    ...(l.notApplicable
      ? { notApplicable: l.notApplicable.by === 'tag' ? { by: 'tag' as const, tags: [...l.notApplicable.tags] } : { ...l.notApplicable } }
      : {}),
    ...(l.notApplicableClaim ? { notApplicableClaim: { ...l.notApplicableClaim } } : {}),
    ...(l.selfPoints !== undefined ? { selfPoints: pts(l.selfPoints) } : {}),
    ...(l.computedPoints !== undefined ? { computedPoints: pts(l.computedPoints) } : {}),
    ...(l.appraisal ? { appraisal: { ...l.appraisal } } : {}),
    ...(l.ownInputs ? { ownInputs: { ...l.ownInputs }, ownSources: [...(l.ownSources ?? [])] } : {}),
    ...(l.councilPoints !== undefined ? { councilPoints: pts(l.councilPoints) } : {}),
    inputs: { ...l.inputs },
    ...(l.evidence !== undefined ? { evidence: l.evidence } : {}),
    sources: [...l.sources],
  };
}

/**
 * The errors that concern an agency's submission: those naming the agency, and those of its file
 * that name no agency (a cell error, an unknown code). Counted so that a ranking shows which
 * scores rest on a submission with errors.
 */
export function errorCount(issues: readonly DtiIssue[], agency: string, file: string): { errors?: number } {
  const n = issues.filter(
    (i) => i.severity === 'error' && (i.params.agency !== undefined ? String(i.params.agency) === agency : i.location.file === file),
  ).length;
  return n > 0 ? { errors: n } : {};
}

/** errorCount for many agencies: the issues are counted once, by agency and by file, not once per agency. */
export function errorCounter(issues: readonly DtiIssue[]): (agency: string, file: string) => { errors?: number } {
  const byAgency = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const i of issues) {
    if (i.severity !== 'error') continue;
    if (i.params.agency !== undefined) byAgency.set(String(i.params.agency), (byAgency.get(String(i.params.agency)) ?? 0) + 1);
    else if (i.location.file !== undefined) byFile.set(i.location.file, (byFile.get(i.location.file) ?? 0) + 1);
  }
  return (agency, file) => {
    const n = (byAgency.get(agency) ?? 0) + (byFile.get(file) ?? 0);
    return n > 0 ? { errors: n } : {};
  };
}

/**
 * The document with the findings of a whole run: `dti rank` adds those of last year's results,
 * the units map and the comparison, so that results.json, the workbook's issues sheet, the
 * summary and the counts printed all list the same findings. Pure.
 */
export function withIssues(doc: ResultsDoc, issues: readonly DtiIssue[], lang: Lang, first: readonly string[] = []): ResultsDoc {
  const sorted = sortIssues(issues, first);
  const errors = errorCounter(issues);
  return {
    ...doc,
    groups: doc.groups.map((g) => ({
      ...g,
      agencies: g.agencies.map((a) => withErrors(a, errors(a.code, a.file).errors)),
    })),
    issues: sorted.map((i): IssueJson => ({ severity: i.severity, code: i.code, ...i.location, message: renderIssue(i, lang) })),
    summary: { ...doc.summary, ...severityCounts(issues) },
  };
}

/**
 * The agency with its error count replaced (last among its keys, as built), its other properties
 * copied as they are defined: audit trails read from disk stay read on demand, not loaded here.
 */
function withErrors(a: AgencyJson, errors: number | undefined): AgencyJson {
  const { errors: _, ...descriptors } = Object.getOwnPropertyDescriptors(a);
  const out = Object.defineProperties({}, descriptors) as AgencyJson;
  if (errors !== undefined) out.errors = errors;
  return out;
}

function severityCounts(issues: readonly DtiIssue[]): { errors: number; warnings: number; infos: number } {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    infos: issues.filter((i) => i.severity === 'info').length,
  };
}

/**
 * The findings that concern some groups only (`dti score --group`): those naming an agency of
 * these groups, those of a file that holds one of their agencies, and those that concern no
 * agency of another group (an unreadable file, a run-wide finding). Pure.
 */
export function issuesOfGroups(doc: ResultsDoc, issues: readonly DtiIssue[], groupIds: readonly string[]): DtiIssue[] {
  const inGroups = doc.groups.filter((g) => groupIds.includes(g.id)).flatMap((g) => g.agencies);
  const others = doc.groups.filter((g) => !groupIds.includes(g.id)).flatMap((g) => g.agencies);
  const codes = new Set(inGroups.map((a) => a.code));
  const files = new Set(inGroups.map((a) => a.file));
  const otherCodes = new Set(others.map((a) => a.code));
  const otherFiles = new Set(others.map((a) => a.file));
  return issues.filter((i) => {
    const agency = i.params.agency;
    if (agency !== undefined) return codes.has(String(agency)) || !otherCodes.has(String(agency));
    const file = i.location.file;
    return file === undefined || files.has(file) || !otherFiles.has(file);
  });
}
