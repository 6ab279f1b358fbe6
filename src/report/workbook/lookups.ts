import { toNumber } from '../../core/decimal.js';
import { describeRule } from '../../framework/describe.js';
import type { FrameworkNode } from '../../framework/model.js';
import { localNumber } from '../../i18n/numbers.js';
import type { AgencyJson, IssueJson } from '../../results/schema.js';
import { notApplicableText } from '../not-applicable.js';
import { Context } from './context.js';
import { headerText } from './values.js';

/** Lookups the sheets share: an agency's leaves and their points, a rule in words, an issue's place, orderings. */

export function isUnder(node: FrameworkNode | undefined, ancestor: FrameworkNode): boolean {
  for (let n = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

export type LeafJson = AgencyJson['leaves'][number];
/**
 * The last agency's leaves by code: the detail sheet asks for every leaf of one agency, then of
 * the next. Only one is kept, so the leaves of a national batch (which may be read from disk on
 * demand, src/results/fold.ts) are never all in memory.
 */
export let lastLeaves: { agency: AgencyJson; byCode: Map<string, LeafJson> } | undefined;

export function leafOf(a: AgencyJson, code: string): LeafJson | undefined {
  if (lastLeaves?.agency !== a) lastLeaves = { agency: a, byCode: new Map(a.leaves.map((l) => [l.code, l])) };
  return lastLeaves.byCode.get(code);
}

/** Points a leaf counts in the tables: none when it is given above or does not apply. */
export function countedPoints(leaf: LeafJson | undefined): number | null {
  return leaf === undefined || leaf.status === 'given-above' || leaf.status === 'not-applicable' ? null : leaf.points;
}

/** An agency's counted points of a leaf, from the points read once per workbook (Context.leafPoints). */
export function leafPoints(ctx: Context, a: AgencyJson, code: string): number | null {
  const points = ctx.leafPoints.get(a)?.[ctx.leafColumn.get(code)!];
  return points === undefined || Number.isNaN(points) ? null : points;
}

/** The inputs of a leaf in a few characters: "3/4", "có", "87.5", "Mức 2". */
export function inputsText(ctx: Context, a: AgencyJson, code: string): string | null {
  const leaf = leafOf(a, code);
  if (leaf === undefined) return null;
  if (leaf.status === 'given-above') return ctx.l('WB_INPUT_GIVEN_ABOVE');
  if (leaf.status === 'not-applicable') return notApplicableText(leaf, ctx.lang, ctx.doc.framework.tags) ?? ctx.l('LABEL_NOT_APPLICABLE');
  if (leaf.status === 'missing') return ctx.l('WB_INPUT_MISSING');
  const n = (v: string) => localNumber(v, ctx.lang);
  const { numerator, denominator, value, best, points, ...rest } = leaf.inputs;
  const parts: string[] = [];
  if (numerator !== undefined || denominator !== undefined) parts.push(`${numerator ?? ''}/${denominator ?? ''}`);
  if (value !== undefined) {
    const rule = ctx.model.nodes.get(code)?.node.rule;
    if (leaf.rule === 'boolean' && (value === 'true' || value === 'false')) parts.push(ctx.l(value === 'true' ? 'WB_INPUT_YES' : 'WB_INPUT_NO'));
    else if (rule?.type === 'choice') parts.push(rule.options.find((o) => o.key === value)?.label[ctx.lang] ?? value);
    else parts.push(best !== undefined ? `${n(value)}/${n(best)}` : n(value));
  } else if (best !== undefined) parts.push(`/${n(best)}`);
  if (points !== undefined) parts.push(n(points));
  for (const key of Object.keys(rest).sort()) parts.push(`${key}=${rest[key]}`);
  return parts.join('; ');
}

export function ruleText(ctx: Context, n: FrameworkNode): string {
  const rule = n.node.rule;
  if (n.informational || rule === undefined) return ctx.l('LABEL_INFORMATIONAL');
  const group = ctx.model.framework.groups.find((g) => ctx.model.applies(n, g.id));
  const max = group ? toNumber(ctx.model.maxFor(n, group.id), ctx.doc.framework.precision.points) : 0;
  return describeRule(rule, max, ctx.lang);
}

export function issueLocation(ctx: Context, i: IssueJson): string | null {
  const parts: string[] = [];
  if (i.cell) parts.push(i.cell);
  else if (i.row !== undefined && i.column !== undefined) parts.push(ctx.l('LOC_LINE_COLUMN', { row: i.row, column: i.column }));
  else if (i.row !== undefined) parts.push(ctx.l('LOC_LINE', { row: i.row }));
  if (i.path) parts.push(i.path);
  return parts.length ? parts.join(' · ') : null;
}

export function byRank(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Table headers: on one line, and differing (ignoring case) as Excel requires; a repeat gets " (2)", " (3)". */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((raw) => {
    const h = headerText(raw);
    let name = h;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${h} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
