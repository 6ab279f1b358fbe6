import type { DtiIssue, Location } from '../core/issues.js';
import { t } from './catalog.js';
import type { Lang } from './types.js';

/** "file.xlsx › Sheet1 › C7", "file.csv › dòng 4, cột 3", "framework.yaml › indicators[3].rule". */
export function renderLocation(loc: Location, lang: Lang): string {
  const parts: string[] = [];
  if (loc.file) parts.push(loc.file);
  if (loc.sheet) parts.push(loc.sheet);
  if (loc.cell) parts.push(loc.cell);
  else if (loc.row !== undefined && loc.column !== undefined) parts.push(t('LOC_LINE_COLUMN', lang, { row: loc.row, column: loc.column }));
  else if (loc.row !== undefined) parts.push(t('LOC_LINE', lang, { row: loc.row }));
  if (loc.path) parts.push(loc.path);
  return parts.join(' › ');
}

/** The issue's message; a `suggestion` param (the nearest known code or name) adds "did you mean …?". */
export function renderIssue(issue: DtiIssue, lang: Lang): string {
  const text = t(issue.code, lang, issue.params);
  const suggestion = issue.params.suggestion;
  return suggestion === undefined || suggestion === '' ? text : text + t('HINT_DID_YOU_MEAN', lang, { suggestion });
}
