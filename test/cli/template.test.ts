import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreSubmissions } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import { t } from '../../src/i18n/catalog.js';
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

describe('dti template --agencies: the rows an agency’s tags exclude', () => {
  const y25 = loadFramework('khanh-hoa-2025');
  if (!y25.ok) throw new Error('khanh-hoa-2025 does not load');
  const KH25 = y25.model;
  const dir = tmp();
  const r = dti(['template', '-f', 'khanh-hoa-2025', '--agencies', 'fixtures/khanh-hoa-2025/agencies.csv', '-o', join(dir, 'forms')]);
  const codesOf = (agency: string) => {
    const read = readXlsx(readFileSync(join(dir, 'forms', `${agency}.xlsx`)), `${agency}.xlsx`);
    const ws = read.grid!.sheets.find((s) => s.name === 'Tự đánh giá')!;
    const header = ws.rows.findIndex((row) => row[0]?.value === 'Mã chỉ số');
    return ws.rows.slice(header + 1).flatMap((row) => (typeof row[0]?.value === 'string' && row[0].value !== '' ? [row[0].value] : []));
  };
  // Sở ngành leaves only for agencies with public services (or digital-economy duties).
  const tagged = KH25.leavesFor('so-nganh').filter((l) => l.onlyFor.length > 0);

  it('leaves them out of the form of an agency without the tag, and keeps them for one with it', () => {
    expect(r.code).toBe(0);
    expect(tagged.length).toBeGreaterThan(0);
    const untagged = codesOf('VPUB'); // no tags in the list
    for (const leaf of tagged) expect(untagged, leaf.code).not.toContain(leaf.code);
    const snv = codesOf('SNV'); // has-public-services
    for (const leaf of tagged.filter((l) => KH25.tagsAllow(l, ['has-public-services']))) expect(snv, leaf.code).toContain(leaf.code);
    for (const leaf of tagged.filter((l) => !KH25.tagsAllow(l, ['has-public-services']))) expect(snv, leaf.code).not.toContain(leaf.code);
  });

  it('writes forms that dti check passes', () => {
    const c = dti(['check', join(dir, 'forms', 'VPUB.xlsx'), join(dir, 'forms', 'SNV.xlsx')]);
    expect(c.stderr).not.toMatch(/E_TPL|W_TPL/);
    expect(c.code).toBe(0);
  });

  it('reads a filled form back without any finding about the rows left out, and scores them as not applicable by tag', () => {
    for (const agency of ['VPUB', 'SNV']) {
      const file = join(dir, 'forms', `${agency}.xlsx`);
      const read = readXlsx(readFileSync(file), file);
      // Without the agency list: the form's own "Nhãn:" cell gives SNV its tags.
      const parsed = parseGrid(fillOneInput(read.grid!), KH25);
      expect(parsed.issues).toEqual([]);
      const [score] = scoreSubmissions(KH25, parsed.submissions);
      const missing = new Set(score!.issues.filter((i) => i.code === 'W_MISSING_VALUE').map((i) => String(i.params?.indicator)));
      const tags = agency === 'SNV' ? ['has-public-services'] : [];
      expect(parsed.submissions[0]!.agency.tags ?? []).toEqual(tags);
      for (const leaf of tagged.filter((l) => !KH25.tagsAllow(l, tags))) {
        expect(missing, `${agency} ${leaf.code}`).not.toContain(leaf.code);
        expect(score!.leaves.find((l) => l.code === leaf.code)?.notApplicable, `${agency} ${leaf.code}`).toMatchObject({ by: 'tag' });
      }
      expect(new Set(score!.issues.map((i) => i.code))).toEqual(new Set(['W_MISSING_VALUE']));
      // The total row's max is the agency's own maximum, as the engine counts it.
      const ws = read.grid!.sheets.find((s) => s.name === 'Tự đánh giá')!;
      const total = ws.rows.find((row) => row[1]?.value === t('TPL_TOTAL', 'vi'))!;
      expect(String(total[2]!.value), agency).toBe(score!.maxPoints.toString());
    }
  });
});
