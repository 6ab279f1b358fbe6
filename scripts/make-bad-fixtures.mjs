#!/usr/bin/env node
// Regenerates fixtures/bad/: one small file per kind of bad input a submission can be, each
// otherwise a clean submission of one Khánh Hòa agency (its rows from
// fixtures/khanh-hoa-2023/agencies-long.csv, framework `khanh-hoa-agencies`), so that the one
// problem it demonstrates is the only thing wrong with it. test/bad-input.test.ts reads every
// file and pins the issue each one gets; fixtures/bad/README.md lists them.
//
//   node scripts/make-bad-fixtures.mjs            (writes fixtures/bad/)
//   node scripts/make-bad-fixtures.mjs <folder>   (writes there instead: the tests compare the two)
//
// Deterministic: no clock, no randomness, zip entries dated 1980-01-01 (local noon, so the
// DOS date is the same in every time zone). Files that would be large (a million-row sheet) are
// not made here: the tests generate them in a temporary folder.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { strToU8, unzipSync, zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'fixtures', 'bad');
const source = readFileSync(join(root, 'fixtures', 'khanh-hoa-2023', 'agencies-long.csv'), 'utf8');
const [HEADER, ...ALL_ROWS] = parse(source, { relax_column_count: true });

/** The rows of one agency of the sample, as arrays of 11 texts. */
function rowsOf(code) {
  const rows = ALL_ROWS.filter((r) => r[0] === code);
  if (rows.length === 0) throw new Error(`no agency ${code} in the sample`);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvField(s) {
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvLine(fields, delimiter = ',') {
  return fields.map(csvField).join(delimiter);
}

function csvText(rows, header = HEADER) {
  return [header, ...rows].map((r) => csvLine(r)).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// XLSX from raw XML parts (the approach of test/sheets/xlsx-builder.ts, with inline strings).

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function letters(column) {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One cell's XML. A value is null (no cell), a number, a text (inline string), or an object
 * { xml } holding the inside of <c> with its attributes: { attrs: 't="e"', inner: '<v>#REF!</v>' }.
 */
function cellXml(ref, value) {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'object') return `<c r="${ref}"${value.attrs ? ' ' + value.attrs : ''}>${value.inner ?? ''}</c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function sheetDataXml(rows) {
  return rows
    .map((cells, i) => {
      const r = i + 1;
      const inner = cells.map((v, c) => cellXml(`${letters(c + 1)}${r}`, v)).join('');
      return inner === '' ? '' : `<row r="${r}">${inner}</row>`;
    })
    .join('');
}

function worksheetXml(rows, { merges = [], before = '' } = {}) {
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL_NS}">${before}<sheetData>${sheetDataXml(rows)}</sheetData>${mergeXml}</worksheet>`;
}

/**
 * A workbook package from sheets { name, xml }. `dateStyle` adds a styles part whose style 1 is
 * the built-in date format 14 (m/d/yyyy), for cells written s="1".
 */
function workbook(sheets, { dateStyle = false, level = 9 } = {}) {
  const parts = {};
  const rels = [];
  const entries = [];
  sheets.forEach((sheet, i) => {
    const n = i + 1;
    parts[`xl/worksheets/sheet${n}.xml`] = sheet.xml;
    rels.push(`<Relationship Id="rId${n}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    entries.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  if (dateStyle) {
    parts['xl/styles.xml'] =
      `${DECL}<styleSheet xmlns="${MAIN}"><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>` +
      `<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    rels.push(`<Relationship Id="rIdT" Type="${REL_TYPE}/styles" Target="styles.xml"/>`);
  }
  parts['xl/workbook.xml'] = `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL_NS}"><workbookPr/><sheets>${entries.join('')}</sheets></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `${DECL}<Relationships xmlns="${PKG_RELS}">${rels.join('')}</Relationships>`;
  parts['_rels/.rels'] = `${DECL}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  parts['[Content_Types].xml'] =
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '</Types>';
  return zip(parts, level);
}

/** The parts of a zip, by name. */
function unzipParts(bytes) {
  return unzipSync(bytes);
}

function zip(parts, level = 9) {
  const files = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level, mtime: new Date(1980, 0, 1, 12, 0, 0) });
}

/** The Vietnamese header of an official-looking form, in the order of the sample's columns. */
const VI_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Năm', 'Mã chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Ghi chú'];
/** Rows above the header: a title and an empty row, so the header sits on row 3 and data from row 4. */
const TITLE_ROWS = 2;
const FIRST_DATA_ROW = TITLE_ROWS + 2;

/** A sample row as workbook cells: year and figures as numbers, everything else as text. */
function sheetRow(r) {
  const num = (s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s === '' ? null : s);
  return [r[0], r[1], r[2], Number(r[3]), r[4], num(r[5]), num(r[6]), num(r[7]), num(r[8]), r[9] || null, r[10] || null];
}

/** The sheet rows of an agency's form: title, blank, header, then one row per indicator. */
function formRows(code, header = VI_HEADER) {
  const rows = rowsOf(code);
  return [[`Bảng tự đánh giá chuyển đổi số năm 2023 – ${rows[0][1]}`], [], header, ...rows.map(sheetRow)];
}

/** The sheet row number of an indicator in formRows(code). */
function rowOf(code, indicator) {
  const i = rowsOf(code).findIndex((r) => r[4] === indicator);
  if (i < 0) throw new Error(`${code} has no indicator ${indicator}`);
  return FIRST_DATA_ROW + i;
}

/** Column numbers of the form (1-based), by the sample's column names. */
const COL = Object.fromEntries(HEADER.map((h, i) => [h, i + 1]));

// ---------------------------------------------------------------------------------------------
// OLE compound files (.xls, encrypted .xlsx): a version 3 header, one FAT sector, one
// directory sector. Streams are empty: enough for a reader that looks at the signature and the
// directory's stream names, which is all dti does before refusing such a file.

function compoundFile(entries) {
  const SECTOR = 512;
  const out = new Uint8Array(SECTOR * 3);
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3 (512-byte sectors)
  view.setUint16(28, 0xfffe, true); // byte order: little-endian
  view.setUint16(30, 9, true); // sector shift: 2^9 = 512
  view.setUint16(32, 6, true); // mini sector shift: 2^6 = 64
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // directory starts at sector 1
  view.setUint32(56, 0x1000, true); // mini stream cutoff
  view.setUint32(60, 0xfffffffe, true); // no mini FAT
  view.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(76, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(76 + 4 * i, 0xffffffff, true);
  // Sector 0, the FAT: itself, the one-sector directory chain, then free.
  const fat = SECTOR;
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  for (let i = 2; i < SECTOR / 4; i++) view.setUint32(fat + 4 * i, 0xffffffff, true);
  // Sector 1, the directory: a root storage whose child is the first stream, the streams chained as right siblings.
  const dir = SECTOR * 2;
  entries.forEach(({ name, type }, i) => {
    const at = dir + 128 * i;
    const encoded = Buffer.from(name, 'utf16le');
    out.set(encoded, at);
    view.setUint16(at + 64, encoded.length + 2, true);
    out[at + 66] = type; // 5 root, 1 storage, 2 stream
    out[at + 67] = 1; // black
    view.setUint32(at + 68, 0xffffffff, true); // left sibling
    view.setUint32(at + 72, i > 0 && i + 1 < entries.length ? i + 1 : 0xffffffff, true); // right sibling
    view.setUint32(at + 76, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true); // child
    view.setUint32(at + 116, 0xfffffffe, true); // starting sector: none (empty)
  });
  for (let i = entries.length; i < 4; i++) {
    const at = dir + 128 * i;
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(at + 72, 0xffffffff, true);
    view.setUint32(at + 76, 0xffffffff, true);
  }
  return out;
}

/** Sets the uncompressed size a zip declares for an entry, in its local header and in the central directory. */
function declareSize(bytes, name, size) {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const wanted = Buffer.from(name);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) {
      const n = view.getUint16(i + 26, true);
      if (Buffer.from(out.subarray(i + 30, i + 30 + n)).equals(wanted)) {
        view.setUint32(i + 22, size, true);
        patched++;
      }
    } else if (sig === 0x02014b50) {
      const n = view.getUint16(i + 28, true);
      if (Buffer.from(out.subarray(i + 46, i + 46 + n)).equals(wanted)) {
        view.setUint32(i + 24, size, true);
        patched++;
      }
    }
  }
  if (patched !== 2) throw new Error(`entry ${name} found ${patched} times`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The fixtures.

const files = {};

// --- Files that are not workbooks at all, or not ones dti can open.

files['xlsx-pdf-renamed.xlsx'] = strToU8(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
    'trailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

files['xlsx-text-renamed.xlsx'] = strToU8(csvText(rowsOf('STC').slice(0, 5)));

const stcWorkbook = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('STC')) }]);
files['xlsx-truncated.xlsx'] = stcWorkbook.slice(0, Math.floor(stcWorkbook.length / 2));

files['xls-old-format.xls'] = compoundFile([
  { name: 'Root Entry', type: 5 },
  { name: 'Workbook', type: 2 },
  { name: '\u0005SummaryInformation', type: 2 },
  { name: '\u0005DocumentSummaryInformation', type: 2 },
]);

files['xlsx-password-protected.xlsx'] = compoundFile([
  { name: 'Root Entry', type: 5 },
  { name: 'EncryptionInfo', type: 2 },
  { name: 'EncryptedPackage', type: 2 },
  { name: '\u0006DataSpaces', type: 1 },
]);

files['xlsx-empty-workbook.xlsx'] = workbook([{ name: 'Sheet1', xml: worksheetXml([]) }]);

// A zip bomb that declares its size: the sheet says it inflates to 400 MB (the default budget is
// 300 MB); dti refuses it from the zip directory, before inflating anything.
const sctWorkbook = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('SCT')) }]);
files['xlsx-zip-bomb-declared.xlsx'] = declareSize(sctWorkbook, 'xl/worksheets/sheet1.xml', 400 * 1024 * 1024);

