// Writes fixtures/khanh-hoa-2023/: one year (2023) of made-up but realistic self-assessment data
// for the 29 agencies Khánh Hòa assessed in 2023, scored on frameworks/khanh-hoa-agencies.yaml,
// in a long and a wide layout and in four messy variants of the long file.
//
// Deterministic: one seeded PRNG (mulberry32), no clock, no unseeded randomness. Run again and the
// files come out byte for byte the same:  node scripts/make-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { seededRandom } from './lib/random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FRAMEWORK = join(ROOT, 'frameworks', 'khanh-hoa-agencies.yaml');
const OUT = join(ROOT, 'fixtures', 'khanh-hoa-2023');
const YEAR = 2023;
const SEED = 20230724; // the date of 1726/QĐ-UBND, as a number

// ── PRNG ────────────────────────────────────────────────────────────────────────────────────
const rand = seededRandom(SEED);
const between = (lo, hi) => lo + (hi - lo) * rand();
const int = (lo, hi) => Math.floor(between(lo, hi + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
/** Roughly normal noise in [-1, 1]. */
const noise = () => (rand() + rand() + rand() - 1.5) / 1.5;

// ── The framework: leaves in document order, with the groups they apply to ────────────────────
const framework = parseYaml(readFileSync(FRAMEWORK, 'utf8'));
const GROUP_IDS = framework.groups.map((g) => g.id);
const GROUP_NAME = Object.fromEntries(framework.groups.map((g) => [g.id, g.name.vi]));
const leaves = [];
(function walk(nodes, inherited) {
  for (const n of nodes) {
    const groups = (n.groups ?? inherited).filter((g) => inherited.includes(g));
    if (n.children?.length) walk(n.children, groups);
    else if (!n.informational) {
      const maxFor = (g) => n.maxPointsByGroup?.[g] ?? n.maxPoints;
      leaves.push({ code: String(n.code), rule: n.rule, evidenceRequired: n.evidenceRequired === true, groups, maxFor });
    }
  }
})(framework.indicators, GROUP_IDS);

// ── The 29 agencies of 2023 ────────────────────────────────────────────────────────────────
// q: overall quality (0..1) driving every input; size: scale of staff, files and population.
// Document suffix: the abbreviation an agency's documents carry (…/QĐ-STP).
const DEPARTMENTS = [
  ['VPUB', 'Văn phòng UBND tỉnh', 0.92, 1.0, 'VPUBND'],
  ['SNV', 'Sở Nội vụ', 0.8, 0.9, 'SNV'],
  ['STP', 'Sở Tư pháp', 0.86, 1.6, 'STP'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư', 0.83, 2.0, 'SKHĐT'],
  ['STC', 'Sở Tài chính', 0.82, 1.0, 'STC'],
  ['SCT', 'Sở Công Thương', 0.71, 1.4, 'SCT'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 0.65, 1.8, 'SNN'],
  ['SGTVT', 'Sở Giao thông vận tải', 0.74, 2.2, 'SGTVT'],
  ['SXD', 'Sở Xây dựng', 0.74, 2.2, 'SXD'],
  ['STNMT', 'Sở Tài nguyên và Môi trường', 0.69, 2.5, 'STNMT'],
  ['STTTT', 'Sở Thông tin và Truyền thông', 0.97, 1.0, 'STTTT'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 0.61, 1.5, 'SLĐTBXH'],
  ['SVHTT', 'Sở Văn hóa và Thể thao', 0.57, 1.0, 'SVHTT'],
  ['SDL', 'Sở Du lịch', 0.67, 0.8, 'SDL'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 0.79, 0.7, 'SKHCN'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 0.76, 1.8, 'SGDĐT'],
  ['SYT', 'Sở Y tế', 0.7, 2.0, 'SYT'],
  ['TTT', 'Thanh tra tỉnh', 0.5, 0.5, 'TTr'],
  ['BDT', 'Ban Dân tộc', 0.42, 0.4, 'BDT'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế Vân Phong', 0.6, 0.9, 'BQLKKT'],
].map(([code, name, q, size, doc]) => ({ code, name, group: 'so-nganh', q, size, doc }));

// Communes per district are rounded to numbers that keep every ratio an exact percentage
// (the real counts in 2023 were close: Nha Trang 27, Cam Ranh 15, Ninh Hòa 27, Vạn Ninh 13 …).
const DISTRICTS = [
  ['NTR', 'UBND thành phố Nha Trang', 0.9, 25, 420000],
  ['CRA', 'UBND thành phố Cam Ranh', 0.78, 16, 130000],
  ['NHO', 'UBND thị xã Ninh Hòa', 0.71, 25, 250000],
  ['VNI', 'UBND huyện Vạn Ninh', 0.62, 10, 135000],
  ['DKH', 'UBND huyện Diên Khánh', 0.7, 20, 145000],
  ['CLA', 'UBND huyện Cam Lâm', 0.66, 16, 110000],
  ['KVI', 'UBND huyện Khánh Vĩnh', 0.46, 16, 40000],
  ['KSO', 'UBND huyện Khánh Sơn', 0.38, 8, 26000],
  ['TSA', 'UBND huyện Trường Sa', 0.33, 4, 250],
].map(([code, name, q, communes, population]) => ({
  code,
  name,
  group: 'cap-huyen',
  q,
  size: Math.max(0.3, Math.log10(population) / 5.6),
  communes,
  population,
  doc: 'UBND',
}));

const AGENCIES = [...DEPARTMENTS, ...DISTRICTS];
/** The two departments given identical inputs, so that they tie exactly. */
const TIE = { source: 'SGTVT', copy: 'SXD' };

// ── Ratio inputs that stay exact as a percentage with two decimals ──────────────────────────
const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
const SMALL_DENOMINATORS = [1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 80, 100, 125, 200, 250];

/** A denominator near `want` such that some numerators give an exact a/b × 100 with ≤ 2 decimals, finely enough. */
function denominator(want) {
  if (want <= 250) return SMALL_DENOMINATORS.reduce((best, d) => (Math.abs(d - want) < Math.abs(best - want) ? d : best), 1);
  for (let tries = 0; ; tries++) {
    const b = Math.max(251, Math.round(want * (1 + 0.08 * noise())));
    const step = b / gcd(b, 10000);
    if (step <= b / 40 || tries > 200) return b;
  }
}

/** a / b with the share near `share`, a a multiple of the step that keeps a/b × 100 exact. */
function ratio(share, b) {
  const step = b / gcd(b, 10000);
  const a = clamp(Math.round((clamp(share, 0, 1) * b) / step) * step, 0, b);
  return { numerator: a, denominator: b };
}

/** a/b × 100 written with up to 2 decimals ("87.5"); exact by construction. */
function percentText(a, b) {
  const scaled = (a * 10000) / b; // hundredths of a percent
  if (!Number.isInteger(scaled)) throw new Error(`inexact percentage ${a}/${b}`);
  return trimDecimal(scaled / 100, 2);
}

function trimDecimal(x, places) {
  return x.toFixed(places).replace(/\.?0+$/, '');
}

// ── What each indicator's data look like ────────────────────────────────────────────────────
// Shares are [at weakest, at strongest]; scales are functions of the agency.
const staff = (ag) => (ag.group === 'cap-huyen' ? 60 + 80 * ag.size : 35 + 60 * ag.size);
const files = (ag, base) => base * ag.size * ag.size * (ag.code === 'TTT' || ag.code === 'BDT' ? 0.1 : 1);

const SPECS = {
  '1.3': { kind: 'ratio', share: [0.3, 1], b: () => pick([4, 5, 8, 10]) },
  '1.5': { kind: 'ratio', share: [0.45, 1], b: () => pick([10, 16, 20, 25, 40]) },
  '1.6': { kind: 'count', max: (ag) => (ag.group === 'so-nganh' ? 55 : 30) },
  '1.8': { kind: 'ratio', share: [0.4, 1], b: (ag) => ag.communes },
  '2.1': { kind: 'ratio', share: [0.2, 1], b: () => pick([4, 5, 8, 10, 16, 20]) },
  '2.3': { kind: 'percent', range: [0.04, 1.4], places: 2 },
  '3.1': { kind: 'ratio', share: [0.8, 1], b: (ag) => staff(ag) },
  '3.3': { kind: 'count', max: (ag) => (ag.group === 'so-nganh' ? 10 : 6) },
  '3.5': { kind: 'ratio', share: [0.2, 1], b: () => pick([1, 2, 4, 5, 8]) },
  '3.6': { kind: 'ratio', share: [0.3, 1], b: (ag) => ag.communes },
  '3.7': { kind: 'ratio', share: [0.4, 1], b: (ag) => ag.communes },
  '4.2': { kind: 'count', max: () => 8 },
  '4.3': { kind: 'ratio', share: [0.25, 1], b: (ag) => staff(ag) },
  '4.4': { kind: 'ratio', share: [0.3, 1], b: (ag) => (ag.group === 'so-nganh' ? pick([4, 5]) : pick([16, 20, 25])) },
  '4.5': { kind: 'number', range: (ag) => [staff(ag) * 0.1, staff(ag) * 1.4] },
  '4.6': { kind: 'ratio', share: [0.3, 1], b: (ag) => ag.communes * 5 },
  '5.1': { kind: 'ratio', share: [0.2, 1], b: () => pick([1, 2, 4, 5]) },
  '5.3': { kind: 'ratio', share: [0.55, 1], b: (ag) => staff(ag) },
  '5.4': { kind: 'integer', range: [0, 3] },
  '6.1': { kind: 'ratio', share: [0.7, 1], b: (ag) => 1500 * ag.size * ag.size + 600 },
  '6.2.a': { kind: 'ratio', share: [0.12, 0.95], b: (ag) => files(ag, ag.group === 'cap-huyen' ? 9000 : 3500) + 40 },
  '6.2.b': { kind: 'ratio', share: [0.05, 0.55], b: (ag) => files(ag, ag.group === 'cap-huyen' ? 2500 : 900) + 20 },
  '6.2.c': { kind: 'ratio', share: [0.2, 1], b: (ag) => files(ag, ag.group === 'cap-huyen' ? 9000 : 3500) + 40 },
  '6.3': { kind: 'ratio', share: [0.5, 1], b: (ag) => 4000 * ag.size * ag.size + 800 },
  '6.5': { kind: 'ratio', share: [0.4, 1], b: () => pick([10, 16, 20, 25, 40]) },
  '6.6': { kind: 'count', max: () => 4 },
  '6.7': { kind: 'percent', range: [78, 100], places: 2 },
  '6.8': { kind: 'ratio', share: [0.5, 1], b: (ag) => ag.communes },
  '7.1': { kind: 'ratio', share: [0.03, 0.6], b: (ag) => ag.population / 8 },
  '7.2': { kind: 'number', range: (ag) => [1, Math.max(2, ag.population / 5000)] },
  '7.3': { kind: 'ratio', share: [0.6, 1], b: (ag) => Math.max(20, ag.population / 60) },
  '7.4': { kind: 'percent', range: [8, 92], places: 1 },
  '7.5': { kind: 'count', max: () => 5 },
  '8.1': { kind: 'ratio', share: [0.2, 0.9], b: (ag) => ag.population * 0.72 },
  '8.2': { kind: 'ratio', share: [0.15, 0.75], b: (ag) => ag.population },
  '8.3': { kind: 'number', range: (ag) => [ag.population * 0.01, ag.population * 0.3] },
  '8.4': { kind: 'ratio', share: [0.2, 1], b: (ag) => clamp(Math.round(ag.population / 2500), 2, 200) },
  '8.5': { kind: 'ratio', share: [0.1, 0.8], b: (ag) => ag.population },
};

/** The latent level (0..1) of one agency on one indicator. */
const level = (ag) => clamp(ag.q + 0.13 * noise(), 0, 1);
const lerp = ([lo, hi], s) => lo + (hi - lo) * s;

/** The inputs of one agency for one leaf, as the long file holds them. */
function inputsFor(ag, leaf) {
  const s = level(ag);
  const max = leaf.maxFor(ag.group);
  const rule = leaf.rule;
  const spec = SPECS[leaf.code];
  switch (rule.type) {
    case 'boolean':
      return { value: rand() < 0.5 + 0.48 * s ? 'có' : 'không' };
    case 'ratio': {
      const b = denominator(spec ? spec.b(ag) : 20);
      const share = spec ? lerp(spec.share, s) : s;
      return ratio(share * (1 + 0.05 * noise()), b);
    }
    case 'tiers': {
      if (rule.basis === 'percent') {
        const [lo, hi] = spec?.range ?? [0, 100];
        return { value: trimDecimal(clamp(lerp([lo, hi], s) + (hi - lo) * 0.08 * noise(), 0, 100), spec?.places ?? 1) };
      }
      if (spec?.kind === 'integer') return { value: String(clamp(Math.round(lerp(spec.range, s) + noise()), 0, 9)) };
      // Meetings of the steering committee: a strong agency meets every quarter.
      return { value: String(clamp(Math.round(s * 4.6 + 0.8 * noise()), 0, 6)) };
    }
    case 'count': {
      const top = spec ? spec.max(ag) : Math.ceil(max / rule.pointsPerItem);
      return { value: String(Math.max(0, Math.round(top * s * (1 + 0.25 * noise())))) };
    }
    case 'choice': {
      const options = [...rule.options].sort((x, y) => y.points - x.points);
      const i = s > 0.62 ? 0 : s > 0.35 ? 1 : 2;
      return { value: options[Math.min(i, options.length - 1)].key };
    }
    case 'relative': {
      const [lo, hi] = spec ? spec.range(ag) : [0, 100];
      return { value: String(Math.max(0, Math.round(lerp([lo, hi], s) * (1 + 0.15 * noise())))) };
    }
    case 'manual': {
      // Appraised points, in quarter points.
      return { points: trimDecimal(clamp(Math.round(max * clamp(s + 0.08 * noise(), 0, 1) * 4) / 4, 0, max), 2) };
    }
    default:
      throw new Error(`no generator for rule ${rule.type} (${leaf.code})`);
  }
}

// ── Evidence: documents cited by number, date and summary, or a link ─────────────────────────
const EVIDENCE = {
  '1.1': ['Quyết định', 'QĐ', 'thành lập Ban chỉ đạo chuyển đổi số'],
  '1.2': ['Thông báo', 'TB', 'kết luận cuộc họp Ban chỉ đạo chuyển đổi số'],
  '1.4': ['Kế hoạch', 'KH', `chuyển đổi số năm ${YEAR}`],
  '2.1': ['Công văn', 'CV', 'chỉ đạo triển khai nhiệm vụ chuyển đổi số'],
  '2.2': ['Quyết định', 'QĐ', 'ban hành Quy chế quản lý, sử dụng hệ thống thông tin và bảo đảm an toàn thông tin'],
  '2.4': ['Quyết định', 'QĐ', 'ban hành Danh mục dữ liệu dùng chung, dữ liệu mở'],
  '5.2': ['Báo cáo', 'BC', 'kết quả triển khai mô hình bảo vệ 4 lớp'],
  '7.6': ['Kế hoạch', 'KH', 'phát triển kinh tế số giai đoạn 2023 - 2025'],
};
const slug = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function evidenceFor(ag, leaf, inputs, missing) {
  if (!leaf.evidenceRequired || missing) return '';
  if (inputs.value === 'không' || inputs.value === 'khong-co' || inputs.value === '0') return '';
  const [kind, abbr, summary] = EVIDENCE[leaf.code] ?? ['Văn bản', 'VB', leaf.code];
  // Letters are numbered "123/STP-VP"; decisions, plans, reports "123/QĐ-STP".
  const symbol = abbr === 'CV' ? `${ag.doc}-VP` : `${abbr}-${ag.doc}`;
  const number = int(12, 980);
  const day = int(1, 28);
  const month = leaf.code === '1.4' ? int(1, 3) : int(1, 12);
  if (rand() < 0.15) {
    const host = `${ag.code.toLowerCase()}.khanhhoa.gov.vn`;
    return `https://${host}/van-ban/${YEAR}/${slug(kind)}-${number}-${slug(summary)}.pdf`;
  }
  return `${kind} số ${number}/${symbol} ngày ${day}/${month}/${YEAR} ${summary}`;
}

const NOTES = [
  'Số liệu trích xuất từ Hệ thống thông tin giải quyết TTHC tỉnh, tính đến 31/12/2023',
  'Số liệu theo báo cáo của phòng chuyên môn',
  'Đã bổ sung tài liệu kiểm chứng theo yêu cầu của Sở Thông tin và Truyền thông',
];

// ── Build the rows ──────────────────────────────────────────────────────────────────────────
const applicable = (ag) => leaves.filter((l) => l.groups.includes(ag.group));
const rows = []; // { ag, leaf, value, numerator, denominator, points, evidence, note }
const generated = new Map();
for (const ag of AGENCIES) {
  const list = [];
  for (const leaf of applicable(ag)) {
    const inputs = inputsFor(ag, leaf);
    // A few evidence documents are missing, more often for weaker agencies.
    const missing = rand() < 0.04 + 0.12 * (1 - ag.q);
    list.push({ leaf, inputs, missing });
  }
  generated.set(ag.code, list);
}
// The tie: the copy gets the very same inputs (and the same missing documents) as the source.
generated.set(
  TIE.copy,
  generated.get(TIE.source).map((x) => ({ ...x, inputs: { ...x.inputs } })),
);
for (const ag of AGENCIES) {
  for (const { leaf, inputs, missing } of generated.get(ag.code)) {
    const evidence = evidenceFor(ag, leaf, inputs, missing);
    let note = '';
    if (leaf.evidenceRequired && missing && inputs.value !== 'không') note = 'Chưa có văn bản, đơn vị đã gửi giải trình';
    else if (rand() < 0.04) note = pick(NOTES);
    rows.push({
      ag,
      leaf,
      value: inputs.value ?? '',
      numerator: inputs.numerator === undefined ? '' : String(inputs.numerator),
      denominator: inputs.denominator === undefined ? '' : String(inputs.denominator),
      points: inputs.points ?? '',
      evidence,
      note,
    });
  }
}

// ── CSV writing ─────────────────────────────────────────────────────────────────────────────
function csv(records, delimiter) {
  const cell = (v) => {
    const s = String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return records.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

const LONG_HEADER = ['agency_code', 'agency_name', 'group', 'year', 'indicator', 'value', 'numerator', 'denominator', 'points', 'evidence', 'note'];
const VI_HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Năm', 'Mã chỉ số', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Ghi chú'];

const longRecords = (groupLabel = (g) => g) =>
  rows.map((r) => [r.ag.code, r.ag.name, groupLabel(r.ag.group), YEAR, r.leaf.code, r.value, r.numerator, r.denominator, r.points, r.evidence, r.note]);

/** Decimal commas in the number columns (value, numerator, denominator, points), never in indicator codes. */
const NUMBER_COLUMNS = new Set([5, 6, 7, 8]);
const decimalComma = (record) =>
  record.map((v, i) => (NUMBER_COLUMNS.has(i) && typeof v === 'string' && /^\d+\.\d+$/.test(v) ? v.replace('.', ',') : v));

function wideRecords() {
  const header = ['agency_code', 'agency_name', 'group', 'year', ...leaves.map((l) => l.code)];
  const out = [header];
  for (const ag of AGENCIES) {
    const byCode = new Map(rows.filter((r) => r.ag === ag).map((r) => [r.leaf.code, r]));
    const cells = leaves.map((l) => {
      const r = byCode.get(l.code);
      if (!r) return '';
      if (l.rule.type === 'ratio') return percentText(Number(r.numerator), Number(r.denominator));
      if (l.rule.type === 'manual') return r.points;
      return r.value;
    });
    out.push([ag.code, ag.name, ag.group, YEAR, ...cells]);
  }
  return out;
}

/** Text that encodes to Windows-1258: tone marks the code page lacks as precomposed letters are written as combining marks. */
function toCp1258(text) {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const fits = (s) => iconv.decode(iconv.encode(s, 'windows-1258'), 'windows-1258') === s;
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (fits(ch)) {
      out += ch;
      continue;
    }
    const nfd = ch.normalize('NFD');
    const base = nfd.replace(TONES, '').normalize('NFC');
    const tones = (nfd.match(TONES) ?? []).join('');
    if (!fits(base + tones)) throw new Error(`cannot encode ${JSON.stringify(ch)} in windows-1258`);
    out += base + tones;
  }
  return iconv.encode(out, 'windows-1258');
}

// ── Write ───────────────────────────────────────────────────────────────────────────────────
mkdirSync(join(OUT, 'messy'), { recursive: true });
const write = (name, data) => writeFileSync(join(OUT, name), data);

const longText = csv([LONG_HEADER, ...longRecords()], ',');
write('agencies-long.csv', longText);
write('agencies-wide.csv', csv(wideRecords(), ','));

const groupName = (g) => GROUP_NAME[g];
write(
  'messy/long-bom-semicolon-decimal-comma.csv',
  '\uFEFF' + csv([VI_HEADER, ...longRecords(groupName).map(decimalComma)], ';'),
);
write('messy/long-nfd.csv', csv([VI_HEADER, ...longRecords(groupName)], ',').normalize('NFD'));
write('messy/long-windows-1258.csv', toCp1258(csv([VI_HEADER, ...longRecords()], '\t')));
write('messy/long-utf16le.csv', Buffer.from('\uFEFF' + longText, 'utf16le'));

const deps = DEPARTMENTS.length;
const dists = DISTRICTS.length;
const perGroup = (g) => leaves.filter((l) => l.groups.includes(g)).length;
write(
  'README.md',
  `# Khánh Hòa 2023: sample agency data

Made-up but realistic self-assessment data for the ${AGENCIES.length} agencies Khánh Hòa assessed in ${YEAR}
(${deps} departments, group \`so-nganh\`; ${dists} district-level units, group \`cap-huyen\`), scored on the
bundled framework \`khanh-hoa-agencies\` (${perGroup('so-nganh')} leaf indicators for departments,
${perGroup('cap-huyen')} for districts). The numbers are invented; the agency names are those of ${YEAR}.
Generated by \`node scripts/make-fixtures.mjs\` (seeded PRNG, seed ${SEED}; rerunning gives the same bytes).

- \`agencies-long.csv\`: UTF-8 without BOM, one row per agency and applicable leaf indicator
  (value / numerator + denominator / points by rule, evidence citations, a few missing, notes).
- \`agencies-wide.csv\`: the same data, one row per agency and one column per leaf indicator; ratio
  cells hold the exact percentage a/b × 100, manual cells the points; cells of indicators that do not
  apply to the agency's group are empty. Scores the same as the long file.
- \`messy/long-bom-semicolon-decimal-comma.csv\`: the long file with a UTF-8 BOM, \`;\` separators,
  decimal commas, Vietnamese headers and group names.
- \`messy/long-nfd.csv\`: the long file with Vietnamese headers and group names, all text in Unicode NFD.
- \`messy/long-windows-1258.csv\`: the long file in Windows-1258, tab-separated, Vietnamese headers.
- \`messy/long-utf16le.csv\`: the long file in UTF-16 LE with a BOM.

Ties: ${TIE.copy} (${AGENCIES.find((a) => a.code === TIE.copy).name}) and ${TIE.source} (${AGENCIES.find((a) => a.code === TIE.source).name}) have identical inputs, so they tie exactly.
Commune counts of districts are rounded (e.g. Nha Trang 25) so that every ratio is an exact percentage.
`,
);

console.log(`wrote ${rows.length} rows for ${AGENCIES.length} agencies to ${OUT}`);
