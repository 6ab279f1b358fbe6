import { basename, extname } from 'node:path';
import { romanValue } from '../submission/numbering.js';
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { cellRef, type Grid, type GridCell, type GridSheet } from '../core/grid.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { cellNumber } from '../core/numbers.js';
import { cleanText, foldText, headerKey, normaliseCode, stripTrailing } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';
import { parseFramework } from '../framework/parse.js';
import type { FrameworkInput } from '../framework/schema.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import { TEMPLATE_SHEETS } from './write.js';
import { columnRole, type ColumnRole } from '../submission/columns.js';
import { isMetadataSheet, labelledValues } from '../submission/metadata.js';

/**
 * `dti framework import`: a framework file drafted from a workbook that lists indicators — a
 * template dti wrote (code column) or a province's official form (numbering column "STT":
 * I, II or 1, 2 for main indicators, 1.1 for sub-indicators, a, b for criteria under them).
 * The tree comes from the codes (1 → 1.1 → 1.1.a; a missing intermediate row is added), the
 * names and max points from their columns, one agency group from the options.
 *
 * Every leaf gets the `manual` rule. A scoring rule cannot be inferred reliably from words:
 * "Có: 20 điểm; không: 0" reads as boolean, but "tỷ lệ ≥ 80%: đủ điểm" may be a ratio with a
 * target or tiers, thresholds hide in prose, and a wrong guess would score silently wrong. So
 * the draft scores only what people type in, an info issue says so, and the workbook's own
 * "Cách tính điểm" text is kept as a YAML comment above each rule for whoever writes the real one.
 *
 * The draft goes through the framework loader (parseFramework on the very YAML produced), so
 * what would stop it loading — max points that do not add up, a leaf without max points, a
 * code the schema refuses — is reported, at the workbook cell it comes from.
 */

export interface ImportOptions {
  /** Framework id; default: the template's (hidden _dti sheet), else the file name made into an id. */
  readonly id?: string;
  /** Id of the framework's one agency group; default "don-vi". */
  readonly group?: string;
  /** The sheet to read; default: the first visible one with a recognised header. */
  readonly sheet?: string;
  /** Framework name; default: the workbook's title. */
  readonly name?: string;
  /** Framework year; default: the "Năm đánh giá:" cell, the template's year, a year in the title, else this year. */
  readonly year?: number;
  /** Language of comments in the YAML and of the loader's schema messages. */
  readonly lang?: Lang;
  /** The YAML file the framework is for: the loader's findings name it with their path. */
  readonly out?: string;
}

export interface ImportResult {
  /** The framework drafted, as its file holds it; absent when the workbook has no indicator table. */
  readonly framework?: FrameworkInput;
  /** The framework as YAML, with comments (rule texts, how the draft was made). */
  readonly yaml?: string;
  /** The draft loaded through the framework loader (undefined when it does not load). */
  readonly model?: FrameworkModel;
  readonly issues: DtiIssue[];
}

