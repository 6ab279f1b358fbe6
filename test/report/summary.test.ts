import { describe, expect, it } from 'vitest';
import { compareYears } from '../../src/compare/compare.js';
import { issue } from '../../src/core/issues.js';
import { rankScores } from '../../src/engine/rank.js';
import { scoreSubmissions } from '../../src/engine/score.js';
import { t } from '../../src/i18n/catalog.js';
import { appraisalCounts, summaryMarkdown } from '../../src/report/summary.js';
import { buildResults } from '../../src/results/build.js';
import type { ResultsDoc } from '../../src/results/schema.js';
import type { Adjustment } from '../../src/review/schema.js';
import { parseGrid } from '../../src/submission/parse.js';
import { LONG_HEADER, grid, model } from '../helpers/build.js';

// Results documents from the real engine on inline data: each leaf is scored manually, so every
// agency's points are the figures given; appraisal decisions go through scoreSubmissions.

const GROUPS = [
  { id: 'so-nganh', name: { vi: 'Sở, ban, ngành', en: 'Departments' } },
  { id: 'cap-huyen', name: { vi: 'Cấp huyện', en: 'Districts' }, ranked: false },
];

function framework(year: number, mains: [string, string, string, string[]][]) {
  return {
    id: 'kh',
    name: { vi: 'Bộ chỉ số Khánh Hòa', en: 'Khánh Hòa framework' },
    version: '1',
    year,
    precision: { points: 2, index: 4 },
    groups: GROUPS,
    classes: [
      { code: 'tot', name: { vi: 'Tốt', en: 'Good' }, min: 0.8 },
      { code: 'kha', name: { vi: 'Khá', en: 'Fair' }, min: 0.6 },
    ],
    indicators: mains.map(([code, vi, en, leaves]) => ({
      code,
      name: { vi, en },
      children: leaves.map((leaf) => ({ code: leaf, name: `Chỉ số ${leaf}`, maxPoints: 50, rule: { type: 'manual' } })),
    })),
  };
}

const MAINS: [string, string, string, string[]][] = [
  ['1', 'Nhận thức số', 'Digital awareness', ['1.1', '1.2']],
  ['2', 'Chính quyền số', 'Digital government', ['2.1']],
  ['3', 'Xã hội số', 'Digital society', ['3.1']],
];

type AgencyRow = [string, string, string, number[]];

function results(year: number, agencies: AgencyRow[], adjustments: Adjustment[] = [], lang: 'vi' | 'en' = 'vi', mains = MAINS): ResultsDoc {
  const fw = framework(year, mains);
  const m = model(fw);
  const leaves = fw.indicators.flatMap((i) => i.children.map((c) => c.code));
  const rows = [
    LONG_HEADER,
    ...agencies.flatMap(([code, name, group, points]) => leaves.map((leaf, i) => [code, name, group, year, leaf, null, null, null, points[i]!, null, null])),
  ];
  const parsed = parseGrid(grid(rows, `nop-${year}.csv`), m);
  expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const scores = scoreSubmissions(m, parsed.submissions, adjustments);
  const issues = [...parsed.issues, ...scores.flatMap((s) => s.issues), issue('E_YEAR_MISMATCH', { file: 'nop/x.csv', row: 7 }, { agency: 'X9', year: 2022, expected: year })];
  return buildResults(m, rankScores(m, scores), issues, { lang, toolVersion: '0.0.0', inputs: [] });
}

