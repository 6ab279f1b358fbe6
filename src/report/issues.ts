import { sortIssues } from '../core/issues.js';
import type { IssueJson } from '../results/schema.js';

/**
 * Views of one issue list for CI: GitHub Actions annotations and a Markdown table for the
 * step summary. The issue objects are those of the results document (message already worded).
 */

/** GitHub's escaping: data escapes %, CR, LF; properties also ':' and ','. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** One annotation per issue, worst first. A workbook has no line numbers that GitHub can show, so the cell goes in the title. */
export function githubAnnotations(issues: readonly IssueJson[]): string {
  const ordered = sortIssues(
    issues.map((i) => ({ severity: i.severity, code: i.code, location: i, params: {} })),
  ).map((x) => x.location as IssueJson);
  return ordered
    .map((i) => {
      const props: string[] = [];
      if (i.file) props.push(`file=${escapeProperty(i.file)}`);
      if (i.row !== undefined && !i.sheet) props.push(`line=${i.row}`);
      if (i.column !== undefined && !i.sheet) props.push(`col=${i.column}`);
      const where = i.sheet !== undefined ? ` ${i.sheet}!${i.cell ?? i.row ?? ''}` : '';
      props.push(`title=${escapeProperty(i.code + where)}`);
      return `::${COMMAND[i.severity]} ${props.join(',')}::${escapeData(i.message)}\n`;
    })
    .join('');
}

function mdCell(s: string | number | undefined): string {
  return s === undefined ? '' : String(s).replace(/\|/g, '\\|').replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** The full list as Markdown, for $GITHUB_STEP_SUMMARY (GitHub shows only ten annotations per kind). */
export function issuesMarkdown(issues: readonly IssueJson[], title: string, headers: readonly string[]): string {
  let out = `### ${title}\n\n| ${headers.join(' | ')} |\n|${headers.map(() => '---').join('|')}|\n`;
  for (const i of issues) {
    const where = i.cell ?? (i.row !== undefined ? `${i.row}${i.column !== undefined ? ':' + i.column : ''}` : i.path);
    out += `| ${[i.severity, i.code, i.file, i.sheet, where, i.message].map(mdCell).join(' | ')} |\n`;
  }
  return out + '\n';
}
