import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { Grid } from '../core/grid.js';
import { withFile } from '../core/file-error.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { readCsv } from './csv.js';
import { DEFAULT_XLSX_LIMITS, readXlsx, type XlsxLimits } from './xlsx/index.js';

export interface ReadOptions {
  readonly xlsxLimits?: Partial<XlsxLimits>;
}

/** Reads one file into a Grid with the reader its extension calls for. The file is only read, never written. */
export function readGridFile(file: string, options: ReadOptions = {}): { grid?: Grid; issues: DtiIssue[] } {
  const ext = extname(file).toLowerCase();
  const maxFileBytes = options.xlsxLimits?.maxFileBytes ?? DEFAULT_XLSX_LIMITS.maxFileBytes;
  const read = readBounded(file, maxFileBytes);
  if ('issue' in read) return { issues: [read.issue] };
  const bytes = read.bytes;
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') return withFile(file, () => readXlsx(bytes, file, options.xlsxLimits));
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return withFile(file, () => readCsv(bytes, file, options.xlsxLimits?.maxRows !== undefined ? { maxRows: options.xlsxLimits.maxRows } : {}));
  return { issues: [issue('E_FILE_TYPE', { file }, { ext })] };
}

/**
 * The bytes of a regular file no larger than the limit, which is checked on the open file's
 * size before anything is read (fstat, so the file checked is the file read). Opened
 * non-blocking: a named pipe given as a file would otherwise wait for a writer forever; it is
 * refused as not a regular file, as is a device such as /dev/zero.
 */
export function readBounded(file: string, maxBytes: number): { bytes: Uint8Array } | { issue: DtiIssue } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { issue: issue('E_FILE_UNREADABLE', { file }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { issue: issue('E_INPUT_NOT_FILE', { file }, { kind: st.isFIFO() ? 'FIFO' : st.isSocket() ? 'socket' : 'device' }) };
    if (st.size > maxBytes) return { issue: issue('E_XLSX_TOO_LARGE', { file }, { limit: 'maxFileBytes', value: st.size, max: maxBytes }) };
    // No more than the size seen is read, even from a file that grows meanwhile.
    const buf = Buffer.allocUnsafe(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, null);
      if (n === 0) break;
      got += n;
    }
    return { bytes: buf.subarray(0, got) };
  } catch (e) {
    return { issue: issue('E_FILE_UNREADABLE', { file }, { detail: (e as NodeJS.ErrnoException).code ?? String(e) }) };
  } finally {
    closeSync(fd);
  }
}
