import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { checkAdjustments } from '../../src/review/check.js';
import { parseReview } from '../../src/review/read.js';
import { grid, model } from '../helpers/build.js';
import { PUBLIC, Y2025, base, leaf, subs, withRow } from '../helpers/y2025.js';

const m = model(Y2025);

describe('the council’s decision on a "không áp dụng" claim, read from a review file', () => {
  const review = (rows: (string | null)[][]) =>
    parseReview(grid([['Mã đơn vị', 'Mã chỉ số', 'Chấp nhận không áp dụng', 'Lý do', 'Người thẩm định'], ...rows], 'review.csv'));

  it('reads "Không chấp nhận" as a rejection, which the engine then scores as missing', () => {
    const read = review([['A', '1.2', 'Không chấp nhận', 'Đơn vị có 3 cơ sở', 'HĐTĐ'], ['A', '1.1', 'Chấp nhận', null, null]]);
    expect(read.issues).toEqual([]);
    expect(read.adjustments.map((a) => [a.indicator, a.rejectNotApplicable, a.reason])).toEqual([['1.2', true, 'Đơn vị có 3 cơ sở']]);
    const submitted = subs(withRow(base('A'), ['A', 'so', '1.2', 'Không áp dụng', 'Không có cơ sở']), PUBLIC);
    const checked = checkAdjustments(m, submitted, read.adjustments);
    expect(checked.issues).toEqual([]);
    const [a] = scoreSubmissions(m, submitted, checked.adjustments);
    expect(leaf(a!, '1.2')).toMatchObject({ status: 'missing', notApplicableClaim: { rejected: { reason: 'Đơn vị có 3 cơ sở', loc: { file: 'review.csv', row: 2 } } } });
  });

  it('reports a decision it cannot read at its cell, and a rejection where the agency claimed nothing', () => {
    expect(review([['A', '1.2', 'maybe', 'x', null]]).issues).toMatchObject([{ code: 'E_REVIEW_NA_DECISION', location: { row: 2, column: 3 } }]);
    const read = review([['A', '1.1', 'reject', 'x', null]]);
    const checked = checkAdjustments(m, subs(base('A'), PUBLIC), read.adjustments);
    expect([checked.adjustments, checked.issues.map((i) => i.code)]).toEqual([[], ['W_REVIEW_NA_NO_CLAIM']]);
  });
});

describe('the council’s decisions on indicators an agency’s tags exclude', () => {
  it('are refused at the indicator cell: there is nothing to review', () => {
    const read = parseReview(grid([['Mã đơn vị', 'Mã chỉ số', 'Điểm thẩm định', 'Lý do'], ['B', '2.1', '10', 'x']], 'review.csv'));
    const checked = checkAdjustments(m, subs(base('B')), read.adjustments);
    expect([checked.adjustments, checked.issues.map((i) => [i.code, i.location.row, i.location.column, i.params.tags])]).toEqual([[], [['E_REVIEW_NOT_FOR_AGENCY', 2, 2, 'has-public-services']]]);
  });
});
