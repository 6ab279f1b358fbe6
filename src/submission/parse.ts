import { columnLetters, type Grid, type GridCell, type GridSheet } from '../core/grid.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { nearestCode } from '../core/suggest.js';
import { zodDetail } from '../i18n/zod.js';
import { foldText, headerKey, normaliseCode } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';
import { cellText, locationOf } from './cells.js';
import { readTags, type ListedAgency } from './agencies.js';
import type { ColumnRole } from './columns.js';
import { chooseSheet, type Header } from './header.js';
import { isMetadataSheet, labelledValues, type LabelledValues } from './metadata.js';
import { NumberingResolver } from './numbering.js';
import { submissionInOrder } from './order.js';
import { agencySchema, type Agency, type Submission, type SubmissionEntry } from './schema.js';

export interface ParseOptions {
  /** Sheet to read, by name; otherwise the sheet whose header and rows read best as a form (src/submission/header.ts). */
  readonly sheet?: string;
  /**
   * The province's list of agencies (`--agencies`): every submission must be of a listed agency,
   * the list completes what a form leaves out (group, code, name), and a disagreement is an error.
   */
  readonly agencies?: readonly ListedAgency[];
}

export interface ParsedGrid {
  readonly submissions: Submission[];
  readonly issues: DtiIssue[];
}

/**
 * From a Grid to submissions: finds the header row wherever it is, recognises the long layout
 * (one row per agency and indicator) or the wide one (one row per agency, a column per
 * indicator), and turns rows into sourced entries. Problems are issues at their cells.
 */
export function parseGrid(grid: Grid, model: FrameworkModel, options: ParseOptions = {}): ParsedGrid {
  const issues: DtiIssue[] = [];
  const candidates = options.sheet === undefined ? grid.sheets : grid.sheets.filter((s) => s.name === options.sheet);
  if (options.sheet !== undefined && candidates.length === 0) {
    issues.push(issue('E_SHEET_NOT_FOUND', { file: grid.file }, { sheet: options.sheet, sheets: grid.sheets.map((s) => s.name).join(', ') }));
    return { submissions: [], issues };
  }
  const chosen = chooseSheet(grid, candidates, model);
  issues.push(...chosen.issues);
  if (!chosen.choice) return { submissions: [], issues };
  const { sheet, header, layout } = chosen.choice;
  if (sheet.hidden) issues.push(issue('I_SHEET_HIDDEN', { file: grid.file, sheet: sheet.name }, { sheet: sheet.name }));
  for (const d of header.duplicates) {
    issues.push(
      issue('W_DUPLICATE_HEADER', locationOf(grid, sheet, d.row, d.column), {
        header: d.text,
        first: d.firstText,
        firstColumn: grid.kind === 'xlsx' ? columnLetters(d.firstColumn) : d.firstColumn,
      }),
    );
  }
  const rows = layout === 'long' ? parseLong(grid, sheet, header, model, issues) : parseWide(grid, sheet, header, model, issues);
  return { submissions: finish(rows, grid, model, issues, options.agencies), issues };
}

interface AgencyRows {
  agency: Partial<Record<'code' | 'name' | 'group' | 'year' | 'parent' | 'tags', { text: string; loc: Location }>>;
  loc: Location;
  entries: SubmissionEntry[];
  /** The form's grand-total points ("Tổng cộng"), checked against the rows above it. */
  total?: { raw: string | number | boolean | null; loc: Location };
  /** Tags the agency list gives the agency. */
  tags?: readonly string[];
}

const TOTAL_LABELS = new Set(['tong cong', 'tong', 'tong diem', 'tong so', 'total', 'grand total', 'cong']);

function isTotalRow(name: string): boolean {
  return TOTAL_LABELS.has(headerKey(name));
}

function rowCells(row: ReadonlyArray<GridCell | undefined>): (column: number | undefined) => GridCell | undefined {
  return (column) => (column === undefined ? undefined : row[column - 1]);
}

