#!/usr/bin/env node
// Writes fixtures/khanh-hoa-2025/: the 2025 year of the sample, after Khánh Hòa's merger with Ninh Thuận
// and the end of the district level, scored on frameworks/khanh-hoa-2025.yaml:
//   csv/submissions-2025.csv   every agency's self-assessment, long layout
//   xlsx/<code>.xlsx           the same, as filled `dti template` forms (formula results cached)
//   agencies.csv               the agency list with its tags (has-public-services, digital-economy-duties)
//   review.csv                 the appraisal council's decisions, one N/A claim rejected
//   units-map.csv              2025 units ← 2024 units: merged departments (communes are new)
//   README.md
// and fixtures/khanh-hoa-2024/results-2024.json, last year's results (dti score of the 2024 sample
// with its review), which the 2025 year is compared with.
//
// Deterministic: one seeded PRNG (scripts/lib/random.mjs), no clock; workbooks get fixed dates.
// Needs the build (npm run build):  node scripts/make-2025-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { seededRandom } from './lib/random.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { loadFramework, readSubmissions, scoreSubmissions } = await import(join(root, 'dist/index.js'));
const { submissionTemplate } = await import(join(root, 'dist/template/write.js'));
const { pinZipEntryTimes } = await import(join(root, 'dist/report/workbook-dates.js'));

const YEAR = 2025;
const SEED = 20250925; // the date of 1299/QĐ-UBND
const OUT = join(root, 'fixtures/khanh-hoa-2025');
const fw = loadFramework('khanh-hoa-2025');
if (!fw.ok) throw new Error('framework khanh-hoa-2025 did not load');
const model = fw.model;

const rand = seededRandom(SEED);
const between = (lo, hi) => lo + (hi - lo) * rand();
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const noise = () => (rand() + rand() + rand() - 1.5) / 1.5;
const lerp = ([lo, hi], s) => lo + (hi - lo) * s;
const trim = (x, places) => x.toFixed(places).replace(/\.?0+$/, '');

// ── The agencies of 2025 ─────────────────────────────────────────────────────────────────────
// Departments after the 2025 merger of departments: code, name, quality, size, tags, 2024 codes.
const PS = 'has-public-services';
const DE = 'digital-economy-duties';
const DEPARTMENTS = [
  ['VPUB', 'Văn phòng UBND tỉnh', 0.9, 1.2, [], ['VPUB', 'SNGV']],
  ['VPDDBQH', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh', 0.7, 0.6, [], []],
  ['SNV', 'Sở Nội vụ', 0.78, 1.6, [PS], ['SNV', 'SLDTBXH']],
  ['STP', 'Sở Tư pháp', 0.85, 1.4, [PS], ['STP']],
  ['STC', 'Sở Tài chính', 0.83, 2.0, [PS, DE], ['STC', 'SKHDT']],
  ['SCT', 'Sở Công Thương', 0.72, 1.4, [PS, DE], ['SCT']],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 0.68, 2.4, [PS, DE], ['SNNPTNT', 'STNMT']],
  ['SXD', 'Sở Xây dựng', 0.74, 2.3, [PS, DE], ['SXD', 'SGTVT']],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 0.97, 1.3, [PS, DE], ['SKHCN', 'STTTT']],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 0.66, 1.3, [PS, DE], ['SVHTT', 'SDL']],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 0.77, 1.9, [PS, DE], ['SGDDT']],
  ['SYT', 'Sở Y tế', 0.73, 2.0, [PS, DE], ['SYT']],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 0.55, 0.6, [PS], ['BDTTG']],
  ['TTT', 'Thanh tra tỉnh', 0.6, 0.6, [], ['TTT']],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế Vân Phong', 0.64, 0.9, [PS], []],
  ['TTPVHCC', 'Trung tâm Phục vụ hành chính công tỉnh', 0.88, 1.1, [PS], []],
  ['BQLDA', 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông và dân dụng', 0.58, 0.8, [], []],
  ['BPTTH', 'Báo và Phát thanh, Truyền hình Khánh Hòa', 0.8, 0.9, [], []],
  ['BQLVNT', 'Ban Quản lý Vịnh Nha Trang', 0.52, 0.5, [], []],
].map(([code, name, q, size, tags, previous]) => ({ code, name, group: 'so-nganh', q, size, tags, previous, kind: 'so' }));

