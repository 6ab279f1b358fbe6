import { describe, expect, it } from 'vitest';
import { parseGrid } from '../../src/submission/parse.js';
import { scoreSubmissions } from '../../src/engine/score.js';
import { columnRole } from '../../src/submission/columns.js';
import { TINY, grid, longRows, model } from '../helpers/build.js';

const m = model(TINY);

describe('column headers', () => {
  it.each([
    ['agency_code', 'agencyCode'],
    ['Mã đơn vị', 'agencyCode'],
    ['MA DON VI', 'agencyCode'],
    ['Mã đơn vị'.normalize('NFD'), 'agencyCode'],
    ['Điểm tự đánh giá', 'points'],
    ['ĐIỂM TỰ CHẤM', 'points'],
    ['Điểm tự đánh giá (1)', 'points'],
    ['Tài liệu kiểm chứng', 'evidence'],
    ['Giải trình', 'note'],
    ['Tử số', 'numerator'],
    ['Mẫu số', 'denominator'],
    ['Điểm tối đa', 'maxPoints'],
  ])('"%s" names the %s column', (header, role) => {
    expect(columnRole(header)).toBe(role);
  });

  it('does not take a header like __proto__ for a column role', () => {
    expect(columnRole('__proto__')).toBeUndefined();
    expect(columnRole('constructor')).toBeUndefined();
  });
});

describe('the long layout', () => {
  it('groups rows by agency into one submission each', () => {
    const out = parseGrid(grid(longRows([['A', 'dept', '1.1', 'có'], ['B', 'dist', '1.1', 'không'], ['A', 'dept', '1.2', null, 1, 2]])), m);
    expect(out.issues).toEqual([]);
    expect(out.submissions.map((s) => [s.agency.code, s.agency.group, s.agency.year, s.entries.map((e) => e.indicator)])).toEqual([
      ['A', 'dept', 2023, ['1.1', '1.2']],
      ['B', 'dist', 2023, ['1.1']],
    ]);
  });

  it('keeps the cell each value came from', () => {
    const out = parseGrid(grid(longRows([['A', 'dept', '1.2', null, 1, 2]])), m);
    const entry = out.submissions[0]!.entries[0]!;
    expect(entry.numerator).toEqual({ raw: 1, loc: { file: 'test.csv', row: 2, column: 7 } });
  });

  it('reads Vietnamese headers', () => {
    const rows = [
      ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', 'Năm', 'Mã chỉ số', 'Giá trị', 'Điểm tự đánh giá'],
      ['A', 'Sở A', 'dept', '2023', '1.1', 'Có', '10'],
    ];
    const out = parseGrid(grid(rows), m);
    expect(out.submissions[0]!.entries[0]!.value?.raw).toBe('Có');
    expect(out.submissions[0]!.entries[0]!.points?.raw).toBe('10');
  });

  it('matches the group by its name as well as its id', () => {
    const out = parseGrid(grid(longRows([['A', 'Departments', '1.1', 'có']])), m);
    expect(out.submissions[0]!.agency.group).toBe('dept');
  });

  it('finds the header below title rows', () => {
    const rows = [['BẢNG TỰ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2023'], [], ...longRows([['A', 'dept', '1.1', 'có']])];
    const out = parseGrid(grid(rows), m);
    expect(out.submissions[0]!.entries[0]!.loc.row).toBe(4);
  });

  it('reports an unknown indicator code at its cell and reads the rest', () => {
    const out = parseGrid(grid(longRows([['A', 'dept', '7.7', '1'], ['A', 'dept', '1.1', 'có']])), m);
    expect(out.issues).toMatchObject([{ code: 'E_UNKNOWN_INDICATOR', location: { row: 2, column: 5 }, params: { indicator: '7.7' } }]);
    expect(out.submissions[0]!.entries).toHaveLength(1);
  });

  it('reports an indicator given twice for one agency and keeps the first', () => {
    const out = parseGrid(grid(longRows([['A', 'dept', '1.1', 'có'], ['A', 'dept', '1.1', 'không']])), m);
    expect(out.issues.map((i) => i.code)).toEqual(['E_DUPLICATE_INDICATOR']);
    expect(out.submissions[0]!.entries[0]!.value?.raw).toBe('có');
  });

  it('reports an unknown group', () => {
    const out = parseGrid(grid(longRows([['A', 'communes', '1.1', 'có']])), m);
    expect(out.issues[0]).toMatchObject({ code: 'E_UNKNOWN_GROUP', location: { row: 2, column: 3 } });
    expect(out.submissions).toEqual([]);
  });

  it('needs no group column when the framework has one group', () => {
    const one = model({ ...TINY, groups: [{ id: 'dept', name: 'Departments' }], indicators: TINY.indicators.slice(0, 1), maxPoints: 40 });
    const out = parseGrid(grid([['agency_code', 'indicator', 'value'], ['A', '1.1', 'có']]), one);
    expect(out.submissions[0]!.agency.group).toBe('dept');
  });

  it('reports an agency whose name differs between its rows', () => {
    const rows = longRows([['A', 'dept', '1.1', 'có'], ['A', 'dept', '1.2', '5']]);
    rows[2]![1] = 'Another name';
    const out = parseGrid(grid(rows), m);
    expect(out.issues[0]).toMatchObject({ code: 'E_AGENCY_CONFLICT', params: { field: 'name' } });
  });

  it('reports a sheet without a recognisable header', () => {
    const out = parseGrid(grid([['foo', 'bar'], ['1', '2']]), m);
    expect(out.issues.map((i) => i.code)).toEqual(['E_NO_HEADER']);
  });
});