// Max 200 points per agency: 1.1 + 1.2 + 2.1 + 3.1, each of 50.
const LAST_YEAR: AgencyRow[] = [
  ['STTTT', 'Sở Thông tin và Truyền thông', 'so-nganh', [50, 45, 45, 40]], // 0.9 → 1st
  ['SYT', 'Sở Y tế', 'so-nganh', [45, 40, 40, 35]], // 0.8 → 2nd
  ['STP', 'Sở Tư pháp', 'so-nganh', [40, 35, 35, 30]], // 0.7 → 3rd
  ['SNV', 'Sở Nội vụ', 'so-nganh', [35, 30, 30, 25]], // 0.6 → 4th
  ['SCT', 'Sở Công Thương', 'so-nganh', [30, 25, 25, 20]], // 0.5 → 5th
  ['STC', 'Sở Tài chính', 'so-nganh', [25, 20, 20, 15]], // 0.4 → 6th
  ['BQLKKT', 'Ban Quản lý Khu kinh tế Vân Phong', 'so-nganh', [10, 10, 10, 10]], // gone
  ['NTR', 'UBND TP. Nha Trang', 'cap-huyen', [30, 30, 30, 30]],
];
const THIS_YEAR: AgencyRow[] = [
  ['SCT', 'Sở Công Thương', 'so-nganh', [50, 50, 48, 42]], // 0.95 → 1st (was 5th: ↑4)
  ['STTTT', 'Sở Thông tin và Truyền thông', 'so-nganh', [50, 45, 45, 40]], // 0.9 → 2nd (↓1)
  ['SNV', 'Sở Nội vụ', 'so-nganh', [45, 40, 40, 35]], // 0.8 → 3rd (↑1)
  ['STC', 'Sở Tài chính', 'so-nganh', [40, 35, 35, 30]], // 0.7 → 4th (↑2)
  ['STP', 'Sở Tư pháp', 'so-nganh', [35, 30, 30, 25]], // 0.6, 0.61 after the council: 5th (↓2)
  ['SYT', 'Sở Y tế', 'so-nganh', [30, 25, 25, 20]], // 0.5, 0.45 after the council: 6th (↓4)
  ['SNGV', 'Sở Ngoại vụ | Văn phòng', 'so-nganh', [20, 20, 20, 20]], // 0.4 → 7th, new
  ['NTR', 'UBND TP. Nha Trang', 'cap-huyen', [40, 40, 30, 10]],
];
const loc = { file: 'review.csv', row: 2 };
const ADJUSTMENTS: Adjustment[] = [
  { agency: 'SYT', indicator: '1.2', points: { raw: 20, loc }, reason: 'Thiếu biên bản họp', loc },
  { agency: 'SYT', indicator: '3.1', points: { raw: 15, loc }, reason: 'Số liệu chưa khớp', loc },
  { agency: 'STP', indicator: '1.2', points: { raw: 32, loc }, reason: 'Thiếu tài liệu', loc },
];

const before = results(2023, LAST_YEAR);
const now = results(2024, THIS_YEAR, ADJUSTMENTS);
const comparison = compareYears(now, before);