// Central agencies located in the province: assessed, not ranked.
const CENTRAL = [
  ['CAT', 'Công an tỉnh Khánh Hòa', 0.86, 2.5, [PS]],
  ['THUE', 'Thuế tỉnh Khánh Hòa', 0.9, 1.6, [PS]],
  ['KBNN', 'Kho bạc Nhà nước Khu vực XIII', 0.84, 0.9, [PS]],
  ['BHXH', 'Bảo hiểm xã hội tỉnh Khánh Hòa', 0.82, 1.2, [PS]],
  ['NHNN', 'Ngân hàng Nhà nước Chi nhánh Khu vực 10', 0.75, 0.6, []],
  ['TKT', 'Thống kê tỉnh Khánh Hòa', 0.62, 0.5, []],
].map(([code, name, q, size, tags]) => ({ code, name, group: 'co-quan-trung-uong', q, size, tags, previous: [], kind: 'tw' }));

// Communes, wards and the special zone (65 in all: 16 wards, 48 communes, Trường Sa), ranked together.
// [name, quality, population]
const WARDS = [
  ['Nha Trang', 0.92, 118000], ['Bắc Nha Trang', 0.84, 96000], ['Tây Nha Trang', 0.8, 88000], ['Nam Nha Trang', 0.86, 104000],
  ['Bắc Cam Ranh', 0.74, 52000], ['Cam Ranh', 0.79, 61000], ['Cam Linh', 0.7, 47000], ['Ba Ngòi', 0.72, 58000],
  ['Ninh Hòa', 0.76, 64000], ['Đông Ninh Hòa', 0.63, 41000], ['Hòa Thắng', 0.6, 36000], ['Phan Rang', 0.85, 92000],
  ['Đông Hải', 0.71, 43000], ['Ninh Chử', 0.66, 38000], ['Bảo An', 0.78, 55000], ['Đô Vinh', 0.69, 40000],
];
const COMMUNES = [
  ['Nam Cam Ranh', 0.58, 32000], ['Bắc Ninh Hòa', 0.52, 30000], ['Tân Định', 0.55, 27000], ['Nam Ninh Hòa', 0.57, 33000],
  ['Tây Ninh Hòa', 0.45, 21000], ['Hòa Trí', 0.5, 24000], ['Đại Lãnh', 0.49, 18000], ['Tu Bông', 0.53, 26000],
  ['Vạn Thắng', 0.56, 29000], ['Vạn Ninh', 0.64, 35000], ['Vạn Hưng', 0.5, 25000], ['Diên Khánh', 0.7, 42000],
  ['Diên Lạc', 0.58, 28000], ['Diên Điền', 0.6, 31000], ['Diên Lâm', 0.54, 22000], ['Diên Thọ', 0.52, 20000],
  ['Suối Hiệp', 0.61, 30000], ['Cam Lâm', 0.66, 38000], ['Suối Dầu', 0.57, 27000], ['Cam Hiệp', 0.55, 26000],
  ['Cam An', 0.53, 24000], ['Bắc Khánh Vĩnh', 0.38, 9000], ['Trung Khánh Vĩnh', 0.4, 11000], ['Tây Khánh Vĩnh', 0.35, 8000],
  ['Nam Khánh Vĩnh', 0.37, 9500], ['Khánh Vĩnh', 0.48, 15000], ['Khánh Sơn', 0.44, 12000], ['Tây Khánh Sơn', 0.33, 7000],
  ['Đông Khánh Sơn', 0.36, 8000], ['Ninh Phước', 0.6, 36000], ['Phước Hữu', 0.5, 24000], ['Phước Hậu', 0.52, 26000],
  ['Thuận Nam', 0.54, 28000], ['Cà Ná', 0.51, 23000], ['Phước Hà', 0.39, 10000], ['Phước Dinh', 0.47, 19000],
  ['Ninh Hải', 0.62, 37000], ['Xuân Hải', 0.53, 25000], ['Vĩnh Hải', 0.45, 15000], ['Thuận Bắc', 0.5, 22000],
  ['Công Hải', 0.46, 17000], ['Ninh Sơn', 0.58, 30000], ['Lâm Sơn', 0.49, 20000], ['Anh Dũng', 0.44, 16000],
  ['Mỹ Sơn', 0.47, 18000], ['Bác Ái Đông', 0.34, 9000], ['Bác Ái', 0.4, 11000], ['Bác Ái Tây', 0.32, 8000],
];
const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '');
const commune = (prefix, type, [name, q, population]) => ({
  code: `${prefix}-${slug(name)}`,
  name: `UBND ${type} ${name}`,
  group: 'cap-xa',
  q,
  size: Math.max(0.3, Math.log10(population) / 5.2),
  population,
  villages: clamp(Math.round(population / 2200), 4, 40),
  tags: [PS],
  previous: [],
  kind: 'xa',
});
const LOCAL = [
  ...WARDS.map((w) => commune('P', 'phường', w)),
  ...COMMUNES.map((c) => commune('X', 'xã', c)),
  { ...commune('DK', 'đặc khu', ['Trường Sa', 0.42, 400]), villages: 4 },
];
const AGENCIES = [...DEPARTMENTS, ...CENTRAL, ...LOCAL];