// A zip bomb that tells the truth: 4 MB of sheet XML (the agency's rows after 4 MB of padding in
// a comment) deflated some 1000 times, far beyond what any real sheet does (10 to 20 times).
files['xlsx-zip-bomb-ratio.xlsx'] = workbook([
  { name: 'Tự đánh giá', xml: worksheetXml(formRows('SNV'), { before: `<!--${' '.repeat(4 * 1024 * 1024)}-->` }) },
]);

// --- Zip containers that lie (src/sheets/xlsx/zip.ts checks every count, offset, size and CRC-32).

/** The offset of the end-of-central-directory record (these zips have no comment: the last 22 bytes). */
function eocdOf(bytes) {
  const at = bytes.length - 22;
  if (new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true) !== 0x06054b50) throw new Error('no end record');
  return at;
}

/** The end record's entry counts set to `count` (a 16-bit field: at most 65,535). */
function declareEntries(bytes, count) {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const at = eocdOf(out);
  view.setUint16(at + 8, count, true);
  view.setUint16(at + 10, count, true);
  return out;
}

/**
 * A zip64 end record and its locator put before the end record, as zip64 files have them,
 * declaring `count` entries; `locate` is where the locator says the zip64 record is.
 */
function withZip64(bytes, count, locate) {
  const at = eocdOf(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const cdSize = view.getUint32(at + 12, true);
  const cdOffset = view.getUint32(at + 16, true);
  const record = new Uint8Array(56 + 20);
  const r = new DataView(record.buffer);
  r.setUint32(0, 0x06064b50, true);
  r.setBigUint64(4, 44n, true);
  r.setUint16(12, 45, true);
  r.setUint16(14, 45, true);
  r.setBigUint64(24, BigInt(count), true);
  r.setBigUint64(32, BigInt(count), true);
  r.setBigUint64(40, BigInt(cdSize), true);
  r.setBigUint64(48, BigInt(cdOffset), true);
  r.setUint32(56, 0x07064b50, true);
  r.setBigUint64(56 + 8, BigInt(locate ?? at), true);
  r.setUint32(56 + 16, 1, true);
  const end = bytes.slice(at);
  new DataView(end.buffer).setUint16(8, 0xffff, true);
  new DataView(end.buffer).setUint16(10, 0xffff, true);
  return Buffer.concat([bytes.subarray(0, at), record, end]);
}

const sgtvtWorkbook = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('SGTVT')) }]);

