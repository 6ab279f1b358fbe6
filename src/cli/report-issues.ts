import type { ChalkInstance } from 'chalk';
import { sortIssues, type DtiIssue } from '../core/issues.js';
import { t } from '../i18n/catalog.js';
import { renderIssue, renderLocation } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';

/** Issues as lines for a terminal: worst first (then the codes in `first`), location, severity, message. */
export function formatIssues(issues: readonly DtiIssue[], lang: Lang, c: ChalkInstance, limit = Infinity, first: readonly string[] = [], more?: string): string {
  const sorted = sortIssues(issues, first);
  const colour = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  let out = '';
  for (const i of sorted.slice(0, limit)) {
    const where = renderLocation(i.location, lang);
    out += `${colour[i.severity](t(`LABEL_SEVERITY_${i.severity}`, lang))} ${c.dim(i.code)} ${where ? c.bold(where) + ': ' : ''}${renderIssue(i, lang)}\n`;
  }
  if (sorted.length > limit) out += c.dim(t('MORE_ISSUES', lang, { count: sorted.length - limit }) + (more ?? t('MORE_ISSUES_WHERE', lang))) + '\n';
  return out;
}