// ── What each indicator's data look like ─────────────────────────────────────────────────────
const staff = (ag) => Math.round(ag.kind === 'xa' ? 25 + 20 * ag.size : 30 + 70 * ag.size);
const files = (ag, base) => Math.round(base * ag.size * ag.size) + 20;
const pop = (ag) => ag.population ?? 0;
// Ratios: [share at weakest, share at strongest], denominator.
const RATIO = {
  '1.3': [[0.45, 1], () => int(10, 40)],
  '3.1': [[0.85, 1], staff],
  '3.4': [[0.6, 1], (ag) => ag.villages],
  '4.2': [[0.3, 1], staff],
  '4.3': [[0.3, 1], () => int(3, 9)],
  '4.4': [[0.3, 1], (ag) => ag.villages * 4],
  '4.6': [[0.4, 1], (ag) => ag.villages],
  '5.1': [[0.2, 1], () => int(1, 6)],
  '5.3': [[0.6, 1], (ag) => Math.round(staff(ag) * 1.15)],
  '6.1': [[0.75, 1], (ag) => files(ag, 1800)],
  '6.2': [[0.55, 1], (ag) => files(ag, 4200)],
  '6.3': [[0.3, 1], () => int(25, 160)],
  '6.4': [[0.2, 0.95], (ag) => files(ag, ag.kind === 'xa' ? 6000 : 3000)],
  '6.5': [[0.1, 0.7], (ag) => files(ag, 900)],
  '6.6': [[0.3, 1], (ag) => files(ag, ag.kind === 'xa' ? 6000 : 3000)],
  '6.9': [[0.2, 0.9], (ag) => files(ag, 2500)],
  '6.10': [[0.5, 1], () => int(10, 40)],
  '7.1': [[0.05, 0.6], (ag) => Math.round(pop(ag) / 9) + 5],
  '7.4': [[0.6, 1], (ag) => Math.round(pop(ag) / 70) + 5],
  '7.6': [[0.1, 0.9], () => int(1, 8)],
  '7.7': [[0.4, 1], () => int(4, 12)],
  '8.1': [[0.6, 0.98], (ag) => Math.round(pop(ag) * 0.72)],
  '8.2': [[0.3, 0.9], (ag) => Math.round(pop(ag) * 0.72)],
  '8.3': [[0.3, 0.95], pop],
  '8.4': [[0.3, 1], () => int(2, 14)],
  '8.5': [[0.5, 1], (ag) => Math.round(pop(ag) / 60) + 10],
  '8.6': [[0.4, 0.95], (ag) => Math.round(pop(ag) / 3.8)],
};
// Tiers on a value: [range at weakest … strongest, decimals].
const TIERS = {
  '1.2': [[0.5, 5], 0],
  '2.3': [[0.05, 1.4], 2],
  '5.4': [[0, 3], 0],
  '6.7': [[82, 100], 2],
  '6.8': [[55, 98], 1],
  '7.3': [[10, 95], 1],
};
// Counts: the most items a strong agency reports.
const COUNT = { '1.4': () => 55, '3.3': (ag) => (ag.kind === 'xa' ? 5 : 11), '6.11': () => 6, '7.5': () => 6 };
// Relative: [range at weakest … strongest].
const RELATIVE = {
  '4.5': (ag) => [pop(ag) * 0.05, pop(ag) * 0.4],
  '7.2': () => [0, 14],
  '8.7': (ag) => [pop(ag) * 0.05, pop(ag) * 0.5],
};

