import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join } from 'node:path';
import { issue, type DtiIssue } from '../core/issues.js';

/**
 * Extensions read as submissions. .tsv and .txt are delimited text, read by the CSV reader
 * (Excel's "Text (Tab delimited)" saves as .txt); .xls is read only to say it must be resaved.
 */
export const SUBMISSION_EXTENSIONS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls']);

export type Expanded = {
  files: string[];
  missing: string[];
  /**
   * What was not read, as findings: files of another type and Office lock files (notes, so a
   * missing agency can be traced to its file), and entries that are not regular files (named
   * pipes, devices, sockets, links that lead nowhere or in a loop: errors).
   */
  skipped: DtiIssue[];
};

/**
 * Files and folders as given → the submission files, folders walked recursively in sorted
 * order so runs are reproducible. Hidden files and Office lock files (~$book.xlsx) are skipped.
 * Only regular files are read: a symlink to /dev/zero or a named pipe would never end, so it
 * is reported (E_INPUT_NOT_FILE) and the walk goes on; so is a link in a loop. A folder reached
 * twice through links is walked once.
 */
export function expandInputs(paths: readonly string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: DtiIssue[] = [];
  const walked = new Set<string>();
  const walk = (dir: string, st: Stats) => {
    const id = `${st.dev}:${st.ino}`;
    if (walked.has(id)) return;
    walked.add(id);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      skipped.push(issue('E_FILE_UNREADABLE', { file: dir }, { detail: errorCode(e) }));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const wanted = SUBMISSION_EXTENSIONS.has(extname(name).toLowerCase());
      let entry: Stats;
      try {
        entry = statSync(p);
      } catch (e) {
        // A link that leads nowhere or in a loop: worth a word only where a submission was expected.
        if (wanted) skipped.push(notFile(p, errorCode(e)));
        continue;
      }
      if (entry.isDirectory()) walk(p, entry);
      else if (name.startsWith('~$')) skipped.push(issue('I_FILE_SKIPPED_LOCK', { file: p }, {}));
      else if (!wanted) skipped.push(issue('I_FILE_SKIPPED', { file: p }, { ext: extname(p) || '—' }));
      else if (entry.isFile()) files.push(p);
      else skipped.push(notFile(p, kindOf(entry)));
    }
  };
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(p);
      else skipped.push(notFile(p, code));
      continue;
    }
    if (st.isDirectory()) walk(p, st);
    else if (st.isFile()) files.push(p);
    else skipped.push(notFile(p, kindOf(st)));
  }
  return { files: [...new Set(files)], missing, skipped };
}

function notFile(file: string, kind: string): DtiIssue {
  return issue('E_INPUT_NOT_FILE', { file }, { kind });
}

/** What a path is when it is not a regular file or a folder: the word the message shows. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'special';
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}
