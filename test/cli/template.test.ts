import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/framework/load.js';
import { readXlsx } from '../../src/sheets/xlsx/index.js';
import { parseGrid } from '../../src/submission/parse.js';
import { fillOneInput } from '../helpers/build.js';
import { dti as spawnDti } from './run.js';

/** Vietnamese unless a test says otherwise, whatever DTI_LANG the environment has (run.ts clears it to ''). */
const dti = (args: string[], env: Record<string, string> = {}) => spawnDti(args, { DTI_LANG: 'vi', ...env });

const tmp = () => mkdtempSync(join(tmpdir(), 'dti-tpl-cli-'));
const WIDE = 'fixtures/khanh-hoa-2023/agencies-wide.csv';
const loaded = loadFramework('khanh-hoa-agencies');
if (!loaded.ok) throw new Error('khanh-hoa-agencies does not load');
const KH = loaded.model;

/** The agency a written form names, as the submission reader sees it. */
function identity(file: string) {
  const read = readXlsx(readFileSync(file), file);
  expect(read.issues).toEqual([]);
  // Read back untouched, a form is E_SUBMISSION_EMPTY: one typed value lets its identity be read.
  const parsed = parseGrid(fillOneInput(read.grid!), KH);
  expect(parsed.issues).toEqual([]);
  return { agency: parsed.submissions[0]!.agency, indicators: parsed.submissions[0]!.entries.map((e) => e.indicator) };
}