/** The inputs of one agency for one leaf, as the long file holds them. */
function inputsFor(ag, leaf) {
  const s = clamp(ag.q + 0.12 * noise(), 0, 1);
  const rule = leaf.node.rule;
  const max = Number(model.maxFor(leaf, ag.group).toString());
  switch (rule.type) {
    case 'boolean':
      return { value: rand() < 0.45 + 0.52 * s ? 'có' : 'không' };
    case 'ratio': {
      const [shares, den] = RATIO[leaf.code] ?? [[0.3, 1], () => 20];
      const b = Math.max(1, den(ag));
      return { numerator: String(clamp(Math.round(lerp(shares, s) * (1 + 0.05 * noise()) * b), 0, b)), denominator: String(b) };
    }
    case 'tiers': {
      const [range, places] = TIERS[leaf.code];
      const spread = (range[1] - range[0]) * 0.08 * noise();
      const v = clamp(lerp(range, s) + spread, rule.basis === 'percent' ? 0 : range[0], rule.basis === 'percent' ? 100 : range[1] + 1);
      return { value: trim(v, places) };
    }
    case 'count':
      return { value: String(Math.max(0, Math.round(COUNT[leaf.code](ag) * s * (1 + 0.25 * noise())))) };
    case 'choice': {
      const options = [...rule.options].sort((x, y) => y.points - x.points);
      return { value: options[s > 0.6 ? 0 : s > 0.35 ? 1 : 2].key };
    }
    case 'relative': {
      const range = RELATIVE[leaf.code](ag);
      return { value: String(Math.max(0, Math.round(lerp(range, s) * (1 + 0.15 * noise())))) };
    }
    case 'manual':
      return { points: trim(clamp(Math.round(max * clamp(s + 0.08 * noise(), 0, 1) * 4) / 4, 0, max), 2) };
    default:
      throw new Error(`no generator for rule ${rule.type} (${leaf.code})`);
  }
}

