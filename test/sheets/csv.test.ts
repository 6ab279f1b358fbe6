import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/core/grid.js';
import { issueSchema } from '../../src/core/issues.js';
import { hasMessage, t } from '../../src/i18n/catalog.js';
import { readCsv } from '../../src/sheets/csv.js';

const FILE = 'don-vi.csv';

const read = (input: string | Uint8Array) => readCsv(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, FILE);

/** The cell values, row by row. */
function values(input: string | Uint8Array): CellValue[][] {
  const r = read(input);
  expect(r.grid, JSON.stringify(r.issues)).toBeDefined();
  return r.grid!.sheets[0]!.rows.map((row) => row.map((c) => c?.value ?? null));
}

/** The line each row starts on. */
function lines(input: string | Uint8Array): number[] {
  return read(input).grid!.sheets[0]!.rows.map((row) => row[0]!.row);
}

const codes = (input: string | Uint8Array) => read(input).issues.map((i) => i.code);

describe('readCsv: delimiters', () => {
  it('splits on commas', () => {
    expect(values('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('splits on semicolons', () => {
    expect(values('a;b;c\n1;2;3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('splits on tabs', () => {
    expect(values('a\tb\tc\n1\t2\t3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('picks semicolons over the decimal commas inside the values', () => {
    expect(values('Mã;Giá trị;Tỷ lệ\nA;65,8;12,5\nB;70;3,25\n')).toEqual([
      ['Mã', 'Giá trị', 'Tỷ lệ'],
      ['A', '65,8', '12,5'],
      ['B', '70', '3,25'],
    ]);
  });

  it('ignores commas inside quoted fields when choosing the delimiter', () => {
    expect(values('a;b\n"x, y, z";1\n"p, q";2\n')).toEqual([
      ['a', 'b'],
      ['x, y, z', '1'],
      ['p, q', '2'],
    ]);
  });

  it('prefers the delimiter that leaves no quote inside an unquoted field', () => {
    expect(values('a;"1,5"\n')).toEqual([['a', '1,5']]);
    expect(values('"1,5"\t"2,5"\n')).toEqual([['1,5', '2,5']]);
  });

  it('finds the delimiter below a title row that has none', () => {
    expect(values('BÁO CÁO CHUYỂN ĐỔI SỐ 2023\nMã;Giá trị\nA;1\nB;2\n')).toEqual([
      ['BÁO CÁO CHUYỂN ĐỔI SỐ 2023'],
      ['Mã', 'Giá trị'],
      ['A', '1'],
      ['B', '2'],
    ]);
  });

  it('reads a file of one column', () => {
    expect(values('name\nNguyễn Văn A\nTrần Thị B\n')).toEqual([['name'], ['Nguyễn Văn A'], ['Trần Thị B']]);
  });

  it('follows the "sep=" line Excel writes and does not keep it as data', () => {
    const r = read('sep=;\na;b\n1,5;2\n');
    expect(r.grid!.sheets[0]!.rows.map((row) => row.map((c) => c?.value))).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    expect(r.grid!.sheets[0]!.rows[0]![0]!.row).toBe(2);
  });
});

describe('readCsv: records, lines and cells', () => {
  it('keeps delimiters and line breaks inside quoted fields', () => {
    expect(values('a,b\n"x, ""y""\nz",2\n')).toEqual([
      ['a', 'b'],
      ['x, "y"\nz', '2'],
    ]);
  });

  it('numbers each row by the physical line its record starts on', () => {
    expect(lines('a,b\n"one\ntwo\nthree",1\nc,2\n')).toEqual([1, 2, 5]);
  });

  it('counts CRLF line breaks inside quoted fields once', () => {
    expect(lines('a,b\r\n"one\r\ntwo",1\r\nc,2\r\n')).toEqual([1, 2, 4]);
  });

  it('skips empty lines but keeps counting them', () => {
    expect(lines('\n\na,b\n\n\n1,2\n')).toEqual([3, 6]);
  });

  it('reads mixed CRLF, LF and CR line endings as line breaks', () => {
    expect(values('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
    expect(lines('a,b\r\n1,2\n3,4\r5,6')).toEqual([1, 2, 3, 4]);
  });

  it('gives each cell its 1-based field number as column', () => {
    const row = read('a,b,c\n').grid!.sheets[0]!.rows[0]!;
    expect(row.map((c) => c!.column)).toEqual([1, 2, 3]);
  });

  it('keeps every value as text: numbers, dates and TRUE are not converted', () => {
    const cells = values('65,8;1e3;TRUE;2023-12-31;0012\n').flat();
    expect(cells).toEqual(['65,8', '1e3', 'TRUE', '2023-12-31', '0012']);
    for (const c of cells) expect(typeof c).toBe('string');
  });

  it('makes empty cells null, quoted or not', () => {
    expect(values('a,,c,"",d\n')).toEqual([['a', null, 'c', null, 'd']]);
  });

  it('counts trailing empty fields but keeps no cell for them (the row is sparse there)', () => {
    const row = readCsv(Buffer.from('a,,c,""' + ','.repeat(16_384) + '\n'), 'x.csv').grid!.sheets[0]!.rows[0]!;
    expect(row).toHaveLength(4_096); // 4 + 16,384 fields, counted up to 4,096
    expect(row.slice(0, 3).map((c) => c?.value)).toEqual(['a', null, 'c']);
    expect(row.slice(3).every((c) => c === undefined)).toBe(true);
  });

  it('trims spaces and non-breaking spaces around a cell and keeps those inside', () => {
    expect(values('a;b\n  Sở Y tế \u00a0; \u00a065,8\u00a0\n')).toEqual([
      ['a', 'b'],
      ['Sở Y tế', '65,8'],
    ]);
  });

  it('keeps ragged rows as they are', () => {
    expect(values('a,b,c\n1,2\n1,2,3,4\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(values('a,b\nQuyết định 12 "về DTI",2\n')).toEqual([
      ['a', 'b'],
      ['Quyết định 12 "về DTI"', '2'],
    ]);
  });

  it('yields one sheet named "" of kind csv for the given file', () => {
    const grid = read('a\n').grid!;
    expect(grid.kind).toBe('csv');
    expect(grid.file).toBe(FILE);
    expect(grid.sheets.map((s) => s.name)).toEqual(['']);
  });

  it('hashes the bytes as given with SHA-256', () => {
    const bytes = Buffer.from('\uFEFFa;b\r\n1;2\r\n', 'utf8');
    expect(readCsv(bytes, FILE).grid!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('readCsv: encodings', () => {
  const VI = 'Mã đơn vị,Điểm tự đánh giá\nSở Tư pháp,"Ứng dụng, dịch vụ số"\n';
  const VI_ROWS = [
    ['Mã đơn vị', 'Điểm tự đánh giá'],
    ['Sở Tư pháp', 'Ứng dụng, dịch vụ số'],
  ];

  it('reads UTF-8 without a BOM, silently', () => {
    expect(values(VI)).toEqual(VI_ROWS);
    expect(codes(VI)).toEqual([]);
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const input = Buffer.from('\uFEFF' + VI, 'utf8');
    expect(values(input)).toEqual(VI_ROWS);
    expect(codes(input)).toEqual([]);
  });

  it('reads UTF-16 LE with a BOM', () => {
    const input = iconv.encode(VI, 'utf16le', { addBOM: true });
    expect(values(input)).toEqual(VI_ROWS);
    expect(codes(input)).toEqual([]);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const input = iconv.encode(VI, 'utf16be', { addBOM: true });
    expect(values(input)).toEqual(VI_ROWS);
    expect(codes(input)).toEqual([]);
  });

  it('recognises UTF-16 LE without a BOM by its NUL bytes and says so', () => {
    const input = iconv.encode(VI, 'utf16le');
    expect(values(input)).toEqual(VI_ROWS);
    expect(read(input).issues).toEqual([{ severity: 'info', code: 'I_CSV_ENCODING', location: { file: FILE }, params: { encoding: 'utf-16le' } }]);
  });

  it('recognises UTF-16 BE without a BOM by its NUL bytes', () => {
    const input = iconv.encode(VI, 'utf16be');
    expect(values(input)).toEqual(VI_ROWS);
    expect(read(input).issues[0]!.params).toEqual({ encoding: 'utf-16be' });
  });

  it('reads bytes that are not UTF-8 as Windows-1258 and reports the encoding', () => {
    // Windows-1258 writes most tone marks as combining characters after the letter.
    const cp1258 = 'Ma\u0303 đơn vi\u0323\tGhi chu\u0301\nSơ\u0309 Tư pha\u0301p\tÂ\u0301p du\u0323ng\n';
    const input = iconv.encode(cp1258, 'windows1258');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(input)).toThrow();
    expect(values(input)).toEqual([
      ['Mã đơn vị', 'Ghi chú'],
      ['Sở Tư pháp', 'Ấp dụng'],
    ]);
    expect(read(input).issues).toEqual([
      { severity: 'info', code: 'I_CSV_ENCODING', location: { file: FILE }, params: { encoding: 'windows-1258' } },
    ]);
  });

  it('turns NFD text into NFC', () => {
    const nfd = VI.normalize('NFD');
    expect(nfd).not.toBe(VI);
    const cells = values(nfd).flat();
    expect(cells).toEqual(VI_ROWS.flat());
    for (const c of cells) expect(String(c).normalize('NFC')).toBe(c);
  });
});

describe('readCsv: problems are issues', () => {
  it('reports an unclosed quote at the line and field where it opens, with no grid', () => {
    const r = read('a,b\n1,2\n3,"Quyết định\n4,5\n6,7\n');
    expect(r.grid).toBeUndefined();
    expect(r.issues).toEqual([{ severity: 'error', code: 'E_CSV_QUOTES', location: { file: FILE, row: 3, column: 2 }, params: {} }]);
  });

  it('removes a byte order mark in the middle of the text and warns at its line', () => {
    const r = read('a,b\n1,2\n\uFEFFa,b\n3,4\n');
    expect(r.grid!.sheets[0]!.rows.map((row) => row.map((c) => c?.value))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['a', 'b'],
      ['3', '4'],
    ]);
    expect(r.issues).toEqual([{ severity: 'warning', code: 'W_CSV_STRAY_BOM', location: { file: FILE, row: 3 }, params: {} }]);
  });

  it('reports an empty file, with no grid', () => {
    const r = read('');
    expect(r.grid).toBeUndefined();
    expect(r.issues).toEqual([{ severity: 'error', code: 'E_CSV_EMPTY', location: { file: FILE }, params: {} }]);
  });

  it('reports a file of blank lines, spaces and empty fields as empty', () => {
    expect(codes('\uFEFF\r\n   \r\n,,\r\n , \u00a0,\r\n')).toEqual(['E_CSV_EMPTY']);
    expect(read('\n\n').grid).toBeUndefined();
  });

  it.each([
    ['a zip package (.xlsx renamed .csv)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'ZIP'],
    ['a PDF', [...Buffer.from('%PDF-1.7\n')], 'PDF'],
    ['an old Excel or encrypted workbook (OLE2)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'OLE2'],
    ['bytes with NULs that are not UTF-16', [0x01, 0x02, 0x00, 0x00, 0x00, 0x7f, 0x00, 0x00, 0xff, 0x00, 0x00, 0x10], 'NUL'],
  ])('refuses %s as binary, with no grid', (_what, bytes, format) => {
    const r = readCsv(Uint8Array.from(bytes), FILE);
    expect(r.grid).toBeUndefined();
    expect(r.issues).toEqual([{ severity: 'error', code: 'E_CSV_BINARY', location: { file: FILE }, params: { format } }]);
  });

  it('never throws on random bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let n = 0; n < 200; n++) {
      const bytes = Uint8Array.from({ length: n * 3 }, next);
      expect(() => readCsv(bytes, FILE)).not.toThrow();
    }
  });

  it('builds issues that fit the issue schema and have messages in both languages', () => {
    const inputs = [
      '',
      'a,"b\n',
      'a\n\uFEFFb\n',
      iconv.encode('Ma\u0303\n', 'windows1258'),
      Uint8Array.from([0x25, 0x50, 0x44, 0x46]),
    ];
    const found = inputs.flatMap((input) => read(input).issues);
    expect(new Set(found.map((i) => i.code))).toEqual(new Set(['E_CSV_EMPTY', 'E_CSV_QUOTES', 'W_CSV_STRAY_BOM', 'I_CSV_ENCODING', 'E_CSV_BINARY']));
    for (const i of found) {
      expect(issueSchema.parse(i)).toEqual(i);
      expect(hasMessage(i.code)).toBe(true);
      for (const lang of ['vi', 'en'] as const) expect(t(i.code, lang, i.params)).not.toMatch(/\{\w+\}/);
    }
    expect(hasMessage('E_CSV_MALFORMED')).toBe(true);
  });
});

describe('readCsv: lines ending in many empty columns', () => {
  const rowsOf = (text: string) => readCsv(Buffer.from(text), 'x.csv').grid!.sheets[0]!.rows;

  it('keeps the field count of every line (up to 4,096), where the run of delimiters was taken off before parsing', () => {
    const rows = rowsOf('a,b,c\n1,2' + ','.repeat(16_384) + '\n' + ',,,,\n4,5,6\n');
    expect(rows.map((r) => r.length)).toEqual([3, 4_096, 5, 3]); // 2 + 16,384 fields, counted up to 4,096
    expect(rows[1]!.slice(0, 2).map((c) => c?.value)).toEqual(['1', '2']);
    expect(rows[3]!.map((c) => c?.row)).toEqual([4, 4, 4]);
  });

  it('leaves a file with quotes to the parser as it is', () => {
    const rows = rowsOf('a,b\n"x,,,",,,\n');
    expect(rows[1]!.length).toBe(4);
    expect(rows[1]![0]!.value).toBe('x,,,');
  });
});

describe('readCsv: trailing empty columns after quoted fields', () => {
  it('counts them on the line the record starts on, quoted line breaks and delimiters left alone', () => {
    const rows = readCsv(Buffer.from('a,b,c\n"x\ny,,",2,,,,\n3,"4,,,",,,\n'), 'x.csv').grid!.sheets[0]!.rows;
    expect(rows.map((r) => r.length)).toEqual([3, 6, 5]);
    expect(rows[1]![0]!.value).toBe('x\ny,,');
    expect(rows[2]![1]!).toMatchObject({ value: '4,,,', row: 4 });
  });
});
