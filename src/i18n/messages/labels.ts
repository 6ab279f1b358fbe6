import type { MessageTable } from '../types.js';

/** Labels: table headers, sheet names, words used around data. */
export const labelMessages: MessageTable = {
  LOC_LINE_COLUMN: { vi: 'dòng {row}, cột {column}', en: 'line {row}, column {column}' },
  LOC_LINE: { vi: 'dòng {row}', en: 'line {row}' },
};
