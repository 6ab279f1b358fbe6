import { createHash } from 'node:crypto';
import { cellRef, type Grid, type GridSheet } from '../../core/grid.js';
import { issue, type DtiIssue } from '../../core/issues.js';
import { EXCEL_MAX_TEXT } from './bounds.js';
import { DEFAULT_XLSX_LIMITS, ReadStop, tooLarge, type XlsxLimits } from './limits.js';
import { ENCRYPTION_INFO, OLE_SIGNATURE, Package, partKey, startsWith } from './package.js';
import { parseRels, parseSharedStrings, parseWorkbook, REL_HYPERLINK, REL_OFFICE_DOCUMENT, REL_SHARED_STRINGS, REL_STYLES, REL_WORKSHEET, relsOf, resolveTarget } from './parts.js';
import { parseSheet, type SheetContext } from './sheet.js';
import { parseStyles } from './styles.js';
import { decodeXml } from './xml.js';

/**
 * Reads an .xlsx workbook into a Grid by inflating only the parts it needs (zip.ts, node:zlib) and
 * scanning their XML once. No exceljs here: it is some 55 times slower than inflating the
 * XML, drops a cached formula result of 0 (exceljs#2943) and repeats merged values.
 *
 * Everything is per call (no module state), so a worker thread can run it on its own.
 * Bad input never throws: it comes back as issues and no grid.
 */

export interface XlsxResult {
  grid?: Grid;
  issues: DtiIssue[];
}

export function readXlsx(bytes: Uint8Array, file: string, limits: Partial<XlsxLimits> = {}): XlsxResult {
  const lim: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...definedOnly(limits) };
  try {
    const { grid, warnings } = readWorkbook(bytes, file, lim);
    return { grid, issues: warnings };
  } catch (e) {
    if (e instanceof ReadStop) return { issues: [e.found] };
    // Anything else thrown while reading comes from bytes we could not make sense of.
    return { issues: [issue('E_XLSX_CORRUPT', { file }, { detail: e instanceof Error ? e.message : String(e) })] };
  }
}

