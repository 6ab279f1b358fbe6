import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Extensions read as submissions. */
export const SUBMISSION_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls']);

export type Expanded = { files: string[]; missing: string[] };

/**
 * Files and folders as given → the submission files, folders walked recursively in sorted
 * order so runs are reproducible. Hidden files and Office lock files (~$book.xlsx) are skipped.
 */
export function expandInputs(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (SUBMISSION_EXTENSIONS.has(extname(name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files: [...new Set(files)], missing };
}
