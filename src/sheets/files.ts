import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Extensions read as submissions. .tsv and .txt are delimited text, read by the CSV reader
 * (Excel's "Text (Tab delimited)" saves as .txt); .xls is read only to say it must be resaved.
 */
export const SUBMISSION_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls']);

/** A file in a folder that was not read, and why: another type, or an Office lock file (~$book.xlsx). */
export type Skipped = { file: string; reason: 'type' | 'lock' };

export type Expanded = { files: string[]; missing: string[]; skipped: Skipped[] };

/**
 * Files and folders as given → the submission files, folders walked recursively in sorted
 * order so runs are reproducible. Hidden files and Office lock files (~$book.xlsx) are skipped.
 */
export function expandInputs(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: Skipped[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.startsWith('~$')) skipped.push({ file: p, reason: 'lock' });
      else if (SUBMISSION_EXTENSIONS.has(extname(name).toLowerCase())) files.push(p);
      else skipped.push({ file: p, reason: 'type' });
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
  return { files: [...new Set(files)], missing, skipped };
}
