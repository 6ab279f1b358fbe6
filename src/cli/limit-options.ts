import { issue, type DtiIssue } from '../core/issues.js';
import type { XlsxLimits } from '../sheets/xlsx/index.js';
import { UsageError } from './errors.js';

/** The resource limit options as commander hands them over (text, unchecked). */
export interface LimitOptions {
  maxFileMb?: string;
  maxInflatedMb?: string;
  maxRows?: string;
}

const MB = 1024 * 1024;

/**
 * The limits the user set, checked once (a value that is not a positive number is a usage error,
 * exit 2), as the reader takes them; limits not set keep the reader's defaults.
 */
export function xlsxLimitsFrom(options: LimitOptions): Partial<XlsxLimits> {
  const limits: { -readonly [K in keyof XlsxLimits]?: number } = {};
  const problems: DtiIssue[] = [];
  const megabytes = (option: string, raw: string | undefined): number | undefined => {
    if (raw === undefined) return undefined;
    const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
    if (Number.isFinite(n) && n > 0) return Math.max(1, Math.round(n * MB));
    problems.push(issue('E_LIMIT_OPTION', {}, { option, value: raw }));
    return undefined;
  };
  const maxFileBytes = megabytes('--max-file-mb', options.maxFileMb);
  if (maxFileBytes !== undefined) limits.maxFileBytes = maxFileBytes;
  const maxInflatedBytes = megabytes('--max-inflated-mb', options.maxInflatedMb);
  if (maxInflatedBytes !== undefined) limits.maxInflatedBytes = maxInflatedBytes;
  if (options.maxRows !== undefined) {
    const n = /^\d+$/.test(options.maxRows.trim()) ? Number(options.maxRows) : NaN;
    if (Number.isSafeInteger(n) && n > 0) limits.maxRows = n;
    else problems.push(issue('E_LIMIT_OPTION_INTEGER', {}, { option: '--max-rows', value: options.maxRows }));
  }
  if (problems.length > 0) throw new UsageError(problems);
  return limits;
}
