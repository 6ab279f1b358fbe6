import { describeRule } from '../framework/describe.js';
import type { FrameworkModel } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import { fixedNumber, localNumber } from '../i18n/numbers.js';
import { renderLocation } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import type { Location } from '../core/issues.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';
import { notApplicableText } from './not-applicable.js';

type Group = ResultsDoc['groups'][number];

/**
 * How a score came about, in words: for an indicator, its rule, the inputs with their cells,
 * self-scored, computed and appraised points; for an agency, its total, each main indicator,
 * and the rank computation among its group. Pure: the results document in, text out.
 */
export function explain(doc: ResultsDoc, agencyCode: string, indicator: string | undefined, lang: Lang, model?: FrameworkModel): string | undefined {
  const found = findAgency(doc, agencyCode);
  if (!found) return undefined;
  const { group, agency } = found;
  const l = (key: string, params?: Record<string, string | number>) => t(key, lang, params);
  const places = doc.framework.precision.index;
  // Every figure in the language's decimal mark (0,8002 in Vietnamese).
  const n = (v: number | string) => localNumber(String(v), lang);
  const idx = (v: number) => fixedNumber(v, places, lang);
  let out = `${agency.code} – ${agency.name} (${group.name[lang]})\n`;

  if (indicator !== undefined) {
    const leaves = agency.leaves.filter((x) => x.code === indicator || x.code.startsWith(indicator + '.'));
    const main = agency.indicators.find((i) => i.code === indicator);
    if (leaves.length === 0 && !main) return undefined;
    if (main) out += l('EXPLAIN_MAIN', { code: main.code, name: main.name[lang], points: main.points, max: main.maxPoints, index: idx(main.index), rank: main.rank ?? '–' }) + '\n';
    for (const leaf of leaves) {
      const node = model?.nodes.get(leaf.code);
      out += `\n${leaf.code}${node ? ' ' + node.node.name[lang] : ''}\n`;
      if (node?.node.rule) out += `  ${l('EXPLAIN_RULE')}: ${describeRule(node.node.rule, leaf.maxPoints, lang)}\n`;
      else out += `  ${l('EXPLAIN_RULE')}: ${leaf.rule}\n`;
      if (leaf.effect) out += `  ${l(`EXPLAIN_EFFECT_${leaf.effect}`, { max: n(leaf.maxPoints) })}\n`;
      const why = notApplicableText(leaf, lang, doc.framework.tags);
      if (why) out += `  ${why}\n`;
      // A leaf that did not apply has no points to explain, unless the council scored it anyway.
      if (leaf.appraisal) out += appraisedLeaf(leaf, leaf.appraisal, lang);
      else if (leaf.status !== 'not-applicable') out += ownLeaf(leaf, '  ', lang);
    }
    return out;
  }

  out += l('EXPLAIN_TOTAL', { points: agency.points, max: agency.maxPoints, index: idx(agency.index) }) + '\n';
  for (const i of agency.indicators) {
    out += `  ${i.code.padEnd(4)} ${i.name[lang]}: ${n(i.points)} / ${n(i.maxPoints)} = ${idx(i.index)}${i.rank !== null ? `, ${l('LABEL_RANK').toLowerCase()} ${i.rank}` : ''}\n`;
  }
  for (const p of agency.pillars) out += `  ${p.code.padEnd(4)} ${p.name[lang]}: ${n(p.points)} / ${n(p.maxPoints)} = ${idx(p.index)}\n`;
  if (agency.bonusPoints !== undefined && (agency.bonusPoints !== 0 || agency.penaltyPoints !== 0)) {
    out += l('EXPLAIN_BONUS_PENALTY', { bonus: n(agency.bonusPoints), penalty: n(agency.penaltyPoints ?? 0) }) + '\n';
  }
  const excluded = agency.leaves.filter((x) => x.status === 'not-applicable');
  if (excluded.length > 0) {
    out += l('EXPLAIN_NOT_APPLICABLE') + '\n';
    for (const leaf of excluded) out += `  ${leaf.code.padEnd(4)} ${model?.nodes.get(leaf.code)?.node.name[lang] ?? ''}: ${notApplicableText(leaf, lang, doc.framework.tags)}\n`;
  }
  out += '\n' + rankComputation(doc, group, agency, lang);
  return out;
}

type Leaf = AgencyJson['leaves'][number];

function inputsLines(inputs: Readonly<Record<string, string>>, sources: readonly Location[], indent: string, lang: Lang): string {
  const text = Object.entries(inputs).map(([k, v]) => `${t(`EXPLAIN_INPUT_${k}`, lang)} = ${localNumber(v, lang)}`).join(', ');
  let out = `${indent}${t('EXPLAIN_INPUTS', lang)}: ${text || t('EXPLAIN_NONE', lang)}\n`;
  for (const s of sources) out += `${indent}  ${renderLocation(s, lang)}\n`;
  return out;
}

