import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Grid } from '../core/grid.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { readCsv } from './csv.js';
import { readXlsx, type XlsxLimits } from './xlsx/index.js';

export interface ReadOptions {
  readonly xlsxLimits?: Partial<XlsxLimits>;
}

/** Reads one file into a Grid with the reader its extension calls for. The file is only read, never written. */
export function readGridFile(file: string, options: ReadOptions = {}): { grid?: Grid; issues: DtiIssue[] } {
  const ext = extname(file).toLowerCase();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    return { issues: [issue('E_FILE_UNREADABLE', { file }, { detail })] };
  }
  if (ext === '.xlsx' || ext === '.xlsm' || ext === '.xls') return readXlsx(bytes, file, options.xlsxLimits);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readCsv(bytes, file, options.xlsxLimits?.maxRows !== undefined ? { maxRows: options.xlsxLimits.maxRows } : {});
  return { issues: [issue('E_FILE_TYPE', { file }, { ext })] };
}
