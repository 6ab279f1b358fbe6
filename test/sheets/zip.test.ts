import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateZeros, workbookParts, zipOf } from '../../scripts/lib/hostile-inputs.mjs';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { ZipArchive } from '../../src/sheets/xlsx/zip.js';

/** The zip container read with bounded work (src/sheets/xlsx/zip.ts): what each lie in it gets. */

const SHEET = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>7</v></c></row></sheetData></worksheet>';
const sheetBytes = new TextEncoder().encode(SHEET);
const codeOf = (bytes: Uint8Array) => readXlsx(bytes, 'x.xlsx').issues.map((i) => i.code);

describe('the zip reader', () => {
  it('reads a sheet stored or deflated, its size and CRC-32 checked', () => {
    const stored = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetBytes }]);
    expect(readXlsx(stored, 'x.xlsx').grid!.sheets[0]!.rows[0]![0]!.value).toBe(7);
    const deflated = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(sheetBytes), method: 8, size: sheetBytes.length, crc: crc32(sheetBytes) >>> 0 }]);
    expect(readXlsx(deflated, 'x.xlsx').grid!.sheets[0]!.rows[0]![0]!.value).toBe(7);
  });

  it('refuses an entry that inflates short of its declared size', () => {
    const bytes = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: deflateZeros(10), method: 8, size: 1000, crc: 0 }]);
    expect(codeOf(bytes)).toEqual(['E_ZIP_SIZE_MISMATCH']);
  });

  it('refuses a compression method it does not know, naming the part', () => {
    const bytes = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetBytes, method: 12 }]);
    expect(readXlsx(bytes, 'x.xlsx').issues[0]).toMatchObject({ code: 'E_ZIP_METHOD', params: { part: 'xl/worksheets/sheet1.xml', method: 12 } });
  });

  it('refuses data that is no deflate stream', () => {
    const bytes = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, size: 10, crc: 0 }]);
    expect(codeOf(bytes)).toEqual(['E_ZIP_INFLATE']);
  });

  it('refuses an entry whose data would lie past the directory', () => {
    const bytes = zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetBytes }]);
    // The last entry's compressed size, in the central directory, made larger than the file.
    const at = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(10_000_000, at + 20);
    expect(codeOf(bytes)).toEqual(['E_ZIP_ENTRY_OUTSIDE']);
  });

  it('lists entries by part name, case ignored, as OPC names them', () => {
    const zip = ZipArchive.open(zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheetBytes }]), 'x.xlsx');
    expect(zip.get('/XL/Worksheets/Sheet1.xml')?.name).toBe('xl/worksheets/sheet1.xml');
  });
});
