import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dti } from './run.js';

/**
 * What a province publishes for 2024 with the framework of 2023 (khanh-hoa-agencies): every
 * document names the assessment year of the run, never the framework's; the method sheet lists
 * every input with its hash; Vietnamese figures take the decimal comma in the terminal too.
 */
const tmp = mkdtempSync(join(tmpdir(), 'dti-year-'));
const LONG = 'fixtures/khanh-hoa-2024/agencies-long.csv';
const OUT = join(tmp, 'rank');
const AGENCIES = join(tmp, 'agencies.csv');
let rankStderr = '';

/** The 2024 sample's agencies as an agency list (code, name, group), so --agencies is among the inputs. */
function writeAgencyList(): void {
  const seen = new Map<string, string>();
  for (const line of readFileSync(LONG, 'utf8').split('\n').slice(1)) {
    const m = /^([^,]+),("[^"]*"|[^,]*),([^,]+),/.exec(line);
    if (m && !seen.has(m[1]!)) seen.set(m[1]!, `${m[1]},${m[2]},${m[3]}`);
  }
  writeFileSync(AGENCIES, ['agency_code,agency_name,group', ...seen.values()].join('\n') + '\n');
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

beforeAll(() => {
  writeAgencyList();
  const r = dti(['rank', LONG, '-f', 'khanh-hoa-agencies', '--year', '2024', '-a', AGENCIES, '--review', 'fixtures/khanh-hoa-2024/review.csv', '--previous', 'fixtures/khanh-hoa-2023/results-2023.json', '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv', '--out', OUT]);
  expect(r.code).toBe(0);
  rankStderr = r.stderr;
}, 180_000);

describe('the assessment year, not the framework\'s', () => {
  it('titles summary.md with 2024', () => {
    expect(readFileSync(join(OUT, 'summary.md'), 'utf8').split('\n')[0]).toMatch(/– năm 2024$/);
  });

  it('titles report.html with 2024 and never 2023 in its title', () => {
    const title = /<title>([^<]*)<\/title>/.exec(readFileSync(join(OUT, 'report.html'), 'utf8'))![1]!;
    expect(title).toContain('năm 2024');
    expect(title).not.toContain('2023');
  });

  it('titles an agency card with 2024', () => {
    const r = dti(['card', 'SNV', '--in', OUT, '-o', '-']);
    expect(/<title>([^<]*)<\/title>/.exec(r.stdout)![1]).toBe('Phiếu kết quả chuyển đổi số năm 2024: Sở Nội vụ (SNV)');
  });

  it('heads every printed page of the review workbook with 2024', async () => {
    const out = join(tmp, 'review.xlsx');
    expect(dti(['review-template', LONG, '-f', 'khanh-hoa-agencies', '-o', out, '-q']).code).toBe(0);
    const wb = await workbook(out);
    for (const ws of wb.worksheets) expect(ws.headerFooter.oddHeader, ws.name).toMatch(/NĂM 2024$/);
  });

  it('heads every printed page of a form with the year asked for', async () => {
    const out = join(tmp, 'form.xlsx');
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '-g', 'so-nganh', '--year', '2024', '-o', out, '-q']).code).toBe(0);
    const wb = await workbook(out);
    const printed = wb.worksheets.filter((ws) => ws.state === 'visible');
    expect(printed.length).toBeGreaterThan(0);
    for (const ws of printed) expect(ws.headerFooter.oddHeader, ws.name).toMatch(/NĂM 2024$/);
  });
});

describe('the method sheet', () => {
  it('lists every input of the run with its hash and kind, the agency list among them', async () => {
    const method = (await workbook(join(OUT, 'results.xlsx'))).getWorksheet('Phương pháp')!;
    const rows: string[][] = [];
    method.eachRow((row) => rows.push([1, 2, 3].map((c) => String(row.getCell(c).value ?? ''))));
    const header = rows.findIndex((r) => r[1] === 'SHA-256');
    const inputs = rows.slice(header + 1).filter((r) => /^[0-9a-f]{64}$/.test(r[1]!));
    expect(inputs.map((r) => r[0])).toEqual([LONG, 'fixtures/khanh-hoa-2024/review.csv', AGENCIES, 'fixtures/khanh-hoa-2023/results-2023.json', 'fixtures/khanh-hoa-2024/units-map.csv', 'khanh-hoa-agencies']);
    expect(new Set(inputs.map((r) => r[2])).size).toBe(6);
  });
});

describe('Vietnamese figures in the terminal', () => {
  it('writes points in messages with the decimal comma', () => {
    expect(rankStderr).toMatch(/chỉ số 2\.1 \(22,5 điểm\) thiếu tài liệu kiểm chứng/);
  });

  it('writes the figures of dti sensitivity with the decimal comma', () => {
    const r = dti(['sensitivity', OUT, '--runs', '20']);
    expect(r.code).toBe(0);
    // Figures have two or more decimals; indicator codes (1.3) have one digit after the dot.
    expect(r.stdout).not.toMatch(/\d\.\d{2,}/);
    expect(r.stdout).toMatch(/\d,\d{2,}/);
  });
});

describe('CSV for Excel in Vietnamese', () => {
  it('prints --format csv with a BOM, ";" and Vietnamese headers', () => {
    const r = dti(['score', LONG, '-f', 'khanh-hoa-agencies', '--format', 'csv', '-q']);
    expect(r.stdout.startsWith('\ufeffNhóm;Xếp hạng;Mã đơn vị;Tên đơn vị;Điểm;Điểm tối đa;Chỉ số DTI;Xếp loại;')).toBe(true);
    expect(r.stdout.split('\r\n')[1]!.split(';')[6]).toMatch(/^0,\d+$/);
  });

  it('writes -o results.csv the same way', () => {
    const out = join(tmp, 'results.csv');
    expect(dti(['score', LONG, '-f', 'khanh-hoa-agencies', '-o', out, '-q']).code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]!.startsWith('Nhóm;Xếp hạng;Mã đơn vị;')).toBe(true);
  });
});
