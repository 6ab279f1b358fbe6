import { extname } from 'node:path';
import { issue, type DtiIssue } from '../core/issues.js';
import type { Skipped } from './files.js';

/** Files of a folder that were not read, as notes that say why (so a missing agency can be traced to its file). */
export function skippedIssues(skipped: readonly Skipped[]): DtiIssue[] {
  return skipped.map((s) =>
    s.reason === 'lock' ? issue('I_FILE_SKIPPED_LOCK', { file: s.file }, {}) : issue('I_FILE_SKIPPED', { file: s.file }, { ext: extname(s.file) || '—' }),
  );
}
