import { z } from 'zod';

/**
 * Issues are data, not thrown strings: a stable code, a severity, a location and the
 * parameters its message needs. The wording is chosen last, per language, by src/i18n.
 */
export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** Where a value or a problem sits: a cell of a sheet, a line of a CSV file, or a path in a framework file. */
export const locationSchema = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  /** 1-based row (Excel) or line (CSV). */
  row: z.number().int().positive().optional(),
  /** 1-based column number. */
  column: z.number().int().positive().optional(),
  /** A1 reference for workbooks, or "line:column" style label for CSV. */
  cell: z.string().optional(),
  /** Path inside a structured file, e.g. indicators[3].rule.target. */
  path: z.string().optional(),
});
export type Location = z.infer<typeof locationSchema>;

export const issueSchema = z.object({
  severity: severitySchema,
  code: z.string().regex(/^[EWI]_[A-Z0-9_]+$/),
  location: locationSchema,
  /** Values the message is built from; keys are those of the catalogue entry. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type DtiIssue = z.infer<typeof issueSchema>;

export type IssueParams = DtiIssue['params'];

const SEVERITY_BY_PREFIX = { E: 'error', W: 'warning', I: 'info' } as const;

/** Builds an issue; the severity follows the code's prefix (E_, W_, I_) so the two can never disagree. */
export function issue(code: string, location: Location = {}, params: IssueParams = {}): DtiIssue {
  const prefix = code[0] as keyof typeof SEVERITY_BY_PREFIX;
  return { severity: SEVERITY_BY_PREFIX[prefix], code, location, params };
}

export function hasErrors(issues: readonly DtiIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * A stable order for reports: worst first, then by file, sheet, row, column, code. Codes listed
 * in `first` (findings a command wants read early, such as `dti rank`'s matches with last year)
 * come right after the errors, before the other warnings.
 */
export function sortIssues(issues: readonly DtiIssue[], first: readonly string[] = []): DtiIssue[] {
  const cmp = (a?: string | number, b?: string | number) =>
    a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1;
  const tier = (i: DtiIssue) => (i.severity === 'error' ? 0 : first.includes(i.code) ? 1 : 1 + SEVERITY_ORDER[i.severity]);
  return [...issues].sort(
    (a, b) =>
      tier(a) - tier(b) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.location.file, b.location.file) ||
      cmp(a.location.sheet, b.location.sheet) ||
      cmp(a.location.row, b.location.row) ||
      cmp(a.location.column, b.location.column) ||
      cmp(a.location.path, b.location.path) ||
      cmp(a.code, b.code),
  );
}
