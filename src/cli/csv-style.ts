import { issue } from '../core/issues.js';
import { CSV_STYLES, type CsvStyle } from '../report/csv.js';
import { UsageError } from './errors.js';

/** `--csv-style excel|plain` (src/report/csv.ts says what each is). */
export function csvStyleOption(value: string): CsvStyle {
  if (!(CSV_STYLES as readonly string[]).includes(value)) throw new UsageError([issue('E_CSV_STYLE_OPTION', {}, { value })]);
  return value as CsvStyle;
}
