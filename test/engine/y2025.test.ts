import { describe, expect, it } from 'vitest';
import type { Adjustment } from '../../src/engine/adjustment.js';
import { rankScores, type RankedAgency } from '../../src/engine/rank.js';
import { scoreSubmissions, type AgencyScore } from '../../src/engine/score.js';
import { renderIssue } from '../../src/i18n/render.js';
import { parseGrid } from '../../src/submission/parse.js';
import { grid, model } from '../helpers/build.js';
import { PUBLIC, Y2025, base, leaf, subs, withRow, type Row } from '../helpers/y2025.js';

const m = model(Y2025);
const score = (rows: Row[], tags: Record<string, string[]> = {}, adjustments: Adjustment[] = [], fw = m) => scoreSubmissions(fw, subs(rows, tags, fw), adjustments);
const max = (s: AgencyScore, code: string) => s.nodes.get(code)!.maxPoints.toString();
const codes = (s: AgencyScore) => s.issues.map((i) => [i.code, i.params.indicator, i.location.cell ?? `${i.location.row}:${i.location.column}`]);

describe('indicators that apply to some agencies only, by tag', () => {
  it('leave an indicator out of the maximum of an agency without the tag, and say which tag', () => {
    const [a, b] = score([...base('A'), ['A', 'so', '2.1', 50], ...base('B')], PUBLIC);
    expect([a!.maxPoints.toString(), b!.maxPoints.toString()]).toEqual(['100', '80']);
    expect(leaf(b!, '2.1')).toMatchObject({ status: 'not-applicable', notApplicable: { by: 'tag', tags: ['has-public-services'] } });
    expect(leaf(b!, '2.1').maxPoints.toString()).toBe('0');
    expect(b!.issues.some((i) => i.code === 'W_MISSING_VALUE')).toBe(false);
  });

  it('note a value given for an indicator the agency is not tagged for, and do not score it', () => {
    const [b] = score([...base('B'), ['B', 'so', '2.1', 100]]);
    expect(leaf(b!, '2.1').points.toString()).toBe('0');
    expect(codes(b!)).toContainEqual(['I_NOT_FOR_AGENCY_TAGS', '2.1', '7:5']);
  });
});

