import { describeRule } from '../framework/describe.js';
import type { FrameworkModel } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import { fixedNumber, localNumber } from '../i18n/numbers.js';
import { renderLocation } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import type { AgencyJson, ResultsDoc } from '../results/schema.js';

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
      const inputs = Object.entries(leaf.inputs).map(([k, v]) => `${l(`EXPLAIN_INPUT_${k}`)} = ${n(v)}`).join(', ');
      out += `  ${l('EXPLAIN_INPUTS')}: ${inputs || l('EXPLAIN_NONE')}\n`;
      for (const s of leaf.sources) out += `    ${renderLocation(s, lang)}\n`;
      if (leaf.evidence) out += `  ${l('EXPLAIN_EVIDENCE')}: ${leaf.evidence}\n`;
      if (leaf.selfPoints !== undefined) out += `  ${l('EXPLAIN_SELF')}: ${n(leaf.selfPoints)}\n`;
      out += `  ${l('EXPLAIN_COMPUTED')}: ${n(leaf.computedPoints ?? leaf.points)} / ${n(leaf.maxPoints)}${leaf.status === 'missing' ? ' (' + l('EXPLAIN_MISSING') + ')' : ''}\n`;
      if (leaf.appraisal) {
        out += `  ${l('EXPLAIN_APPRAISED')}: ${n(leaf.points)} – ${leaf.appraisal.reason}${leaf.appraisal.reviewer ? ' (' + leaf.appraisal.reviewer + ')' : ''}\n`;
        out += `    ${renderLocation(leaf.appraisal.loc, lang)}\n`;
      }
    }
    return out;
  }

  out += l('EXPLAIN_TOTAL', { points: agency.points, max: agency.maxPoints, index: idx(agency.index) }) + '\n';
  for (const i of agency.indicators) {
    out += `  ${i.code.padEnd(4)} ${i.name[lang]}: ${n(i.points)} / ${n(i.maxPoints)} = ${idx(i.index)}${i.rank !== null ? `, ${l('LABEL_RANK').toLowerCase()} ${i.rank}` : ''}\n`;
  }
  for (const p of agency.pillars) out += `  ${p.code.padEnd(4)} ${p.name[lang]}: ${n(p.points)} / ${n(p.maxPoints)} = ${idx(p.index)}\n`;
  out += '\n' + rankComputation(doc, group, agency, lang);
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