function sourced(grid: Grid, sheet: GridSheet, cell: GridCell | undefined) {
  if (cell === undefined || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')) return undefined;
  return { raw: cell.value, loc: locationOf(grid, sheet, cell.row, cell.column) };
}

function textOf(grid: Grid, sheet: GridSheet, cell: GridCell | undefined) {
  const text = cellText(cell);
  if (cell === undefined || text === '') return undefined;
  const out: { text: string; link?: string; loc: Location } = { text, loc: locationOf(grid, sheet, cell.row, cell.column) };
  if (cell.link) out.link = cell.link;
  return out;
}

const AGENCY_FIELDS = [
  ['code', 'agencyCode'],
  ['name', 'agencyName'],
  ['group', 'group'],
  ['year', 'year'],
  ['parent', 'parent'],
  ['tags', 'tags'],
] as const;

/** Reads the agency identity cells of a row and files the row under its agency (code, else name). */
function agencyOf(
  grid: Grid,
  sheet: GridSheet,
  header: Header,
  at: (c: number | undefined) => GridCell | undefined,
  byAgency: Map<string, AgencyRows>,
  rowNumber: number,
  issues: DtiIssue[],
): AgencyRows | undefined {
  const found: AgencyRows['agency'] = {};
  for (const [field, role] of AGENCY_FIELDS) {
    const cell = at(header.roles.get(role));
    const text = cellText(cell);
    if (cell && text !== '') found[field] = { text, loc: locationOf(grid, sheet, cell.row, cell.column) };
  }
  const key = found.code?.text ?? found.name?.text;
  if (key === undefined) {
    issues.push(issue('E_AGENCY_MISSING', locationOf(grid, sheet, rowNumber), {}));
    return undefined;
  }
  const existing = byAgency.get(key);
  if (!existing) {
    const rows: AgencyRows = { agency: found, loc: locationOf(grid, sheet, rowNumber), entries: [] };
    byAgency.set(key, rows);
    return rows;
  }
  for (const [field] of AGENCY_FIELDS) {
    const a = existing.agency[field];
    const b = found[field];
    if (a && b && foldText(a.text) !== foldText(b.text)) {
      issues.push(issue('E_AGENCY_CONFLICT', b.loc, { agency: key, field, first: a.text, second: b.text, firstAt: a.loc.cell ?? String(a.loc.row) }));
    } else if (!a && b) existing.agency[field] = b;
  }
  return existing;
}

function isBlankRow(row: ReadonlyArray<GridCell | undefined>): boolean {
  return row.every((c) => c === undefined || cellText(c) === '');
}

/**
 * One row per indicator. With agency columns, rows of many agencies; without them, the sheet
 * is one agency's form and its identity comes from labelled cells above the header or from a
 * metadata sheet. Rows are matched by code, or by numbering where the form has no code column.
 */
function parseLong(grid: Grid, sheet: GridSheet, header: Header, model: FrameworkModel, issues: DtiIssue[]): AgencyRows[] {
  const byAgency = new Map<string, AgencyRows>();
  const codeColumn = header.roles.get('indicator') ?? header.roles.get('number')!;
  const byNumbering = !header.roles.has('indicator');
  const numbering = new NumberingResolver(model);
  const singleAgency = !header.roles.has('agencyCode') && !header.roles.has('agencyName');
  let form: AgencyRows | undefined;
  if (singleAgency) {
    const labelled = formIdentity(grid, sheet, header.row);
    const key = labelled.code?.text ?? labelled.name?.text;
    if (key === undefined) {
      issues.push(issue('E_AGENCY_IDENTITY_MISSING', locationOf(grid, sheet, header.row), {}));
      return [];
    }
    form = { agency: labelled, loc: (labelled.code ?? labelled.name)!.loc, entries: [] };
    byAgency.set(key, form);
  }
  mergedInputs(grid, sheet, header, INPUT_ROLES.map((r) => header.roles.get(r)), issues);
  for (const row of sheet.rows) {
    const first = row.find((c) => c);
    if (!first || first.row <= header.row || isBlankRow(row)) continue;
    if (mixedDelimiter(grid, sheet, header, row, issues)) continue;
    const at = rowCells(row);
    const rowNumber = first.row;
    const codeText = cellText(at(codeColumn));
    const loc = locationOf(grid, sheet, rowNumber, codeColumn);
    const hasData = ['value', 'numerator', 'denominator', 'points'].some((r) => cellText(at(header.roles.get(r as ColumnRole))) !== '');
    if (codeText === '') {
      // Section titles and total rows have no code; only a row that carries figures needs one.
      const total = form && isTotalRow(cellText(at(header.roles.get('name')))) ? sourced(grid, sheet, at(header.roles.get('points'))) : undefined;
      if (total && form) form.total = total;
      else if (hasData && !singleAgency) issues.push(issue('E_INDICATOR_MISSING', loc, {}));
      continue;
    }
    const code = byNumbering ? numbering.resolve(codeText) : normaliseCode(codeText);
    if (code === undefined || !model.nodes.has(code)) {
      if (hasData || !byNumbering) issues.push(issue('E_UNKNOWN_INDICATOR', loc, unknownCode(codeText, model)));
      continue;
    }
    if (!byNumbering) numbering.resolve(code);
    const agency = form ?? agencyOf(grid, sheet, header, at, byAgency, rowNumber, issues);
    if (!agency) continue;
    raggedRow(grid, sheet, header, row, rowNumber, issues);
    if (sheet.hiddenRows?.has(rowNumber)) issues.push(issue('I_ROW_HIDDEN', loc, { indicator: code }));
    const entry: SubmissionEntry = { indicator: code, loc, cells: rowInputCells(grid, sheet, header, rowNumber) };
    const put = <K extends 'value' | 'numerator' | 'denominator' | 'points'>(key: K, role: ColumnRole) => {
      const cell = at(header.roles.get(role));
      if (cell?.problem) {
        // The self-score column of our templates is a formula; unrecalculated, it only lacks the agency's own figure.
        const problemCode = key === 'points' && cell.problem.code === 'E_FORMULA_NO_RESULT' ? 'W_FORMULA_NO_RESULT' : cell.problem.code;
        issues.push(issue(problemCode, locationOf(grid, sheet, cell.row, cell.column), { detail: cell.problem.detail, indicator: code }));
        return;
      }
      const v = sourced(grid, sheet, cell);
      if (v) entry[key] = v;
    };
    put('value', 'value');
    put('numerator', 'numerator');
    put('denominator', 'denominator');
    put('points', 'points');
    const evidence = textOf(grid, sheet, at(header.roles.get('evidence')));
    if (evidence) entry.evidence = evidence;
    const note = textOf(grid, sheet, at(header.roles.get('note')));
    if (note) entry.note = note;
    agency.entries.push(entry);
  }
  return [...byAgency.values()];
}

const CELL_ROLES = ['value', 'numerator', 'denominator', 'points', 'evidence', 'note'] as const;

/** Where a row's inputs are, or would be written: one cell per input column the form has. */
function rowInputCells(grid: Grid, sheet: GridSheet, header: Header, row: number): NonNullable<SubmissionEntry['cells']> {
  const cells: NonNullable<SubmissionEntry['cells']> = {};
  for (const role of CELL_ROLES) {
    const column = header.roles.get(role);
    if (column !== undefined) cells[role] = locationOf(grid, sheet, row, column);
  }
  return cells;
}

/** An unknown code's params, with the nearest known code as a suggestion ("6.2a" → "6.2.a"). */
function unknownCode(codeText: string, model: FrameworkModel): { indicator: string; suggestion?: string } {
  const suggestion = nearestCode(normaliseCode(codeText), model.nodes.keys());
  return suggestion === undefined ? { indicator: codeText } : { indicator: codeText, suggestion };
}

/** A form's agency identity: labelled cells above its header, then any metadata sheet. */
function formIdentity(grid: Grid, sheet: GridSheet, headerRow: number): LabelledValues {
  const found: LabelledValues = { ...labelledValues(grid, sheet, headerRow) };
  for (const other of grid.sheets.filter(isMetadataSheet)) {
    for (const [field, value] of Object.entries(labelledValues(grid, other, Infinity, true)) as [keyof LabelledValues, { text: string; loc: Location }][]) {
      found[field] ??= value;
    }
  }
  return found;
}

function parseWide(grid: Grid, sheet: GridSheet, header: Header, model: FrameworkModel, issues: DtiIssue[]): AgencyRows[] {
  const byAgency = new Map<string, AgencyRows>();
  mergedInputs(grid, sheet, header, [...header.indicatorColumns.keys()], issues);
  for (const row of sheet.rows) {
    const first = row.find((c) => c);
    if (!first || first.row <= header.row || isBlankRow(row)) continue;
    if (mixedDelimiter(grid, sheet, header, row, issues)) continue;
    const at = rowCells(row);
    const agency = agencyOf(grid, sheet, header, at, byAgency, first.row, issues);
    if (!agency) continue;
    raggedRow(grid, sheet, header, row, first.row, issues);
    for (const [column, code] of header.indicatorColumns) {
      const v = sourced(grid, sheet, at(column));
      const node = model.nodes.get(code)!;
      if (!v) {
        // An empty cell: no input, but the cell where the analyst must write the missing value.
        if (node.isLeaf) {
          const loc = locationOf(grid, sheet, first.row, column);
          agency.entries.push({ indicator: code, loc, cells: { value: loc } });
        }
        continue;
      }
      // A leaf's column holds its input value; a branch's column holds its points, given directly.
      agency.entries.push(node.isLeaf ? { indicator: code, loc: v.loc, value: v } : { indicator: code, loc: v.loc, points: v });
    }
  }
  return [...byAgency.values()];
}

// ---------------------------------------------------------------------------------------------
// Damage that leaves a sheet readable but some of its values lost or misplaced.

/** Roles whose cells are a long-layout row's inputs. */
const INPUT_ROLES: readonly ColumnRole[] = ['value', 'numerator', 'denominator', 'points'];

/**
 * A merged range in the data whose top-left cell is an input and which covers other input cells
 * (the numerator and denominator of a row merged into one, a value merged over two rows): only
 * the top-left cell keeps a value, the others read as empty.
 */
function mergedInputs(grid: Grid, sheet: GridSheet, header: Header, columns: readonly (number | undefined)[], issues: DtiIssue[]): void {
  const inputs = new Set(columns.filter((c): c is number => c !== undefined));
  for (const m of sheet.merges ?? []) {
    if (m.top <= header.row || !inputs.has(m.left)) continue;
    const covered = [...inputs].filter((c) => c >= m.left && c <= m.right).sort((a, b) => a - b);
    if (covered.length * (m.bottom - m.top + 1) <= 1) continue;
    const topLeft = columnLetters(m.left) + m.top;
    issues.push(
      issue('W_MERGED_INPUT', locationOf(grid, sheet, m.top, m.left), {
        range: `${topLeft}:${columnLetters(m.right)}${m.bottom}`,
        cell: topLeft,
        columns: covered.map((c) => header.texts.get(c) ?? columnLetters(c)).join(', '),
      }),
    );
  }
}

const CSV_DELIMITERS: readonly [string, string][] = [
  [',', ','],
  [';', ';'],
  ['\t', 'Tab'],
];

/**
 * A CSV line written with another delimiter than the rest of the file (pasted from another
 * file): it comes out as one field, or a few, holding the whole line. Its values cannot be told
 * apart, so the line is reported and skipped, never read as an agency or a value.
 */
function mixedDelimiter(grid: Grid, sheet: GridSheet, header: Header, row: ReadonlyArray<GridCell | undefined>, issues: DtiIssue[]): boolean {
  if (grid.kind !== 'csv' || row.length >= header.width) return false;
  const first = row.find((c) => c !== undefined && c.value !== null);
  if (!first || typeof first.value !== 'string') return false;
  // As many fields as the header, give or take trailing empty ones, and not prose: a title like
  // "Nhận thức số, thể chế số, hạ tầng số" puts a space after every comma, a line of data does not.
  const needed = Math.max(3, header.width - 2);
  const text = first.value;
  const found = CSV_DELIMITERS.find(([d]) => {
    const parts = text.split(d);
    return parts.length >= needed && parts.slice(1).some((p) => !p.startsWith(' '));
  });
  if (!found) return false;
  issues.push(issue('E_CSV_MIXED_DELIMITER', locationOf(grid, sheet, first.row), { delimiter: found[1], fields: text.split(found[0]).length, expected: header.width }));
  return true;
}

/** A CSV line with fewer fields than the header, or with values past its last column: values may sit under the wrong header. */
function raggedRow(grid: Grid, sheet: GridSheet, header: Header, row: ReadonlyArray<GridCell | undefined>, rowNumber: number, issues: DtiIssue[]): void {
  if (grid.kind !== 'csv' || header.width === 0) return;
  const short = row.length < header.width;
  const long = row.length > header.width && row.slice(header.width).some((c) => c !== undefined && c.value !== null);
  if (short || long) issues.push(issue('W_CSV_RAGGED_ROW', locationOf(grid, sheet, rowNumber), { fields: row.length, expected: header.width }));
}

/** Resolves group and year, checks the shape with zod, and reports duplicated indicators. */
function finish(rows: AgencyRows[], grid: Grid, model: FrameworkModel, issues: DtiIssue[], list: readonly ListedAgency[] | undefined): Submission[] {
  const out: Submission[] = [];
  const groups = model.framework.groups;
  for (const r of rows) {
    const a = r.agency;
    if (list && !reconcileWithList(r, list, model, issues)) continue;
    const code = a.code?.text ?? a.name!.text;
    let group: string | undefined;
    if (a.group) {
      const g = groups.find((x) => x.id === a.group!.text || foldText(x.name.vi) === foldText(a.group!.text) || foldText(x.name.en) === foldText(a.group!.text));
      if (!g) {
        issues.push(issue('E_UNKNOWN_GROUP', a.group.loc, { agency: code, group: a.group.text, groups: groups.map((x) => x.id).join(', ') }));
        continue;
      }
      group = g.id;
    } else if (groups.length === 1) {
      group = groups[0]!.id;
    } else {
      issues.push(issue('E_GROUP_MISSING', r.loc, { agency: code, groups: groups.map((x) => x.id).join(', ') }));
      continue;
    }
    let year: number | undefined;
    if (a.year) {
      year = /^\d{4}$/.test(a.year.text) ? Number(a.year.text) : undefined;
      if (year === undefined) issues.push(issue('E_YEAR_INVALID', a.year.loc, { agency: code, value: a.year.text }));
    }
    const seen = new Map<string, SubmissionEntry>();
    const entries: SubmissionEntry[] = [];
    for (const e of r.entries) {
      const prior = seen.get(e.indicator);
      // An empty cell of the wide layout only says where a value would go: it never repeats a value.
      if (prior && isEmptyCell(e)) continue;
      if (prior && isEmptyCell(prior)) {
        entries[entries.indexOf(prior)] = e;
        seen.set(e.indicator, e);
        continue;
      }
      if (prior) {
        issues.push(issue('E_DUPLICATE_INDICATOR', e.loc, { agency: code, indicator: e.indicator, first: prior.loc.cell ?? String(prior.loc.row) }));
        continue;
      }
      seen.set(e.indicator, e);
      entries.push(e);
    }
    if (neverFilled(entries, r.total, issues)) {
      issues.push(issue('E_SUBMISSION_EMPTY', r.loc, { agency: code }));
      continue;
    }
    const agency: Agency = { code, name: a.name?.text ?? code, group };
    if (year !== undefined) agency.year = year;
    if (a.parent) agency.parent = a.parent.text;
    // Tags: the agency list's, else the submission's own tags column or "Nhãn:" cell.
    const tags = r.tags ?? (a.tags ? readTags(a.tags.text, model, code, () => a.tags!.loc, issues) : undefined);
    if (tags && tags.length > 0) agency.tags = [...tags];
    // zod checks the identity read from cells (a year out of range); the entries are built here, typed
    // from the same schema, from cells the readers already bounded, and are not parsed again
    // (src/submission/order.ts: that was a tenth of the time of parsing a form).
    const checked = agencySchema.safeParse(agency, { reportInput: true });
    if (!checked.success) {
      issues.push(issue('E_SUBMISSION_SHAPE', r.loc, { agency: code, detail: zodDetail(checked.error.issues, 1) }));
      continue;
    }
    out.push(submissionInOrder({ agency: checked.data, loc: r.loc, file: grid.file, sha256: grid.sha256, entries, ...(r.total ? { total: r.total } : {}) }));
  }
  return out;
}

/**
 * A form sent back as it was handed out: no value, numerator or denominator on any row, and no
 * self-scored points other than 0 (the points column of a template holds formulas whose saved
 * results are 0 until the agency types). It is one error for the file, not a warning per
 * indicator, and it is not scored: the warnings already raised about its rows (formulas never
 * recalculated, hidden rows) go.
 */
function neverFilled(entries: readonly SubmissionEntry[], total: AgencyRows['total'], issues: DtiIssue[]): boolean {
  const scored = (v: SubmissionEntry['points']) => v !== undefined && !/^0+([.,]0*)?$/.test(String(v.raw).trim());
  if (entries.some((e) => e.value || e.numerator || e.denominator || scored(e.points))) return false;
  if (scored(total)) return false;
  const rows = new Set(entries.map((e) => `${e.loc.file}\u0000${e.loc.sheet ?? ''}\u0000${e.loc.row}`));
  const noise = issues.filter((i) => i.severity !== 'error' && rows.has(`${i.location.file}\u0000${i.location.sheet ?? ''}\u0000${i.location.row}`));
  for (const n of noise) issues.splice(issues.indexOf(n), 1);
  return true;
}

/**
 * Holds a submission's identity against the agency list: unknown agencies and disagreements
 * (name, group) are errors; what the submission leaves out is taken from the list.
 * Returns false when the submission cannot be used.
 */
function reconcileWithList(r: AgencyRows, list: readonly ListedAgency[], model: FrameworkModel, issues: DtiIssue[]): boolean {
  const a = r.agency;
  const listed =
    (a.code && list.find((l) => foldText(l.code) === foldText(a.code!.text))) ||
    (!a.code && a.name ? list.find((l) => foldText(l.name) === foldText(a.name!.text)) : undefined);
  const shown = a.code?.text ?? a.name?.text ?? '';
  if (!listed) {
    issues.push(issue('E_AGENCY_NOT_LISTED', (a.code ?? a.name)?.loc ?? r.loc, { agency: shown }));
    return false;
  }
  const listedAt = listed.loc.cell ?? (listed.loc.row !== undefined ? String(listed.loc.row) : '');
  let ok = true;
  const conflict = (field: string, mine: { text: string; loc: Location }, theirs: string) => {
    issues.push(issue('E_AGENCY_LIST_CONFLICT', mine.loc, { agency: listed.code, field, value: mine.text, listed: theirs, listedAt }));
    ok = false;
  };
  if (a.name && listed.name !== '' && foldText(a.name.text) !== foldText(listed.name)) conflict('name', a.name, listed.name);
  if (a.group) {
    const g = model.framework.groups.find((x) => x.id === a.group!.text || foldText(x.name.vi) === foldText(a.group!.text) || foldText(x.name.en) === foldText(a.group!.text));
    if (g && g.id !== listed.group) conflict('group', a.group, listed.group);
  }
  if (a.parent && listed.parent !== undefined && foldText(a.parent.text) !== foldText(listed.parent)) conflict('parent', a.parent, listed.parent);
  a.code ??= { text: listed.code, loc: listed.loc };
  if (!a.name && listed.name !== '') a.name = { text: listed.name, loc: listed.loc };
  a.group ??= { text: listed.group, loc: listed.loc };
  if (!a.parent && listed.parent !== undefined) a.parent = { text: listed.parent, loc: listed.loc };
  if (a.tags) {
    const set = (tags: readonly string[]) => tags.map((t) => foldText(t.trim())).filter((t) => t !== '').sort().join(',');
    if (set(a.tags.text.split(/[,;]/)) !== set(listed.tags ?? [])) conflict('tags', a.tags, (listed.tags ?? []).join(', '));
  }
  r.tags = listed.tags ?? [];
  return ok;
}

/** An entry that holds nothing but the cell where its value would go (an empty cell of the wide layout). */
function isEmptyCell(e: SubmissionEntry): boolean {
  return !e.value && !e.numerator && !e.denominator && !e.points && !e.evidence && !e.note;
}
