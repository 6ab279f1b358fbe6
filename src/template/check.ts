import { Decimal } from '../core/decimal.js';
import { cellRef, columnLetters, columnNumber, inRange, parseCellRef, parseRange, type CellRange, type Grid, type GridCell, type GridSheet } from '../core/grid.js';
import { issue, type DtiIssue, type IssueParams, type Location } from '../core/issues.js';
import { cellNumber } from '../core/numbers.js';
import { cleanText, headerKey, normaliseCode } from '../core/text.js';
import type { Rule } from '../engine/rules/index.js';
import { bundledFrameworkIds, loadFramework } from '../framework/load.js';
import type { FrameworkModel, FrameworkNode } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import { NA_ANSWER, TEMPLATE_HEADERS, TEMPLATE_LABELS, TEMPLATE_SHEETS, formMax, formNodes, formTotal, pointsFormula, ranges, signedSum, validationsOf, type ValidationCheck } from './write.js';
import { readXlsx } from '../sheets/xlsx/index.js';
import { DEFAULT_XLSX_LIMITS, ReadStop, tooLarge } from '../sheets/xlsx/limits.js';
import { ZipArchive } from '../sheets/xlsx/zip.js';
import { maxOf } from '../core/arrays.js';

/**
 * `dti check` on a submission template a province edited by hand before sending it out: is it
 * still the form of its framework? The hidden _dti sheet says which framework, version and group
 * it was made from; the form is compared with that framework's rows for the group (codes and
 * their order, max points), and what makes the form safe to fill in is checked cell by cell:
 * the data validation of every input cell, the points formulas (each leaf's against
 * `pointsFormula`, each section's and the total's SUM over the rows below it), the sheet's
 * protection, which cells are locked, and the workbook's structure lock.
 *
 * How the workbook is read: values (codes, max points, the _dti and _lists sheets) come from the
 * project's own reader (src/sheets/xlsx/), which also refuses zip bombs, encrypted and corrupt
 * files first. Validations, formulas, locks and protection are not in its Grid, so the few parts
 * that hold them are inflated again (src/sheets/xlsx/zip.ts) and scanned here (section "OOXML" below).
 * Not exceljs: it cannot see <workbookProtection> at all (src/template/write.ts adds that
 * element after exceljs has written), its loader has none of the reader's size limits, and it
 * would make this check asynchronous where every other reader is not. The cost is shared formulas,
 * which Excel writes for filled-down cells and which are expanded here as a spreadsheet does.
 */

export interface CheckTemplateOptions {
  /** Language of the framework loader's own messages (schema details). */
  readonly lang?: Lang;
  /**
   * Frameworks by id, used before the bundled ones when a template names them: `dti check`
   * passes the framework files given on the same command line. A template's id is never taken
   * for a path: only these and the bundled ids are loaded.
   */
  readonly frameworks?: ReadonlyMap<string, FrameworkModel>;
}

/** The form's columns, as TEMPLATE_HEADERS orders them. */
const COL = {
  code: 1,
  name: 2,
  max: 3,
  rule: 4,
  value: 5,
  numerator: 6,
  denominator: 7,
  points: 8,
  evidence: 9,
  note: 10,
} as const;
const LAST_COL = TEMPLATE_HEADERS.length;
const HEADER_SEARCH_ROWS = 40;
/** Formulas in messages are cut to this many characters. */
const FORMULA_SHOWN = 160;

/**
 * Checks a template workbook against its framework. Returns every finding, each located at the
 * file, sheet and cell it is about (sheet-level findings at the sheet, the workbook's at the file).
 * `model`: the framework to check against; absent, it is loaded by the id in _dti.
 */
