import type { ChalkInstance } from 'chalk';
import { sortIssues, type DtiIssue } from '../core/issues.js';
import { t } from '../i18n/catalog.js';
import { renderIssue, renderLocation } from '../i18n/render.js';
import { visible } from './visible.js';
import type { Lang } from '../i18n/types.js';

/** Issues as lines for a terminal: worst first (then the codes in `first`), location, severity, message. */
export function formatIssues(issues: readonly DtiIssue[], lang: Lang, c: ChalkInstance, limit = Infinity, first: readonly string[] = [], more?: string): string {
  const sorted = sortIssues(issues, first);
  const colour = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  let out = '';
  for (const i of sorted.slice(0, limit)) {
    // Values from files are made visible one by one, so the catalogue's own text stays as written.
    const where = visible(renderLocation(i.location, lang));
    const params = Object.fromEntries(Object.entries(i.params).map(([k, v]) => [k, typeof v === 'string' ? visible(v) : v]));
    out += `${colour[i.severity](t(`LABEL_SEVERITY_${i.severity}`, lang))} ${c.dim(i.code)} ${where ? c.bold(where) + ': ' : ''}${renderIssue({ ...i, params }, lang)}\n`;
  }
  if (sorted.length > limit) out += c.dim(t('MORE_ISSUES', lang, { count: sorted.length - limit }) + (more ?? t('MORE_ISSUES_WHERE', lang))) + '\n';
  return out;
}