/** The lines of a section: from its heading to the next heading of the same or a higher level. */
function section(text: string, heading: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === heading);
  if (start < 0) throw new Error(`no heading ${heading} in:\n${text}`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('summaryMarkdown in Vietnamese', () => {
  const text = summaryMarkdown(now, { lang: 'vi', comparison });

  it('has every section, titled from the catalogue', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Tóm tắt kết quả chỉ số chuyển đổi số (DTI) – Bộ chỉ số Khánh Hòa – năm 2024',
      '## Nhóm: Sở, ban, ngành (7 đơn vị)',
      '### Bảng xếp hạng',
      '### Ba đơn vị dẫn đầu',
      '### Ba đơn vị cuối bảng',
      '### Chỉ số chính mạnh nhất và yếu nhất của từng đơn vị',
      '### Chỉ số chính nhóm còn yếu nhất (chỉ số trung bình thấp nhất)',
      '### Thay đổi thứ hạng lớn nhất',
      '### Điều chỉnh của Hội đồng thẩm định',
      '### Phiếu kết quả (tóm tắt)',
      '## Nhóm: Cấp huyện (1 đơn vị)',
      '### Bảng xếp hạng',
      '### Chỉ số chính mạnh nhất và yếu nhất của từng đơn vị',
      '### Chỉ số chính nhóm còn yếu nhất (chỉ số trung bình thấp nhất)',
      '### Phiếu kết quả (tóm tắt)',
      '## Thay đổi bộ chỉ số so với năm 2023',
      '## Đơn vị của năm trước không còn trong danh sách',
      '## Vấn đề còn lại',
      '### Các lỗi',
    ]);
    expect(text).toContain('Bộ chỉ số kh, phiên bản 1; 8 đơn vị trong 2 nhóm. So sánh với kết quả năm 2023.');
  });

  it('ranks each group with last year\'s index and rank and the change, decimals with a comma', () => {
    const ranking = section(section(text, '## Nhóm: Sở, ban, ngành (7 đơn vị)'), '### Bảng xếp hạng');
    expect(ranking.split('\n').slice(2)).toEqual([
      '| Hạng | Đơn vị | Điểm | Chỉ số DTI | Xếp loại | Chỉ số 2023 | Hạng 2023 | Tăng/giảm chỉ số | Thay đổi hạng |',
      '| ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | :---: |',
      '| 1 | Sở Công Thương (SCT) | 190,00 | 0,9500 | Tốt | 0,5000 | 5 | +0,4500 | ↑4 |',
      '| 2 | Sở Thông tin và Truyền thông (STTTT) | 180,00 | 0,9000 | Tốt | 0,9000 | 1 | 0,0000 | ↓1 |',
      '| 3 | Sở Nội vụ (SNV) | 160,00 | 0,8000 | Tốt | 0,6000 | 4 | +0,2000 | ↑1 |',
      '| 4 | Sở Tài chính (STC) | 140,00 | 0,7000 | Khá | 0,4000 | 6 | +0,3000 | ↑2 |',
      '| 5 | Sở Tư pháp (STP) | 122,00 | 0,6100 | Khá | 0,7000 | 3 | −0,0900 | ↓2 |',
      '| 6 | Sở Y tế (SYT) | 90,00 | 0,4500 | – | 0,8000 | 2 | −0,3500 | ↓4 |',
      '| 7 | Sở Ngoại vụ \\| Văn phòng (SNGV) | 80,00 | 0,4000 | – | – | – | – | mới |',
      '',
    ]);
  });

  it('names the top three and the bottom three', () => {
    expect(section(text, '### Ba đơn vị dẫn đầu')).toContain('- **Sở Công Thương (SCT)**: hạng 1, chỉ số 0,9500');
    const bottom = section(text, '### Ba đơn vị cuối bảng');
    expect(bottom.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- **Sở Tư pháp (STP)**: hạng 5, chỉ số 0,6100',
      '- **Sở Y tế (SYT)**: hạng 6, chỉ số 0,4500',
      '- **Sở Ngoại vụ \\| Văn phòng (SNGV)**: hạng 7, chỉ số 0,4000',
    ]);
  });

  it("shows each agency's strongest and weakest main indicators and the group's weakest", () => {
    const strengths = section(text, '### Chỉ số chính mạnh nhất và yếu nhất của từng đơn vị');
    // SCT: 1 = 100/100, 2 = 48/50, 3 = 42/50.
    expect(strengths).toContain('| Sở Công Thương (SCT) | 1 Nhận thức số (1,0000) | 3 Xã hội số (0,8400) |');
    const weak = section(text, '### Chỉ số chính nhóm còn yếu nhất (chỉ số trung bình thấp nhất)');
    expect(weak.split('\n').filter((l) => /^\| \d/.test(l))).toEqual(['| 3 Xã hội số | 0,5914 |', '| 2 Chính quyền số | 0,6943 |', '| 1 Nhận thức số | 0,7314 |']);
  });

  it('lists the biggest movers up and down', () => {
    const movers = section(text, '### Thay đổi thứ hạng lớn nhất');
    expect(movers.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('**'))).toEqual([
      '**Tăng hạng**',
      '- **Sở Công Thương (SCT)**: ↑4 (hạng 5 → 1)',
      '- **Sở Tài chính (STC)**: ↑2 (hạng 6 → 4)',
      '- **Sở Nội vụ (SNV)**: ↑1 (hạng 4 → 3)',
      '**Giảm hạng**',
      '- **Sở Y tế (SYT)**: ↓4 (hạng 2 → 6)',
      '- **Sở Tư pháp (STP)**: ↓2 (hạng 3 → 5)',
      '- **Sở Thông tin và Truyền thông (STTTT)**: ↓1 (hạng 1 → 2)',
    ]);
  });

  it('counts the appraisal adjustments per agency and per indicator', () => {
    const adjusted = section(text, '### Điều chỉnh của Hội đồng thẩm định');
    expect(adjusted).toContain('| Sở Y tế (SYT) | 2 | −10,00 |');
    expect(adjusted).toContain('| Sở Tư pháp (STP) | 1 | +2,00 |');
    expect(adjusted).toContain('| 1.2 | 2 |');
    expect(adjusted).toContain('| 3.1 | 1 |');
    expect(appraisalCounts(now)).toEqual({
      agencies: [
        { group: 'so-nganh', code: 'STP', name: 'Sở Tư pháp', count: 1, points: 2 },
        { group: 'so-nganh', code: 'SYT', name: 'Sở Y tế', count: 2, points: -10 },
      ],
      indicators: [
        { group: 'so-nganh', code: '1.2', count: 2 },
        { group: 'so-nganh', code: '3.1', count: 1 },
      ],
    });
  });

  it('says a group that is not ranked is not, and shows no top, bottom or movers for it', () => {
    const district = section(text, '## Nhóm: Cấp huyện (1 đơn vị)');
    expect(district).toContain('Nhóm này được đánh giá nhưng không xếp hạng.');
    expect(district).toContain('| không xếp hạng | UBND TP. Nha Trang (NTR) |');
    expect(district).not.toContain('Ba đơn vị dẫn đầu');
  });

  it('reports the agencies gone and the remaining issues, with the errors listed', () => {
    expect(section(text, '## Đơn vị của năm trước không còn trong danh sách')).toContain(
      '- **Ban Quản lý Khu kinh tế Vân Phong (BQLKKT)**: Chỉ số DTI 0,2000, hạng 7',
    );
    const issues = section(text, '## Vấn đề còn lại');
    expect(issues).toContain('| `E_YEAR_MISMATCH` | lỗi | 1 |');
    expect(issues).toContain('| `I_AGENCIES_GONE` | ghi chú | 1 |');
    expect(issues).toContain('- `E_YEAR_MISMATCH` nop/x.csv › dòng 7: Đơn vị X9: năm đánh giá là 2022, cần 2024');
    expect(section(text, '## Thay đổi bộ chỉ số so với năm 2023')).toContain('Bộ chỉ số không đổi (kh).');
  });

  it('is deterministic and carries no date', () => {
    expect(summaryMarkdown(now, { lang: 'vi', comparison })).toBe(text);
    expect(summaryMarkdown(results(2024, THIS_YEAR, ADJUSTMENTS), { lang: 'vi', comparison: compareYears(results(2024, THIS_YEAR, ADJUSTMENTS), before) })).toBe(text);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\n\n\n/);
  });
});

