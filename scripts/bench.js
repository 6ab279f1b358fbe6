#!/usr/bin/env node
// Benchmark: N agency workbooks in an official-form layout, scored end to end by `dti score` as an
// analyst runs it (ranking table on stdout, results.json written),
// against a floor that only inflates each file's sheet and shared-strings XML with node:zlib.
// Usage: npm run bench [-- --agencies 3321] [-- --keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { seededRandom } from './lib/random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const agencies = Number(args[args.indexOf('--agencies') + 1] ?? 300) || 300;
const keep = args.includes('--keep');
const FRAMEWORK = 'vn-province-2022';

const { loadFramework } = await import(join(root, 'dist/index.js'));
const fw = loadFramework(FRAMEWORK);
if (!fw.ok) throw new Error('framework did not load');
const model = fw.model;
const group = model.framework.groups[0].id;
const nodes = [...model.nodes.values()].filter((n) => !n.informational && model.applies(n, group));


function inputFor(rule, max, r) {
  switch (rule.type) {
    case 'boolean': return { value: r() < 0.8 ? 'Có' : 'Không' };
    case 'ratio': { const b = 20 + Math.floor(r() * 200); return { num: Math.floor(b * r()), den: b }; }
    case 'tiers': return { value: rule.basis === 'percent' ? `${(r() * 100).toFixed(1).replace('.', ',')}%` : Math.floor(r() * 6) };
    case 'count': return { value: Math.floor(r() * 8) };
    case 'choice': return { value: rule.options[Math.floor(r() * rule.options.length)].label.vi };
    case 'relative': return { value: Math.floor(r() * 1000) };
    default: return { value: Math.round(r() * max * 100) / 100 };
  }
}

async function makeWorkbook(i, file) {
  const r = seededRandom(i + 1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC I']);
  ws.addRow(['BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ']);
  ws.addRow([`Tên đơn vị: Đơn vị số ${i + 1}`]);
  ws.addRow([`Mã đơn vị: DV${String(i + 1).padStart(4, '0')}`]);
  ws.addRow(['Năm đánh giá: 2024']);
  ws.addRow(['STT', 'Tên chỉ số', 'Điểm tối đa', 'Kết quả tự đánh giá', null, null, 'Tài liệu kiểm chứng']);
  ws.addRow([null, null, null, 'Giá trị', 'Tử số', 'Mẫu số', null]);
  ws.mergeCells('A6:A7');
  ws.mergeCells('B6:B7');
  ws.mergeCells('C6:C7');
  ws.mergeCells('D6:F6');
  ws.mergeCells('G6:G7');
  for (const n of nodes) {
    const max = Number(model.maxFor(n, group).toString());
    if (!n.isLeaf) { ws.addRow([n.code, n.node.name.vi, max]); continue; }
    const inp = inputFor(n.node.rule, max, r);
    ws.addRow([n.code, n.node.name.vi, max, inp.value ?? null, inp.num ?? null, inp.den ?? null, `Văn bản số ${i}/${n.code}`]);
  }
  await wb.xlsx.writeFile(file);
}

/** The floor: inflate only the sheet and shared-strings parts, found through the zip's central directory. */
function inflateFloor(files) {
  let bytes = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    let eocd = buf.length - 22;
    while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    let p = buf.readUInt32LE(eocd + 16);
    const count = buf.readUInt16LE(eocd + 10);
    for (let k = 0; k < count; k++) {
      const method = buf.readUInt16LE(p + 10);
      const csize = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extra = buf.readUInt16LE(p + 30);
      const comment = buf.readUInt16LE(p + 32);
      const local = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + csize);
        bytes += (method === 8 ? inflateRawSync(data) : data).length;
      }
      p += 46 + nameLen + extra + comment;
    }
  }
  return bytes;
}

const dir = mkdtempSync(join(tmpdir(), 'dti-bench-'));
try {
  process.stderr.write(`generating ${agencies} workbooks (${nodes.length} indicator rows each) in ${dir}\n`);
  for (let i = 0; i < agencies; i++) await makeWorkbook(i, join(dir, `agency-${String(i).padStart(4, '0')}.xlsx`));
  const files = readdirSync(dir).map((f) => join(dir, f));
  const totalBytes = files.reduce((n, f) => n + readFileSync(f).length, 0);

  const floorStart = process.hrtime.bigint();
  const inflated = inflateFloor(files);
  const floorMs = Number(process.hrtime.bigint() - floorStart) / 1e6;

  // End to end: a fresh process, as a user runs it, reporting its own peak RSS.
  const runner = `import('${join(root, 'dist/cli/main.js')}').then(async (m) => {
    const code = await m.run(['node', 'dti', 'score', '${dir}', '-f', '${FRAMEWORK}', '-q', '-o', '${join(dir, 'results.json')}']);
    process.stderr.write(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n');
  })`;
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', runner], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report = JSON.parse(child.stderr.trim().split('\n').pop());
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));

  const line = (k, v) => console.log(`${k.padEnd(28)} ${v}`);
  line('workbooks', `${files.length} (${(totalBytes / 1e6).toFixed(1)} MB; ${(inflated / 1e6).toFixed(1)} MB of sheet XML)`);
  line('agencies scored', `${results.summary.agencies} (exit ${report.code}, ${results.summary.errors} errors)`);
  line('dti score, end to end', `${(ms / 1000).toFixed(2)} s, ${(files.length / (ms / 1000)).toFixed(1)} files/s`);
  line('peak memory (RSS)', `${(report.maxRssKb / 1024).toFixed(0)} MB`);
  line('floor: inflate XML only', `${(floorMs / 1000).toFixed(2)} s, ${(files.length / (floorMs / 1000)).toFixed(1)} files/s`);
  line('ratio to the floor', `${(ms / floorMs).toFixed(1)}x`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
