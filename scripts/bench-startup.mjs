#!/usr/bin/env node
// Start-up benchmark (issue 13): the wall time of short commands, as a user runs them (whole
// processes), median of N runs each, with `node -e 0` as the reference line; with GNU time
// (/usr/bin/time) also the CPU time (user + system, every thread), which a machine busy with other
// work inflates far less than the wall time. Uses the built dist/ (run `npm run build` first).
// Figures only: nothing here fails on a slow machine.
// Usage: npm run bench:startup -- [--runs 5] [--batch DIR]
//   --batch DIR   also times `dti score DIR -f vn-province-2022` (e.g. a folder of bench workbooks,
//                 see scripts/bench.js --keep) and prints the time per file
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Math.max(1, Number(opt('--runs', 5)) || 5);
const batch = opt('--batch');
const dti = join(root, 'bin/dti.js');
const out = mkdtempSync(join(tmpdir(), 'dti-bench-startup-'));

const lines = [
  ['node -e 0', ['-e', '0']],
  ['dti --version', [dti, '--version']],
  ['dti --help', [dti, '--help']],
  ['dti score (29 samples, -o .json)', [dti, 'score', join(root, 'fixtures/khanh-hoa-2023/xlsx'), '-f', 'khanh-hoa-agencies', '-q', '-o', join(out, 'x.json'), '--force']],
];
if (batch) lines.push([`dti score ${batch}`, [dti, 'score', batch, '-f', 'vn-province-2022', '-q', '-o', join(out, 'y.json'), '--force']]);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const GNU_TIME = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%U %S', 'true']).status === 0;

/** One whole run: wall milliseconds, and CPU milliseconds when GNU time is there (NaN otherwise). */
function time(argv) {
  const command = GNU_TIME ? ['/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...argv]] : [process.execPath, argv];
  const start = process.hrtime.bigint();
  const r = spawnSync(command[0], command[1], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

try {
  const rows = [];
  // Runs are interleaved (one of each line per round), so a burst of load elsewhere touches every line alike.
  const times = lines.map(() => []);
  for (let i = 0; i < runs; i++) lines.forEach(([, argv], j) => times[j].push(time(argv)));
  lines.forEach(([name], j) => rows.push([name, median(times[j].map((t) => t.ms)), Math.min(...times[j].map((t) => t.ms)), median(times[j].map((t) => t.cpu))]));
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`${'command'.padEnd(width)}  median ms  min ms  median cpu ms   (${runs} runs, node ${process.version})`);
  for (const [name, med, min, cpu] of rows) {
    console.log(`${name.padEnd(width)}  ${med.toFixed(0).padStart(9)}  ${min.toFixed(0).padStart(6)}  ${(Number.isNaN(cpu) ? '-' : cpu.toFixed(0)).padStart(13)}`);
  }
  if (batch) {
    const files = readdirSync(batch).filter((f) => /\.xlsx$/i.test(f)).length;
    const [, med] = rows.at(-1);
    console.log(`${files} workbooks: ${(med / Math.max(1, files)).toFixed(2)} ms per file, start-up included`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