describe('"không áp dụng" declared in a submission', () => {
  it('is accepted where the framework allows it and a reason is given: out of the maximum', () => {
    const [a] = score(withRow(base('A'), ['A', 'so', '1.2', 'Không áp dụng', 'Đơn vị không có cơ sở trực thuộc']), PUBLIC);
    expect(leaf(a!, '1.2')).toMatchObject({ status: 'not-applicable', notApplicable: { by: 'declared', reason: 'Đơn vị không có cơ sở trực thuộc' } });
    expect([max(a!, '1.2'), max(a!, '1'), a!.maxPoints.toString()]).toEqual(['0', '40', '80']);
    expect(a!.issues.filter((i) => i.code.includes('_NA_'))).toEqual([]);
  });

  it('is accepted without a reason, with a warning at the cell', () => {
    const [a] = score(withRow(base('A'), ['A', 'so', '1.2', 'n/a']), PUBLIC);
    expect(leaf(a!, '1.2').status).toBe('not-applicable');
    expect(codes(a!)).toContainEqual(['W_NA_NO_REASON', '1.2', '6:6']);
  });

  it('is an error at the cell where the framework does not allow it, and the indicator scores as missing', () => {
    const [a] = score(withRow(base('A'), ['A', 'so', '1.1', 'KAD', 'Không có kế hoạch']), PUBLIC);
    expect(codes(a!)).toContainEqual(['E_NA_NOT_ALLOWED', '1.1', '6:6']);
    expect(leaf(a!, '1.1')).toMatchObject({ status: 'missing', notApplicableClaim: { allowed: false, reason: 'Không có kế hoạch' } });
    expect([leaf(a!, '1.1').points.toString(), max(a!, '1.1'), a!.maxPoints.toString()]).toEqual(['0', '40', '100']);
  });

  it('rejected by the appraisal council, scores as missing and keeps the claim, reason and rejection in the audit trail', () => {
    const rows = withRow(base('A'), ['A', 'so', '1.2', 'Không áp dụng', 'Không có cơ sở trực thuộc']);
    const reject: Adjustment = { agency: 'A', indicator: '1.2', rejectNotApplicable: true, reason: 'Đơn vị có 3 cơ sở', reviewer: 'HĐTĐ', loc: { file: 'review.csv', row: 2, column: 2 } };
    const [a] = score(rows, PUBLIC, [reject]);
    expect(leaf(a!, '1.2')).toMatchObject({
      status: 'missing',
      notApplicableClaim: { allowed: true, reason: 'Không có cơ sở trực thuộc', rejected: { reason: 'Đơn vị có 3 cơ sở', reviewer: 'HĐTĐ' } },
    });
    expect([max(a!, '1.2'), a!.maxPoints.toString()]).toEqual(['20', '100']);
    expect(a!.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['I_NA_REJECTED', 'W_MISSING_VALUE']));
  });

  it('rejected by the council giving a value, scores that value', () => {
    const rows = withRow(base('A'), ['A', 'so', '1.2', 'Không áp dụng', 'Không có cơ sở']);
    const value: Adjustment = { agency: 'A', indicator: '1.2', value: { raw: 'có', loc: { row: 3 } }, reason: 'Có cơ sở', loc: { row: 3 } };
    const [a] = score(rows, PUBLIC, [value]);
    expect([leaf(a!, '1.2').status, leaf(a!, '1.2').points.toString()]).toEqual(['scored', '20']);
    expect(a!.issues.some((i) => i.code === 'W_MISSING_VALUE' && i.params.indicator === '1.2')).toBe(false);
  });
});

describe('index as a share of the agency’s own maximum', () => {
  // A (tagged) scores 50 of 100; B (untagged, 2.1 out) scores 40 of 80: both 0.5.
  const rows: Row[] = [...withRow(base('A'), ['A', 'so', '1.1', 'có']), ['A', 'so', '2.1', 50], ...withRow(base('B'), ['B', 'so', '1.1', 'có'])];
  const ranked = () => rankScores(m, score(rows, PUBLIC)).find((g) => g.group.id === 'so')!.agencies;
  const of = (list: readonly RankedAgency[], code: string) => list.find((a) => a.score.agency.code === code)!;

  it('holds at every node: main indicator, pillar and total', () => {
    const b = of(ranked(), 'B');
    expect(b.mains.map((v) => [v.code, v.points.toString(), v.maxPoints.toString(), v.published.toString()])).toEqual([
      ['1', '40', '60', '0.6667'],
      ['2', '0', '20', '0'],
    ]);
    expect(b.pillars.map((v) => [v.code, v.maxPoints.toString()])).toEqual([['gov', '80']]);
    expect([b.total.points.toString(), b.total.maxPoints.toString(), b.total.index.toString()]).toEqual(['40', '80', '0.5']);
  });

  it('ranks by index: two agencies at the same share tie although their points differ', () => {
    const list = ranked();
    expect([of(list, 'A').total.points.toString(), of(list, 'B').total.points.toString()]).toEqual(['50', '40']);
    expect([of(list, 'A').total.rank, of(list, 'B').total.rank]).toEqual([1, 1]);
  });

  it('gives a main indicator with no own maximum no index and no rank (the bonus and penalty group)', () => {
    expect(of(ranked(), 'A').mains.map((v) => v.code)).toEqual(['1', '2']);
  });
});

