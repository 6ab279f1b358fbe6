import { extname } from 'node:path';
import type { CellValue, Grid, GridCell, GridSheet } from '../core/grid.js';
import { Decimal, toNumber } from '../core/decimal.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { cleanText, headerKey } from '../core/text.js';
import { t } from '../i18n/catalog.js';
import { ENGLISH_PLURALS } from '../i18n/numbers.js';
import { LANGS, type Lang, type Params } from '../i18n/types.js';
import { syntaxDetail } from '../i18n/syntax.js';
import { zodDetail } from '../i18n/zod.js';
import { resultsSchema, type AgencyJson, type RankedValueJson, type ResultsDoc } from '../results/schema.js';
import { readBounded, readGridFile, type ReadOptions } from '../sheets/read.js';
import { cellText, locationOf } from '../submission/cells.js';
import { looseCode } from './codes.js';
import type { UnitsMapPair } from './schema.js';
import { templateMatcher, type TemplateMatcher } from './template-match.js';
import { maxOf } from '../core/arrays.js';
import { withFile } from '../core/file-error.js';

export interface PreviousRead {
  /** Last year's results; absent when the file could not be read as such (see issues). */
  readonly doc?: ResultsDoc;
  readonly issues: DtiIssue[];
}

/**
 * Reads last year's results: the results document (`dti score --out results.json`), checked
 * against resultsSchema, or the ranked workbook (`dti score --out results.xlsx`, written by
 * src/report/workbook.ts), read back from its ranking sheet into a minimal results document.
 * The file is only read. Bad input never throws: it comes back as issues and no doc.
 */
export function readPrevious(file: string, options: ReadOptions = {}): PreviousRead {
  return withFile(file, () => readPreviousFile(file, options));
}

/** Largest results.json read as last year's results: checked before reading, as for submissions. */
const MAX_RESULTS_JSON_BYTES = 256 * 1024 * 1024;

function readPreviousFile(file: string, options: ReadOptions): PreviousRead {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') {
    const read = readBounded(file, MAX_RESULTS_JSON_BYTES);
    if ('issue' in read) return { issues: [read.issue] };
    return previousFromJson(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('utf8'), file);
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    const read = readGridFile(file, options);
    if (!read.grid) return { issues: read.issues };
    const back = previousFromGrid(read.grid);
    return { ...(back.doc ? { doc: back.doc } : {}), issues: [...read.issues, ...back.issues] };
  }
  return { issues: [issue('E_PREVIOUS_FILE_TYPE', { file }, { ext: ext || file })] };
}

/** Last year's results document from JSON text, checked against resultsSchema. */
export function previousFromJson(text: string, file: string): PreviousRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { issues: [issue('E_PREVIOUS_NOT_JSON', { file }, { file, detail: syntaxDetail(e, 'json') })] };
  }
  const parsed = resultsSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const detail = zodDetail(parsed.error.issues);
    return { issues: [issue('E_PREVIOUS_INVALID', { file }, { file, detail })] };
  }
  return { doc: parsed.data, issues: [] };
}

// ---------------------------------------------------------------------------------------------
// The ranked workbook read back

interface Column {
  readonly rank?: number;
  readonly code?: number;
  readonly name?: number;
  readonly parent?: number;
  readonly points?: number;
  readonly index?: number;
  readonly class?: number;
  readonly mains: readonly { code: string; name: string; index: number; rank: number }[];
}

interface Block {
  readonly name: string;
  readonly maxPoints: number;
  columns?: Column;
  ranked: boolean;
  readonly agencies: AgencyJson[];
}

/**
 * A ranked workbook's ranking sheet back into a results document: per group, each agency's code,
 * name, parent, points, index, rank, class and main indicators' indices and ranks; the framework's
 * id, version, year, precision and tie rule and the groups' ids from the method sheet. What the
 * ranking sheet does not show is left empty: pillars, leaves, issues, indicator points and max points (0).
 */
