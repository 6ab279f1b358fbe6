#!/usr/bin/env node
// Reads every workbook in a folder with dti's reader and with two independent ones (openpyxl with
// data_only=True, and SheetJS), and lists every file dti refuses, every hang or crash, and every
// cell where dti differs from both references, each with its written reason or as unexplained.
//
//   node scripts/conformance.mjs <folder> [--json] [--timeout <seconds>] [--jobs <n>] [--quiet]
//
// Build first (npm run build): dti is imported from dist/. Exit code 0 when nothing is wrong
// (no file wrongly refused, no hang or crash, no unexplained difference), 1 otherwise, 2 for usage.
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { a1, cellMap, sameValue } from './lib/conformance/compare.mjs';
import { openpyxlStatus, readWithOpenpyxl } from './lib/conformance/openpyxl.mjs';
import { createPool } from './lib/conformance/pool.mjs';
import { differenceReason, refusalReason } from './lib/conformance/reasons.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm)$/i;
/** Messages of JavaScript's own errors: a read that ended in one of these crashed, whatever code it got. */
const JS_ERROR = /Cannot read prop|is not a function|is not defined|is not iterable|Maximum call stack|Invalid array length|Invalid string length|undefined|null/;

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/conformance.mjs <folder> [--json] [--timeout <seconds>] [--jobs <n>] [--quiet]\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { json: false, quiet: false, timeout: 20, jobs: Math.max(1, Math.min(2, availableParallelism())) };
let folder;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--quiet') opts.quiet = true;
  else if (a === '--timeout' || a === '--jobs') {
    const n = Number(args[++i]);
    if (!Number.isInteger(n) || n <= 0) usage(`${a} wants a positive whole number`);
    opts[a.slice(2)] = n;
  } else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else if (folder === undefined) folder = resolve(a);
  else usage(`one folder only (${a})`);
}
if (folder === undefined) usage('which folder?');
try {
  if (!statSync(folder).isDirectory()) usage(`${folder} is not a folder`);
} catch {
  usage(`${folder} does not exist`);
}
const python = openpyxlStatus();
if (!python.ok) {
  process.stderr.write(`openpyxl is not available: ${python.reason}\n`);
  process.exit(2);
}
const dtiModule = pathToFileURL(join(root, 'dist/index.js')).href;
try {
  statSync(join(root, 'dist/index.js'));
} catch {
  usage('dist/index.js is missing: run npm run build first');
}

/** Every workbook under the folder, sorted, as paths. */
function workbooks(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...workbooks(p));
    else if ((e.isFile() || (e.isSymbolicLink() && statSync(p, { throwIfNoEntry: false })?.isFile())) && EXTENSIONS.test(e.name)) out.push(p);
  }
  return out.sort();
}

const files = workbooks(folder);
const started = Date.now();
const pool = createPool({ size: opts.jobs, timeoutMs: opts.timeout * 1000, dtiModule });
const [openpyxl, dti, sheetjs] = await Promise.all([
  readWithOpenpyxl(files, { processes: opts.jobs, timeoutSeconds: opts.timeout }),
  Promise.all(files.map((f) => pool.read(f, 'dti'))),
  Promise.all(files.map((f) => pool.read(f, 'sheetjs'))),
]);
await pool.close();

const summary = {
  files: files.length,
  read: 0,
  refusedRightly: 0,
  empty: 0,
  refusedWrongly: 0,
  hangs: 0,
  crashes: 0,
  readByDtiOnly: 0,
  cellsCompared: 0,
  differing: 0,
  explained: 0,
  unexplained: 0,
  seconds: 0,
};
const reports = [];

