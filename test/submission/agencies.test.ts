import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/framework/load.js';
import { agencyListFromGrid, readAgencyList } from '../../src/submission/agencies.js';
import { parseGrid } from '../../src/submission/parse.js';
import { TINY, grid, model } from '../helpers/build.js';
import { Y2025 } from '../helpers/y2025.js';

const loaded = loadFramework('khanh-hoa-agencies');
if (!loaded.ok) throw new Error('khanh-hoa-agencies does not load');
const KH = loaded.model;
const csv = (text: string) => new TextEncoder().encode(text);

describe('agency lists', () => {
  it('read agency_code, agency_name, group and parent, resolving groups by id or name', () => {
    const list = readAgencyList(
      csv('agency_code,agency_name,group,parent\nSTP,Sở Tư pháp,so-nganh,\nNT,UBND thành phố Nha Trang,UBND CAP HUYEN,Tỉnh\n'),
      'a.csv',
      KH,
    );
    expect(list.issues).toEqual([]);
    expect(list.agencies.map(({ loc: _loc, ...a }) => a)).toEqual([
      { code: 'STP', name: 'Sở Tư pháp', group: 'so-nganh' },
      { code: 'NT', name: 'UBND thành phố Nha Trang', group: 'cap-huyen', parent: 'Tỉnh' },
    ]);
  });

  it('find a Vietnamese header below title rows, and take a lone group when there is no group column', () => {
    const m = model({
      ...TINY,
      maxPoints: 40,
      groups: [{ id: 'dept', name: 'Departments' }],
      pillars: [],
      indicators: [{ code: '1', name: 'Awareness', maxPoints: 40, children: [{ code: '1.1', name: 'Plan', maxPoints: 40, rule: { type: 'boolean' } }] }],
    });
    const g = grid([['DANH SÁCH ĐƠN VỊ'], [], ['STT', 'Mã đơn vị', 'Tên đơn vị'], [1, 'STP', 'Sở Tư pháp'], [2, 'SYT', 'Sở Y tế']], 'ds.xlsx', 'xlsx');
    const list = agencyListFromGrid(g, m);
    expect(list.issues).toEqual([]);
    expect(list.agencies.map((a) => [a.code, a.group, a.loc.cell])).toEqual([
      ['STP', 'dept', 'B4'],
      ['SYT', 'dept', 'B5'],
    ]);
  });

  it('take a row repeated as it is once (a long-layout file), and refuse a code given twice with other details', () => {
    const list = readAgencyList(
      csv('agency_code,agency_name,group,indicator\nSTP,Sở Tư pháp,so-nganh,1.1\nSTP,Sở Tư pháp,so-nganh,1.2\nstp,Sở khác,so-nganh,1.1\n'),
      'long.csv',
      KH,
    );
    expect(list.agencies.map((a) => a.code)).toEqual(['STP']);
    expect(list.issues).toMatchObject([{ code: 'E_AGENCIES_DUPLICATE', location: { row: 4 }, params: { agency: 'stp', first: '2' } }]);
  });

  it('report rows without a code, a group, or a usable file name', () => {
    const list = readAgencyList(csv('agency_code,agency_name,group\n,X,so-nganh\nA:B,Y,so-nganh\nSTP.,Z,so-nganh\nSYT,Sở Y tế,\n'), 'a.csv', KH);
    expect(list.agencies).toEqual([]);
    expect(list.issues.map((i) => [i.code, i.location.row])).toEqual([
      ['E_AGENCIES_CODE_MISSING', 2],
      ['E_AGENCIES_CODE_UNSAFE', 3],
      ['E_AGENCIES_CODE_UNSAFE', 4],
      ['E_GROUP_MISSING', 5],
    ]);
  });

  it('read the first sheet of a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Nhóm']);
    ws.addRow(['STP', 'Sở Tư pháp', 'Sở, ban, ngành']);
    const list = readAgencyList(new Uint8Array(await wb.xlsx.writeBuffer()), 'ds.xlsx', KH);
    expect(list.issues).toEqual([]);
    expect(list.agencies).toMatchObject([{ code: 'STP', group: 'so-nganh', loc: { sheet: 'Đơn vị', cell: 'A2' } }]);
  });

  it('pass on what the file reader found, with no list', () => {
    const list = readAgencyList(csv(''), 'empty.csv', KH);
    expect(list.agencies).toEqual([]);
    expect(list.issues.map((i) => i.code)).toEqual(['E_CSV_EMPTY']);
  });
});

describe('agency list tags', () => {
  const m = model(Y2025);
  it('read the tags column, ids separated by commas or semicolons, matched by id or name', () => {
    const list = readAgencyList(csv('Mã đơn vị,Tên đơn vị,Nhóm,Nhãn\nSTP,Sở Tư pháp,so,"digital-economy-duties; Có dịch vụ công"\nSYT,Sở Y tế,so,\n'), 'a.csv', m);
    expect(list.issues).toEqual([]);
    expect(list.agencies.map((a) => [a.code, a.tags])).toEqual([
      ['STP', ['digital-economy-duties', 'has-public-services']],
      ['SYT', undefined],
    ]);
  });

  it('report a tag the framework does not declare at its cell', () => {
    const list = readAgencyList(csv('agency_code,agency_name,group,tags\nSTP,Sở Tư pháp,so,has-services\n'), 'a.csv', m);
    expect(list.issues).toMatchObject([{ code: 'E_AGENCIES_UNKNOWN_TAG', location: { file: 'a.csv', row: 2, column: 4 }, params: { tag: 'has-services' } }]);
  });
});

describe('tags in a submission', () => {
  const m = model(Y2025);
  const rows = (tags: string) => [
    ['agency_code', 'agency_name', 'group', 'tags', 'indicator', 'value'],
    ['STP', 'Sở Tư pháp', 'so', tags, '1.1', 'có'],
  ];

  it('come from a tags column of a long CSV when there is no agency list', () => {
    const parsed = parseGrid(grid(rows('has-public-services')), m);
    expect(parsed.issues).toEqual([]);
    expect(parsed.submissions[0]!.agency.tags).toEqual(['has-public-services']);
  });

  it('come from a form’s "Nhãn:" cell above its header', () => {
    const form = grid([['Mã đơn vị:', 'STP'], ['Nhóm:', 'so'], ['Nhãn:', 'digital-economy-duties'], [], ['Mã chỉ số', 'Giá trị'], ['1.1', 'có']], 'STP.xlsx', 'xlsx');
    expect(parseGrid(form, m).submissions[0]!.agency.tags).toEqual(['digital-economy-duties']);
  });

  it('give way to the agency list, which names both cells when they disagree', () => {
    const list = readAgencyList(csv('agency_code,agency_name,group,tags\nSTP,Sở Tư pháp,so,digital-economy-duties\n'), 'list.csv', m);
    const parsed = parseGrid(grid(rows('has-public-services')), m, { agencies: list.agencies });
    expect(parsed.issues).toMatchObject([{ code: 'E_AGENCY_LIST_CONFLICT', location: { row: 2, column: 4 }, params: { field: 'tags', listed: 'digital-economy-duties' } }]);
    const agreeing = parseGrid(grid(rows('')), m, { agencies: list.agencies });
    expect(agreeing.submissions[0]!.agency.tags).toEqual(['digital-economy-duties']);
  });
});