const DEFAULT_GROUP = 'don-vi';
const HEADER_SEARCH_ROWS = 40;
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** Headers of a column giving the rule in words ("Cách tính điểm", as dti's template names it). */
const RULE_HEADERS = ['cach tinh diem', 'phuong phap tinh diem', 'phuong phap cham diem', 'cach cham diem', 'huong dan cham diem', 'rule', 'scoring rule'];
const TOTAL_WORDS = new Set(['tong cong', 'tong', 'tong diem', 'tong so diem', 'total', 'cong']);
const INFORMATIONAL = /khong tinh diem|not scored/;

interface Header {
  readonly row: number;
  readonly code: number;
  readonly byNumbering: boolean;
  readonly name: number;
  readonly max: number;
  readonly rule: number | undefined;
}

interface Draft {
  code: string;
  name: string | undefined;
  max: number | undefined;
  maxInvalid: boolean;
  informational: boolean;
  evidenceRequired: boolean;
  ruleText: string | undefined;
  /** Workbook row; a node added for its children takes its first child's. */
  row: number;
  added: boolean;
  children: Draft[];
}

export function importTemplate(grid: Grid, options: ImportOptions = {}): ImportResult {
  const lang = options.lang ?? 'vi';
  const issues: DtiIssue[] = [];
  const loc = (sheet: GridSheet, row?: number, column?: number): Location => {
    const l: Location = { file: grid.file };
    if (grid.kind === 'xlsx') l.sheet = sheet.name;
    if (row !== undefined) {
      l.row = row;
      if (column !== undefined) {
        l.column = column;
        if (grid.kind === 'xlsx') l.cell = cellRef(row, column);
      }
    }
    return l;
  };

  // The sheet and its header row.
  let sheet: GridSheet | undefined;
  let header: Header | undefined;
  if (options.sheet !== undefined) {
    sheet = grid.sheets.find((s) => s.name === options.sheet);
    if (!sheet) {
      issues.push(issue('E_SHEET_NOT_FOUND', { file: grid.file }, { sheet: options.sheet, sheets: grid.sheets.map((s) => s.name).join(', ') }));
      return { issues };
    }
    header = findHeader(sheet);
  } else {
    const candidates = grid.sheets.filter((s) => !isMetadataSheet(s) && s.name !== TEMPLATE_SHEETS.lists);
    for (const s of [...candidates.filter((c) => !c.hidden), ...candidates.filter((c) => c.hidden)]) {
      header = findHeader(s);
      if (header) {
        sheet = s;
        break;
      }
    }
    sheet ??= candidates[0] ?? grid.sheets[0];
  }
  if (!sheet || !header) {
    issues.push(issue('E_IMPORT_NO_HEADER', sheet ? loc(sheet) : { file: grid.file }, {}));
    return { issues };
  }
  const form = sheet;
  const h = header;
  const at = (row: number, column: number) => cellAt(form, row, column);

  // The rows, into a tree.
  const roots: Draft[] = [];
  const byCode = new Map<string, Draft>();
  const numbering = new Numbering();
  let totalMax: { value: number; row: number } | undefined;
  for (let r = h.row + 1; r <= form.rows.length; r++) {
    const raw = cellText(at(r, h.code));
    const nameText = cellText(at(r, h.name));
    const maxCell = at(r, h.max);
    if (raw === '') {
      const n = cellNumber(maxCell?.value ?? null);
      if (TOTAL_WORDS.has(headerKey(nameText)) && n.ok) totalMax = { value: n.value.toNumber(), row: r };
      continue;
    }
    if (nameText === '' && cellText(maxCell) === '') continue; // a stray mark in the code column, not an indicator
    const resolved = h.byNumbering ? numbering.resolve(raw) : { code: normaliseCode(raw) };
    if ('error' in resolved) {
      issues.push(issue('E_IMPORT_NUMBERING', loc(form, r, h.code), { number: raw }));
      continue;
    }
    const code = resolved.code;
    if (resolved.renamedFrom !== undefined) issues.push(issue('I_IMPORT_CODE_RENAMED', loc(form, r, h.code), { number: resolved.renamedFrom, code }));
    if (!CODE_PATTERN.test(code)) {
      issues.push(issue('E_IMPORT_CODE_INVALID', loc(form, r, h.code), { code: raw }));
      continue;
    }
    const existing = byCode.get(code);
    if (existing && !existing.added) {
      issues.push(issue('E_IMPORT_CODE_DUPLICATE', loc(form, r, h.code), { code, first: grid.kind === 'xlsx' ? cellRef(existing.row, h.code) : String(existing.row) }));
      continue;
    }
    const ruleText = h.rule === undefined ? undefined : rawText(at(r, h.rule)) || undefined;
    let name = nameText;
    let evidenceRequired = false;
    // "(*)" at the end marks required evidence; endsWith, not /\s*\(\*\)\s*$/, which is quadratic on long runs of spaces.
    if (name.trimEnd().endsWith('(*)')) {
      name = name.trimEnd().slice(0, -3).trimEnd();
      evidenceRequired = true;
    }
    const informational = INFORMATIONAL.test(foldText(ruleText ?? '')) || INFORMATIONAL.test(foldText(cellText(maxCell)));
    let max: number | undefined;
    let maxInvalid = false;
    if (!informational && cellText(maxCell) !== '') {
      const n = cellNumber(maxCell!.value);
      if (n.ok && !n.percent && !n.value.isNegative()) max = n.value.toNumber();
      else {
        maxInvalid = true;
        issues.push(issue('E_IMPORT_MAX_INVALID', loc(form, r, h.max), { code, value: cellText(maxCell) }));
      }
    }
    if (name === '') issues.push(issue('W_IMPORT_NAME_MISSING', loc(form, r, h.name), { code }));
    const draft: Draft = existing ?? { code, name: undefined, max: undefined, maxInvalid: false, informational: false, evidenceRequired: false, ruleText: undefined, row: r, added: false, children: [] };
    Object.assign(draft, { name: name || undefined, max, maxInvalid, informational, evidenceRequired, ruleText, added: false });
    if (!existing) {
      byCode.set(code, draft);
      const parent = parentOf(code, resolved.parent, byCode, roots, r);
      (parent ? parent.children : roots).push(draft);
    }
  }
  if (byCode.size === 0) {
    issues.push(issue('E_IMPORT_NO_ROWS', loc(form, h.row), {}));
    return { issues };
  }
  for (const d of byCode.values()) {
    if (d.added) issues.push(issue('W_IMPORT_PARENT_ADDED', loc(form, d.row, h.code), { code: d.code, child: d.children[0]!.code }));
  }

  // The framework around the tree.
  const meta = metaValues(grid);
  const labelled = labelledValues(grid, form, h.row);
  const title = titleOf(form, h.row);
  const year = options.year ?? yearOf(labelled.year?.text) ?? yearOf(meta.get('year')) ?? yearOf(/\bnam (\d{4})\b/.exec(foldText(title ?? ''))?.[1]);
  const thisYear = new Date().getUTCFullYear();
  if (year === undefined) issues.push(issue('I_IMPORT_YEAR_DEFAULT', loc(form), { year: thisYear }));
  const id = options.id ?? (ID_PATTERN.test(meta.get('framework_id') ?? '') ? meta.get('framework_id')! : slug(basename(grid.file, extname(grid.file))));
  const groupName = labelled.group?.text || t('IMPORT_GROUP_NAME', lang);
  const source = grid.kind === 'xlsx' ? t('IMPORT_SOURCE_SHEET', lang, { file: basename(grid.file), sheet: form.name }) : basename(grid.file);

  const paths = new Map<string, Draft>();
  const ruleTexts = new Map<string, string>();
  let leaves = 0;
  const nodeOf = (d: Draft, path: string): Record<string, unknown> => {
    paths.set(path, d);
    const out: Record<string, unknown> = { code: d.code, name: d.name ?? d.code };
    if (d.max !== undefined) out.maxPoints = d.max;
    if (d.informational) out.informational = true;
    if (d.evidenceRequired) out.evidenceRequired = true;
    if (d.children.length === 0) {
      if (!d.informational) {
        out.rule = { type: 'manual' };
        leaves++;
        if (d.ruleText) ruleTexts.set(path, d.ruleText);
      }
    } else {
      out.children = d.children.map((c, i) => nodeOf(c, `${path}.children[${i}]`));
    }
    return out;
  };
  const indicators = roots.map((d, i) => nodeOf(d, `indicators[${i}]`));
  const framework = {
    id,
    name: options.name ?? title ?? id,
    version: meta.get('framework_version') || t('IMPORT_VERSION', lang, { file: basename(grid.file) }),
    year: year ?? thisYear,
    provenance: t('IMPORT_PROVENANCE', lang, { source }),
    ...(totalMax !== undefined ? { maxPoints: totalMax.value } : {}),
    groups: [{ id: options.group ?? DEFAULT_GROUP, name: groupName }],
    indicators,
  } as FrameworkInput;
  if (leaves > 0) issues.push(issue('I_IMPORT_RULES_MANUAL', loc(form, h.row, h.rule ?? h.name), { count: leaves }));

  // YAML, with the workbook's rule texts as comments above the rules.
  const doc = new Document(framework);
  doc.commentBefore = ' ' + t('IMPORT_YAML_HEADER', lang, { source }).split('\n').join('\n ');
  for (const [path, text] of ruleTexts) {
    const node = doc.getIn(pathKeys(path), true);
    if (!isMap(node)) continue;
    const pair = (node as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'rule');
    if (!pair || !isScalar(pair.key)) continue;
    const lines = [t('IMPORT_YAML_RULE_TEXT', lang), ...text.split(/\r?\n/).map((l) => '  ' + cleanText(l)).filter((l) => l.trim() !== '')];
    pair.key.commentBefore = lines.map((l) => ' ' + l).join('\n');
    if (isMap(pair.value)) pair.value.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0 });

  // The loader's verdict, each finding moved to the cell it comes from.
  const out = options.out ?? `${id}.yaml`;
  const parsed = parseFramework(yaml, 'yaml', out, lang);
  const nodePaths = [...paths.keys()].sort((a, b) => b.length - a.length);
  for (const found of parsed.issues) {
    const path = found.location.path ?? '';
    const owner = nodePaths.find((p) => path === p || path.startsWith(p + '.'));
    const d = owner === undefined ? undefined : paths.get(owner);
    if (d && found.code === 'E_FW_NO_MAX' && d.maxInvalid) continue; // said already, at the cell
    const onMax = /\.maxPoints/.test(path.slice(owner?.length ?? 0)) || (owner === undefined && path === 'maxPoints');
    const row = d?.row ?? (path === 'maxPoints' ? totalMax?.row : undefined);
    issues.push({ ...found, location: { ...(row !== undefined ? loc(form, row, onMax ? h.max : h.code) : loc(form)), ...(path ? { path } : {}) } });
  }
  return { framework, yaml, ...(parsed.ok ? { model: parsed.model } : {}), issues };
}