/** What the agency gave: its inputs and their cells, evidence, self-scored points, and what the rules give them. */
function ownLeaf(leaf: Leaf, indent: string, lang: Lang): string {
  const l = (key: string) => t(key, lang);
  let out = inputsLines(leaf.ownInputs ?? leaf.inputs, leaf.ownSources ?? leaf.sources, indent, lang);
  if (leaf.evidence) out += `${indent}${l('EXPLAIN_EVIDENCE')}: ${leaf.evidence}\n`;
  if (leaf.selfPoints !== undefined) out += `${indent}${l('EXPLAIN_SELF')}: ${num(leaf.selfPoints, lang)}\n`;
  out += `${indent}${l('EXPLAIN_COMPUTED')}: ${num(leaf.computedPoints ?? leaf.points, lang)} / ${num(leaf.maxPoints, lang)}${leaf.status === 'missing' && !leaf.ownInputs ? ' (' + l('EXPLAIN_MISSING') + ')' : ''}\n`;
  return out;
}

/**
 * An appraised indicator: what the agency gave, what the council decided (its corrected inputs
 * with their cells, or its points; its reason; the row of the review file), and which counted.
 */
function appraisedLeaf(leaf: Leaf, appraisal: NonNullable<Leaf['appraisal']>, lang: Lang): string {
  const l = (key: string, params?: Record<string, string | number>) => t(key, lang, params);
  let out = `  ${l('EXPLAIN_AGENCY_GAVE')}:\n` + ownLeaf(leaf, '    ', lang);
  out += `  ${l('EXPLAIN_COUNCIL_DECIDED')}:\n`;
  if (leaf.ownInputs) out += inputsLines(leaf.inputs, leaf.sources, '    ', lang);
  if (leaf.councilPoints !== undefined) out += `    ${l('EXPLAIN_COUNCIL_POINTS')}: ${num(leaf.councilPoints, lang)}\n`;
  out += `    ${l('EXPLAIN_APPRAISED')}: ${num(leaf.points, lang)} / ${num(leaf.maxPoints, lang)}\n`;
  out += `    ${l('EXPLAIN_REASON')}: ${appraisal.reason}${appraisal.reviewer ? ' (' + appraisal.reviewer + ')' : ''}\n`;
  out += `    ${l('EXPLAIN_REVIEW_CELL')}: ${renderLocation(appraisal.loc, lang)}\n`;
  out += `  ${l('EXPLAIN_COUNTED_COUNCIL', { points: num(leaf.points, lang), max: num(leaf.maxPoints, lang) })}\n`;
  return out;
}

function findAgency(doc: ResultsDoc, code: string): { group: Group; agency: AgencyJson } | undefined {
  for (const group of doc.groups) {
    const agency = group.agencies.find((a) => a.code.toLowerCase() === code.toLowerCase());
    if (agency) return { group, agency };
  }
  return undefined;
}

/** The rank in words: who is above, who ties, on which value ties are judged. */
function rankComputation(doc: ResultsDoc, group: Group, agency: AgencyJson, lang: Lang): string {
  const l = (key: string, params?: Record<string, string | number>) => t(key, lang, params);
  if (agency.rank === null) return l(group.ranked ? 'EXPLAIN_NOT_RANKED_INCOMPLETE' : 'EXPLAIN_NOT_RANKED_GROUP') + '\n';
  const places = doc.framework.precision.index;
  const above = group.agencies.filter((a) => a.rank !== null && a.rank < agency.rank!);
  const ties = group.agencies.filter((a) => a.rank === agency.rank && a.code !== agency.code);
  let out = l('EXPLAIN_RANK', { rank: agency.rank, count: group.agencies.filter((a) => a.rank !== null).length, above: above.length, ties: doc.framework.ties === 'published' ? l('EXPLAIN_TIES_PUBLISHED', { places }) : l('EXPLAIN_TIES_EXACT') }) + '\n';
  if (ties.length > 0) out += l('EXPLAIN_TIED_WITH', { agencies: ties.map((a) => `${a.code} (${fixedNumber(a.index, places, lang)})`).join(', ') }) + '\n';
  const next = above[above.length - 1];
  if (next) out += l('EXPLAIN_NEXT_ABOVE', { agency: `${next.code} – ${next.name}`, index: fixedNumber(next.index, places, lang), gap: fixedNumber(next.points - agency.points, doc.framework.precision.points, lang) }) + '\n';
  return out;
}

/** A number as a person reads it in the chosen language (decimal comma in Vietnamese). */
function num(v: number | string, lang: Lang): string {
  return localNumber(String(v), lang);
}