describe('the wide layout', () => {
  it('reads one row per agency with a column per indicator', () => {
    const rows = [
      ['agency_code', 'agency_name', 'group', 'year', '1.1', '1.2', '2.1'],
      ['A', 'Sở A', 'dept', 2023, 'có', '75', null],
    ];
    const out = parseGrid(grid(rows), m);
    expect(out.issues).toEqual([]);
    expect(out.submissions[0]!.entries.filter((e) => e.value).map((e) => [e.indicator, e.value?.raw])).toEqual([
      ['1.1', 'có'],
      ['1.2', '75'],
    ]);
  });

  it('reports a value left empty at its own cell, not at the agency row', () => {
    const rows = [
      ['agency_code', 'agency_name', 'group', 'year', '1.1', '1.2', '2.1'],
      ['A', 'Sở A', 'dept', 2023, 'có', '75', null],
    ];
    const out = parseGrid(grid(rows), m);
    const [scored] = scoreSubmissions(m, out.submissions);
    const missing = scored!.issues.find((i) => i.code === 'W_MISSING_VALUE' && i.params['indicator'] === '2.1');
    expect(missing?.location).toMatchObject({ row: 2, column: 7 });
  });

  it('takes an agency spread over two rows, each filling other indicators, without calling them duplicates', () => {
    const rows = [
      ['agency_code', 'agency_name', 'group', 'year', '1.1', '1.2', '2.1'],
      ['A', 'Sở A', 'dept', 2023, 'có', null, null],
      ['A', 'Sở A', 'dept', 2023, null, '75', null],
    ];
    const out = parseGrid(grid(rows), m);
    expect(out.issues.filter((i) => i.code === 'E_DUPLICATE_INDICATOR')).toEqual([]);
    expect(out.submissions[0]!.entries.filter((e) => e.value).map((e) => [e.indicator, e.value?.raw])).toEqual([
      ['1.1', 'có'],
      ['1.2', '75'],
    ]);
  });

  it('takes a main indicator column as its points given directly', () => {
    const rows = [
      ['agency_code', 'group', '1', '2'],
      ['A', 'dept', '33.5', '41'],
    ];
    const out = parseGrid(grid(rows), m);
    expect(out.submissions[0]!.entries.map((e) => [e.indicator, e.points?.raw])).toEqual([
      ['1', '33.5'],
      ['2', '41'],
    ]);
  });
});

describe('the shape of a submission', () => {
  it('refuses an agency whose year is outside 2000..2100, naming the agency', () => {
    const rows = longRows([['A', 'dept', '1.1', 'có']]);
    rows[1]![3] = 1999;
    const out = parseGrid(grid(rows), m);
    expect(out.submissions).toEqual([]);
    expect(out.issues.map((i) => [i.code, i.params.agency])).toEqual([['E_SUBMISSION_SHAPE', 'A']]);
  });
});
