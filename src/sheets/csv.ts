import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Info } from 'csv-parse/sync';
import type { Grid, GridCell } from '../core/grid.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { trimBlank } from '../core/text.js';

/**
 * The CSV parser and the decoder of legacy encodings, loaded on the first CSV file: a run over
 * workbooks alone should not pay for loading them. `require` keeps reading synchronous; both
 * packages ship CommonJS for Node.
 */
const load = createRequire(import.meta.url);
let csvParse: typeof import('csv-parse/sync') | undefined;
let iconvLite: typeof import('iconv-lite') | undefined;
const csv = () => (csvParse ??= load('csv-parse/sync') as typeof import('csv-parse/sync'));
const iconv = () => (iconvLite ??= load('iconv-lite') as typeof import('iconv-lite'));

/** What reading one CSV file gives: a grid unless the file cannot be trusted, and the issues found. */
export interface CsvReadResult {
  grid?: Grid;
  issues: DtiIssue[];
}

/** Candidate delimiters, in the order that wins a tie. */
const DELIMITERS = [',', ';', '\t'] as const;
/** How many non-empty records the delimiter is judged on. */
const DELIMITER_SAMPLE = 20;
/** How many leading bytes the UTF-16 heuristic looks at. */
const UTF16_SAMPLE = 4096;
/** Most records read from one file unless told otherwise: the workbook reader's default row limit. */
const DEFAULT_MAX_ROWS = 100_000;

/** Bounds on what one CSV file may cost to read (the same name as the workbook reader's limit). */
export interface CsvLimits {
  /** Most records (non-empty lines) read; a file with more is refused. Default 100 000. */
  readonly maxRows?: number;
}

/**
 * Reads CSV bytes into a Grid: one sheet named '', every cell a trimmed string or null, named
 * by the physical line its record starts on and its 1-based field index.
 *
 * The encoding is found from the bytes (UTF-8 with or without BOM, UTF-16 by BOM or by its NUL
 * bytes, else Windows-1258, reported), the text is made NFC, and the delimiter (, ; or tab) is the
 * one that splits the first records into the most consistent number of fields. Pure apart from
 * hashing: the caller reads the file. Bad input never throws: it comes back as issues, with no
 * grid when nothing trustworthy can be read.
 */
