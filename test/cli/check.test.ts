import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { TINY } from '../helpers/build.js';
import { ROOT, dti as spawnDti } from './run.js';

/** Vietnamese unless a test says otherwise, whatever DTI_LANG the environment has (run.ts clears it to ''). */
const dti = (args: string[], env: Record<string, string> = {}) => spawnDti(args, { DTI_LANG: 'vi', ...env });
const tmp = () => mkdtempSync(join(tmpdir(), 'dti-check-cli-'));
const FRAMEWORKS = readdirSync(join(ROOT, 'frameworks'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `frameworks/${f}`);

/** A template written the way a user writes one: `node bin/dti.js template …`. */
function template(dir: string, name: string, args: string[]): string {
  const out = join(dir, name);
  const r = spawnSync(process.execPath, ['bin/dti.js', 'template', ...args, '--out', out, '--quiet'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DTI_LANG: '' } });
  expect(r.status, r.stderr).toBe(0);
  return out;
}

describe('dti check: framework files', () => {
  it('passes the bundled frameworks (exit 0)', () => {
    expect(FRAMEWORKS.length).toBeGreaterThan(0);
    const r = dti(['check', ...FRAMEWORKS]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    for (const f of FRAMEWORKS) expect(r.stdout).toContain(`${f} không có vấn đề`);
  });

  it('fails a broken framework file (exit 1), naming the file and the path in it', () => {
    const dir = tmp();
    const file = join(dir, 'hong.yaml');
    writeFileSync(file, stringify({ ...TINY, indicators: [{ ...TINY.indicators[0], maxPoints: 45 }, ...TINY.indicators.slice(1)] }));
    const r = dti(['check', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(file);
    expect(r.stdout).toContain('E_FW_SUM_MISMATCH');
    expect(r.stdout).toContain('indicators[0].maxPoints');
    expect(r.stderr).toMatch(/1 file: [1-9]\d* errors?/);
  });

  it('writes GitHub annotations with --format github', () => {
    const dir = tmp();
    const file = join(dir, 'hong.yaml');
    writeFileSync(file, stringify({ ...TINY, indicators: [{ ...TINY.indicators[0], maxPoints: 45 }, ...TINY.indicators.slice(1)] }));
    const r = dti(['check', file, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,title=[EWI]_[A-Z0-9_]+::/);
    expect(r.stdout).toContain(`::error file=${file},title=E_FW_SUM_MISMATCH::`);
  });

  it('refuses what it cannot check', () => {
    const dir = tmp();
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'hello');
    const r = dti(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_CHECK_INPUT_TYPE');
    expect(dti(['check', join(dir, 'missing.yaml')]).code).toBe(2);
  });
});

describe('dti check: templates', () => {
  let dir: string;
  let departments: string;
  let districts: string;
  beforeAll(() => {
    dir = tmp();
    departments = template(dir, 'so-nganh.xlsx', ['-f', 'khanh-hoa-agencies', '-g', 'so-nganh']);
    districts = template(dir, 'cap-huyen.xlsx', ['-f', 'khanh-hoa-agencies', '-g', 'cap-huyen', '--year', '2024']);
  });

  it('passes generated templates of both groups (exit 0), alone or with the frameworks', () => {
    const r = dti(['check', departments, districts]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${departments} không có vấn đề`);
    expect(r.stdout).toContain(`${districts} không có vấn đề`);
    expect(r.stderr).toContain('2 tệp: 0 lỗi, 0 cảnh báo, 0 ghi chú');
    expect(dti(['check', ...FRAMEWORKS, departments, districts, '--strict']).code).toBe(0);
  });

  it('fails an edited template (exit 1) with the cell of each change, as annotations too', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(departments);
    const ws = wb.getWorksheet('Tự đánh giá')!;
    ws.getCell('C11').value = 99; // 1.1's max
    ws.unprotect();
    const edited = join(dir, 'sua.xlsx');
    await wb.xlsx.writeFile(edited);
    const r = dti(['check', edited, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('E_TPL_MAX_DIFFERS Tự đánh giá › C11: "1.1": max points must be 20 (the cell says "99")');
    expect(r.stdout).toContain('E_TPL_UNPROTECTED Tự đánh giá:');
    const gh = dti(['check', edited, '--format', 'github']);
    expect(gh.code).toBe(1);
    expect(gh.stdout).toContain(`::error file=${edited},title=E_TPL_MAX_DIFFERS Tự đánh giá!C11::"1.1": điểm tối đa phải là 20 (đang là "99")`);
    // exceljs cannot write the structure lock: a warning, which --strict makes fatal.
    expect(gh.stdout).toContain('title=W_TPL_WORKBOOK_UNLOCKED');
  });

  it('checks a template of a framework file against that file when it is given too', () => {
    const fw = join(dir, 'tiny.yaml');
    writeFileSync(fw, stringify(TINY));
    const tpl = template(dir, 'tiny.xlsx', ['-f', fw, '-g', 'dept']);
    expect(dti(['check', fw, tpl]).code).toBe(0);
    const alone = dti(['check', tpl]);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain('E_TPL_UNKNOWN_FRAMEWORK');
  });
});

describe('dti framework import', () => {
  it('round trip: template → framework.yaml → check → template → check (exit 0)', () => {
    const dir = tmp();
    const tpl = template(dir, 'mau.xlsx', ['-f', 'khanh-hoa-agencies', '-g', 'cap-huyen']);
    const out = join(dir, 'framework.yaml');
    const r = dti(['framework', 'import', tpl, '--out', out, '--id', 'cap-huyen-draft', '--group', 'cap-huyen']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Đã ghi ${out}`);
    expect(r.stderr).toContain('I_IMPORT_RULES_MANUAL');
    expect(r.stderr).toMatch(/61 chỉ số \(52 chỉ số lá\)/);
    const fw = parseYaml(readFileSync(out, 'utf8')) as { id: string; groups: { id: string }[]; indicators: { code: string }[] };
    expect(fw.id).toBe('cap-huyen-draft');
    expect(fw.groups.map((g) => g.id)).toEqual(['cap-huyen']);
    expect(fw.indicators.map((i) => i.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(dti(['check', out, '--strict']).code).toBe(0);
    const again = template(dir, 'again.xlsx', ['-f', out]);
    expect(dti(['check', out, again, '--strict']).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['again.xlsx', 'framework.yaml', 'mau.xlsx']); // no temporary file left
  });

  it('imports an official form, printing the YAML without --out', () => {
    const r = dti(['framework', 'import', 'fixtures/khanh-hoa-2023/official-forms/hidden-row.xlsx', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(parseYaml(r.stdout)).toMatchObject({ id: 'hidden-row', year: 2023, groups: [{ id: 'don-vi', name: 'UBND cấp huyện' }] });
    expect(r.stderr).toContain('W_IMPORT_PARENT_ADDED');
  });

  it('writes a draft with problems anyway, and exits 1', async () => {
    const dir = tmp();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('fixtures/khanh-hoa-2023/official-forms/merged-two-row-header.xlsx');
    wb.worksheets[0]!.getCell('C12').value = 25;
    const form = join(dir, 'form.xlsx');
    await wb.xlsx.writeFile(form);
    const out = join(dir, 'form.yaml');
    const r = dti(['framework', 'import', form, '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`E_FW_SUM_MISMATCH ${form} › Phụ lục I › C11 › indicators[0].maxPoints`);
    expect(existsSync(out)).toBe(true);
    expect(dti(['check', out]).code).toBe(1);
  });

  it.each([
    [['--id', 'Không Hợp Lệ'], 'E_IMPORT_ID_OPTION'],
    [['--group', 'x y'], 'E_IMPORT_ID_OPTION'],
    [['--out', 'x.json'], 'E_IMPORT_OUT_YAML'],
  ])('refuses %j with exit 2 (%s)', (args, code) => {
    const r = dti(['framework', 'import', 'fixtures/khanh-hoa-2023/official-forms/hidden-row.xlsx', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(code);
  });

  it('refuses a missing workbook with exit 2, and a file that is no workbook with exit 1', () => {
    expect(dti(['framework', 'import', 'nope.xlsx']).code).toBe(2);
    const dir = tmp();
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = dti(['framework', 'import', bad, '-o', join(dir, 'x.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_XLSX_NOT_WORKBOOK');
    expect(readdirSync(dir)).toEqual(['bad.xlsx']);
  });
});