// ── Bonus and penalty, N/A claims: the cases the sample shows ───────────────────────────────
const BONUS_PENALTY = {
  // 9.1 initiatives recognised (10 each, cap 30); 9.2 national award; 9.3 serious incident (−50); 9.4 late tasks (−5 each, cap 30)
  'SKHCN/9.1': '2',
  'SKHCN/9.2': 'có',
  'SYT/9.1': '1',
  'TTPVHCC/9.1': '1',
  'P-NHATRANG/9.1': '4', // 40 points claimed, capped at 30
  'X-DIENKHANH/9.1': '1',
  'SGDDT/9.3': 'có',
  'X-TUBONG/9.3': 'có',
  'SXD/9.4': '2',
  'P-CAMLINH/9.4': '1',
  'X-BACAITAY/9.4': '8', // 40 points, capped at 30
};
const NOT_APPLICABLE = {
  'SDTTG/6.5': 'Các thủ tục hành chính do Sở giải quyết không thu phí, lệ phí',
  'P-NHATRANG/7.2': 'Phường không có sản phẩm OCOP',
  'P-NHATRANG/7.6': 'Trên địa bàn phường không có hợp tác xã',
  'P-BAOAN/7.6': 'Trên địa bàn phường không có hợp tác xã',
  'DK-TRUONGSA/7.2': 'Đặc khu không có sản phẩm OCOP',
  'DK-TRUONGSA/7.6': 'Trên đặc khu không có hợp tác xã',
  'DK-TRUONGSA/8.4': 'Trường học trên đặc khu không thu học phí',
  'X-CAMHIEP/7.2': 'Xã chưa có sản phẩm OCOP', // rejected by the council (review.csv)
  'P-DONGHAI/8.4': '', // a claim without its explanation: accepted with a warning
};

// ── Evidence ─────────────────────────────────────────────────────────────────────────────────
const DOCS = {
  '1.1': ['Quyết định', 'QĐ', 'kiện toàn Ban chỉ đạo chuyển đổi số'],
  '1.2': ['Thông báo', 'TB', 'kết luận cuộc họp Ban chỉ đạo chuyển đổi số'],
  '1.5': ['Kế hoạch', 'KH', 'hưởng ứng Ngày Chuyển đổi số quốc gia và phong trào "Bình dân học vụ số"'],
  '2.1': ['Kế hoạch', 'KH', `chuyển đổi số năm ${YEAR}`],
  '2.2': ['Quyết định', 'QĐ', 'ban hành Quy chế quản lý, sử dụng hệ thống thông tin và bảo đảm an toàn thông tin'],
  '5.2': ['Báo cáo', 'BC', 'kết quả triển khai mô hình bảo vệ 4 lớp'],
  '9.1': ['Quyết định', 'QĐ', 'công nhận sáng kiến, mô hình chuyển đổi số'],
  '9.2': ['Quyết định', 'QĐ', 'tặng giải thưởng Chuyển đổi số Việt Nam'],
};
const docSuffix = (ag) => (ag.kind === 'xa' ? 'UBND' : ag.code);
function evidenceFor(ag, leaf, inputs) {
  if (!leaf.node.evidenceRequired) return '';
  if (inputs.value === 'không' || inputs.value === 'chua-co' || inputs.value === '0') return '';
  const [kind, abbr, summary] = DOCS[leaf.code] ?? ['Báo cáo', 'BC', `số liệu chỉ số ${leaf.code} năm ${YEAR}`];
  const number = int(12, 980);
  const day = int(1, 28);
  const month = leaf.code === '2.1' ? int(1, 3) : int(1, 12);
  if (rand() < 0.12) return `https://${ag.code.toLowerCase()}.khanhhoa.gov.vn/van-ban/${YEAR}/${abbr.toLowerCase()}-${number}.pdf`;
  return `${kind} số ${number}/${abbr}-${docSuffix(ag)} ngày ${day}/${month}/${YEAR} ${summary}`;
}