describe('bonus and penalty points', () => {
  const rows = (agency: string, awards: number, incident: string): Row[] => [
    ...withRow(withRow(base(agency), [agency, 'so', '9.1', awards, undefined, 'QĐ khen thưởng 15/QĐ-UBND']), [agency, 'so', '9.2', incident, undefined, 'Báo cáo sự cố 3/BC']),
  ];

  it('are capped at the node’s max, count outside the maximum, and enter the total', () => {
    const [a] = score([...withRow(rows('A', 3, 'không'), ['A', 'so', '1.1', 'có'])]);
    expect([a!.bonusPoints.toString(), a!.penaltyPoints.toString(), a!.points.toString(), a!.maxPoints.toString()]).toEqual(['10', '0', '40', '80']);
    const [t] = rankScores(m, [a!]).find((g) => g.group.id === 'so')!.agencies;
    expect([t!.total.points.toString(), t!.total.index.toString()]).toEqual(['50', '0.625']);
  });

  it('keep every bonus and penalty in the audit trail with its effect and evidence', () => {
    const [a] = score(rows('A', 1, 'có'));
    expect(leaf(a!, '9.1')).toMatchObject({ effect: 'bonus', status: 'scored', evidence: 'QĐ khen thưởng 15/QĐ-UBND', inputs: { value: '1' } });
    expect(leaf(a!, '9.2')).toMatchObject({ effect: 'penalty', status: 'scored', evidence: 'Báo cáo sự cố 3/BC' });
    expect([leaf(a!, '9.1').points.toString(), leaf(a!, '9.2').points.toString(), leaf(a!, '9.2').maxPoints.toString()]).toEqual(['5', '20', '20']);
  });

  it('count nothing, and report nothing missing, where an agency gives no bonus or penalty entry', () => {
    const [a] = score(base('A').filter((r) => !r[2].startsWith('9.')), PUBLIC);
    expect([a!.bonusPoints.toString(), a!.penaltyPoints.toString()]).toEqual(['0', '0']);
    expect(a!.issues.filter((i) => i.code === 'W_MISSING_VALUE').map((i) => i.params.indicator)).toEqual(['2.1']);
  });

  it('clamp the total index to 0..1 by default, and not when the framework says indexClamp: false', () => {
    const full: Row[] = [
      ['A', 'so', '1.1', 'có'], ['A', 'so', '1.2', 'có'], ['A', 'so', '2.2', 'có'], ['A', 'so', '9.1', 2], ['A', 'so', '9.2', 'không'],
      ['Z', 'so', '1.1', 'không'], ['Z', 'so', '1.2', 'không'], ['Z', 'so', '2.2', 'không'], ['Z', 'so', '9.1', 0], ['Z', 'so', '9.2', 'có'],
    ];
    const total = (fw = m) => rankScores(fw, score(full, {}, [], fw))[0]!.agencies.map((a) => [a.score.agency.code, a.total.points.toString(), a.total.index.toString()]);
    expect(total()).toEqual([['A', '90', '1'], ['Z', '-20', '0']]);
    const unclamped = model({ ...Y2025, indexClamp: false });
    expect(total(unclamped)).toEqual([['A', '90', '1.125'], ['Z', '-20', '-0.25']]);
  });

  it('change the overall rank but not the main-indicator values and ranks', () => {
    const both = [...withRow(rows('A', 2, 'không'), ['A', 'so', '1.1', 'có']), ...withRow(rows('B', 0, 'có'), ['B', 'so', '1.1', 'có'])];
    const list = rankScores(m, score(both))[0]!.agencies;
    expect(list.map((a) => [a.score.agency.code, a.total.rank])).toEqual([['A', 1], ['B', 2]]);
    for (const a of list) expect(a.mains.map((v) => [v.code, v.points.toString(), v.rank])).toEqual([['1', '40', 1], ['2', '0', 1]]);
  });
});