// The end record declares 65,535 entries where the directory holds 5: the directory has no room for them.
files['xlsx-zip-entry-count.xlsx'] = declareEntries(sgtvtWorkbook, 65535);

// A zip64 end record declaring four billion entries (fflate would loop over them all).
files['xlsx-zip64-entry-count.xlsx'] = withZip64(sgtvtWorkbook, 4_000_000_000);

// A zip64 locator that points a terabyte past the end of the file.
files['xlsx-zip64-outside.xlsx'] = withZip64(sgtvtWorkbook, 5, 2 ** 40);

// The sheet declares 1,000 bytes but inflates to more: inflating stops at 1,001 bytes and the file is refused.
files['xlsx-zip-size-lie.xlsx'] = declareSize(sgtvtWorkbook, 'xl/worksheets/sheet1.xml', 1000);

// One flipped bit in a stored (uncompressed) sheet, its first rows only to stay small: the 3 meetings of indicator 1.2 read 2.
// Without the CRC-32 check it would score as 2.
{
  const stored = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('SXD').slice(0, 12)) }], { level: 0 });
  const at = Buffer.from(stored).indexOf('<v>3</v>');
  if (at < 0) throw new Error('no <v>3</v> in the sheet');
  stored[at + 3] ^= 0x01; // '3' (0x33) → '2' (0x32)
  files['xlsx-crc-mismatch.xlsx'] = stored;
}