files.forEach((path, i) => {
  const file = relative(folder, path);
  const name = basename(path);
  const d = dti[i];
  const o = openpyxl.get(path) ?? { error: 'not read' };
  const s = sheetjs[i].result ?? { error: sheetjs[i].hang ? 'timeout' : sheetjs[i].crash };
  const report = { file, status: 'read', ms: Math.round(d.ms) };
  reports.push(report);
  if (d.hang) {
    summary.hangs++;
    report.status = 'hang';
    return;
  }
  if (d.crash) {
    summary.crashes++;
    report.status = 'crash';
    report.detail = d.crash;
    return;
  }
  const result = d.result;
  const refs = [o.error === undefined ? o : undefined, s.error === undefined ? s : undefined];
  report.references = { openpyxl: o.error ?? 'read', sheetjs: s.error ?? 'read' };
  if (!result.grid && !result.sheets) {
    const first = result.issues[0] ?? { code: '?' };
    report.code = first.code;
    if (first.detail !== undefined) report.detail = first.detail;
    if (first.detail !== undefined && JS_ERROR.test(first.detail)) {
      summary.crashes++;
      report.status = 'crash';
      return;
    }
    const known = refusalReason(name, first.code);
    const refCells = refs.reduce((n, r) => n + (r ? r.sheets.reduce((m, sh) => m + sh.cells.length, 0) : 0), 0);
    let rightly;
    if (known) {
      rightly = known.rightly;
      report.reason = known.rightly ? known.reason : `expected ${known.expected}: ${known.reason}`;
    } else if (refs.every((r) => r === undefined)) {
      rightly = true;
      report.reason = 'neither reference reads it either';
    } else if (first.code === 'E_XLSX_EMPTY' && refCells === 0) {
      report.status = 'empty';
      report.reason = 'no cell holds a value, for the references either';
      summary.empty++;
      return;
    } else rightly = false;
    report.status = rightly ? 'refused rightly' : 'refused wrongly';
    if (rightly) summary.refusedRightly++;
    else summary.refusedWrongly++;
    return;
  }
  summary.read++;
  if (result.issues.length > 0) report.issues = result.issues;
  if (refs.every((r) => r === undefined)) {
    summary.readByDtiOnly++;
    report.status = 'read (by dti only)';
    return;
  }
  // Cell by cell over the union of what the three readers found; a reference that could not read
  // the file is no witness.
  const mine = cellMap(result);
  const theirs = refs.map((r) => (r ? cellMap(r) : undefined));
  const sheetNames = new Set([...mine.keys(), ...theirs.flatMap((m) => (m ? [...m.keys()] : []))]);
  const differences = [];
  for (const sheet of sheetNames) {
    const m = mine.get(sheet) ?? new Map();
    const t = theirs.map((x) => (x ? (x.get(sheet) ?? new Map()) : undefined));
    const keys = new Set([...m.keys(), ...t.flatMap((x) => (x ? [...x.keys()] : []))]);
    for (const key of keys) {
      summary.cellsCompared++;
      const mv = m.get(key);
      if (t.some((x) => x !== undefined && sameValue(mv, x.get(key)))) continue;
      const diff = { file: name, sheet, cell: a1(key), dti: mv ?? null, openpyxl: t[0] ? (t[0].get(key) ?? null) : 'not read', sheetjs: t[1] ? (t[1].get(key) ?? null) : 'not read' };
      const reason = differenceReason(diff);
      summary.differing++;
      if (reason) {
        summary.explained++;
        diff.reason = reason;
      } else summary.unexplained++;
      differences.push(diff);
    }
  }
  if (differences.length > 0) report.differences = differences;
});
summary.seconds = Math.round((Date.now() - started) / 100) / 10;

const ok = summary.refusedWrongly === 0 && summary.hangs === 0 && summary.crashes === 0 && summary.unexplained === 0;
if (opts.json) {
  process.stdout.write(`${JSON.stringify({ summary, openpyxl: python.version, files: reports }, null, 2)}\n`);
} else {
  const show = (v) => (v === null ? '(empty)' : typeof v === 'string' ? v : `${v[0]}:${JSON.stringify(v[1])}`);
  const lines = [];
  for (const r of reports) {
    if (r.status === 'read' && !r.differences) continue;
    if (r.status === 'read (by dti only)' && opts.quiet) continue;
    const head = `${r.status.toUpperCase()}  ${r.file}${r.code ? `  ${r.code}` : ''}${r.detail ? ` (${r.detail})` : ''}${r.reason ? `  — ${r.reason}` : ''}`;
    if (opts.quiet && (r.status === 'refused rightly' || r.status === 'empty')) continue;
    lines.push(head);
    const diffs = r.differences ?? [];
    const shown = opts.quiet ? diffs.filter((x) => !x.reason) : diffs;
    for (const x of shown.slice(0, 20)) {
      lines.push(`    ${x.sheet}!${x.cell}: dti ${show(x.dti)} | openpyxl ${show(x.openpyxl)} | SheetJS ${show(x.sheetjs)}  — ${x.reason ?? 'UNEXPLAINED'}`);
    }
    if (shown.length > 20) lines.push(`    … and ${shown.length - 20} more`);
  }
  lines.push('');
  lines.push(`openpyxl ${python.version}, SheetJS ${(await import('node:module')).createRequire(import.meta.url)('xlsx').version}; ${summary.seconds} s`);
  lines.push(`files ${summary.files}: read ${summary.read} (by dti only ${summary.readByDtiOnly}), empty ${summary.empty}, refused rightly ${summary.refusedRightly}, refused wrongly ${summary.refusedWrongly}, hangs ${summary.hangs}, crashes ${summary.crashes}`);
  lines.push(`cells compared ${summary.cellsCompared}: differing from both references ${summary.differing} (explained ${summary.explained}, unexplained ${summary.unexplained})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
process.exitCode = ok ? 0 : 1;