// ── Build the rows ───────────────────────────────────────────────────────────────────────────
const rows = [];
for (const ag of AGENCIES) {
  for (const leaf of model.leavesFor(ag.group)) {
    if (!model.tagsAllow(leaf, ag.tags)) continue; // not for this agency: no row, as its form leaves it out
    const key = `${ag.code}/${leaf.code}`;
    let inputs;
    let note = '';
    let evidence = '';
    if (key in NOT_APPLICABLE) {
      inputs = leaf.node.rule.type === 'manual' ? { points: 'Không áp dụng' } : { value: 'Không áp dụng' };
      note = NOT_APPLICABLE[key];
    } else if (leaf.effect !== 'score') {
      const claimed = BONUS_PENALTY[key];
      inputs = { value: claimed ?? (leaf.node.rule.type === 'boolean' ? 'không' : '0') };
      if (claimed) evidence = evidenceFor(ag, leaf, inputs);
      if (claimed && leaf.code === '9.3') note = 'Sự cố mã độc mã hóa dữ liệu, đã báo cáo Sở Khoa học và Công nghệ';
    } else {
      inputs = inputsFor(ag, leaf);
      // A few documents are missing, more often for weaker agencies: explained, as 1299 asks.
      const missing = leaf.node.evidenceRequired && rand() < 0.005 + 0.025 * (1 - ag.q);
      evidence = missing ? '' : evidenceFor(ag, leaf, inputs);
      if (missing && evidenceFor(ag, leaf, inputs) !== '') note = 'Chưa có văn bản, đơn vị đã gửi giải trình';
    }
    rows.push({ ag, leaf, value: inputs.value ?? '', numerator: inputs.numerator ?? '', denominator: inputs.denominator ?? '', points: inputs.points ?? '', evidence, note });
  }
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────
const csvCell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (records) => records.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'csv'), { recursive: true });
mkdirSync(join(OUT, 'xlsx'), { recursive: true });
const write = (name, data) => writeFileSync(join(OUT, name), data);

const LONG_HEADER = ['agency_code', 'agency_name', 'group', 'year', 'indicator', 'value', 'numerator', 'denominator', 'points', 'evidence', 'note'];
write(
  'csv/submissions-2025.csv',
  csv([LONG_HEADER, ...rows.map((r) => [r.ag.code, r.ag.name, r.ag.group, YEAR, r.leaf.code, r.value, r.numerator, r.denominator, r.points, r.evidence, r.note])]),
);
write('agencies.csv', csv([['agency_code', 'agency_name', 'group', 'tags'], ...AGENCIES.map((a) => [a.code, a.name, a.group, a.tags.join('; ')])]));
write('units-map.csv', csv([['current_code', 'previous_code'], ...DEPARTMENTS.flatMap((d) => d.previous.map((p) => [d.code, p]))]));

// The council's decisions: a rejected N/A claim, approved points, a corrected denominator, a penalty found.
const row = (code, indicator) => rows.find((r) => r.ag.code === code && r.leaf.code === indicator);
const ntr64 = row('P-NHATRANG', '6.4');
write(
  'review.csv',
  csv([
    ['Mã đơn vị', 'Mã chỉ số', 'Điểm thẩm định', 'Giá trị điều chỉnh', 'Tử số', 'Mẫu số', 'Chấp nhận không áp dụng', 'Lý do', 'Người thẩm định'],
    ['X-CAMHIEP', '7.2', '', '', '', '', 'Không chấp nhận', 'Xã có 3 sản phẩm OCOP 3 sao được công nhận năm 2024, phải đưa lên sàn thương mại điện tử', 'Tổ thẩm định số 2'],
    ['SKHCN', '6.11', '', '3', '', '', '', 'Chỉ 3 cơ sở dữ liệu đã được chia sẻ qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh', 'Tổ thẩm định số 1'],
    ['P-NHATRANG', '6.4', '', '', ntr64.numerator, String(Number(ntr64.denominator) + 400), '', 'Mẫu số theo số liệu của Hệ thống thông tin giải quyết thủ tục hành chính tỉnh', 'Tổ thẩm định số 2'],
    ['X-VANTHANG', '9.3', '', 'có', '', '', '', 'Sự cố mã độc ngày 12/8/2025 theo thông báo của Công an tỉnh, đơn vị không tự khai', 'Tổ thẩm định số 2'],
  ]),
);

