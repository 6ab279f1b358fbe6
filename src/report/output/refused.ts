import type { DtiIssue } from '../../core/issues.js';

/** An output dti will not write (it would replace a file dti did not write, an input, a locked folder): the CLI exits 2 with these issues. */
export class OutputRefused extends Error {
  constructor(readonly issues: readonly DtiIssue[]) {
    super(issues.map((i) => i.code).join(', '));
  }
}