export function previousFromGrid(grid: Grid): PreviousRead {
  const file = grid.file;
  const found = rankingSheet(grid);
  if (!found) {
    return { issues: [issue('E_PREVIOUS_NO_RANKING', { file }, { file, vi: t('WB_SHEET_RANKING', 'vi'), en: t('WB_SHEET_RANKING', 'en') })] };
  }
  const { sheet, lang } = found;
  const issues: DtiIssue[] = [];
  const l = (key: string, params?: Params) => t(key, lang, params);
  const is = (text: string, key: string) => headerKey(text) === headerKey(l(key));

  const method = methodSettings(grid, lang);
  if (!method) issues.push(issue('W_PREVIOUS_NO_METHOD', { file }, { file, sheet: l('WB_SHEET_METHOD') }));
  const setting = (key: string, params?: Params): CellValue | undefined => method?.values.get(headerKey(l(key, params)));

  const precision = {
    points: intOr(setting('WB_METHOD_PRECISION_POINTS'), 2),
    index: intOr(setting('WB_METHOD_PRECISION_INDEX'), 4),
    indexDisplay: (['decimal', 'percent'] as const).find((d) => is(String(setting('WB_METHOD_INDEX_DISPLAY') ?? ''), `WB_METHOD_INDEX_DISPLAY_${d}`)) ?? 'decimal',
  };
  const ties = (['published', 'exact'] as const).find((d) => is(String(setting('WB_METHOD_TIES') ?? ''), `WB_METHOD_TIES_${d}`)) ?? 'exact';

  const titleRe = templateMatcher(l('WB_TITLE_RANKING'));
  const groupRe = countedMatcher(l('WB_TITLE_GROUP'));
  let title: Record<string, string> | undefined;
  const blocks: Block[] = [];
  let block: Block | undefined;
  // Long groups on one sheet share one header row above them all (printed at the top of every page).
  let shared: Column | undefined;

  for (const cells of sheet.rows) {
    const first = cells.find((c) => c !== undefined && cellText(c) !== '');
    if (!first) continue;
    const lead = first.column === 1 ? cellText(first) : '';
    const asTitle = lead ? titleRe.exec(lead)?.groups : undefined;
    if (asTitle && !title) {
      title = asTitle;
      continue;
    }
    const asGroup = lead ? groupRe.exec(lead)?.groups : undefined;
    if (asGroup) {
      block = { name: asGroup.group ?? '', maxPoints: Number(String(asGroup.max).replace(',', '.')), ranked: true, agencies: [], ...(shared ? { columns: shared } : {}) };
      blocks.push(block);
      continue;
    }
    if (!block) {
      if (cells.some((c) => c !== undefined && is(cellText(c), 'WB_COL_AGENCY_CODE'))) shared = headerColumns(cells, lang);
      continue;
    }
    if (!block.columns) {
      if (cells.some((c) => c !== undefined && is(cellText(c), 'WB_COL_AGENCY_CODE'))) block.columns = headerColumns(cells, lang);
      continue;
    }
    const agency = agencyRow(grid, sheet, cells, block, lang, precision.index, issues);
    if (agency) block.agencies.push(agency);
  }

  readMainsSheet(grid, lang, blocks, precision.index, issues);
  const agencyCount = blocks.reduce((n, b) => n + b.agencies.length, 0);
  if (agencyCount === 0) return { issues: [...issues, issue('E_PREVIOUS_NO_AGENCIES', { file }, { file })] };

  const idOf = (name: string) => {
    const id = setting('WB_METHOD_GROUP_ID', { group: name });
    return id !== undefined && id !== null && String(id).trim() !== '' ? cleanText(String(id)) : headerKey(name).replace(/ /g, '-') || 'group';
  };
  const groups = blocks.map((b) => {
    const id = idOf(b.name);
    return {
      id,
      name: { vi: b.name, en: b.name },
      ranked: b.ranked,
      maxPoints: b.maxPoints,
      agencies: b.agencies.map((a) => ({ ...a, group: id, indicators: a.indicators.map((i) => ({ ...i, group: id })) })),
    };
  });
  const frameworkName = String(setting('WB_METHOD_FRAMEWORK_NAME') ?? title?.framework ?? '');
  const tool = String(setting('WB_METHOD_TOOL') ?? '').replace(/^dti\s+/, '');
  const doc: ResultsDoc = {
    tool: { name: 'dti', version: tool || 'unknown' },
    lang,
    framework: {
      id: cleanText(String(setting('WB_METHOD_FRAMEWORK_ID') ?? '')) || 'unknown',
      name: { vi: frameworkName, en: frameworkName },
      version: cleanText(String(setting('WB_METHOD_VERSION') ?? '')),
      year: intOr(setting('WB_METHOD_YEAR'), intOr(title?.year, 0)),
      maxPoints: maxOf(groups.map((g) => g.maxPoints), 0),
      precision,
      ties,
    },
    inputs: method?.inputs ?? [],
    groups,
    issues: [],
    summary: { agencies: agencyCount, errors: 0, warnings: 0, infos: 0 },
  };
  // What we built must be what a results.json holds: the same checks as a file read as JSON.
  const checked = resultsSchema.safeParse(doc, { reportInput: true });
  if (!checked.success) {
    const detail = zodDetail(checked.error.issues);
    return { issues: [...issues, issue('E_PREVIOUS_INVALID', { file }, { file, detail })] };
  }
  issues.push(issue('I_PREVIOUS_FROM_WORKBOOK', { file }, { file }));
  return { doc: checked.data, issues };
}