describe('a form whose section holds a penalty row', () => {
  // A filled department form: code A, value D, self-score G; section 9 holds bonus 9.1 (5) and penalty 9.2 (20).
  const FORM = [
    ['Mã đơn vị: A'],
    ['Nhóm:', 'so'],
    ['STT', 'Tên chỉ số', 'Điểm tối đa', 'Giá trị', 'Tử số', 'Mẫu số', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
    ['1', 'Nhận thức số', 60, null, null, null, 40, null],
    ['1.1', 'Kế hoạch', 40, 'Có', null, null, 40, null],
    ['1.2', 'Tuyên truyền', 20, 'Không', null, null, 0, null],
    ['2', 'Hoạt động', 20, null, null, null, 0, null],
    ['2.2', 'Kinh tế số', 20, 'Không', null, null, 0, null],
    ['9', 'Điểm thưởng và điểm trừ', null, null, null, null, -15, null],
    ['9.1', 'Giải thưởng', 10, 1, null, null, 5, null],
    ['9.2', 'Sự cố an toàn thông tin', 20, 'Có', null, null, 20, null],
    [null, 'Tổng cộng', 100, null, null, null, 25, null],
  ];
  const scoreForm = (edit: (rows: (string | number | null)[][]) => void = () => {}) => {
    const rows = FORM.map((r) => [...r]);
    edit(rows);
    const parsed = parseGrid(grid(rows, 'a.xlsx', 'xlsx'), m);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    return scoreSubmissions(m, parsed.submissions)[0]!;
  };
  const mismatches = (s: AgencyScore) => s.issues.filter((i) => i.code === 'W_SUBTOTAL_MISMATCH' || i.code === 'W_TOTAL_MISMATCH');

  it('agrees with a subtotal of the points less the penalty, and a total that adds it', () => {
    const a = scoreForm();
    expect(mismatches(a)).toEqual([]);
    expect([a.points.toString(), a.bonusPoints.toString(), a.penaltyPoints.toString()]).toEqual(['40', '5', '20']);
  });

  it('flags a subtotal that adds the penalty, expecting points less penalty and naming the cells summed', () => {
    const a = scoreForm((rows) => {
      rows[8]![6] = 25;
      rows[11]![6] = 65;
    });
    const [sub, total] = mismatches(a);
    expect(sub).toMatchObject({ code: 'W_SUBTOTAL_MISMATCH', location: { cell: 'G9' }, params: { indicator: '9', given: '25', expected: '-15', cells: 'G10:G11' } });
    expect(renderIssue(sub!, 'en')).toContain('(G10:G11) add up to -15');
    expect(total).toMatchObject({ code: 'W_TOTAL_MISMATCH', location: { cell: 'G12' }, params: { given: '65', expected: '25', cells: 'G4, G7, G9' } });
  });
});

describe('three blocks with their own maxima and classes', () => {
  const rows: Row[] = [
    ['S', 'so', '1.1', 'có'], ['S', 'so', '1.2', 'có'], ['S', 'so', '2.1', 100], ['S', 'so', '2.2', 'không'],
    ['T', 'tw', '1.1', 'có'], ['T', 'tw', '1.2', 'có'], ['T', 'tw', '2.1', 100],
    ['X1', 'xa', '1.1', 'có'], ['X1', 'xa', '1.2', 'có'], ['X1', 'xa', '2.2', 'có'],
    ['X2', 'xa', '1.1', 'có'], ['X2', 'xa', '1.2', 'không'], ['X2', 'xa', '2.2', 'không'],
  ];
  const groups = () => rankScores(m, score(rows, { S: ['has-public-services'], T: ['has-public-services'] }));

  it('score each block out of its own maximum, and rank only the ranked ones', () => {
    const out = groups().map((g) => [g.group.id, g.agencies.map((a) => [a.score.agency.code, a.total.maxPoints.toString(), a.total.published.toString(), a.total.rank ?? null])]);
    expect(out).toEqual([
      ['so', [['S', '100', '0.8', 1]]],
      ['tw', [['T', '80', '1', null]]],
      ['xa', [['X1', '90', '1', 1], ['X2', '90', '0.4444', 2]]],
    ]);
  });

  it('class each block by its own thresholds, else the framework’s', () => {
    expect(groups().map((g) => g.agencies.map((a) => a.class?.code ?? null))).toEqual([['b'], ['a'], ['tot', null]]);
  });
});