export function readCsv(bytes: Uint8Array, file: string, limits: CsvLimits = {}): CsvReadResult {
  const maxRows = limits.maxRows !== undefined && limits.maxRows > 0 ? Math.floor(limits.maxRows) : DEFAULT_MAX_ROWS;
  if (bytes.length === 0) return { issues: [issue('E_CSV_EMPTY', { file })] };

  const format = binaryFormat(bytes);
  if (format) return { issues: [issue('E_CSV_BINARY', { file }, { format })] };

  const issues: DtiIssue[] = [];
  const decoded = decode(bytes);
  if (decoded === undefined) return { issues: [issue('E_CSV_BINARY', { file }, { format: 'NUL' })] };
  if (decoded.guessed) issues.push(issue('I_CSV_ENCODING', { file }, { encoding: decoded.encoding }));
  if (decoded.invalid) {
    const at = decoded.text.indexOf('\uFFFD');
    const row = lineAt(lineStarts(decoded.text.length, (i) => decoded.text.charCodeAt(i)), Math.max(at, 0));
    issues.push(issue('W_CSV_INVALID_UTF8', { file, row }, { count: decoded.invalid }));
  }

  let text = decoded.text.normalize('NFC');
  if (text.includes('\uFEFF')) {
    const lines = lineStarts(text.length, (i) => text.charCodeAt(i));
    const reported = new Set<number>();
    for (let i = text.indexOf('\uFEFF'); i >= 0; i = text.indexOf('\uFEFF', i + 1)) {
      const row = lineAt(lines, i);
      if (!reported.has(row)) issues.push(issue('W_CSV_STRAY_BOM', { file, row }));
      reported.add(row);
    }
    text = text.replace(/\uFEFF/g, '');
  }

  // Excel writes "sep=;" on the first line to name the delimiter; it is not data.
  const sepLine = /^sep=([,;\t])[ \t]*(?=\r|\n|$)/i.exec(text);
  let delimiter: string;
  if (sepLine) {
    delimiter = sepLine[1]!;
    text = text.slice(sepLine[0].length); // the line break stays, so line numbers do not move
  } else {
    delimiter = detectDelimiter(text);
  }
  const stripped = stripTrailingDelimiters(text, delimiter);
  text = stripped.text;
  const buffer = Buffer.from(text, 'utf8');
  let records: { record: Fields; info: Info }[];
  try {
    records = csv().parse(buffer, {
      // Trailing empty fields are counted, not kept: 16,384 empty columns on every line cost no memory.
      // (With info: true, csv-parse hands on_record the record with its info.)
      on_record: (({ record, info }: { record: string[]; info: Info }) => {
        let n = record.length;
        while (n > 0 && trimBlank(record[n - 1]!) === '') n--;
        return { record: { fields: n === record.length ? record : record.slice(0, n), count: record.length }, info };
      }) as never,
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Parsing stops one record past the limit: a million-line file costs no more than the limit.
      to: Number.isFinite(maxRows) ? maxRows + 1 : -1,
    }) as unknown as { record: Fields; info: Info }[];
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      const open = scan(text, delimiter, Infinity).unclosed;
      const loc = open
        ? { file, row: lineAt(lineStarts(text.length, (i) => text.charCodeAt(i)), open.at), column: open.field }
        : { file, ...lineOf(e) };
      issues.push(issue('E_CSV_QUOTES', loc));
    } else {
      issues.push(issue('E_CSV_MALFORMED', { file, ...lineOf(e) }, { detail: e instanceof Error ? e.message : String(e) }));
    }
    return { issues };
  }
  if (records.length > maxRows) return { issues: [...issues, issue('E_CSV_TOO_LARGE', { file }, { max: maxRows })] };

  const lines = lineStarts(buffer.length, (i) => buffer[i]!);
  const rows: (GridCell | undefined)[][] = [];
  let end = 0;
  let anyValue = false;
  for (const { record, info } of records) {
    // A record starts where the previous one ended, past the empty lines csv-parse skipped.
    let start = end;
    while (start < buffer.length && (buffer[start] === 0x0a || buffer[start] === 0x0d)) start++;
    end = info.bytes;
    const row = lineAt(lines, start);
    // A line of spaces is an empty line, not a record of one empty field.
    if (record.count === 1 && record.fields.length === 0) continue;
    const cells: (GridCell | undefined)[] = record.fields.map((raw, i): GridCell => {
      const value = cellValue(raw);
      if (value === null || value.length <= MAX_CELL_CHARS) return { value, row, column: i + 1 };
      issues.push(issue('W_CSV_CELL_TOO_LONG', { file, row, column: i + 1 }, { length: value.length, max: MAX_CELL_CHARS }));
      return { value: truncate(value, MAX_CELL_CHARS), row, column: i + 1 };
    });
    // The trailing empty fields stay as holes, so the row still has as many fields as the line,
    // up to MAX_ROW_WIDTH: past it an empty field tells nothing (no header is that wide).
    cells.length = Math.max(cells.length, Math.min(record.count + (stripped.counts.get(row) ?? 0), MAX_ROW_WIDTH));
    if (record.fields.length > 0) anyValue = true;
    rows.push(cells);
  }
  if (!anyValue) {
    issues.push(issue('E_CSV_EMPTY', { file }));
    return { issues };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { grid: { file, kind: 'csv', sheets: [{ name: '', rows }], sha256 }, issues };
}

/**
 * Runs of delimiters at the ends of records taken off before parsing, and counted per line:
 * csv-parse spends about a microsecond on every field (more when the count changes), and a file
 * whose lines end in 16,384 empty columns (what a spreadsheet exports when one far cell was once
 * touched) took 30 s and 1 GB. One pass that follows quotes as csv-parse does with relax_quotes
 * (a quote opens a field only as its first character; "" inside is a quote), so a delimiter
 * inside a quoted field is never taken.
 */