function rankingSheet(grid: Grid): { sheet: GridSheet; lang: Lang } | undefined {
  for (const lang of LANGS) {
    const wanted = headerKey(t('WB_SHEET_RANKING', lang));
    const sheet = grid.sheets.find((s) => headerKey(s.name) === wanted);
    if (sheet) return { sheet, lang };
  }
  return undefined;
}

/** The ranking table's header: fixed columns by label, main indicators by their index and rank header pairs. */
function headerColumns(cells: ReadonlyArray<GridCell | undefined>, lang: Lang): Column {
  const texts = cells.filter((c): c is GridCell => c !== undefined).map((c) => ({ column: c.column, text: cellText(c) }));
  const fixed = (key: string) => texts.find((h) => headerKey(h.text) === headerKey(t(key, lang)))?.column;
  const indexOf = templateMatcher(t('WB_COL_INDEX_OF', lang));
  const rankOf = templateMatcher(t('WB_COL_RANK_OF', lang));
  const pillarIndex = templateMatcher(t('WB_COL_PILLAR_INDEX', lang));
  const pillarRank = templateMatcher(t('WB_COL_PILLAR_RANK', lang));
  const mains: { code: string; name: string; index: number; rank: number }[] = [];
  for (let i = 0; i + 1 < texts.length; i++) {
    const here = texts[i]!;
    const next = texts[i + 1]!;
    const pi = pillarIndex.exec(here.text)?.groups;
    const pr = pillarRank.exec(next.text)?.groups;
    if (pi && pr && pi.name === pr.name) {
      i++;
      continue;
    }
    const code = rankOf.exec(next.text)?.groups?.code;
    if (code === undefined || !here.text.startsWith(code + ' ')) continue;
    if (!indexOf.test(here.text)) continue;
    mains.push({ code, name: nameOf(here.text, code, lang), index: here.column, rank: next.column });
    i++;
  }
  return {
    rank: fixed('LABEL_RANK'),
    code: fixed('WB_COL_AGENCY_CODE'),
    name: fixed('WB_COL_AGENCY_NAME'),
    parent: fixed('WB_COL_PARENT'),
    points: fixed('LABEL_POINTS'),
    index: fixed('LABEL_INDEX'),
    class: fixed('LABEL_CLASS'),
    mains,
  };
}

/** The indicator name inside "{code} {name}: chỉ số". */
function nameOf(text: string, code: string, lang: Lang): string {
  const filled = templateMatcher(t('WB_COL_INDEX_OF', lang, { code }));
  return filled.exec(text)?.groups?.name ?? text;
}