describe('summaryMarkdown in English', () => {
  const text = summaryMarkdown(now, { lang: 'en', comparison });

  it('uses English labels and decimal points', () => {
    const headings = text.split('\n').filter((l) => l.startsWith('#'));
    expect(headings.slice(0, 9)).toEqual([
      '# Digital Transformation Index (DTI) summary – Khánh Hòa framework – 2024',
      '## Group: Departments (7 agencies)',
      '### Ranking',
      '### Top three',
      '### Bottom three',
      '### Strongest and weakest main indicators of each agency',
      '### Main indicators where the group is weakest (lowest mean index)',
      '### Biggest movers',
      '### Appraisal council adjustments',
    ]);
    expect(text).toContain('| Rank | Agency | Points | DTI index | Class | Index 2023 | Rank 2023 | Index change | Rank change |');
    expect(text).toContain('| 1 | Sở Công Thương (SCT) | 190.00 | 0.9500 | Good | 0.5000 | 5 | +0.4500 | ↑4 |');
    expect(text).toContain('| 7 | Sở Ngoại vụ \\| Văn phòng (SNGV) | 80.00 | 0.4000 | – | – | – | – | new |');
    expect(text).toContain('- **Sở Y tế (SYT)**: ↓4 (rank 2 → 6)');
    expect(text).toContain('| Sở Công Thương (SCT) | 1 Digital awareness (1.0000) | 3 Digital society (0.8400) |');
    expect(text).toContain('## Framework changes since 2023');
    expect(text).toContain('## Group: Districts (1 agency)');
    expect(text).toContain('Framework kh, version 1; 8 agencies in 2 groups. Compared with the results of 2023.');
    expect(text).toContain('## Remaining issues');
    expect(text).toContain('| `I_AGENCIES_GONE` | note | 1 |');
    // Comparison issues are worded in the summary's language.
    expect(text).not.toContain(t('I_AGENCIES_GONE', 'vi', { count: 1, codes: 'BQLKKT' }));
    expect(text).not.toMatch(/Nhóm:|Hạng|Chỉ số DTI/);
  });
});

