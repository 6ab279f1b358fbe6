// One reader run on one file, in a worker thread of scripts/conformance.mjs (so that a hang can be
// stopped and a crash named). Cells come back typed for the comparison:
// ['n', number], ['s', text], ['b', bool], ['d', ISO date or date-time], ['t', hh:mm:ss], ['e', error code].
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { readXlsx } = await import(workerData.dtiModule);
// SheetJS ships its full API (SSF included) only through the CommonJS entry.
const XLSX = require('xlsx');

parentPort.on('message', ({ id, file, reader }) => {
  const bytes = readFileSync(file);
  const result = reader === 'dti' ? withDti(bytes, file) : withSheetJs(bytes);
  parentPort.postMessage({ id, result });
});

function withDti(bytes, file) {
  const read = readXlsx(bytes, file);
  const issues = read.issues.map((i) => ({ code: i.code, ...(i.params?.detail !== undefined ? { detail: String(i.params.detail) } : {}), ...(i.location?.sheet ? { sheet: i.location.sheet } : {}), ...(i.location?.cell ? { cell: i.location.cell } : {}) }));
  if (!read.grid) return { issues };
  const sheets = read.grid.sheets.map((s) => {
    const cells = [];
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        if (cell.problem?.code === 'E_CELL_ERROR') cells.push([r + 1, c + 1, ['e', cell.problem.detail]]);
        else if (cell.value === null) return;
        else if (typeof cell.value === 'number') cells.push([r + 1, c + 1, ['n', cell.value]]);
        else if (typeof cell.value === 'boolean') cells.push([r + 1, c + 1, ['b', cell.value]]);
        else cells.push([r + 1, c + 1, ['s', cell.value]]);
      });
    });
    return { name: s.name, cells };
  });
  return { issues, sheets };
}

function withSheetJs(bytes) {
  // SheetJS reads any bytes that are not a workbook as CSV or HTML text: that is no witness.
  const zip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
  if (!zip) return { error: 'not a zip package (SheetJS would read its bytes as text)' };
  let wb;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', cellNF: true, cellDates: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    return { error: e instanceof Error ? e.message.slice(0, 200) : String(e) };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] ?? {};
    const cells = [];
    for (const key of Object.keys(ws)) {
      if (key.startsWith('!')) continue;
      const at = XLSX.utils.decode_cell(key);
      const v = typed(ws[key], date1904);
      if (v) cells.push([at.r + 1, at.c + 1, v]);
    }
    return { name, cells };
  });
  return { sheets };
}

function typed(cell, date1904) {
  if (cell.v === undefined || cell.v === null) return undefined;
  switch (cell.t) {
    case 'b':
      return ['b', cell.v];
    case 'e':
      return ['e', cell.w ?? XLSX.SSF.format('General', cell.v)];
    case 's':
      return ['s', String(cell.v)];
    case 'd':
      return ['d', cell.v instanceof Date ? cell.v.toISOString() : String(cell.v)];
    case 'n':
      if (cell.z && typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) {
        // Rounded to the second first, as Excel shows a time (SSF would cut the fraction off).
        const p = XLSX.SSF.parse_date_code(Math.round(cell.v * 86_400) / 86_400, { date1904 });
        if (p) {
          const time = `${pad(p.H)}:${pad(p.M)}:${pad(p.S)}`;
          if (cell.v >= 0 && cell.v < 1) return ['t', time];
          const date = `${String(p.y).padStart(4, '0')}-${pad(p.m)}-${pad(p.d)}`;
          return ['d', p.T === 0 ? date : `${date}T${time}`];
        }
      }
      return ['n', cell.v];
    default:
      return undefined;
  }
}

function pad(n) {
  return String(n).padStart(2, '0');
}