function agencyRow(
  grid: Grid,
  sheet: GridSheet,
  cells: ReadonlyArray<GridCell | undefined>,
  block: Block,
  lang: Lang,
  places: number,
  issues: DtiIssue[],
): AgencyJson | undefined {
  const cols = block.columns!;
  const at = (column: number | undefined) => (column === undefined ? undefined : cells[column - 1]);
  const code = cellText(at(cols.code));
  if (code === '') return undefined;
  const row = cells.find((c) => c)!.row;
  const bad = (column: number | undefined, label: string): undefined => {
    issues.push(
      issue('W_PREVIOUS_BAD_VALUE', locationOf(grid, sheet, row, column), { agency: code, column: label, value: cellText(at(column)) }),
    );
    return undefined;
  };

  const rankCell = at(cols.rank);
  let rank: number | null = null;
  let complete = true;
  if (typeof rankCell?.value === 'number') {
    if (!Number.isInteger(rankCell.value) || rankCell.value < 1) return bad(cols.rank, t('LABEL_RANK', lang));
    rank = rankCell.value;
  } else {
    const text = headerKey(cellText(rankCell));
    if (text === headerKey(t('LABEL_NOT_RANKED', lang))) block.ranked = false;
    else if (text === headerKey(t('LABEL_INCOMPLETE', lang))) complete = false;
    else if (text !== '') return bad(cols.rank, t('LABEL_RANK', lang));
  }
  const points = numberOf(at(cols.points));
  if (points === undefined) return bad(cols.points, t('LABEL_POINTS', lang));
  const index = numberOf(at(cols.index), places);
  if (index === undefined) return bad(cols.index, t('LABEL_INDEX', lang));

  const indicators = mainsOf(cells, cols, places);
  if (typeof indicators === 'number') return bad(indicators, cols.mains.find((m) => m.index === indicators)?.code ?? '');
  const parent = cellText(at(cols.parent));
  const cls = cellText(at(cols.class));
  return {
    code,
    name: cellText(at(cols.name)),
    group: '',
    ...(parent !== '' ? { parent } : {}),
    file: grid.file,
    points,
    maxPoints: block.maxPoints,
    index,
    rank,
    ...(cls !== '' ? { class: { code: cls, name: { vi: cls, en: cls } } } : {}),
    complete,
    indicators,
    pillars: [],
    leaves: [],
  };
}

/** The main indicators' indices and ranks of an agency row; the column of a value that is not a number. */
function mainsOf(cells: ReadonlyArray<GridCell | undefined>, cols: Column, places: number): RankedValueJson[] | number {
  const at = (column: number | undefined) => (column === undefined ? undefined : cells[column - 1]);
  const indicators: RankedValueJson[] = [];
  for (const m of cols.mains) {
    const cell = at(m.index);
    if (cell === undefined || cell.value === null) continue; // the indicator does not apply to this group
    const value = numberOf(cell, places);
    if (value === undefined) return m.index;
    const r = at(m.rank)?.value;
    indicators.push({
      code: m.code,
      name: { vi: m.name, en: m.name },
      group: '',
      points: 0,
      maxPoints: 0,
      index: value,
      rank: typeof r === 'number' && Number.isInteger(r) && r > 0 ? r : null,
    });
  }
  return indicators;
}

/**
 * The main-indicator sheet (written beside the ranking since the ranking alone printed
 * unreadably small): the same group blocks, each agency's main indicators by code. Earlier
 * workbooks have them on the ranking sheet, read there.
 */
