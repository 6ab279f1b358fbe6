#!/usr/bin/env node
// The second year of the sample, for the yearly process (rank, review, previous year, merges):
//   fixtures/khanh-hoa-2024/agencies-long.csv   2024 submissions derived from 2023 with seeded changes
//   fixtures/khanh-hoa-2024/units-map.csv       this year's code ← last year's codes (a merger)
//   fixtures/khanh-hoa-2024/review.csv          the appraisal council's decisions
//   fixtures/khanh-hoa-2023/results-2023.json   last year's published results (dti score --out)
// Changes from 2023: SVHTT renamed (same code), BDT's code became BDTTG (same name: matched by name),
// SNGV is new, BQLKKT is gone, NHO and VNI merged into NHVN. Needs the build (npm run build).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { seededRandom } from './lib/random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'fixtures/khanh-hoa-2023/agencies-long.csv');
const out = join(root, 'fixtures/khanh-hoa-2024');
const { loadFramework } = await import(join(root, 'dist/index.js'));
const fw = loadFramework('khanh-hoa-agencies');
if (!fw.ok) throw new Error('framework did not load');
const model = fw.model;

const r = seededRandom(2024);
const rows = parse(readFileSync(src), { columns: true });

/** Last year's inputs, moved a little: most agencies improve, some slip. */
function nudge(row) {
  const rule = model.nodes.get(row.indicator).node.rule;
  const max = Number(model.maxFor(model.nodes.get(row.indicator), row.group).toString());
  const next = { ...row, year: '2024' };
  const step = r() < 0.7 ? 1 : -1;
  switch (rule.type) {
    case 'ratio':
      if (row.numerator !== '' && row.denominator !== '') {
        const den = Number(row.denominator);
        next.numerator = String(Math.max(0, Math.min(den, Number(row.numerator) + step * Math.round(den * 0.05 * r()))));
      }
      break;
    case 'tiers':
    case 'count':
      if (row.value !== '' && /^\d+$/.test(row.value)) next.value = String(Math.max(0, Number(row.value) + (r() < 0.3 ? step : 0)));
      break;
    case 'boolean':
      if (r() < 0.1) next.value = row.value === 'có' ? 'không' : 'có';
      break;
    case 'relative':
      if (row.value !== '') next.value = String(Math.round(Number(row.value) * (1 + step * 0.1 * r())));
      break;
    case 'manual':
      if (row.points !== '') next.points = String(Math.max(0, Math.min(max, Math.round((Number(row.points) + step * r() * 2) * 100) / 100)));
      break;
  }
  return next;
}

const byAgency = new Map();
for (const row of rows) byAgency.set(row.agency_code, [...(byAgency.get(row.agency_code) ?? []), row]);
const next = [];
for (const [code, list] of byAgency) {
  if (code === 'BQLKKT' || code === 'VNI') continue; // gone; VNI merges into NHVN below
  for (const row of list) {
    const n = nudge(row);
    if (code === 'SVHTT') n.agency_name = 'Sở Văn hóa, Thể thao và Du lịch';
    if (code === 'BDT') n.agency_code = 'BDTTG';
    if (code === 'NHO') Object.assign(n, { agency_code: 'NHVN', agency_name: 'UBND thị xã Ninh Hòa - Vạn Ninh' });
    next.push(n);
  }
}
// A new department, with the inputs of an average one.
for (const row of byAgency.get('SKHDT')) next.push({ ...nudge(row), agency_code: 'SNGV', agency_name: 'Sở Ngoại vụ' });

const header = Object.keys(rows[0]);
const csvCell = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
writeFileSync(join(out, 'agencies-long.csv'), [header.join(','), ...next.map((row) => header.map((h) => csvCell(row[h] ?? '')).join(','))].join('\n') + '\n');
writeFileSync(join(out, 'units-map.csv'), 'current_code,previous_code\nNHVN,NHO\nNHVN,VNI\n');

// The council's decisions: approved points for a claim without minutes, a corrected denominator, a confirmed manual score.
const find = (code, indicator) => next.find((x) => x.agency_code === code && x.indicator === indicator);
const ratioLeaf = [...model.nodes.values()].find((n) => n.isLeaf && n.node.rule?.type === 'ratio' && model.applies(n, 'so-nganh') && find('STP', n.code)?.denominator);
const manualLeaf = [...model.nodes.values()].find((n) => n.isLeaf && n.node.rule?.type === 'manual' && model.applies(n, 'cap-huyen'));
const tiersLeaf = [...model.nodes.values()].find((n) => n.isLeaf && n.node.rule?.type === 'tiers' && model.applies(n, 'so-nganh'));
const stpRatio = find('STP', ratioLeaf.code);
const review = [
  'Mã đơn vị,Mã chỉ số,Điểm thẩm định,Tử số,Mẫu số,Lý do,Người thẩm định',
  `SYT,${tiersLeaf.code},5,,,"Chỉ có 1 biên bản họp Ban chỉ đạo kèm theo, các cuộc họp khác không có tài liệu kiểm chứng",Tổ thẩm định số 1`,
  `STP,${ratioLeaf.code},,${stpRatio.numerator},${Number(stpRatio.denominator) + 10},"Mẫu số theo số liệu của Văn phòng UBND tỉnh, không phải số liệu tự báo cáo",Tổ thẩm định số 1`,
  `NTR,${manualLeaf.code},${Math.max(0, Number(find('NTR', manualLeaf.code)?.points || 0) - 2)},,,Điểm giảm do sản phẩm chưa đưa vào vận hành,Tổ thẩm định số 2`,
];
writeFileSync(join(out, 'review.csv'), review.join('\n') + '\n');

// Last year's published results, as the Department keeps them.
execFileSync(process.execPath, [join(root, 'bin/dti.js'), 'score', 'fixtures/khanh-hoa-2023/agencies-long.csv', '-f', 'khanh-hoa-agencies', '-q', '-o', 'fixtures/khanh-hoa-2023/results-2023.json'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
console.log(`wrote ${next.length} rows for ${new Set(next.map((x) => x.agency_code)).size} agencies`);