// Two sheet parts whose names differ only in case: xl/worksheets/sheet1.xml and xl/worksheets/Sheet1.xml.
{
  const parts = {
    ...unzipParts(workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('SYT')) }])),
    'xl/worksheets/Sheet1.xml': strToU8(worksheetXml(formRows('SYT').map((r, i) => (i < FIRST_DATA_ROW - 1 ? r : r.map((v, c) => (c === COL.value - 1 && typeof v === 'number' ? v + 1 : v)))))),
  };
  files['xlsx-part-name-clash.xlsx'] = zip(parts);
}

// --- Workbooks that open, with one problem in their cells.

// Headers no reader could recognise: "Cột 1", "Cột 2", …
files['xlsx-no-header.xlsx'] = workbook([
  {
    name: 'Tự đánh giá',
    xml: worksheetXml(formRows('SLDTBXH', VI_HEADER.map((_, i) => `Cột ${i + 1}`))),
  },
]);

// #DIV/0! cached for a formula in the value of 1.2, #REF! in the numerator of 1.3.
{
  const rows = formRows('SVHTT');
  rows[rowOf('SVHTT', '1.2') - 1][COL.value - 1] = { attrs: 't="e"', inner: '<f>C9/0</f><v>#DIV/0!</v>' };
  rows[rowOf('SVHTT', '1.3') - 1][COL.numerator - 1] = { attrs: 't="e"', inner: '<v>#REF!</v>' };
  files['xlsx-error-values.xlsx'] = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(rows) }]);
}

// The value of 1.6 is a formula the producer never calculated: no cached result.
{
  const rows = formRows('STTTT');
  rows[rowOf('STTTT', '1.6') - 1][COL.value - 1] = { inner: '<f>COUNTA(\'Danh sách\'!B2:B60)</f>' };
  files['xlsx-formula-no-result.xlsx'] = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(rows) }]);
}

// The numerator and denominator cells of 1.3 merged into one (G:H): only G keeps the value.
{
  const rows = formRows('TTT');
  const r = rowOf('TTT', '1.3');
  rows[r - 1][COL.denominator - 1] = null;
  files['xlsx-merged-inputs.xlsx'] = workbook([
    { name: 'Tự đánh giá', xml: worksheetXml(rows, { merges: [`${letters(COL.numerator)}${r}:${letters(COL.denominator)}${r}`] }) },
  ]);
}

// The count of 1.6 typed so that Excel turned it into a date: serial 45000 in a date format, 15/03/2023.
{
  const rows = formRows('CRA');
  rows[rowOf('CRA', '1.6') - 1][COL.value - 1] = { attrs: 's="1"', inner: '<v>45000</v>' };
  files['xlsx-date-in-number.xlsx'] = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(rows) }], { dateStyle: true });
}

// --- CSV files.

files['csv-empty.csv'] = new Uint8Array(0);

