// Large hostile inputs, generated on the fly (never committed): shared by test/hostile-input.test.ts
// and scripts/hostile-bench.mjs. Deterministic: no clock, no randomness.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const enc = new TextEncoder();

/**
 * A raw deflate stream that inflates to `size` zero bytes (size ≥ 1): one fixed-Huffman block
 * of a literal 0 and then copies of 258 bytes at distance 1, about 1/1000 of what it inflates to.
 * Written bit by bit because no compressor is fast enough to make a gigabyte of zeros in a test.
 */
export function deflateZeros(size) {
  // 13 bits a copy, up to 257 literals of 8 bits at the end, and the header and end of block.
  const out = new Uint8Array(Math.ceil((size / 258) * 13 / 8) + 300);
  let pos = 0;
  let bit = 0;
  const bits = (value, count) => {
    // LSB first, as deflate packs its header bits and extra bits.
    for (let i = 0; i < count; i++) {
      if ((value >> i) & 1) out[pos] |= 1 << bit;
      if (++bit === 8) (bit = 0), pos++;
    }
  };
  const code = (value, count) => {
    // Huffman codes go most significant bit first.
    for (let i = count - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  bits(1, 1); // final block
  bits(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = size - 1;
  while (left >= 258) {
    code(0xc5, 8); // length symbol 285: 258 bytes
    code(0, 5); // distance symbol 0: distance 1
    left -= 258;
  }
  while (left > 0) {
    code(0x30, 8);
    left--;
  }
  code(0, 7); // end of block
  return out.subarray(0, pos + 1);
}

/**
 * A zip from entries { name, data, method?, size?, crc? }: data is stored as given (method 0),
 * or is already raw deflate (method 8); size and crc are what the directory declares (by default
 * the truth for stored data).
 */
export function zipOf(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const size = e.size ?? e.data.length;
    const crc = e.crc ?? (method === 0 ? crc32(e.data) >>> 0 : 0);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The fixed parts of a one-sheet workbook whose sheet is xl/worksheets/sheet1.xml, named `sheetName`. */
export function workbookParts(sheetName = 'Sheet1') {
  return [
    { name: '[Content_Types].xml', data: enc.encode('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    {
      name: '_rels/.rels',
      data: enc.encode(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    },
    { name: 'xl/workbook.xml', data: enc.encode(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: enc.encode(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
  ];
}

/** A workbook whose sheet declares `declared` bytes but inflates to `size` zero bytes. */
export function bombWorkbook(size, declared = 1000) {
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: deflateZeros(size), method: 8, size: declared, crc: 0 }]);
}

/** A stored one-sheet workbook from rows of cells (strings as inline strings, numbers as numbers). */
export function sheetWorkbook(sheetName, rows) {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const col = (c) => {
    let s = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const xml = rows
    .map((cells, r) => {
      const inner = cells
        .map((v, c) => {
          if (v === null || v === undefined) return '';
          const ref = `${col(c + 1)}${r + 1}`;
          return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${inner}</row>`;
    })
    .join('');
  return zipOf([...workbookParts(sheetName), { name: 'xl/worksheets/sheet1.xml', data: enc.encode(`<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`) }]);
}

/** The sample's CSV header and the lines of one agency (fixtures/khanh-hoa-2023/agencies-long.csv). */
export function sampleAgency(code = 'STP') {
  const [header, ...lines] = readFileSync(join(root, 'fixtures', 'khanh-hoa-2023', 'agencies-long.csv'), 'utf8').trimEnd().split('\n');
  return { header, lines: lines.filter((l) => l.startsWith(code + ',')) };
}

/**
 * A framework as JSON text: `depth` levels, `leaves` leaves per main indicator spread over the
 * levels, and the tiers, points and groups given. The text is built without recursion, so a
 * framework 3,000 levels deep can be written.
 */
export function frameworkText({ depth = 1, mains = 1, tiers = 2, points = 1, id = 'hostile' } = {}) {
  const rule = JSON.stringify({ type: 'tiers', tiers: Array.from({ length: tiers }, (_, i) => ({ min: i + 1, points: Math.round((points * (i + 1)) / tiers) })) });
  const head = JSON.stringify({ id, name: 'Hostile', version: '1', year: 2024, groups: [{ id: 'g', name: 'G' }], indicators: ['@@'] });
  const nodes = [];
  for (let m = 1; m <= mains; m++) {
    let open = '';
    let close = '';
    for (let d = 1; d < depth; d++) {
      open += `{"code":"${m}${'.1'.repeat(d - 1)}","name":"Level ${d}","children":[`;
      close += ']}';
    }
    nodes.push(`${open}{"code":"${m}${'.1'.repeat(depth - 1)}","name":"Leaf","maxPoints":${points},"rule":${rule}}${close}`);
  }
  return head.replace('"@@"', nodes.join(','));
}