describe('summaryMarkdown without a comparison, and with a changed framework and merges', () => {
  it('leaves out last year\'s columns, movers and framework sections', () => {
    const text = summaryMarkdown(now, { lang: 'vi' });
    expect(text).toContain('| Hạng | Đơn vị | Điểm | Chỉ số DTI | Xếp loại |\n');
    expect(text).not.toContain('Thay đổi thứ hạng lớn nhất');
    expect(text).not.toContain('Thay đổi bộ chỉ số');
    expect(text).toContain('### Điều chỉnh của Hội đồng thẩm định');
    // Adjustments given by the caller replace those counted from the leaves.
    expect(summaryMarkdown(now, { lang: 'vi', adjustments: { agencies: [], indicators: [] } })).not.toContain('Điều chỉnh');
  });

  it('reports main indicators and leaves added and dropped, and the merges applied', () => {
    const changed = results(2025, THIS_YEAR.map(([c, n, g, p]) => [c, n, g, [p[0]!, p[1]!, p[2]!, p[3]!]]), [], 'vi', [
      ['1', 'Nhận thức số', 'Digital awareness', ['1.1', '1.2']],
      ['2', 'Chính quyền số', 'Digital government', ['2.1']],
      ['4', 'Kinh tế số', 'Digital economy', ['4.1']],
    ]);
    const c = compareYears(changed, before, { unitsMap: [{ current: 'SCT', previous: 'SCT' }, { current: 'SCT', previous: 'BQLKKT' }] });
    const text = summaryMarkdown(changed, { lang: 'vi', comparison: c });
    const fw = section(text, '## Thay đổi bộ chỉ số so với năm 2023');
    expect(fw.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- Chỉ số chính so sánh được: 1, 2',
      '- Chỉ số chính mới: 4 Kinh tế số',
      '- Chỉ số chính bị bỏ: 3 Xã hội số',
      '- Chỉ số thành phần mới: 4.1',
      '- Chỉ số thành phần bị bỏ: 3.1',
    ]);
    // SCT ← SCT (0.5) + BQLKKT (0.2): 0.35.
    expect(section(text, '## Đơn vị hợp nhất')).toContain('- **Sở Công Thương (SCT)** ← SCT + BQLKKT: chỉ số năm trước 0,3500 (trung bình cộng)');
    expect(text).not.toContain('không còn trong danh sách');
  });
});

describe('summaryMarkdown with hostile text', () => {
  it('treats a lone CR, like CRLF and LF, as a line break to escape: a name cannot start a line of its own', () => {
    const doc = structuredClone(now);
    const stp = doc.groups[0]!.agencies.find((a) => a.code === 'STP')!;
    stp.name = 'Sở Tư pháp\r# Fake heading\r\n| fake | row |\u2028- item';
    doc.issues.push({ severity: 'error', code: 'E_YEAR_MISMATCH', file: 'nop/x.csv', message: 'line one\rline two' });
    const text = summaryMarkdown(doc, { lang: 'vi', comparison });
    expect(text).not.toMatch(/[\r\u2028\u2029]/);
    expect(text.split('\n').filter((l) => l.startsWith('# Fake') || l.startsWith('| fake'))).toEqual([]);
    expect(text).toContain('Sở Tư pháp \\# Fake heading \\| fake \\| row \\| - item');
  });
});