describe('dti template: a blank form', () => {
  it('writes one workbook for the group to the .xlsx file given', () => {
    const dir = tmp();
    const out = join(dir, 'mau-so-nganh.xlsx');
    const r = dti(['template', '--framework', 'khanh-hoa-agencies', '--group', 'so-nganh', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Đã ghi ${out}`);
    const read = readXlsx(readFileSync(out), out);
    expect(read.grid!.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Tự đánh giá', '_dti', '_lists']);
    // No agency yet: the reader says so, and nothing else.
    expect(parseGrid(read.grid!, KH).issues.map((i) => i.code)).toEqual(['E_AGENCY_IDENTITY_MISSING']);
    expect(readdirSync(dir)).toEqual(['mau-so-nganh.xlsx']); // no temporary file left behind
  });

  it('writes the same bytes twice, and the year asked for', () => {
    const dir = tmp();
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'cap-huyen', '--year', '2024', '-o', join(dir, 'a.xlsx')], env).code).toBe(0);
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'cap-huyen', '--year', '2024', '-o', join(dir, 'b.xlsx'), '-q'], env).code).toBe(0);
    const a = readFileSync(join(dir, 'a.xlsx'));
    expect(a.equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
    const form = readXlsx(a, 'a.xlsx').grid!.sheets[1]!;
    expect(form.rows[6]?.[1]?.value).toBe(2024);
  });

  it('needs --group when the framework has several groups (exit 2)', () => {
    const dir = tmp();
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-o', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_TEMPLATE_GROUP_REQUIRED');
    expect(r.stderr).toContain('so-nganh, cap-huyen');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    [['-g', 'nope', '-o', 'x.xlsx'], 'E_UNKNOWN_GROUP_OPTION'],
    [['-g', 'so-nganh', '-o', 'x.csv'], 'E_TEMPLATE_OUT_XLSX'],
    [['-g', 'so-nganh', '--year', '23', '-o', 'x.xlsx'], 'E_TEMPLATE_YEAR'],
    [['-g', 'so-nganh', '--year', '1999', '-o', 'x.xlsx'], 'E_TEMPLATE_YEAR'],
  ])('refuses %j with exit 2 (%s)', (args, code) => {
    const dir = tmp();
    const r = dti(['template', '-f', 'khanh-hoa-agencies', ...args.map((a) => (a.startsWith('x.') ? join(dir, a) : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown framework and a missing --out with exit 2', () => {
    expect(dti(['template', '-f', 'no-such-framework', '-g', 'x', '-o', join(tmp(), 'x.xlsx')]).code).toBe(2);
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'so-nganh']).code).toBe(2);
  });

  it('speaks English with --lang en', () => {
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-o', join(tmp(), 'x.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose one with --group');
    expect(dti(['template', '--help', '--lang', 'en']).stdout).toContain('write self-assessment workbooks');
  });
});

describe('dti template --agencies', () => {
  it('writes one form per agency of the list, named by its code, into a folder it creates', () => {
    const out = join(tmp(), 'bieu-mau', '2023');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '--agencies', WIDE, '--out', out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(30); // 29 forms and the manifest of what dti wrote
    expect(files).toContain('.dti-manifest.json');
    expect(files).toContain('STP.xlsx');
    expect(r.stderr).toContain('Đã tạo 29 biểu mẫu');
    const stp = identity(join(out, 'STP.xlsx'));
    expect(stp.agency).toEqual({ code: 'STP', name: 'Sở Tư pháp', group: 'so-nganh', year: 2023 });
    expect(stp.indicators).not.toContain('1.8');
    const district = files.filter((f) => f.endsWith('.xlsx')).find((f) => identity(join(out, f)).agency.group === 'cap-huyen')!;
    expect(identity(join(out, district)).indicators).toContain('1.8');
  });

  it('writes only the agencies of --group, and reads Vietnamese headers', () => {
    const dir = tmp();
    const list = join(dir, 'don-vi.csv');
    writeFileSync(
      list,
      '\uFEFFMã đơn vị;Tên đơn vị;Nhóm;Đơn vị cấp trên\r\nSTP;Sở Tư pháp;Sở, ban, ngành;\r\nNT;UBND thành phố Nha Trang;UBND cấp huyện;UBND tỉnh\r\nCR;UBND thành phố Cam Ranh;cap-huyen;UBND tỉnh\r\n',
    );
    const out = join(dir, 'out');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', list, '-g', 'cap-huyen', '-o', out, '--year', '2024']);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.dti-manifest.json', 'CR.xlsx', 'NT.xlsx']);
    expect(identity(join(out, 'NT.xlsx')).agency).toEqual({ code: 'NT', name: 'UBND thành phố Nha Trang', group: 'cap-huyen', year: 2024, parent: 'UBND tỉnh' });
  });

  it('reports bad rows at their lines (exit 1) and still writes the good ones', () => {
    const dir = tmp();
    const list = join(dir, 'agencies.csv');
    writeFileSync(
      list,
      [
        'agency_code,agency_name,group',
        'STP,Sở Tư pháp,so-nganh',
        'SYT,Sở Y tế,no-such-group',
        ',Sở không mã,so-nganh',
        'A/B,Mã có gạch chéo,so-nganh',
        'stp,Sở Tư pháp (lặp),so-nganh',
        'SXD,,so-nganh',
      ].join('\n') + '\n',
    );
    const out = join(dir, 'out');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', list, '-o', out]);
    expect(r.code).toBe(1);
    for (const code of ['E_UNKNOWN_GROUP', 'E_AGENCIES_CODE_MISSING', 'E_AGENCIES_CODE_UNSAFE', 'E_AGENCIES_DUPLICATE', 'W_AGENCIES_NAME_MISSING']) {
      expect(r.stderr).toContain(code);
    }
    expect(r.stderr).toMatch(/dòng 3.*no-such-group/);
    expect(readdirSync(out).sort()).toEqual(['.dti-manifest.json', 'STP.xlsx', 'SXD.xlsx']);
  });

  it('says when no agency is left for the group (exit 0, nothing written)', () => {
    const dir = tmp();
    const list = join(dir, 'agencies.csv');
    writeFileSync(list, 'agency_code,agency_name,group\nSTP,Sở Tư pháp,so-nganh\n');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', list, '-g', 'cap-huyen', '-o', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('W_TEMPLATE_NO_AGENCY_IN_GROUP');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses a list that does not exist and an --out that is a file (exit 2)', () => {
    const dir = tmp();
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-a', join(dir, 'none.csv'), '-o', join(dir, 'out')]).stderr).toContain('E_INPUT_NOT_FOUND');
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', WIDE, '-o', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_TEMPLATE_OUT_NOT_FOLDER');
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-a', WIDE, '-o', join(dir, 'x.xlsx')]).code).toBe(2);
  });

  it('says so (exit 1) when the list has no header it can use', () => {
    const dir = tmp();
    const list = join(dir, 'agencies.csv');
    writeFileSync(list, 'a,b,c\n1,2,3\n');
    const r = dti(['template', '-f', 'khanh-hoa-agencies', '-a', list, '-o', join(dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_AGENCIES_NO_HEADER');
  });
});
