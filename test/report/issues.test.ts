import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubAnnotations, issuesMarkdown } from '../../src/report/issues.js';
import type { IssueJson } from '../../src/results/schema.js';

const issue = (over: Partial<IssueJson>): IssueJson => ({ severity: 'warning', code: 'W_X', message: 'm', ...over });

describe('GitHub annotations', () => {
  it('escape %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('put a CSV line and column in the properties', () => {
    expect(githubAnnotations([issue({ file: 'a.csv', row: 4, column: 7, code: 'E_RANGE', severity: 'error', message: 'out of range' })])).toBe(
      '::error file=a.csv,line=4,col=7,title=E_RANGE::out of range\n',
    );
  });

  it('put a workbook cell in the title, since a workbook has no lines', () => {
    expect(githubAnnotations([issue({ file: 'b.xlsx', sheet: 'Tự đánh giá', row: 9, column: 5, cell: 'E9' })])).toBe(
      '::warning file=b.xlsx,title=W_X Tự đánh giá!E9::m\n',
    );
  });

  it('list the worst first, notes as notices', () => {
    const out = githubAnnotations([issue({ severity: 'info', code: 'I_A' }), issue({ severity: 'error', code: 'E_B' }), issue({ code: 'W_C' })]);
    expect(out.split('\n').filter(Boolean).map((l) => l.split(' ')[0])).toEqual(['::error', '::warning', '::notice']);
  });
});

describe('the step summary', () => {
  it('is a Markdown table of every issue with pipes escaped', () => {
    const md = issuesMarkdown([issue({ file: 'a.csv', row: 2, column: 3, message: 'a | b' })], 'Summary', ['S', 'C', 'F', 'Sh', 'Cell', 'M']);
    expect(md).toBe('### Summary\n\n| S | C | F | Sh | Cell | M |\n|---|---|---|---|---|---|\n| warning | W_X | a.csv |  | 2:3 | a \\| b |\n\n');
  });
});