// Filled forms: the template of the agency's group, its inputs typed in, the formulas' results
// cached as Excel would save them (the rule's points, the sections' sums), so no office suite is needed.
const { submissions } = readSubmissions([join(OUT, 'csv/submissions-2025.csv')], model);
// The agency list's tags decide which onlyFor indicators apply, as --agencies does.
const tagsOf = new Map(AGENCIES.map((a) => [a.code, a.tags]));
const tagged = submissions.map((s) => ({ ...s, agency: { ...s.agency, tags: tagsOf.get(s.agency.code) } }));
const scores = new Map(scoreSubmissions(model, tagged).map((sc) => [sc.agency.code, sc]));
const asCell = (v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
for (const ag of AGENCIES) {
  const bytes = await submissionTemplate(model, { lang: 'vi', group: ag.group, agency: { code: ag.code, name: ag.name }, year: YEAR });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 15));
  const ws = wb.getWorksheet('Tự đánh giá');
  const rowOf = new Map();
  ws.eachRow((r, n) => {
    const code = r.getCell(1).value;
    if (typeof code === 'string' && model.nodes.has(code)) rowOf.set(code, n);
  });
  const leafPoints = new Map(scores.get(ag.code).leaves.map((l) => [l.code, l]));
  const mine = new Map(rows.filter((r) => r.ag === ag).map((r) => [r.leaf.code, r]));
  const cached = new Map(); // code → the number its points cell shows
  for (const [code, n] of rowOf) {
    const node = model.nodes.get(code);
    if (!node.isLeaf) continue;
    const r = mine.get(code);
    const cells = ws.getRow(n);
    if (!r) {
      // Not for this agency (tag): inputs left blank, the formula shows "" as Excel saves it.
      if (cells.getCell(8).formula) cells.getCell(8).value = { formula: cells.getCell(8).formula, result: '' };
      continue;
    }
    const manual = node.node.rule.type === 'manual';
    const value = manual ? r.points : r.value;
    if (value !== '') cells.getCell(5).value = asCell(value);
    if (r.numerator !== '') cells.getCell(6).value = Number(r.numerator);
    if (r.denominator !== '') cells.getCell(7).value = Number(r.denominator);
    if (r.evidence) cells.getCell(9).value = r.evidence;
    if (r.note) cells.getCell(10).value = r.note;
    const pointsCell = cells.getCell(8);
    const scored = leafPoints.get(code);
    const points = `${ag.code}/${code}` in NOT_APPLICABLE ? undefined : scored?.points;
    if (pointsCell.formula) {
      const result = points === undefined || Number.isNaN(Number(points)) ? '' : Number(points);
      pointsCell.value = { formula: pointsCell.formula, result };
      if (result !== '') cached.set(code, result);
    }
  }
  // Sections and the total as the sheet's formulas compute them (deepest first): the rows below
  // added, penalty rows taken off (the template's signedSum), or the engine's cross-check flags them.
  const signed = (nodes, effect) =>
    Math.round(nodes.reduce((s, c) => s + (c.effect === 'penalty' && effect !== 'penalty' ? -1 : 1) * (cached.get(c.code) ?? 0), 0) * 100) / 100;
  const sectionCodes = [...rowOf.keys()].filter((c) => !model.nodes.get(c).isLeaf).sort((a, b) => b.split('.').length - a.split('.').length);
  for (const code of sectionCodes) {
    const node = model.nodes.get(code);
    cached.set(code, signed(node.children, node.effect));
    const cell = ws.getRow(rowOf.get(code)).getCell(8);
    if (cell.formula) cell.value = { formula: cell.formula, result: cached.get(code) };
  }
  ws.eachRow((r) => {
    const cell = r.getCell(8);
    if (r.getCell(1).value === null && cell.formula && /^ROUND\(SUM\(/.test(cell.formula)) {
      const mains = [...rowOf.keys()].filter((c) => !c.includes('.')).map((c) => model.nodes.get(c));
      cell.value = { formula: cell.formula, result: signed(mains, 'score') };
    }
  });
  const out = new Uint8Array(await wb.xlsx.writeBuffer());
  write(`xlsx/${ag.code}.xlsx`, pinZipEntryTimes(out));
}

// Last year's results, as the Department keeps them: the 2024 sample scored with its council's review.
execFileSync(
  process.execPath,
  [
    join(root, 'bin/dti.js'),
    'score',
    'fixtures/khanh-hoa-2024/agencies-long.csv',
    '-f',
    'khanh-hoa-agencies',
    '--review',
    'fixtures/khanh-hoa-2024/review.csv',
    '-q',
    // The script's own output of an earlier run: replaced on purpose.
    '--force',
    '-o',
    'fixtures/khanh-hoa-2024/results-2024.json',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);

const count = (kind) => AGENCIES.filter((a) => a.kind === kind).length;
const leafCount = (group) => model.leavesFor(group).filter((l) => l.effect === 'score').length;
write(
  'README.md',
  `# Khánh Hòa 2025: the sample year after the merger

Made-up but realistic self-assessment data for ${AGENCIES.length} agencies of the merged province of Khánh Hòa
(Khánh Hòa and Ninh Thuận since 1 July 2025, without districts), scored on the bundled framework
\`khanh-hoa-2025\`. **The numbers are invented, and the agency, commune and ward names are for
illustration**: they follow the 2025 reorganisation as reported, but check them against the province's
own lists before publishing anything. Generated by \`node scripts/make-2025-fixtures.mjs\` (seeded PRNG,
seed ${SEED}; rerunning gives the same bytes).

Three blocks:
- \`so-nganh\`: ${count('so')} departments and province-level bodies after the 2025 merger of departments
  (${leafCount('so-nganh')} sub-indicators; each is scored out of the indicators that apply to it: 200 points
  fewer without the tag \`has-public-services\`, 30 fewer (indicator 7.7) without \`digital-economy-duties\`);
- \`co-quan-trung-uong\`: ${count('tw')} central agencies located in the province, out of 800 (less without public
  services), assessed but not ranked;
- \`cap-xa\`: ${count('xa')} communes, wards and the special zone Trường Sa, ranked together province-wide
  (${leafCount('cap-xa')} sub-indicators in 8 groups).

Files:
- \`csv/submissions-2025.csv\`: every agency's self-assessment, one row per indicator that applies to it
  (long layout, UTF-8, CRLF). A few indicators are answered "Không áp dụng" with the reason in the note:
  ${Object.keys(NOT_APPLICABLE).join(', ')} (P-DONGHAI gives no reason). Bonus points (9.1, 9.2) and
  penalties (9.3, 9.4): ${Object.entries(BONUS_PENALTY).map(([k, v]) => `${k} = ${v}`).join(', ')}.
- \`xlsx/<code>.xlsx\`: the same data as filled \`dti template\` forms, one per agency; the self-score formulas
  carry the points dti computes as their saved results (no office suite needed). Ranks the same as the CSV.
- \`agencies.csv\`: the agency list with the tags column (\`has-public-services\`, \`digital-economy-duties\`).
- \`review.csv\`: the appraisal council's decisions: the N/A claim of X-CAMHIEP on 7.2 rejected (scored as
  missing), a corrected count for SKHCN 6.11, a corrected denominator for P-NHATRANG 6.4, and a serious
  incident X-VANTHANG had not declared (penalty 9.3).
- \`units-map.csv\`: this year's departments ← last year's (\`fixtures/khanh-hoa-2024/results-2024.json\`):
  merged departments compare with the plain mean of their former departments. Communes and wards are
  new; the 2024 district-level units are not mapped (the level was abolished). Ninh Thuận's 2024 agencies
  are not in the sample; a real map would list them too.
`,
);
console.log(`wrote ${rows.length} rows for ${AGENCIES.length} agencies, ${AGENCIES.length} forms, to ${OUT}`);