export function checkTemplate(bytes: Uint8Array, file: string, model?: FrameworkModel, options: CheckTemplateOptions = {}): DtiIssue[] {
  const read = readXlsx(bytes, file);
  if (!read.grid) return read.issues;
  const grid = read.grid;
  const issues: DtiIssue[] = [];
  const at = (sheet: GridSheet | string | undefined, row?: number, column?: number): Location => {
    const loc: Location = { file };
    if (sheet !== undefined) loc.sheet = typeof sheet === 'string' ? sheet : sheet.name;
    if (row !== undefined) {
      loc.row = row;
      if (column !== undefined) {
        loc.column = column;
        loc.cell = cellRef(row, column);
      }
    }
    return loc;
  };

  // Which framework, version and group: the hidden _dti sheet.
  const meta = readMeta(grid);
  const idEntry = meta?.get('framework_id');
  if (!meta || !idEntry || idEntry.text === '') {
    issues.push(issue('E_TPL_NO_FRAMEWORK', at(meta ? TEMPLATE_SHEETS.meta : undefined), { sheet: TEMPLATE_SHEETS.meta }));
    return issues;
  }
  const metaAt = (entry: MetaEntry) => at(TEMPLATE_SHEETS.meta, entry.row, 2);
  const id = idEntry.text;
  if (model && model.framework.id !== id) {
    issues.push(issue('E_TPL_FRAMEWORK_DIFFERS', metaAt(idEntry), { framework: id, expected: model.framework.id }));
    return issues;
  }
  if (!model) {
    model = options.frameworks?.get(id);
    if (!model) {
      if (!bundledFrameworkIds().includes(id)) {
        issues.push(issue('E_TPL_UNKNOWN_FRAMEWORK', metaAt(idEntry), { framework: id, known: bundledFrameworkIds().join(', ') }));
        return issues;
      }
      const loaded = loadFramework(id, options.lang ?? 'vi');
      if (!loaded.ok) return [...issues, ...loaded.issues];
      model = loaded.model;
    }
  }
  const fw = model.framework;
  const version = meta.get('framework_version');
  if (version && version.text !== fw.version) {
    issues.push(issue('W_TPL_VERSION_DIFFERS', metaAt(version), { framework: id, found: version.text, expected: fw.version }));
  }
  const groupEntry = meta.get('group');
  const groups = fw.groups.map((g) => g.id).join(', ');
  if (!groupEntry || groupEntry.text === '') {
    issues.push(issue('E_TPL_NO_GROUP', at(TEMPLATE_SHEETS.meta), { groups }));
    return issues;
  }
  const group = model.group(groupEntry.text);
  if (!group) {
    issues.push(issue('E_TPL_UNKNOWN_GROUP', metaAt(groupEntry), { group: groupEntry.text, groups }));
    return issues;
  }

  let parts: WorkbookParts;
  try {
    parts = readWorkbookParts(bytes, file);
  } catch (e) {
    if (e instanceof ReadStop) issues.push(e.found);
    else issues.push(issue('E_XLSX_CORRUPT', { file }, { detail: e instanceof Error ? e.message : String(e) }));
    return issues;
  }

  // The workbook: structure locked, the two helper sheets hidden.
  if (!isTrue(parts.workbookProtection?.lockStructure)) issues.push(issue('W_TPL_WORKBOOK_UNLOCKED', { file }, {}));
  for (const name of [TEMPLATE_SHEETS.meta, TEMPLATE_SHEETS.lists]) {
    const sheet = grid.sheets.find((s) => s.name === name);
    if (sheet && !sheet.hidden) issues.push(issue('W_TPL_SHEET_VISIBLE', at(sheet), { sheet: name }));
  }

  // The form sheet and its header row.
  const formName = meta.get('sheet')?.text || TEMPLATE_SHEETS.form;
  const sheet = grid.sheets.find((s) => s.name === formName);
  const sheetParts = parts.sheet(formName);
  if (!sheet || !sheetParts) {
    issues.push(issue('E_TPL_SHEET_MISSING', { file }, { sheet: formName, sheets: grid.sheets.map((s) => s.name).join(', ') }));
    return issues;
  }
  const text = (row: number, column: number) => cellText(cellAt(sheet, row, column));
  const isHeader = (row: number) => headerKey(text(row, COL.code)) === headerKey(TEMPLATE_HEADERS[0]);
  const recorded = Number(meta.get('header_row')?.text);
  let headerRow = Number.isInteger(recorded) && recorded > 0 && isHeader(recorded) ? recorded : undefined;
  for (let r = 1; headerRow === undefined && r <= Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) if (isHeader(r)) headerRow = r;
  if (headerRow === undefined) {
    issues.push(issue('E_TPL_HEADER_MISSING', at(sheet), { sheet: sheet.name, header: TEMPLATE_HEADERS[0] }));
    return issues;
  }
  if (Number.isInteger(recorded) && recorded > 0 && recorded !== headerRow) {
    issues.push(issue('W_TPL_HEADER_MOVED', at(sheet, headerRow, COL.code), { expected: recorded, found: headerRow }));
  }
  TEMPLATE_HEADERS.forEach((h, i) => {
    const found = text(headerRow!, i + 1);
    if (headerKey(found) !== headerKey(h)) issues.push(issue('E_TPL_HEADER_CHANGED', at(sheet, headerRow, i + 1), { expected: h, found }));
  });

  // Locks are collected per row and reported once per row, at its first cell.
  const lockFindings = (row: number, unlocked: ReadonlySet<number>, code: string) => {
    const lockedInputs: number[] = [];
    const openOthers: number[] = [];
    for (let c = 1; c <= LAST_COL; c++) {
      const locked = sheetParts.locked(row, c);
      if (unlocked.has(c) && locked) lockedInputs.push(c);
      else if (!unlocked.has(c) && !locked) openOthers.push(c);
    }
    const cells = (cs: number[]) => cs.map((c) => cellRef(row, c)).join(', ');
    if (lockedInputs.length > 0) issues.push(issue('E_TPL_INPUT_LOCKED', at(sheet, row, lockedInputs[0]), { code, cells: cells(lockedInputs) }));
    if (openOthers.length > 0) issues.push(issue('E_TPL_CELL_UNLOCKED', at(sheet, row, openOthers[0]), { code, cells: cells(openOthers) }));
  };
  lockFindings(headerRow, new Set(), TEMPLATE_HEADERS[0]);

  // Identity cells above the header: the agency types its code, name, year (and parent); the group is fixed.
  const inputLabels = new Set([TEMPLATE_LABELS.code, TEMPLATE_LABELS.name, TEMPLATE_LABELS.year, TEMPLATE_LABELS.parent].map(headerKey));
  for (let r = 1; r < headerRow; r++) {
    const label = text(r, 1);
    const key = headerKey(label);
    if (key === headerKey(TEMPLATE_LABELS.group)) {
      const found = text(r, 2);
      if (found !== '' && headerKey(found) !== headerKey(group.name.vi) && headerKey(found) !== headerKey(group.id)) {
        issues.push(issue('E_TPL_GROUP_CELL_CHANGED', at(sheet, r, 2), { expected: group.name.vi, found }));
      }
      lockFindings(r, new Set(), label);
    } else if (inputLabels.has(key)) {
      lockFindings(r, new Set([2]), label);
    }
  }

  // The rows: every node of the group in framework order, as the template writes them; on a form
  // made for an agency of a list, those its tags allow (the tags it was made with, in _dti).
  const formTags = meta.get('form_tags');
  const tags = formTags === undefined ? undefined : formTags.text.split(/[,;]/).map((x) => x.trim()).filter((x) => x !== '' && x !== '—');
  const expected = formNodes(model, group.id, tags);
  const kept = new Set(expected.map((n) => n.code));
  const expectedIndex = new Map(expected.map((n, i) => [n.code, i]));

  const totalWords = new Set([headerKey(t('TPL_TOTAL', 'vi')), headerKey(t('TPL_TOTAL', 'en'))]);
  const found: { code: string; row: number }[] = [];
  let totalRow: number | undefined;
  for (let r = headerRow + 1; r <= sheet.rows.length; r++) {
    const raw = text(r, COL.code);
    if (raw === '') {
      if (totalWords.has(headerKey(text(r, COL.name)))) {
        totalRow = r;
        break;
      }
      continue;
    }
    found.push({ code: normaliseCode(raw), row: r });
  }

  const rowOf = new Map<string, number>();
  const firstRow = new Map<string, number>();
  const sequence: { code: string; row: number; index: number }[] = [];
  for (const f of found) {
    const first = firstRow.get(f.code);
    if (first !== undefined) {
      issues.push(issue('E_TPL_CODE_DUPLICATE', at(sheet, f.row, COL.code), { code: f.code, first: cellRef(first, COL.code) }));
      continue;
    }
    firstRow.set(f.code, f.row);
    const index = expectedIndex.get(f.code);
    if (index === undefined) {
      const other = model.nodes.get(f.code);
      if (other) issues.push(issue('E_TPL_CODE_NOT_IN_GROUP', at(sheet, f.row, COL.code), { code: f.code, group: group.id }));
      else issues.push(issue('E_TPL_CODE_EXTRA', at(sheet, f.row, COL.code), { code: f.code, framework: fw.id }));
      continue;
    }
    rowOf.set(f.code, f.row);
    sequence.push({ ...f, index });
  }
  // Rows in the framework's order are the longest run of increasing positions; the others moved.
  const inOrder = longestIncreasing(sequence.map((s) => s.index));
  sequence.forEach((s, i) => {
    if (!inOrder.has(i)) {
      issues.push(issue('E_TPL_CODE_ORDER', at(sheet, s.row, COL.code), { code: s.code, position: s.index + 1, count: expected.length }));
    }
  });
  // A missing row is reported where it would be: below the last row present, after the other missing ones.
  let lastPresent = headerRow;
  let missingSince = 0;
  for (const node of expected) {
    const row = rowOf.get(node.code);
    if (row !== undefined) {
      lastPresent = row;
      missingSince = 0;
      continue;
    }
    issues.push(issue('E_TPL_CODE_MISSING', at(sheet, lastPresent + 1 + missingSince++, COL.code), { code: node.code, name: node.node.name.vi }));
  }

  // Each row: max points, input validations, formula, locks.
  const places = fw.precision.points;
  // A section with penalty rows takes them off (src/report/template.ts signedSum): checked as written.
  const signedFormula = (nodes: readonly FrameworkNode[], effect: FrameworkNode['effect']) => {
    const kids = nodes.filter((c) => !c.informational && kept.has(c.code) && rowOf.has(c.code));
    return kids.some((c) => c.effect === 'penalty' && effect !== 'penalty') ? signedSum(kids, effect, rowOf, places) : undefined;
  };
  const checkSigned = (actual: string | undefined, expected: string, code: string, loc: Location) => {
    if (actual === undefined) issues.push(issue('E_TPL_FORMULA_MISSING', loc, { code, expected, found: '' }));
    else if (normaliseFormula(actual) !== normaliseFormula(expected)) issues.push(issue('E_TPL_FORMULA_CHANGED', loc, { code, expected, found: shown(actual) }));
  };
  const sumRows = (nodes: readonly FrameworkNode[]) =>
    nodes.filter((c) => !c.informational && kept.has(c.code)).flatMap((c) => (rowOf.has(c.code) ? [rowOf.get(c.code)!] : []));
  for (const node of expected) {
    const row = rowOf.get(node.code);
    if (row === undefined) continue;
    const code = node.code;
    if (node.informational) {
      lockFindings(row, new Set(), code);
      continue;
    }
    const max = node.effect === 'score' ? formMax(model, node, group.id, kept) : model.capFor(node, group.id);
    checkMax(cellAt(sheet, row, COL.max), max, code, at(sheet, row, COL.max), issues);
    const formulaAt = at(sheet, row, COL.points);
    if (!node.isLeaf) {
      const signed = signedFormula(node.children, node.effect);
      if (signed) checkSigned(sheetParts.formulas.get(cellRef(row, COL.points)), signed, code, formulaAt);
      else checkSum(sheetParts.formulas.get(cellRef(row, COL.points)), sumRows(node.children), places, code, formulaAt, issues);
      lockFindings(row, new Set(), code);
      continue;
    }
    const rule = node.node.rule!;
    const inputs = expectedInputs(rule, max, node.notApplicableAllowed, cellRef(row, COL.value));
    for (const input of inputs) {
      checkValidation(sheetParts, grid, sheet, row, input, code, at(sheet, row, input.column), issues);
    }
    const ref = (c: number) => cellRef(row, c);
    const formula = pointsFormula(
      rule,
      {
        value: ref(COL.value),
        numerator: ref(COL.numerator),
        denominator: ref(COL.denominator),
        ...(fw.evidenceMissing === 'zero' && node.node.evidenceRequired ? { evidenceOrZero: ref(COL.evidence) } : {}),
        ...(node.notApplicableAllowed ? { notApplicable: true } : {}),
      },
      max,
      places,
    );
    if (formula !== undefined) {
      const actual = sheetParts.formulas.get(ref(COL.points));
      if (actual === undefined) {
        issues.push(issue('E_TPL_FORMULA_MISSING', formulaAt, { code, expected: shown(formula), found: text(row, COL.points) }));
      } else if (normaliseFormula(actual) !== normaliseFormula(formula)) {
        issues.push(issue('E_TPL_FORMULA_CHANGED', formulaAt, { code, expected: shown(formula), found: shown(actual) }));
      }
    }
    lockFindings(row, new Set([...inputs.map((i) => i.column), COL.evidence, COL.note]), code);
  }

  // The total row: the group's total and the sum of the main indicators.
  if (totalRow === undefined) {
    const after = maxOf(rowOf.values(), headerRow) + 1;
    issues.push(issue('E_TPL_TOTAL_MISSING', at(sheet, after, COL.name), { total: t('TPL_TOTAL', 'vi') }));
  } else {
    const label = text(totalRow, COL.name);
    checkMax(cellAt(sheet, totalRow, COL.max), formTotal(model, group.id, kept), label, at(sheet, totalRow, COL.max), issues);
    const signed = signedFormula(model.roots, 'score');
    if (signed) checkSigned(sheetParts.formulas.get(cellRef(totalRow, COL.points)), signed, label, at(sheet, totalRow, COL.points));
    else checkSum(sheetParts.formulas.get(cellRef(totalRow, COL.points)), sumRows(model.roots), places, label, at(sheet, totalRow, COL.points), issues);
    lockFindings(totalRow, new Set(), label);
  }

  // The sheet's protection: on, and rows and columns neither inserted, deleted nor sorted.
  const protection = sheetParts.protection;
  if (!protection || !isTrue(protection.sheet)) {
    issues.push(issue('E_TPL_UNPROTECTED', at(sheet), { sheet: sheet.name }));
  } else {
    const allowed = ['insertRows', 'insertColumns', 'deleteRows', 'deleteColumns', 'sort'].filter((k) => isFalse(protection[k]));
    if (allowed.length > 0) issues.push(issue('W_TPL_PROTECTION_WEAK', at(sheet), { sheet: sheet.name, allowed: allowed.join(', ') }));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// The _dti sheet.

interface MetaEntry {
  readonly text: string;
  readonly row: number;
}

/** key (column A) → value (column B) of the hidden _dti sheet, or undefined when the workbook has none. */
function readMeta(grid: Grid): Map<string, MetaEntry> | undefined {
  const sheet = grid.sheets.find((s) => s.name === TEMPLATE_SHEETS.meta);
  if (!sheet) return undefined;
  const out = new Map<string, MetaEntry>();
  sheet.rows.forEach((cells, i) => {
    const key = cellText(cells?.[0]);
    if (key !== '' && !out.has(key)) out.set(key, { text: cellText(cells?.[1]), row: i + 1 });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Max points and sums.

function checkMax(cell: GridCell | undefined, expected: Decimal, code: string, loc: Location, issues: DtiIssue[]): void {
  const n = cellNumber(cell?.value ?? null);
  if (n.ok && !n.percent && n.value.equals(expected)) return;
  issues.push(issue('E_TPL_MAX_DIFFERS', loc, { code, expected: expected.toString(), found: cellText(cell) }));
}

/** A section's or the total's formula: ROUND(SUM(…),places) over exactly the rows expected, however the ranges are written. */
function checkSum(actual: string | undefined, rows: readonly number[], places: number, code: string, loc: Location, issues: DtiIssue[]): void {
  const expected = `ROUND(SUM(${ranges(rows, 'H')}),${places})`;
  if (actual === undefined) {
    issues.push(issue('E_TPL_FORMULA_MISSING', loc, { code, expected, found: '' }));
    return;
  }
  const m = /^ROUND\(SUM\(([^()]*)\),(\d+)\)$/.exec(normaliseFormula(actual));
  const summed = m ? sumArguments(m[1]!) : undefined;
  const same =
    m !== null &&
    Number(m[2]) === places &&
    summed !== undefined &&
    summed.length === rows.length &&
    [...summed].sort((a, b) => a - b).every((r, i) => r === [...rows].sort((a, b) => a - b)[i]);
  if (!same) issues.push(issue('E_TPL_FORMULA_CHANGED', loc, { code, expected, found: shown(actual) }));
}

/** "H12:H14,H16" → [12, 13, 14, 16]; undefined when an argument is anything but column H. */
function sumArguments(args: string): number[] | undefined {
  const rows: number[] = [];
  for (const arg of args.split(',')) {
    const m = /^H(\d+)(?::H(\d+))?$/.exec(arg);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    for (let r = Math.min(from, to); r <= Math.max(from, to); r++) rows.push(r);
  }
  return rows;
}

/** Rows as compact ranges of a column: [12, 13, 14, 16] → H12:H14,H16 (as src/template/write.ts writes them). */

// ---------------------------------------------------------------------------------------------
// Data validation.

type ExpectedRule =
  | { readonly type: 'whole' | 'decimal'; readonly operator: 'greaterThanOrEqual' | 'between'; readonly values: readonly number[] }
  | { readonly type: 'list'; readonly items: readonly string[] }
  | { readonly type: 'custom'; readonly formula: string };

interface ExpectedInput {
  readonly column: number;
  readonly rule: ExpectedRule;
}

/** The input cells of a leaf row and the validation each carries: those src/template/write.ts sets. */
function expectedInputs(rule: Rule, max: Decimal, naAllowed: boolean, valueRef: string): ExpectedInput[] {
  return validationsOf(rule, Number(max.toString()), naAllowed, valueRef, undefined).map((v) => ({ column: v.column, rule: expectedRule(v.check, rule, naAllowed) }));
}

/** A list is compared by its items (a choice's levels stand in a hidden sheet, wherever it puts them). */
function expectedRule(check: ValidationCheck, rule: Rule, naAllowed: boolean): ExpectedRule {
  if (check.type !== 'list') return check;
  if (rule.type === 'choice') return { type: 'list', items: [...rule.options.map((o) => o.label.vi), ...(naAllowed ? [NA_ANSWER] : [])] };
  return { type: 'list', items: check.formula.slice(1, -1).split(',') };
}

function describeExpected(rule: ExpectedRule): string {
  if (rule.type === 'list') return `list: ${rule.items.join(', ')}`;
  if (rule.type === 'custom') return `custom ${rule.formula}`;
  return rule.operator === 'between' ? `${rule.type} ${rule.values[0]}..${rule.values[1]}` : `${rule.type} ≥ ${rule.values[0]}`;
}

function describeFound(dv: SheetDataValidation, items: readonly string[] | undefined): string {
  if (dv.type === 'list') return `list: ${items ? items.join(', ') : dv.formula1 ?? ''}`;
  if (dv.type === 'custom') return `custom ${dv.formula1 ?? ''}`;
  const f = [dv.formula1, dv.formula2].filter((x) => x !== undefined);
  return `${dv.type} ${dv.operator} ${f.slice(0, dv.operator === 'between' || dv.operator === 'notBetween' ? 2 : 1).join(', ')}`.trim();
}

function checkValidation(
  parts: SheetParts,
  grid: Grid,
  sheet: GridSheet,
  row: number,
  input: ExpectedInput,
  code: string,
  loc: Location,
  issues: DtiIssue[],
): void {
  const params: IssueParams = { code, column: TEMPLATE_HEADERS[input.column - 1]!, expected: describeExpected(input.rule) };
  const dv = parts.validations.find((v) => v.type !== 'none' && v.ranges.some((r) => inRange(r, row, input.column)));
  if (!dv) {
    issues.push(issue('E_TPL_VALIDATION_MISSING', loc, params));
    return;
  }
  const exp = input.rule;
  let same: boolean;
  let items: string[] | undefined;
  if (exp.type === 'list') {
    items = dv.type === 'list' ? listItems(dv.formula1, grid, sheet) : undefined;
    const want = new Set(exp.items.map(cleanText));
    same = items !== undefined && items.length === want.size && items.every((i) => want.has(i));
  } else if (exp.type === 'custom') {
    same = dv.type === 'custom' && dv.formula1 !== undefined && normaliseFormula(dv.formula1) === normaliseFormula(exp.formula);
  } else {
    const n1 = numberOf(dv.formula1);
    const n2 = numberOf(dv.formula2);
    same =
      dv.type === exp.type &&
      dv.operator === exp.operator &&
      n1 === exp.values[0] &&
      (exp.operator !== 'between' || n2 === exp.values[1]);
  }
  if (!same) {
    issues.push(issue('E_TPL_VALIDATION_CHANGED', loc, { ...params, found: describeFound(dv, items) }));
    return;
  }
  // A validation that only warns (or shows no alert) lets any value through.
  if (!dv.showErrorMessage || dv.errorStyle !== 'stop') issues.push(issue('W_TPL_VALIDATION_WEAK', loc, { code, column: params.column! }));
}

function numberOf(formula: string | undefined): number | undefined {
  if (formula === undefined || !/^[-+]?(\d+(?:\.\d*)?|\.\d+)(E[-+]?\d+)?$/i.test(formula.trim())) return undefined;
  return Number(formula);
}

/** The items of a list validation: a literal "a,b" or a range of cells, on this sheet or another ('_lists'!$A$1:$A$3). */
function listItems(formula: string | undefined, grid: Grid, sheet: GridSheet): string[] | undefined {
  if (formula === undefined) return undefined;
  const f = formula.trim().replace(/^=/, '');
  if (f.startsWith('"') && f.endsWith('"') && f.length >= 2) {
    return f
      .slice(1, -1)
      .replace(/""/g, '"')
      .split(',')
      .map(cleanText);
  }
  const m = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(f);
  if (!m) return undefined; // a defined name or a formula: not resolved
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const target = name === undefined ? sheet : grid.sheets.find((s) => s.name === name);
  const range = parseRange(m[3]!.replace(/\$/g, ''));
  if (!target || !range) return undefined;
  const out: string[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const v = cellText(cellAt(target, r, c));
      if (v !== '') out.push(v);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formulas compared as a spreadsheet means them: case, spaces, "$" anchors, the _xlfn. prefix and
// the spelling of numbers (0.80, 0.8) do not matter; text in quotes does, exactly.

export function normaliseFormula(formula: string): string {
  return mapOutsideStrings(formula.trim().replace(/^=/, ''), (part) =>
    part
      .replace(/\s+/g, '')
      .toUpperCase()
      .replace(/_XLFN\.|_XLWS\./g, '')
      .replace(/\$/g, '')
      // \d+(?:\.\d*)? rather than \d+\.?\d*: the latter splits a run of digits in every way before failing (quadratic).
      .replace(/(^|[^A-Z0-9_.])(\d+(?:\.\d*)?|\.\d+)(E[-+]?\d+)?(?![A-Z0-9_(])/g, (_w, before: string, n: string, exp: string | undefined) => {
        return before + new Decimal(n + (exp ?? '')).toFixed();
      }),
  );
}

function shown(formula: string): string {
  const f = formula.replace(/^=/, '');
  return f.length > FORMULA_SHOWN ? f.slice(0, FORMULA_SHOWN - 1) + '…' : f;
}

// ---------------------------------------------------------------------------------------------
// Helpers.

function cellAt(sheet: GridSheet, row: number, column: number): GridCell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null) return '';
  return cleanText(String(cell.value));
}

/** Indices (into `xs`) of one longest strictly increasing subsequence. */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const length: number[] = [];
  const prev: number[] = [];
  let best = -1;
  xs.forEach((x, i) => {
    length[i] = 1;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      if (xs[j]! < x && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        prev[i] = j;
      }
    }
    if (best < 0 || length[i]! > length[best]!) best = i;
  });
  const out = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]!) out.add(i);
  return out;
}

// ---------------------------------------------------------------------------------------------
// OOXML: the parts of the workbook the Grid does not carry. Small targeted scans, not a general
// XML parser: the parts are machine-written, and only attributes and the text of <f>,
// <formula1>/<formula2>, <xm:f> and <xm:sqref> are wanted. Element names may carry a namespace
// prefix (x:c, x14:dataValidation: Excel writes a validation whose list is on another sheet there).

interface SheetDataValidation {
  readonly type: string;
  /** As written; "between" when absent (the schema default). */
  readonly operator: string;
  readonly formula1: string | undefined;
  readonly formula2: string | undefined;
  readonly showErrorMessage: boolean;
  readonly errorStyle: string;
  /** Ranges covered, 1-based inclusive. */
  readonly ranges: readonly CellRange[];
}


interface SheetParts {
  /** A1 reference → formula text (without "="), shared formulas translated to their cell. */
  readonly formulas: ReadonlyMap<string, string>;
  readonly validations: readonly SheetDataValidation[];
  /** undefined when the sheet has no <sheetProtection>; otherwise its attributes. */
  readonly protection: Readonly<Record<string, string>> | undefined;
  /** Whether a cell is locked (the default), from its style, else its row's, else its column's. */
  locked(row: number, column: number): boolean;
}

interface WorkbookParts {
  /** <workbookProtection>'s attributes, or undefined when the workbook has none. */
  readonly workbookProtection: Readonly<Record<string, string>> | undefined;
  /** The parts of a sheet by its name, or undefined when the workbook has no such sheet. */
  sheet(name: string): SheetParts | undefined;
}

function readWorkbookParts(bytes: Uint8Array, file: string): WorkbookParts {
  // Only the parts wanted: relationships, the workbook, styles and sheets (not shared strings, themes, drawings or comments).
  // Through the project's zip reader (sizes, CRC-32 and the inflated budget checked), not fflate, which inflates whatever an entry holds.
  const skipped = /sharedStrings|theme|drawings|comments|charts|media|docProps|customXml|externalLinks|pivot/i;
  const zip = ZipArchive.open(bytes, file);
  const entries: Record<string, Uint8Array> = {};
  let inflated = 0;
  for (const entry of zip.entries.values()) {
    if (!(entry.name.endsWith('.rels') || (entry.name.endsWith('.xml') && !skipped.test(entry.name)))) continue;
    inflated += entry.originalSize;
    if (inflated > DEFAULT_XLSX_LIMITS.maxInflatedBytes) throw tooLarge(file, 'maxInflatedBytes', inflated, DEFAULT_XLSX_LIMITS.maxInflatedBytes);
    entries[entry.name] = zip.inflate(entry);
  }
  const text = (name: string): string | undefined => {
    const data = entries[name] ?? entries['/' + name];
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  };
  let workbookPart = 'xl/workbook.xml';
  const rootRels = text('_rels/.rels');
  if (rootRels) {
    const doc = relationships(rootRels).find((r) => /\/officeDocument$/.test(r.type));
    if (doc && text(resolve('', doc.target)) !== undefined) workbookPart = resolve('', doc.target);
  }
  const workbookXml = text(workbookPart) ?? '';
  const rels = relationships(text(relsOf(workbookPart)) ?? '');
  const relTarget = (pattern: RegExp, fallback: string) => {
    const rel = rels.find((r) => pattern.test(r.type));
    return rel ? resolve(workbookPart, rel.target) : fallback;
  };
  const protectionTag = firstElement(workbookXml, 'workbookProtection');
  const sheets = elements(workbookXml, 'sheet').map((e, i) => {
    const attrs = attributes(e.open);
    const rid = Object.entries(attrs).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === rid);
    return { name: attrs.name ?? '', part: rel ? resolve(workbookPart, rel.target) : `xl/worksheets/sheet${i + 1}.xml` };
  });
  const stylesXml = text(relTarget(/\/styles$/, 'xl/styles.xml'));
  const lockedByStyle = stylesXml ? cellXfLocks(stylesXml) : [];
  return {
    workbookProtection: protectionTag ? attributes(protectionTag.open) : undefined,
    sheet: (name) => {
      const found = sheets.find((s) => s.name.normalize('NFC') === name.normalize('NFC'));
      if (!found) return undefined;
      const xml = text(found.part);
      return xml === undefined ? undefined : sheetParts(xml, lockedByStyle);
    },
  };
}

// ---------------------------------------------------------------------------------------------

function sheetParts(xml: string, lockedByStyle: readonly boolean[]): SheetParts {
  const styleLocked = (s: number | undefined) => lockedByStyle[s ?? 0] ?? true;
  const cellStyles = new Map<string, number>();
  const formulas = new Map<string, string>();
  const shared = new Map<string, { formula: string; row: number; column: number }>();
  const rowStyles = new Map<number, number>();
  const colStyles: { min: number; max: number; style: number }[] = [];

  for (const col of elements(xml, 'col')) {
    const a = attributes(col.open);
    if (a.style !== undefined) colStyles.push({ min: Number(a.min), max: Number(a.max), style: Number(a.style) });
  }
  const sheetData = firstElement(xml, 'sheetData')?.inner ?? '';
  for (const row of elements(sheetData, 'row')) {
    const a = attributes(row.open);
    if (a.s !== undefined && isTrue(a.customFormat)) rowStyles.set(Number(a.r), Number(a.s));
  }
  for (const c of elements(sheetData, 'c')) {
    const a = attributes(c.open);
    const ref = a.r;
    if (ref === undefined) continue;
    if (a.s !== undefined) cellStyles.set(ref, Number(a.s));
    const f = firstElement(c.inner ?? '', 'f');
    if (!f) continue;
    const fa = attributes(f.open);
    let formula = decode(f.inner ?? '');
    const at = parseCellRef(ref);
    if (fa.t === 'shared' && fa.si !== undefined && at) {
      const master = shared.get(fa.si);
      if (formula !== '') shared.set(fa.si, { formula, row: at.row, column: at.column });
      else if (master) formula = shiftFormula(master.formula, at.row - master.row, at.column - master.column);
    }
    if (formula !== '') formulas.set(ref, formula);
  }

  const validations: SheetDataValidation[] = [];
  for (const dv of elements(xml, 'dataValidation')) {
    const a = attributes(dv.open);
    const inner = dv.inner ?? '';
    const formula = (name: string) => {
      const el = firstElement(inner, name);
      if (!el) return undefined;
      const body = firstElement(el.inner ?? '', 'f')?.inner ?? el.inner ?? '';
      return decode(body).trim();
    };
    const sqref = a.sqref ?? decode(firstElement(inner, 'sqref')?.inner ?? '');
    validations.push({
      type: a.type ?? 'none',
      operator: a.operator ?? 'between',
      formula1: formula('formula1'),
      formula2: formula('formula2'),
      showErrorMessage: isTrue(a.showErrorMessage),
      errorStyle: a.errorStyle ?? 'stop',
      ranges: sqref.split(/\s+/).map(parseRange).filter((r): r is CellRange => r !== undefined),
    });
  }
  const protectionTag = firstElement(xml, 'sheetProtection');
  return {
    formulas,
    validations,
    protection: protectionTag ? attributes(protectionTag.open) : undefined,
    locked: (row, column) => {
      const s = cellStyles.get(cellRefOf(row, column));
      if (s !== undefined) return styleLocked(s);
      const r = rowStyles.get(row);
      if (r !== undefined) return styleLocked(r);
      const c = colStyles.find((x) => column >= x.min && column <= x.max);
      return styleLocked(c?.style);
    },
  };
}

/** Locked or not, for each cell format (<cellXfs>): locked unless its <protection> says locked="0". */
function cellXfLocks(xml: string): boolean[] {
  const cellXfs = firstElement(xml, 'cellXfs')?.inner ?? '';
  return elements(cellXfs, 'xf').map((xf) => {
    const protection = firstElement(xf.inner ?? '', 'protection');
    return protection ? !isFalse(attributes(protection.open).locked) : true;
  });
}

// ---------------------------------------------------------------------------------------------
// Formulas.

/**
 * Moves the relative references of a formula by rows and columns, as a spreadsheet does when
 * it expands a shared formula: "$" anchors stay, text in quotes and function names are left alone.
 */
function shiftFormula(formula: string, rows: number, columns: number): string {
  return mapOutsideStrings(formula, (part) =>
    part.replace(/(^|[^A-Za-z0-9_.!$'])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g, (whole, before: string, colAbs: string, col: string, rowAbs: string, row: string) => {
      const c = colAbs ? columnNumber(col) : columnNumber(col) + columns;
      const r = rowAbs ? Number(row) : Number(row) + rows;
      if (c < 1 || r < 1) return whole;
      return `${before}${colAbs}${columnLetters(c)}${rowAbs}${r}`;
    }),
  );
}

/** Applies a change to the parts of a formula outside its string literals ("..." with "" inside). */
function mapOutsideStrings(formula: string, change: (part: string) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    if (q < 0) {
      out += change(formula.slice(i));
      break;
    }
    out += change(formula.slice(i, q));
    let end = q + 1;
    for (;;) {
      const next = formula.indexOf('"', end);
      if (next < 0) {
        end = formula.length;
        break;
      }
      if (formula[next + 1] === '"') end = next + 2;
      else {
        end = next + 1;
        break;
      }
    }
    out += formula.slice(q, end);
    i = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML scanning.

interface Element {
  /** The start tag, "<c r="A1" s="3">" or a self-closing "<c r="A1"/>". */
  readonly open: string;
  /** What is between the start and end tags; undefined for a self-closing element. */
  readonly inner: string | undefined;
}

/**
 * Every element of that local name (any prefix), not nested in one of the same name. A scan with
 * indexOf rather than a pattern with a lazy body: that one searched to the end of the part for
 * the end tag of every unclosed start tag, quadratic in a crafted part. Here an end tag looked
 * for in vain from some point is not looked for again past it.
 */
function elements(xml: string, name: string): Element[] {
  const out: Element[] = [];
  /** Tag → the position from which its end tag was looked for and not found. */
  const noEndFrom = new Map<string, number>();
  let p = xml.indexOf('<');
  while (p >= 0) {
    let q = p + 1;
    while (q < xml.length && isNameChar(xml.charCodeAt(q))) q++;
    const tag = xml.slice(p + 1, q);
    const colon = tag.indexOf(':');
    const local = colon < 0 ? tag : tag.slice(colon + 1);
    const after = xml.charCodeAt(q);
    if (local !== name || colon === 0 || !(after === 47 || after === 62 || isXmlSpace(after))) {
      p = xml.indexOf('<', p + 1);
      continue;
    }
    const gt = xml.indexOf('>', q);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47 /* / */) {
      out.push({ open: xml.slice(p, gt + 1), inner: undefined });
      p = xml.indexOf('<', gt + 1);
      continue;
    }
    const end = endTag(xml, tag, gt + 1, noEndFrom);
    if (end === undefined) {
      p = xml.indexOf('<', p + 1);
      continue;
    }
    out.push({ open: xml.slice(p, gt + 1), inner: xml.slice(gt + 1, end.start) });
    p = xml.indexOf('<', end.end);
  }
  return out;
}

/** The next "</tag>" (spaces allowed before ">") from a position. */
function endTag(xml: string, tag: string, from: number, noEndFrom: Map<string, number>): { start: number; end: number } | undefined {
  const failed = noEndFrom.get(tag);
  if (failed !== undefined && from >= failed) return undefined;
  const needle = '</' + tag;
  for (let i = xml.indexOf(needle, from); i >= 0; i = xml.indexOf(needle, i + 1)) {
    let k = i + needle.length;
    while (k < xml.length && isXmlSpace(xml.charCodeAt(k))) k++;
    if (xml.charCodeAt(k) === 62 /* > */) return { start: i, end: k + 1 };
  }
  if (failed === undefined || from < failed) noEndFrom.set(tag, from);
  return undefined;
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 58) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;
}

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function firstElement(xml: string, name: string): Element | undefined {
  return elements(xml, name)[0];
}

function attributes(tag: string): Record<string, string> {
  // A loop, not /([\w:.-]+)\s*=\s*"…"/g: that pattern retries a long run of name characters without "=" at every position.
  const out: Record<string, string> = {};
  let i = 1;
  while (i < tag.length && isNameChar(tag.charCodeAt(i))) i++;
  while (i < tag.length) {
    while (i < tag.length && !isNameChar(tag.charCodeAt(i))) i++;
    const start = i;
    while (i < tag.length && isNameChar(tag.charCodeAt(i))) i++;
    const key = tag.slice(start, i);
    while (i < tag.length && isXmlSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== '=') continue;
    i++;
    while (i < tag.length && isXmlSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) break;
    if (key !== '') out[key] = decode(tag.slice(i + 1, close));
    i = close + 1;
  }
  return out;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e]!,
  );
}

function isTrue(v: string | undefined): boolean {
  return v === '1' || v === 'true';
}

function isFalse(v: string | undefined): boolean {
  return v === '0' || v === 'false';
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

function relationships(xml: string): Relationship[] {
  return elements(xml, 'Relationship')
    .map((e) => attributes(e.open))
    .filter((a) => a.TargetMode !== 'External')
    .map((a) => ({ id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' }));
}

function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the part that names it ("worksheets/sheet1.xml" from xl/workbook.xml). */
function resolve(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}

// ---------------------------------------------------------------------------------------------
// References.






function cellRefOf(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