function stripTrailingDelimiters(text: string, delimiter: string): { text: string; counts: Map<number, number> } {
  const counts = new Map<number, number>();
  const d = delimiter.charCodeAt(0);
  const parts: string[] = [];
  let from = 0;
  let line = 1;
  /** The line the current record starts on: readCsv names a record's cells by it. */
  let recordLine = 1;
  let quoted = false;
  let fieldStart = true;
  /** Where the current run of delimiters outside quotes began, or -1. */
  let run = -1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34 /* " */) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      } else if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
      continue;
    }
    if (c === 0x0a || c === 0x0d) {
      // The end of a record: a run of two or more delimiters before it goes (a line of delimiters only keeps one).
      if (run >= 0) {
        const keep = run === lineStartOf(text, run) ? run + 1 : run;
        if (i - keep >= 2) {
          parts.push(text.slice(from, keep));
          from = i;
          counts.set(recordLine, i - keep);
        }
      }
      if (!(c === 0x0d && text.charCodeAt(i + 1) === 0x0a)) recordLine = ++line;
      run = -1;
      fieldStart = true;
      continue;
    }
    if (c === d) {
      if (run < 0) run = i;
      fieldStart = true;
      continue;
    }
    run = -1;
    if (c === 34 && fieldStart) quoted = true;
    fieldStart = false;
  }
  if (run >= 0) {
    const keep = run === lineStartOf(text, run) ? run + 1 : run;
    if (n - keep >= 2) {
      parts.push(text.slice(from, keep));
      from = n;
      counts.set(recordLine, n - keep);
    }
  }
  if (counts.size === 0) return { text, counts };
  parts.push(text.slice(from));
  return { text: parts.join(''), counts };
}

/** Whether a position starts its line (nothing but a line break, or the start, before it). */
function lineStartOf(text: string, at: number): number {
  const c = text.charCodeAt(at - 1);
  return at === 0 || c === 0x0a || c === 0x0d ? at : -1;
}

/** A record as parsed: its fields up to the last non-blank one, and how many fields the line had. */
interface Fields {
  readonly fields: string[];
  readonly count: number;
}

/** Rows are as wide as their lines, empty fields included, up to this many columns (a wide form has one per indicator, 2,000 at most). */
const MAX_ROW_WIDTH = 4_096;

/** The most characters a cell holds, as in Excel: a longer field is cut there, with a warning naming the cell. */
export const MAX_CELL_CHARS = 32_767;

/** The first `max` characters (not splitting a surrogate pair), copied so the long original can be freed. */
function truncate(s: string, max: number): string {
  const code = s.charCodeAt(max - 1);
  const cut = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return Buffer.from(s.slice(0, cut), 'utf16le').toString('utf16le');
}

/** Trimmed of surrounding whitespace (spaces, NBSPs, tabs, zero-width spaces); empty → null. */
function cellValue(raw: string): string | null {
  // A loop: /[\s]+$/ is quadratic on a field of 400,000 spaces followed by a letter.
  const value = trimBlank(raw);
  return value === '' ? null : value;
}

function lineOf(e: unknown): { row?: number } {
  const lines = (e as { lines?: unknown }).lines;
  return typeof lines === 'number' && lines > 0 ? { row: lines } : {};
}

// ---------------------------------------------------------------------------------------------
// Bytes: binary signatures, encodings.

const SIGNATURES: readonly { format: string; bytes: readonly number[] }[] = [
  { format: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] }, // .xlsx, .docx, .zip
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] }, // %PDF
  { format: 'OLE2', bytes: [0xd0, 0xcf, 0x11, 0xe0] }, // .xls, .doc, encrypted .xlsx
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

function binaryFormat(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.format;
}

interface Decoded {
  text: string;
  encoding: string;
  /** True when no BOM or valid UTF-8 said what the encoding is: the reader guessed it. */
  guessed: boolean;
  /** UTF-8 with a few invalid byte sequences, read as U+FFFD: how many. */
  invalid?: number;
}

