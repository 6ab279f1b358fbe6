#!/usr/bin/env node
// Writes the Khánh Hòa 2023 sample as workbooks, from fixtures/khanh-hoa-2023/agencies-long.csv:
//   fixtures/khanh-hoa-2023/xlsx/<code>.xlsx      29 filled `dti template` forms, recalculated by LibreOffice
//   fixtures/khanh-hoa-2023/official-forms/*.xlsx  a handful of agencies in official-form layouts
// Needs the build (npm run build) and, for the recalculation, LibreOffice on PATH.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadFramework, readSubmissions, scoreSubmissions } = await import(join(root, 'dist/index.js'));
const { submissionTemplate } = await import(join(root, 'dist/template/write.js'));

const fw = loadFramework('khanh-hoa-agencies');
if (!fw.ok) throw new Error('framework did not load');
const model = fw.model;
const base = join(root, 'fixtures/khanh-hoa-2023');
const { submissions } = readSubmissions([join(base, 'agencies-long.csv')], model);

const raw = (v) => (v === undefined ? null : v.raw);
/** The sheet's value for an input: numbers typed in CSV become numbers, as an agency types them into Excel. */
const cellValue = (v) => {
  const r = raw(v);
  return typeof r === 'string' && /^-?\d+(\.\d+)?$/.test(r) ? Number(r) : r;
};

