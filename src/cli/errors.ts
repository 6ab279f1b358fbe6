import type { DtiIssue } from '../core/issues.js';

/** A usage or configuration problem: the CLI prints its issues and exits with 2. */
export class UsageError extends Error {
  constructor(readonly issues: readonly DtiIssue[]) {
    super(issues.map((i) => i.code).join(', '));
  }
}

export const EXIT = { ok: 0, dataErrors: 1, usage: 2 } as const;