/** The text of the bytes, or undefined when they hold NUL bytes and are not UTF-16 (binary). */
function decode(bytes: Uint8Array): Decoded | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xff, 0xfe])) return { text: iconv().decode(buf, 'utf16le'), encoding: 'utf-16le', guessed: false };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: iconv().decode(buf, 'utf16be'), encoding: 'utf-16be', guessed: false };
  const utf8Bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (!utf8Bom) {
    const utf16 = guessUtf16(bytes);
    if (utf16) return { text: iconv().decode(buf, utf16), encoding: utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be', guessed: true };
    if (bytes.includes(0)) return undefined;
  }
  try {
    // The decoder drops a leading UTF-8 BOM.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    // Mostly valid UTF-8 with a few bad bytes (a damaged copy) is UTF-8: Windows-1258 text almost never
    // holds a valid multi-byte UTF-8 sequence, and reading a UTF-8 file as Windows-1258 garbles every letter.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let invalid = 0;
    let multibyte = 0;
    for (const ch of lenient) {
      if (ch === '\uFFFD') invalid++;
      else if (ch.charCodeAt(0) > 0x7f) multibyte++;
    }
    if (multibyte >= 4 * invalid) return { text: lenient, encoding: 'utf-8', guessed: false, invalid };
    return { text: iconv().decode(utf8Bom ? buf.subarray(3) : buf, 'windows1258'), encoding: 'windows-1258', guessed: true };
  }
}

/**
 * UTF-16 without a BOM: text that is mostly ASCII, Latin or Vietnamese has a NUL in the high
 * byte of many code units and almost never in the low byte (no Vietnamese letter ends in 00).
 */
function guessUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (n < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units * 0.3 && evenNul <= units * 0.02) return 'utf16le';
  if (evenNul >= units * 0.3 && oddNul <= units * 0.02) return 'utf16be';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Lines and records.

/** Offsets where lines start; CRLF, LF and a lone CR each end a line. */
function lineStarts(length: number, at: (i: number) => number): number[] {
  const starts = [0];
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && (i + 1 >= length || at(i + 1) !== 0x0a))) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line of an offset. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface Scan {
  /** Field count of each non-empty record scanned; -1 when a quote sits inside a field that is not quoted. */
  counts: number[];
  /** A quote that opens a field and is never closed: its offset and 1-based field index. */
  unclosed?: { at: number; field: number };
}

/**
 * Splits records the way csv-parse does with relax_quotes: a quote opens a field only as its
 * first character; inside, "" is a quote; a closing quote followed by anything but the
 * delimiter or a line break turns the field into plain text up to the next delimiter.
 */
function scan(text: string, delimiter: string, maxRecords: number): Scan {
  const counts: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && counts.length < maxRecords) {
    const lineEnd = nextLineBreak(text, i);
    if (/^[ \u00a0]*$/.test(text.slice(i, lineEnd))) {
      i = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
      continue;
    }
    let fields = 1;
    let fieldStart = true;
    let relaxed = false;
    while (i < n) {
      const ch = text[i]!;
      if (fieldStart && ch === '"') {
        const open = i++;
        let closed = false;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              i += 2;
              continue;
            }
            i++;
            closed = true;
            if (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') relaxed = true;
            break;
          }
          i++;
        }
        if (!closed) return { counts, unclosed: { at: open, field: fields } };
        fieldStart = false;
        continue;
      }
      if (ch === delimiter) {
        fields++;
        fieldStart = true;
        i++;
        continue;
      }
      if (ch === '\n' || ch === '\r') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        break;
      }
      if (ch === '"') relaxed = true;
      fieldStart = false;
      i++;
    }
    counts.push(relaxed ? -1 : fields);
  }
  return { counts };
}

function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}

/**
 * The delimiter whose most common field count (above 1) is shared by the largest part of the
 * first records; a tie goes to more fields, then to the order , ; tab. Title rows above the
 * header and a stray decimal comma only lower a share, and so does a record where the delimiter
 * would leave a quote inside an unquoted field (a;"1,5" or "1,5"<tab>"2" split on commas).
 * Nothing splits: one column, ','.
 */
function detectDelimiter(text: string): string {
  let best = { delimiter: ',', share: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    const { counts } = scan(text, delimiter, DELIMITER_SAMPLE);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let fields = 1;
    let agree = 0;
    for (const [c, f] of freq) {
      if (c < 0) continue;
      if (f > agree || (f === agree && c > fields)) {
        fields = c;
        agree = f;
      }
    }
    if (fields <= 1) continue;
    const share = agree / counts.length;
    if (share > best.share || (share === best.share && fields > best.fields)) best = { delimiter, share, fields };
  }
  return best.delimiter;
}