async function filledTemplate(s) {
  const bytes = await submissionTemplate(model, {
    lang: 'vi',
    group: s.agency.group,
    agency: { code: s.agency.code, name: s.agency.name },
    year: s.agency.year,
    sourceDateEpoch: 1704067200,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const ws = wb.getWorksheet('Tự đánh giá');
  const rowOf = new Map();
  ws.eachRow((row, n) => {
    const code = row.getCell(1).value;
    if (typeof code === 'string') rowOf.set(code, n);
  });
  for (const e of s.entries) {
    const n = rowOf.get(e.indicator);
    if (n === undefined) throw new Error(`${s.agency.code}: no row for ${e.indicator}`);
    const row = ws.getRow(n);
    const rule = model.nodes.get(e.indicator).node.rule;
    // A manual rule's points go in "Giá trị"; the form's "Điểm tự đánh giá" is a formula.
    const value = rule?.type === 'manual' ? e.points ?? e.value : e.value;
    if (value) row.getCell(5).value = cellValue(value);
    if (e.numerator) row.getCell(6).value = cellValue(e.numerator);
    if (e.denominator) row.getCell(7).value = cellValue(e.denominator);
    if (e.evidence) row.getCell(9).value = e.evidence.text;
    if (e.note) row.getCell(10).value = e.note.text;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** LibreOffice, with a fresh profile that recalculates every formula on load, saves the forms as Excel would. */
function recalculate(files, outDir) {
  const tmp = mkdtempSync(join(tmpdir(), 'dti-lo-'));
  const profile = join(tmp, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  execFileSync('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 600_000,
  });
  rmSync(tmp, { recursive: true, force: true });
}

// 1. The 29 agencies as filled templates.
const tmp = mkdtempSync(join(tmpdir(), 'dti-samples-'));
const inDir = join(tmp, 'in');
mkdirSync(inDir);
for (const s of submissions) writeFileSync(join(inDir, `${s.agency.code}.xlsx`), await filledTemplate(s));
const xlsxDir = join(base, 'xlsx');
rmSync(xlsxDir, { recursive: true, force: true });
mkdirSync(xlsxDir, { recursive: true });
recalculate(readdirSync(inDir).sort().map((f) => join(inDir, f)), xlsxDir);

// 2. A handful of official-form layouts, one agency each, as provinces' own forms look.
const formsDir = join(base, 'official-forms');
rmSync(formsDir, { recursive: true, force: true });
mkdirSync(formsDir, { recursive: true });
// Official forms carry the agency's self-scored points; here they equal what the rules give.
const scores = new Map(scoreSubmissions(model, submissions).map((sc) => [sc.agency.code, sc]));
const pick = (code) => submissions.find((s) => s.agency.code === code) ?? submissions[0];
const leavesOf = (s) => model.leavesFor(s.agency.group);
const entryOf = (s, code) => s.entries.find((e) => e.indicator === code);
const commaDecimal = (x) => (typeof x === 'number' ? String(x).replace('.', ',') : x);

async function officialForm(s, { nfd = false, textNumbers = false, hiddenRow = false }) {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
  const ws = wb.addWorksheet('Phụ lục I');
  const h = (t) => (nfd ? t.normalize('NFD') : t);
  ws.addRow(['Phụ lục I']);
  ws.addRow(['BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2023']);
  ws.addRow([`(Kèm theo Báo cáo của ${s.agency.name})`]);
  ws.addRow([h('Tên đơn vị:'), s.agency.name]);
  ws.addRow([h('Mã đơn vị:'), s.agency.code]);
  ws.addRow([h('Nhóm:'), model.group(s.agency.group).name.vi]);
  ws.addRow([h('Năm đánh giá:'), 2023]);
  ws.addRow([]);
  ws.addRow([h('STT'), h('Chỉ số/Tiêu chí'), h('Điểm tối đa'), h('Kết quả tự đánh giá'), null, null, h('Điểm tự chấm'), h('Tài liệu kiểm chứng'), h('Ghi chú')]);
  ws.addRow([null, null, null, h('Giá trị'), h('Tử số'), h('Mẫu số'), null, null, null]);
  for (const r of ['A9:A10', 'B9:B10', 'C9:C10', 'D9:F9', 'G9:G10', 'H9:H10', 'I9:I10']) ws.mergeCells(r);
  const group = s.agency.group;
  for (const main of model.mainFor(group)) {
    const mainRow = ws.addRow([main.code, main.node.name.vi.toUpperCase(), Number(model.maxFor(main, group).toString())]);
    mainRow.font = { bold: true };
    const first = ws.rowCount + 1;
    let subtotal = 0;
    for (const leaf of leavesOf(s).filter((l) => l.code.split('.')[0] === main.code)) {
      const e = entryOf(s, leaf.code);
      const manual = leaf.node.rule.type === 'manual';
      const value = manual ? cellValue(e?.points) : cellValue(e?.value);
      const num = cellValue(e?.numerator);
      const den = cellValue(e?.denominator);
      const show = (x) => (textNumbers && typeof x === 'number' ? commaDecimal(x) : x);
      const self = Number(scores.get(s.agency.code).leaves.find((l) => l.code === leaf.code).points.toString());
      subtotal += self;
      const row = ws.addRow([leaf.code, leaf.node.name.vi, Number(model.maxFor(leaf, group).toString()), show(value), show(num), show(den), self, e?.evidence?.text ?? null, null]);
      if (hiddenRow && leaf.code.endsWith('.2')) row.hidden = true;
    }
    const last = ws.rowCount;
    // The section's subtotal: a formula with its cached result, as Excel saves it.
    mainRow.getCell(7).value = { formula: `SUM(G${first}:G${last})`, result: Math.round(subtotal * 100) / 100 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const variants = [
  ['STP', 'merged-two-row-header.xlsx', {}],
  ['SYT', 'nfd-headers.xlsx', { nfd: true }],
  ['NTR', 'text-numbers-decimal-comma.xlsx', { textNumbers: true }],
  ['CRA', 'hidden-row.xlsx', { hiddenRow: true }],
];
for (const [code, file, opts] of variants) writeFileSync(join(formsDir, file), await officialForm(pick(code), opts));
// One saved by LibreOffice, as some offices do.
const loIn = join(tmp, 'lo');
mkdirSync(loIn);
writeFileSync(join(loIn, 'libreoffice-saved.xlsx'), await officialForm(pick('SXD'), {}));
recalculate([join(loIn, 'libreoffice-saved.xlsx')], formsDir);
rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${readdirSync(xlsxDir).length} forms to ${xlsxDir} and ${readdirSync(formsDir).length} official forms to ${formsDir}`);
