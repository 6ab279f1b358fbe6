#!/usr/bin/env node
// Time and peak memory of the analyses at national scale: `dti report`, `dti sensitivity` and
// `dti card` on results of 300, 3,321 and 10,000 agencies (one group), each a whole process as
// a user runs it; then the same work inside one process (analysis and report without the reading
// of results.json), on a document of N agencies made from the largest readable results.
//
//   node scripts/bench-report.mjs [--sizes 300,3321,10000] [--pool /tmp/perf-pool] [--work DIR] [--bin bin/dti.js] [--timeout 600] [--whole-only] [--json out.json]
//
// results-N.json are made once in --work with `dti score` on links to the pool's first N
// workbooks (the pool is only read). Figures are printed, not asserted: a benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const TIMEOUT = Number(opt('timeout', '600'));

if (opt('child')) await child(Number(opt('child')), opt('from'));
else await main();

async function main() {
  const sizes = opt('sizes', '300,3321,10000').split(',').map(Number);
  const pool = opt('pool', '/tmp/perf-pool');
  const work = resolve(opt('work', join(tmpdir(), 'dti-bench-report')));
  const bin = resolve(root, opt('bin', 'bin/dti.js'));
  mkdirSync(work, { recursive: true });
  const rows = [];
  let largest;
  for (const n of sizes) {
    const results = join(work, `results-${n}.json`);
    if (!existsSync(results)) makeResults(pool, work, n, results);
    const first = firstAgency(results);
    // A file past 512 MB cannot be one JavaScript string, so dti cannot read it (ERR_STRING_TOO_LONG).
    if (first && statSync(results).size < 2 ** 29) largest = { n, results };
    const out = join(work, `report-${n}.html`);
    rows.push({ n, run: 'dti report', ...measure([bin, 'report', results, '-o', out, '--force', '-q']) });
    rows.push({ n, run: 'dti sensitivity', ...measure([bin, 'sensitivity', results, '--format', 'json']) });
    rows.push({ n, run: 'dti card', ...measure([bin, 'card', first ?? 'X', '--in', results, '-o', join(work, `card-${n}.html`), '--force', '-q']) });
  }
  const inProcess = [];
  if (largest && !args.includes('--whole-only')) {
    for (const n of sizes) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n), '--from', largest.results], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
      try {
        inProcess.push(JSON.parse(r.stdout.trim().split('\n').pop()));
      } catch {
        inProcess.push({ n, error: (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ') });
      }
    }
  }

  const pad = (s, w) => String(s).padStart(w);
  console.log(`whole processes (${bin}):`);
  console.log(`${'agencies'.padEnd(9)} ${'run'.padEnd(16)} ${pad('wall s', 8)} ${pad('cpu s', 8)} ${pad('peak MB', 8)} ${pad('exit', 5)}  note`);
  for (const r of rows) console.log(`${String(r.n).padEnd(9)} ${r.run.padEnd(16)} ${pad(r.wallS.toFixed(2), 8)} ${pad(r.cpuS.toFixed(2), 8)} ${pad(r.peakMb.toFixed(0), 8)} ${pad(r.exit, 5)}  ${r.note}`);
  if (inProcess.length > 0) {
    console.log(`\nin one process, CPU seconds, on a document of N agencies made from ${largest.results} (reading it not counted; peak includes holding it):`);
    console.log(`${'agencies'.padEnd(9)} ${pad('sens s', 8)} ${pad('cards s', 8)} ${pad('report s', 9)} ${pad('report MB', 10)} ${pad('peak MB', 8)}`);
    for (const r of inProcess) {
      if (r.error) console.log(`${String(r.n).padEnd(9)} failed: ${r.error}`);
      else console.log(`${String(r.n).padEnd(9)} ${pad(r.sensitivityS.toFixed(2), 8)} ${pad(r.cardsS.toFixed(2), 8)} ${pad(r.reportS.toFixed(2), 9)} ${pad(r.reportMb.toFixed(0), 10)} ${pad(r.peakMb.toFixed(0), 8)}`);
    }
  }
  const json = opt('json');
  if (json) writeFileSync(json, JSON.stringify({ whole: rows, inProcess }, null, 2) + '\n');
}

