import { issue, type DtiIssue } from '../../core/issues.js';

/** Bounds on what one file may cost to read. Every limit is checked before the work it guards. */
export interface XlsxLimits {
  /** Size of the file itself, in bytes. Default 50 MB. */
  readonly maxFileBytes: number;
  /** Sum of the declared uncompressed sizes of the zip entries read, in bytes. Default 300 MB. */
  readonly maxInflatedBytes: number;
  /** Highest row number holding a value, per sheet. Default 100 000. */
  readonly maxRows: number;
  /**
   * Largest uncompressed/compressed ratio accepted for an entry over 1 MiB. Real sheet XML
   * deflates about 10–20 times; deflate's ceiling is about 1032, which is where zip bombs live.
   * Default 200.
   */
  readonly maxCompressionRatio: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = Object.freeze({
  maxFileBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 300 * 1024 * 1024,
  maxRows: 100_000,
  maxCompressionRatio: 200,
});

/** A failure that ends the read: turned into one issue at the top. */
export class ReadStop extends Error {
  constructor(readonly found: DtiIssue) {
    super(found.code);
  }
}

export function tooLarge(file: string, limit: keyof XlsxLimits, value: number, max: number, sheet?: string): ReadStop {
  return new ReadStop(issue('E_XLSX_TOO_LARGE', sheet === undefined ? { file } : { file, sheet }, { limit, value, max }));
}