function readMainsSheet(grid: Grid, lang: Lang, blocks: readonly Block[], places: number, issues: DtiIssue[]): void {
  const wanted = headerKey(t('WB_SHEET_MAINS', lang));
  const sheet = grid.sheets.find((s) => headerKey(s.name) === wanted);
  if (!sheet) return;
  const groupRe = countedMatcher(t('WB_TITLE_GROUP', lang));
  let block = -1;
  let cols: Column | undefined;
  // A header above the first group is shared by all of them (long groups, see the ranking sheet).
  let shared: Column | undefined;
  const isHeader = (cells: ReadonlyArray<GridCell | undefined>) => cells.some((c) => c !== undefined && headerKey(cellText(c)) === headerKey(t('WB_COL_AGENCY_CODE', lang)));
  for (const cells of sheet.rows) {
    const first = cells.find((c) => c !== undefined && cellText(c) !== '');
    if (!first) continue;
    if (first.column === 1 && groupRe.test(cellText(first))) {
      block++;
      cols = shared;
      continue;
    }
    const target = blocks[block];
    if (!target) {
      if (block < 0 && isHeader(cells)) shared = headerColumns(cells, lang);
      continue;
    }
    if (!cols) {
      if (cells.some((c) => c !== undefined && headerKey(cellText(c)) === headerKey(t('WB_COL_AGENCY_CODE', lang)))) cols = headerColumns(cells, lang);
      continue;
    }
    const code = cellText(cols.code === undefined ? undefined : cells[cols.code - 1]);
    const agency = target.agencies.find((a) => a.code === code);
    if (!agency) continue;
    const found = mainsOf(cells, cols, places);
    if (typeof found === 'number') {
      const row = cells.find((c) => c)!.row;
      issues.push(issue('W_PREVIOUS_BAD_VALUE', locationOf(grid, sheet, row, found), { agency: code, column: cols.mains.find((m) => m.index === found)?.code ?? '', value: cellText(cells[found - 1]) }));
      continue;
    }
    agency.indicators.push(...found.filter((f) => !agency.indicators.some((i) => i.code === f.code)));
  }
}

/** A number as a cell holds it: a number, numeric text, or a percentage ("95.26%", read as 0.9526). */
function numberOf(cell: GridCell | undefined, places?: number): number | undefined {
  const v = cell?.value;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^(-?\d+(?:\.\d+)?)\s*(%?)$/.exec(v.trim());
  if (!m) return undefined;
  const d = new Decimal(m[1]!);
  if (m[2] !== '%') return d.toNumber();
  const fraction = d.dividedBy(100);
  return places === undefined ? fraction.toNumber() : toNumber(fraction, places);
}

function intOr(v: CellValue | string | undefined, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : fallback;
}

/** The method sheet: setting label → value (column A → B), and the input files with their SHA-256. */
function methodSettings(grid: Grid, lang: Lang): { values: Map<string, CellValue>; inputs: { file: string; sha256: string }[] } | undefined {
  const wanted = headerKey(t('WB_SHEET_METHOD', lang));
  const sheet = grid.sheets.find((s) => headerKey(s.name) === wanted);
  if (!sheet) return undefined;
  const values = new Map<string, CellValue>();
  const inputs: { file: string; sha256: string }[] = [];
  const fileLabel = headerKey(t('WB_COL_FILE', lang));
  const shaLabel = headerKey(t('WB_COL_SHA256', lang));
  let inInputs = false;
  for (const cells of sheet.rows) {
    const a = cells[0];
    const b = cells[1];
    const label = cellText(a);
    if (label === '') {
      inInputs = false;
      continue;
    }
    if (headerKey(label) === fileLabel && headerKey(cellText(b)) === shaLabel) {
      inInputs = true;
      continue;
    }
    if (inInputs) {
      inputs.push({ file: label, sha256: cellText(b) });
      continue;
    }
    const key = headerKey(label);
    if (!values.has(key)) values.set(key, b?.value ?? null);
  }
  return { values, inputs };
}

// ---------------------------------------------------------------------------------------------
// The units map

export interface UnitsMapRead {
  readonly map: UnitsMapPair[];
  readonly issues: DtiIssue[];
}

const CURRENT_HEADERS = ['current code', 'current', 'new code', 'ma don vi moi', 'ma moi', 'don vi moi'];
const PREVIOUS_HEADERS = ['previous code', 'previous', 'old code', 'ma don vi cu', 'ma cu', 'don vi cu'];
const HEADER_SEARCH_ROWS = 20;

