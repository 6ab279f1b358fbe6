import { toNumber, type Decimal } from '../core/decimal.js';
import { sortIssues, type DtiIssue } from '../core/issues.js';
import type { RankedGroup, RankedValue } from '../engine/rank.js';
import type { FrameworkModel } from '../framework/model.js';
import { renderIssue } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import type { InputFile, IssueJson, RankedValueJson, ResultsDoc } from './schema.js';

export interface BuildOptions {
  readonly lang: Lang;
  readonly toolVersion: string;
  /** Files read, with their SHA-256, in the order given. */
  readonly inputs: readonly InputFile[];
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
    },
    inputs: [...options.inputs],
    groups: groups.map(({ group, agencies }) => ({
      id: group.id,
      name: group.name,
      ranked: group.ranked,
      maxPoints: pts(model.totalFor(group.id)),
      agencies: agencies.map((a) => {
        const ag = a.score.agency;
        return {
          code: ag.code,
          name: ag.name,
          group: ag.group,
          ...(ag.parent ? { parent: ag.parent } : {}),
          ...(ag.year !== undefined ? { year: ag.year } : {}),
          file: a.score.file,
          points: pts(a.total.points),
          maxPoints: pts(a.total.maxPoints),
          index: idx(a.total.index),
          rank: a.total.rank ?? null,
          ...(a.class ? { class: { code: a.class.code, name: a.class.name } } : {}),
          complete: a.score.complete,
          indicators: a.mains.map((v) => ranked(v, ag.group)),
          pillars: a.pillars.map((v) => ranked(v, ag.group)),
          leaves: a.score.leaves.map((l) => ({
            code: l.code,
            rule: l.rule,
            status: l.status,
            points: pts(l.points),
            maxPoints: pts(l.maxPoints),
            ...(l.selfPoints !== undefined ? { selfPoints: pts(l.selfPoints) } : {}),
            ...(l.computedPoints !== undefined ? { computedPoints: pts(l.computedPoints) } : {}),
            ...(l.appraisal ? { appraisal: { ...l.appraisal } } : {}),
            inputs: { ...l.inputs },
            ...(l.evidence !== undefined ? { evidence: l.evidence } : {}),
            sources: [...l.sources],
          })),
        };
      }),
    })),
    issues: sorted.map((i): IssueJson => ({ severity: i.severity, code: i.code, ...i.location, message: renderIssue(i, options.lang) })),
    summary: {
      agencies: groups.reduce((n, g) => n + g.agencies.length, 0),
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      infos: issues.filter((i) => i.severity === 'info').length,
    },
  };
}