/** "indicators[2].children[0]" → ['indicators', 2, 'children', 0]. */
function pathKeys(path: string): (string | number)[] {
  return path.split('.').flatMap((part) => {
    const m = /^(\w+)\[(\d+)\]$/.exec(part);
    return m ? [m[1]!, Number(m[2])] : [part];
  });
}

// ---------------------------------------------------------------------------------------------
// The header row.

function findHeader(sheet: GridSheet): Header | undefined {
  let best: Header | undefined;
  let bestScore = 0;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); r++) {
    const roles = new Map<ColumnRole, number>();
    let rule: number | undefined;
    for (const cell of sheet.rows[r - 1] ?? []) {
      if (!cell) continue;
      const key = headerKey(cellText(cell));
      if (key === '') continue;
      if (rule === undefined && RULE_HEADERS.some((w) => key === w || key.startsWith(w + ' '))) {
        rule = cell.column;
        continue;
      }
      const role = columnRole(cellText(cell));
      if (role && !roles.has(role)) roles.set(role, cell.column);
    }
    const code = roles.get('indicator') ?? roles.get('number');
    const name = roles.get('name');
    const max = roles.get('maxPoints');
    if (code === undefined || name === undefined || max === undefined) continue;
    const score = roles.size + (rule === undefined ? 0 : 1);
    if (score > bestScore) {
      bestScore = score;
      best = { row: r, code, byNumbering: !roles.has('indicator'), name, max, rule };
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Codes and numbering.

type Resolved = { code: string; parent?: string; renamedFrom?: string } | { error: true };

/**
 * Numbering as official forms write it, row by row: a Roman numeral is a main indicator
 * (II → 2); a bare number is a main indicator, or a sub-indicator of the last Roman one
 * (I, 1, 2 → 1.1, 1.2); a dotted number is a code as it stands (1.1, 6.2.a); a letter is a
 * criterion of the nearest numbered row above (1.2, a → 1.2.a). "đ" becomes "dd": codes take no accents.
 */
class Numbering {
  private roman = false;
  private main: string | undefined;
  private last: string | undefined;

  resolve(raw: string): Resolved {
    const n = stripTrailing(cleanText(raw), '.)').replace(/\s+/g, '');
    if (/^[IVXL]+$/.test(n)) {
      const code = String(romanValue(n));
      this.roman = true;
      this.main = this.last = code;
      return { code };
    }
    if (/^\d+$/.test(n)) {
      if (this.roman && this.main !== undefined) {
        const code = `${this.main}.${n}`;
        this.last = code;
        return { code, parent: this.main };
      }
      this.main = this.last = n;
      return { code: n };
    }
    if (/^[a-zđ]$/i.test(n)) {
      if (this.last === undefined) return { error: true };
      const base = this.last.replace(/\.[a-z]+$/i, '');
      const letter = n.toLowerCase() === 'đ' ? 'dd' : n.toLowerCase();
      return { code: `${base}.${letter}`, parent: base, ...(letter !== n.toLowerCase() ? { renamedFrom: raw } : {}) };
    }
    const code = normaliseCode(n);
    if (/^\d+(\.\d+)*$/.test(code)) this.last = code;
    return { code };
  }
}


/**
 * The parent a code belongs under: the one numbering named, else the code less its last dotted
 * part (6.2.a → 6.2), else less a trailing letter (1.1a → 1.1, when 1.1 exists). A dotted
 * parent that has no row is added (with its own parent, as far up as needed).
 */
function parentOf(code: string, named: string | undefined, byCode: Map<string, Draft>, roots: Draft[], row: number): Draft | undefined {
  let parentCode = named;
  if (parentCode === undefined) {
    const dot = code.lastIndexOf('.');
    if (dot > 0) parentCode = code.slice(0, dot);
    else {
      const m = /^(.*\d)[a-z]$/i.exec(code);
      if (m && byCode.has(m[1]!)) parentCode = m[1]!;
    }
  }
  if (parentCode === undefined || parentCode === '') return undefined;
  const existing = byCode.get(parentCode);
  if (existing) return existing;
  const added: Draft = {
    code: parentCode,
    name: undefined,
    max: undefined,
    maxInvalid: false,
    informational: false,
    evidenceRequired: false,
    ruleText: undefined,
    row,
    added: true,
    children: [],
  };
  byCode.set(parentCode, added);
  const grand = parentOf(parentCode, undefined, byCode, roots, row);
  (grand ? grand.children : roots).push(added);
  return added;
}

// ---------------------------------------------------------------------------------------------
// The framework's own details.

/** The hidden _dti sheet of a dti template: key → value. */
function metaValues(grid: Grid): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = grid.sheets.find((s) => s.name === TEMPLATE_SHEETS.meta);
  for (const cells of sheet?.rows ?? []) {
    const key = cellText(cells?.[0]);
    if (key !== '' && !out.has(key)) out.set(key, cellText(cells?.[1]));
  }
  return out;
}

/** The workbook's title: the longest text above the header that is neither a label ("Nhóm:") nor a caption in brackets. */
function titleOf(sheet: GridSheet, headerRow: number): string | undefined {
  let best: string | undefined;
  for (let r = 1; r < headerRow; r++) {
    for (const cell of sheet.rows[r - 1] ?? []) {
      const text = cellText(cell);
      if (text.length < 10 || text.includes(':') || /^\(.*\)$/.test(text)) continue;
      if (best === undefined || text.length > best.length) best = text;
    }
  }
  return best;
}

function yearOf(text: string | undefined): number | undefined {
  const m = /^\s*(\d{4})\s*$/.exec(text ?? '');
  const y = m ? Number(m[1]) : NaN;
  return y >= 2000 && y <= 2100 ? y : undefined;
}

/** A file name as a framework id: "Phụ lục I (2023).xlsx" → "phu-luc-i-2023". */
function slug(name: string): string {
  const s = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ID_PATTERN.test(s) ? s : 'imported';
}

function cellAt(sheet: GridSheet, row: number, column: number): GridCell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

function cellText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null) return '';
  return cleanText(String(cell.value));
}

/** A cell's text with its line breaks (rule texts are several lines). */
function rawText(cell: GridCell | undefined): string {
  if (cell === undefined || cell.value === null) return '';
  return String(cell.value).normalize('NFC').trim();
}