/**
 * Reads a units map: a CSV (or a workbook's first sheet with such a header) with the columns
 * current_code and previous_code, or "Mã đơn vị mới" and "Mã đơn vị cũ", one pair a row: this
 * year's code ← one of last year's. Several rows with the same current code make a merge.
 */
export function readUnitsMap(file: string, options: ReadOptions = {}): UnitsMapRead {
  const read = readGridFile(file, options);
  if (!read.grid) return { map: [], issues: read.issues };
  const grid = read.grid;
  const parsed = withFile(file, () => unitsMapFromGrid(grid));
  return { map: parsed.map, issues: [...read.issues, ...parsed.issues] };
}

export function unitsMapFromGrid(grid: Grid): UnitsMapRead {
  const issues: DtiIssue[] = [];
  let found: { sheet: GridSheet; row: number; current: number; previous: number; texts: Map<number, string> } | undefined;
  for (const sheet of grid.sheets.filter((s) => !s.hidden)) {
    for (const cells of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
      let current: number | undefined;
      let previous: number | undefined;
      for (const c of cells) {
        const key = headerKey(cellText(c));
        if (c && current === undefined && CURRENT_HEADERS.includes(key)) current = c.column;
        else if (c && previous === undefined && PREVIOUS_HEADERS.includes(key)) previous = c.column;
      }
      if (current !== undefined && previous !== undefined) {
        const texts = new Map(cells.filter((c): c is GridCell => c !== undefined).map((c) => [c.column, cellText(c)]));
        found = { sheet, row: cells.find((c) => c)!.row, current, previous, texts };
        break;
      }
    }
    if (found) break;
  }
  if (!found) return { map: [], issues: [issue('E_UNITS_MAP_NO_HEADER', { file: grid.file }, { file: grid.file })] };

  const { sheet } = found;
  const map: UnitsMapPair[] = [];
  const seen = new Map<string, number>();
  for (const cells of sheet.rows) {
    const first = cells.find((c) => c && cellText(c) !== '');
    if (!first || first.row <= found.row) continue;
    const current = cellText(cells[found.current - 1]);
    const previous = cellText(cells[found.previous - 1]);
    if (current === '' && previous === '') continue;
    if (current === '' || previous === '') {
      const column = current === '' ? found.current : found.previous;
      // The column as the file names it ("previous_code", "Mã đơn vị cũ"): the message reads right in either language.
      issues.push(issue('E_UNITS_MAP_CODE_MISSING', locationOf(grid, sheet, first.row, column), { column: found.texts.get(column) ?? '' }));
      continue;
    }
    // The same pair again, whatever the case or spacing of its codes, is one pair (a warning), not a merge of a unit with itself.
    const key = `${looseCode(current)}\u0000${looseCode(previous)}`;
    const prior = seen.get(key);
    if (prior !== undefined) {
      issues.push(issue('W_UNITS_MAP_DUPLICATE', locationOf(grid, sheet, first.row), { current, previous, first: prior }));
      continue;
    }
    seen.set(key, first.row);
    map.push({ current, previous });
  }
  if (map.length === 0 && !issues.some((i) => i.severity === 'error')) issues.push(issue('W_UNITS_MAP_EMPTY', { file: grid.file }, { file: grid.file }));
  return { map, issues };
}

/**
 * A matcher for a catalogue template with a counted English noun: a title written for one
 * agency reads "1 agency", so both forms are read. The template is the catalogue's text, never
 * user text.
 */
function countedMatcher(template: string): TemplateMatcher {
  const plural = templateMatcher(template);
  const singular = templateMatcher(template.replace(/\} ([a-z]+)\b/g, (m: string, w: string) => (Object.hasOwn(ENGLISH_PLURALS, w) ? `} ${ENGLISH_PLURALS[w]}` : m)));
  return { exec: (text) => plural.exec(text) ?? singular.exec(text), test: (text) => plural.test(text) || singular.test(text) };
}