// A workbook saved with a .csv name.
files['csv-xlsx-renamed.csv'] = workbook([{ name: 'Tự đánh giá', xml: worksheetXml(formRows('STC')) }]);

// UTF-8 text with two bytes that are UTF-8 nowhere (0x81 0x8D; neither is a character of
// Windows-1258 either) in the note of 1.7: the reader falls back to Windows-1258 for the whole file.
{
  const rows = rowsOf('SCT').map((r) => [...r]);
  const i = rows.findIndex((r) => r[4] === '1.7');
  rows[i][10] = 'Ghi chú @@ lỗi mã hóa';
  const text = Buffer.from(csvText(rows), 'utf8');
  const at = text.indexOf('@@');
  text[at] = 0x81;
  text[at + 1] = 0x8d;
  files['csv-invalid-utf8.csv'] = text;
}

// Comma-separated, but three rows were pasted from a semicolon-separated file.
{
  const rows = rowsOf('SNNPTNT');
  const pasted = new Set(['1.4', '2.3', '3.3']);
  const lines = [csvLine(HEADER), ...rows.map((r) => (pasted.has(r[4]) ? csvLine(r, ';') : csvLine(r)))];
  files['csv-mixed-delimiters.csv'] = strToU8(lines.join('\n') + '\n');
}

// The evidence of the last row opens a quote that never closes.
{
  const rows = rowsOf('SGTVT').map((r) => [...r]);
  const lines = [csvLine(HEADER), ...rows.map((r) => csvLine(r))];
  const last = rows[rows.length - 1];
  lines[lines.length - 1] = csvLine(last.slice(0, 9)) + ',"Báo cáo số 15/BC-SGTVT ngày 2/3/2023,';
  files['csv-unbalanced-quotes.csv'] = strToU8(lines.join('\n') + '\n');
}

// One row stops after its value (6 fields of 11; the five it drops are empty); another has a twelfth field holding text.
{
  const rows = rowsOf('SXD');
  const lines = [csvLine(HEADER), ...rows.map((r) => csvLine(r))];
  const short = rows.findIndex((r) => r[4] === '3.3');
  lines[short + 1] = csvLine(rows[short].slice(0, 6));
  const long = rows.findIndex((r) => r[4] === '1.6');
  lines[long + 1] = csvLine([...rows[long], 'số liệu đến 30/11']);
  files['csv-ragged-rows.csv'] = strToU8(lines.join('\n') + '\n');
}

// Two files joined: the second half starts with its own UTF-8 byte order mark.
{
  const rows = rowsOf('SGDDT');
  const half = Math.floor(rows.length / 2);
  const first = [csvLine(HEADER), ...rows.slice(0, half).map((r) => csvLine(r))].join('\n') + '\n';
  const second = rows.slice(half).map((r) => csvLine(r)).join('\n') + '\n';
  files['csv-stray-bom.csv'] = Buffer.concat([Buffer.from(first, 'utf8'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(second, 'utf8')]);
}

// Two columns both name the value: "value" (column 6) and "Giá trị" (column 12), the second a stale copy.
{
  const rows = rowsOf('SYT').map((r) => [...r, r[4] === '1.2' ? '2' : r[5]]);
  files['csv-duplicate-headers.csv'] = strToU8(csvText(rows, [...HEADER, 'Giá trị']));
}

// Headers that name properties of every JavaScript object: they must be unknown columns, nothing more.
{
  const rows = rowsOf('SKHCN').map((r) => [...r, '{"polluted": true}', 'Object']);
  files['csv-proto-headers.csv'] = strToU8(csvText(rows, [...HEADER, '__proto__', 'constructor']));
}

// A date typed where the count of 1.6 belongs.
{
  const rows = rowsOf('KVI').map((r) => [...r]);
  rows[rows.findIndex((r) => r[4] === '1.6')][5] = '15/03/2023';
  files['csv-date-in-number.csv'] = strToU8(csvText(rows));
}

// ---------------------------------------------------------------------------------------------

mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(outDir)) {
  if (name !== 'README.md') rmSync(join(outDir, name));
}
for (const [name, bytes] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
  writeFileSync(join(outDir, name), bytes);
  console.log(`${String(bytes.length).padStart(7)}  ${relative(process.cwd(), join(outDir, name))}`);
}
