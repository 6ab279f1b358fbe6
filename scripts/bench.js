#!/usr/bin/env node
// Benchmark (issue 13): N agency workbooks in an official-form layout, against a floor that only
// inflates each file's sheet and shared-strings XML with node:zlib. Every figure is a whole process,
// as a user runs it: the floor, `dti score DIR -q -o results.json` and `dti rank DIR --year … --out`,
// each with wall time, files per second, the child's peak memory and the ratio to the floor.
// Prints a table and writes the figures as JSON (--json-out, default bench-results.json) so that a
// change can be compared with the last.
// Usage: npm run bench -- [--agencies 3321] [--sizes 300,3321] [--threads N] [--curve] [--json-out file] [--keep] [--pool DIR]
//   --curve   runs 300, 3321 and 10000 workbooks and prints peak memory per size
//   --pool    a folder of generated workbooks to reuse (made when missing, kept)
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { seededRandom } from './lib/random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const curve = args.includes('--curve');
const sizes = curve ? [300, 3321, 10000] : opt('--sizes') ? opt('--sizes').split(',').map(Number) : [Number(opt('--agencies', 300)) || 300];
const threads = opt('--threads');
const jsonOut = opt('--json-out', 'bench-results.json');
const keep = args.includes('--keep');
const FRAMEWORK = 'vn-province-2022';
const YEAR = '2024';

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
  ws.addRow([`Mã đơn vị: DV${String(i + 1).padStart(5, '0')}`]);
  ws.addRow([`Năm đánh giá: ${YEAR}`]);
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

const fileName = (i) => `agency-${String(i).padStart(5, '0')}.xlsx`;

/** The pool holds workbooks 0..max-1, made once; a size's folder links the first N of them. */
async function ensurePool(pool, max) {
  mkdirSync(pool, { recursive: true });
  let made = 0;
  for (let i = 0; i < max; i++) {
    const f = join(pool, fileName(i));
    if (existsSync(f)) continue;
    if (made++ === 0) process.stderr.write(`generating workbooks up to ${max} (${nodes.length} indicator rows each) in ${pool}\n`);
    await makeWorkbook(i, f);
  }
}

/** Runs a child process under /usr/bin/time -v when present (its peak RSS), else a wrapper reporting maxRSS. */
const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true']).status === 0;
function measure(argv) {
  const start = process.hrtime.bigint();
  let child, rssKb;
  if (GNU_TIME) {
    child = spawnSync('/usr/bin/time', ['-v', process.execPath, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]);
  } else {
    const wrapper = `const { spawnSync } = require('node:child_process');
      const r = spawnSync(process.execPath, ${JSON.stringify(argv)}, { stdio: ['ignore', 'ignore', 'inherit'] });
      process.stderr.write('\\nmaxRSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = r.status;`;
    child = spawnSync(process.execPath, ['-e', wrapper], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    // The wrapper's own maxRSS includes its waited-for children (RUSAGE_CHILDREN is not separate in Node).
    rssKb = Number(/maxRSS (\d+)/.exec(child.stderr)?.[1]);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, rssMb: rssKb / 1024, code: child.status, stderr: child.stderr };
}

async function benchSize(pool, n) {
  const work = mkdtempSync(join(tmpdir(), `dti-bench-${n}-`));
  const dir = join(work, 'in');
  mkdirSync(dir);
  for (let i = 0; i < n; i++) linkSync(join(pool, fileName(i)), join(dir, fileName(i)));
  const bytes = readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0);
  const threadArgs = threads ? ['--threads', threads] : [];
  const dtiBin = join(root, 'bin/dti.js');
  const floor = measure([join(root, 'scripts/lib/inflate-floor.mjs'), dir]);
  const score = measure([dtiBin, 'score', dir, '-f', FRAMEWORK, '-q', '-o', join(work, 'results.json'), ...threadArgs]);
  const rank = measure([dtiBin, 'rank', dir, '-f', FRAMEWORK, '--year', YEAR, '-q', '--out', join(work, 'rank'), ...threadArgs]);
  const outputs = existsSync(join(work, 'rank')) ? readdirSync(join(work, 'rank')).length : 0;
  if (!keep) rmSync(work, { recursive: true, force: true });
  const row = (name, m) => ({ name, wallS: m.ms / 1000, filesPerS: n / (m.ms / 1000), peakMb: m.rssMb, ratio: m.ms / floor.ms, exit: m.code });
  const failed = [score, rank].find((m) => m.code !== 0 && m.code !== 1);
  if (failed) process.stderr.write(failed.stderr.split('\n').slice(-5).join('\n') + '\n');
  return { agencies: n, megabytes: bytes / 1e6, rankOutputs: outputs, runs: [row('floor (inflate only)', floor), row('dti score', score), row('dti rank', rank)] };
}

const pool = opt('--pool') ?? join(tmpdir(), 'dti-bench-pool');
await ensurePool(pool, Math.max(...sizes));
const pad = (s, w) => String(s).padStart(w);
const save = () => writeFileSync(jsonOut, JSON.stringify({ node: process.version, threads: threads ? Number(threads) : 1, sizes: results }, null, 2) + '\n');
// Each size's rows are printed and saved as soon as it is done: a long curve keeps what it measured.
console.log(`${'workbooks'.padEnd(10)} ${'run'.padEnd(22)} ${pad('wall s', 8)} ${pad('files/s', 9)} ${pad('peak MB', 8)} ${pad('x floor', 8)} ${pad('exit', 5)}`);
const results = [];
for (const n of sizes) {
  const r = await benchSize(pool, n);
  results.push(r);
  for (const x of r.runs) {
    console.log(`${String(r.agencies).padEnd(10)} ${x.name.padEnd(22)} ${pad(x.wallS.toFixed(2), 8)} ${pad(x.filesPerS.toFixed(0), 9)} ${pad(x.peakMb.toFixed(0), 8)} ${pad(x.ratio.toFixed(1), 8)} ${pad(x.exit, 5)}`);
  }
  console.log(`${String(r.agencies).padEnd(10)} (${r.megabytes.toFixed(1)} MB of workbooks; dti rank wrote ${r.rankOutputs} files)`);
  save();
}
if (!opt('--pool') && !keep) rmSync(pool, { recursive: true, force: true });
if (curve) {
  console.log('\npeak memory by size (MB): ' + results.map((r) => `${r.agencies}: score ${r.runs[1].peakMb.toFixed(0)}, rank ${r.runs[2].peakMb.toFixed(0)}`).join('; '));
}
process.stderr.write(`figures written to ${jsonOut}\n`);