function definedOnly(limits: Partial<XlsxLimits>): Partial<XlsxLimits> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(limits)) if (typeof v === 'number') out[k] = v;
  return out as Partial<XlsxLimits>;
}
// ---------------------------------------------------------------------------------------------
// The workbook.
function readWorkbook(bytes: Uint8Array, file: string, lim: XlsxLimits): { grid: Grid; warnings: DtiIssue[] } {
  if (bytes.length > lim.maxFileBytes) throw tooLarge(file, 'maxFileBytes', bytes.length, lim.maxFileBytes);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ENCRYPTION_INFO) >= 0;
    throw new ReadStop(issue(encrypted ? 'E_XLSX_ENCRYPTED' : 'E_XLS_OLD_FORMAT', { file }, {}));
  }
  // Every zip starts with a local file header, or with the end record when it is empty.
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new ReadStop(issue('E_XLSX_NOT_WORKBOOK', { file }, {}));
  }
  const pkg = new Package(bytes, file, lim);
  const corrupt = (detail: string) => new ReadStop(issue('E_XLSX_CORRUPT', { file }, { detail }));

  // The workbook part: where the package's root rels say, else where every producer puts it.
  let workbookPart = 'xl/workbook.xml';
  const rootRels = pkg.read(['_rels/.rels']).get('_rels/.rels');
  if (rootRels) {
    const doc = parseRels(decodeXml(rootRels)).find((r) => REL_OFFICE_DOCUMENT.test(r.type) && !r.external);
    if (doc && pkg.has(resolveTarget('', doc.target))) workbookPart = resolveTarget('', doc.target);
  }
  if (!pkg.has(workbookPart)) throw new ReadStop(issue('E_XLSX_NOT_WORKBOOK', { file }, {}));
  const workbookRelsPart = relsOf(workbookPart);
  const wbParts = pkg.read([workbookPart, workbookRelsPart]);
  const workbook = parseWorkbook(decodeXml(wbParts.get(partKey(workbookPart))!));
  const wbRelsBytes = wbParts.get(partKey(workbookRelsPart));
  const wbRels = wbRelsBytes ? parseRels(decodeXml(wbRelsBytes)) : [];
  const relById = new Map(wbRels.map((r) => [r.id, r]));
  /** A part the workbook rels name by type (or the usual name when they do not); a required part named but absent is damage. */
  const relPart = (pattern: RegExp, fallback: string, required: boolean): string | undefined => {
    const rel = wbRels.find((r) => pattern.test(r.type) && !r.external);
    const part = rel ? resolveTarget(workbookPart, rel.target) : fallback;
    if (pkg.has(part)) return part;
    if (pkg.has(fallback)) return fallback;
    if (rel && required) throw corrupt(`missing part ${part}`);
    return undefined;
  };

  // Which part holds each sheet; chart sheets and dialog sheets hold no cells and are left out.
  const sheets: { name: string; hidden: boolean; part: string }[] = [];
  workbook.sheets.forEach((s, i) => {
    const rel = s.rid === undefined ? undefined : relById.get(s.rid);
    if (rel && (rel.external || !REL_WORKSHEET.test(rel.type))) return;
    const part = rel ? resolveTarget(workbookPart, rel.target) : `xl/worksheets/sheet${i + 1}.xml`;
    if (!pkg.has(part)) throw corrupt(`missing part ${part} for sheet "${s.name}"`);
    sheets.push({ name: s.name, hidden: s.hidden, part });
  });
  if (sheets.length === 0) throw new ReadStop(issue('E_XLSX_EMPTY', { file }, {}));

  const sstPart = relPart(REL_SHARED_STRINGS, 'xl/sharedStrings.xml', true);
  // Without its styles a workbook still has every value (Excel and LibreOffice open it, in General format).
  const stylesPart = relPart(REL_STYLES, 'xl/styles.xml', false);
  // The budget is checked on everything still to inflate before any of it is.
  const rest = [...(sstPart ? [sstPart] : []), ...(stylesPart ? [stylesPart] : []), ...sheets.flatMap((s) => [s.part, relsOf(s.part)])];
  const parts = pkg.read(rest);

  const take = (part: string | undefined): Uint8Array | undefined => {
    if (part === undefined) return undefined;
    const data = parts.get(partKey(part));
    parts.delete(partKey(part)); // let each part go as soon as it is parsed
    return data;
  };
  const sstBytes = take(sstPart);
  const { strings, cut: cutStrings } = sstBytes ? parseSharedStrings(decodeXml(sstBytes), corrupt) : { strings: [], cut: new Map<number, number>() };
  const stylesBytes = take(stylesPart);
  const styleKinds = stylesBytes ? parseStyles(decodeXml(stylesBytes)) : [];

  const ctx: SheetContext = {
    strings,
    styleKinds,
    date1904: workbook.date1904,
    maxRows: lim.maxRows,
    maxCells: lim.maxCells,
    file,
    cells: 0,
    warnings: [],
    cutStrings,
    cutUses: new Map(),
  };
  const gridSheets: GridSheet[] = [];
  let anyCell = false;
  for (const s of sheets) {
    const relsBytes = take(relsOf(s.part));
    const links = new Map<string, string>();
    if (relsBytes) {
      for (const r of parseRels(decodeXml(relsBytes))) if (REL_HYPERLINK.test(r.type)) links.set(r.id, r.target);
    }
    const sheetBytes = take(s.part);
    if (!sheetBytes) throw corrupt(`part ${s.part} is named by two sheets`);
    const parsed = parseSheet(decodeXml(sheetBytes), s.name, links, ctx);
    if (parsed === undefined) throw corrupt(`sheet "${s.name}" (${s.part}) ends before its end tag`);
    if (parsed.rows.length > 0) anyCell = true;
    gridSheets.push({
      name: s.name,
      rows: parsed.rows,
      ...(s.hidden ? { hidden: true } : {}),
      ...(parsed.hiddenRows.size > 0 ? { hiddenRows: parsed.hiddenRows } : {}),
      ...(parsed.merges.length > 0 ? { merges: parsed.merges } : {}),
    });
  }
  if (!anyCell) throw new ReadStop(issue('E_XLSX_EMPTY', { file }, {}));
  const warnings = [...ctx.warnings];
  for (const [index, use] of ctx.cutUses) {
    const at = { file, sheet: use.sheet, row: use.row, column: use.column, cell: cellRef(use.row, use.column) };
    warnings.push(issue('W_XLSX_TEXT_CUT', at, { length: cutStrings.get(index)!, max: EXCEL_MAX_TEXT, cells: use.cells }));
  }
  return { grid: { file, kind: 'xlsx', sheets: gridSheets, sha256: createHash('sha256').update(bytes).digest('hex') }, warnings };
}
