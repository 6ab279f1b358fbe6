import { strToU8, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';

/**
 * Tiny workbooks for reader tests. `excel` writes one with exceljs, as most producers would;
 * `rawXlsx` zips hand-written XML parts for the shapes exceljs cannot write (inline strings,
 * a cached 0, formulas without a cached value, error cells, cells without r, 1904 dates,
 * absolute part paths, prefixed elements).
 */

export async function excel(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface RawSheet {
  readonly name: string;
  /** The inside of <sheetData>: <row> elements. */
  readonly rows?: string;
  /** XML after </sheetData> (mergeCells, hyperlinks). */
  readonly after?: string;
  /** A whole worksheet part instead of the one built from rows and after. */
  readonly xml?: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The sheet's relationships: hyperlink targets by id. */
  readonly links?: Readonly<Record<string, string>>;
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  /** Shared strings as plain texts (escaped here), or a whole sharedStrings part. */
  readonly sharedStrings?: readonly string[] | { readonly xml: string };
  /** Number format ids of the cellXfs, in order (style index = position), and custom formats. */
  readonly styles?: { readonly cellXfs: readonly number[]; readonly numFmts?: Readonly<Record<number, string>> };
  readonly date1904?: boolean;
  /** Targets written "/xl/worksheets/sheet1.xml" rather than "worksheets/sheet1.xml". */
  readonly absoluteTargets?: boolean;
  /** Parts to add or replace, by name. */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
  /** Parts to leave out, by name. */
  readonly omit?: readonly string[];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheetXml(rows = '', after = ''): string {
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

export function rawXlsx(book: RawWorkbook): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  const at = (p: string) => (book.absoluteTargets ? `/xl/${p}` : p);
  const wbRels: string[] = [];
  const sheetEntries: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const n = i + 1;
    parts[`xl/worksheets/sheet${n}.xml`] = sheet.xml ?? worksheetXml(sheet.rows, sheet.after);
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL_TYPE}/worksheet" Target="${at(`worksheets/sheet${n}.xml`)}"/>`);
    sheetEntries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${n}"/>`);
    if (sheet.links) {
      const rels = Object.entries(sheet.links).map(
        ([id, target]) => `<Relationship Id="${id}" Type="${REL_TYPE}/hyperlink" Target="${escapeXml(target)}" TargetMode="External"/>`,
      );
      parts[`xl/worksheets/_rels/sheet${n}.xml.rels`] = `${DECL}<Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`;
    }
  });
  if (book.sharedStrings) {
    parts['xl/sharedStrings.xml'] =
      'xml' in book.sharedStrings
        ? book.sharedStrings.xml
        : `${DECL}<sst xmlns="${MAIN}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${book.sharedStrings
            .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
            .join('')}</sst>`;
    wbRels.push(`<Relationship Id="rIdS" Type="${REL_TYPE}/sharedStrings" Target="${at('sharedStrings.xml')}"/>`);
  }
  if (book.styles) {
    const fmts = Object.entries(book.styles.numFmts ?? {});
    parts['xl/styles.xml'] =
      `${DECL}<styleSheet xmlns="${MAIN}">` +
      (fmts.length ? `<numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>` : '') +
      `<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
      `<cellXfs count="${book.styles.cellXfs.length}">${book.styles.cellXfs.map((id) => `<xf numFmtId="${id}" xfId="0" applyNumberFormat="1"/>`).join('')}</cellXfs>` +
      `</styleSheet>`;
    wbRels.push(`<Relationship Id="rIdT" Type="${REL_TYPE}/styles" Target="${at('styles.xml')}"/>`);
  }
  parts['xl/workbook.xml'] =
    `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL_NS}">` +
    (book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>') +
    `<sheets>${sheetEntries.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `${DECL}<Relationships xmlns="${PKG_RELS}">${wbRels.join('')}</Relationships>`;
  parts['_rels/.rels'] =
    `${DECL}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>';
  Object.assign(parts, book.parts ?? {});
  for (const name of book.omit ?? []) delete parts[name];
  return zipParts(parts);
}

/** Zips named parts (strings as UTF-8), deflated, with a fixed date so bytes repeat. */
export function zipParts(parts: Readonly<Record<string, string | Uint8Array>>): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(1980, 0, 1)) });
}

/** A one-sheet workbook from the rows of its sheetData. */
export function oneSheet(rows: string, extra: Omit<RawWorkbook, 'sheets'> & { after?: string; links?: Record<string, string> } = {}): Uint8Array {
  const { after, links, ...book } = extra;
  return rawXlsx({ ...book, sheets: [{ name: 'Sheet1', rows, ...(after ? { after } : {}), ...(links ? { links } : {}) }] });
}