/** results-N.json from `dti score` on a folder of links to the pool's first N workbooks. */
function makeResults(pool, work, n, results) {
  const dir = join(work, `in-${n}`);
  if (!existsSync(dir)) {
    mkdirSync(dir);
    const names = readdirSync(pool).filter((f) => f.endsWith('.xlsx')).sort().slice(0, n);
    if (names.length < n) throw new Error(`${pool} holds ${names.length} workbooks, fewer than ${n}`);
    for (const f of names) symlinkSync(join(pool, f), join(dir, f));
  }
  process.stderr.write(`scoring ${n} workbooks into ${results}\n`);
  spawnSync(process.execPath, [join(root, 'bin/dti.js'), 'score', dir, '-f', 'vn-province-2022', '-q', '-o', results, '--force'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The first agency's code, read from the file's head (the whole file may be too long for one string). */
function firstAgency(results) {
  const fd = openSync(results, 'r');
  try {
    // The inputs list (a line per workbook) comes before the groups.
    const head = Buffer.alloc(16 << 20);
    const read = readSync(fd, head, 0, head.length, 0);
    return /"agencies":\s*\[\s*\{\s*"code":\s*"([^"]+)"/.exec(head.subarray(0, read).toString('utf8'))?.[1];
  } finally {
    closeSync(fd);
  }
}

/** A child process under /usr/bin/time -v: wall time and its peak resident memory. */
function measure(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', 'timeout', String(TIMEOUT), process.execPath, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  // CPU time as well: on a shared machine the wall time says as much about the neighbours.
  const cpuS = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]);
  const note = r.status === 124 ? `stopped after ${TIMEOUT} s` : r.status === 0 ? '' : (r.stderr.split('\n').find((l) => /lỗi|error/i.test(l)) ?? '').trim().slice(0, 100);
  return { wallS, cpuS, peakMb: kb / 1024, exit: r.status, note };
}

/** In one process: the analyses and the report of an N-agency document, timed phase by phase. */
async function child(n, from) {
  const lib = await import(join(root, 'dist/index.js'));
  const { resultsSchema } = await import(join(root, 'dist/results/schema.js'));
  const { reportChunks } = await import(join(root, 'dist/report/html/report.js'));
  const base = resultsSchema.parse(JSON.parse(readFileSync(from, 'utf8')));
  const doc = scaled(base, n);
  // CPU seconds of this process (user + system): less at the mercy of a loaded machine than the wall clock.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const t0 = cpu();
  lib.sensitivity(doc, { runs: 1000, seed: 1, spread: 0.2 });
  const t1 = cpu();
  for (const a of doc.groups[0].agencies) lib.agencyCard(doc, a.code);
  const t2 = cpu();
  let bytes = 0;
  for (const chunk of await reportChunks(doc, { lang: 'vi' })) bytes += Buffer.byteLength(chunk);
  const t3 = cpu();
  console.log(JSON.stringify({ n, sensitivityS: t1 - t0, cardsS: t2 - t1, reportS: t3 - t2, reportMb: bytes / 2 ** 20, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

/**
 * A document of n agencies in the first group: the given agencies repeated (sharing their leaves,
 * so memory stays that of the source) under new codes, the k-th copy with k steps of the points
 * precision less on its first main indicator (so copies do not all tie), ranked again by points.
 */
function scaled(doc, n) {
  const g = doc.groups[0];
  const source = g.agencies;
  const step = 10 ** -doc.framework.precision.points;
  const less = (x, k) => Number((x - k * step).toFixed(doc.framework.precision.points));
  const agencies = Array.from({ length: n }, (_, i) => {
    const a = source[i % source.length];
    const k = Math.floor(i / source.length);
    if (k === 0) return a;
    const [first, ...rest] = a.indicators;
    const indicators = first && first.points >= k * step ? [{ ...first, points: less(first.points, k) }, ...rest] : a.indicators;
    const points = indicators === a.indicators ? a.points : less(a.points, k);
    return { ...a, code: `${a.code}-${k}`, points, index: Number((points / a.maxPoints).toFixed(doc.framework.precision.index)), indicators };
  });
  const key = (a) => a.points / a.maxPoints;
  const sorted = [...agencies].sort((x, y) => key(y) - key(x));
  const rankOf = new Map();
  sorted.forEach((a, i) => rankOf.set(a, i > 0 && key(sorted[i - 1]) === key(a) ? rankOf.get(sorted[i - 1]) : i + 1));
  const ranked = sorted.map((a) => ({ ...a, rank: a.rank === null ? null : rankOf.get(a) }));
  return { ...doc, groups: [{ ...g, agencies: ranked }, ...doc.groups.slice(1)], summary: { ...doc.summary, agencies: n } };
}
