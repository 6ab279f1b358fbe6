import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisonSchema, type Comparison } from '../../src/compare/schema.js';
import { resultsSchema, type AgencyJson, type ResultsDoc } from '../../src/results/schema.js';
import { ROOT } from './run.js';

// The README's 2025 walkthrough, run as written from the root of a fresh copy of the project
// (what a clone holds after `npm install`: the sources' build, the bundled frameworks, the fixtures).
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('### The 2025 year'), README.indexOf('\n### ', README.indexOf('### The 2025 year') + 1));
const commands = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').filter((l) => l.startsWith('npx dti ')));

const clone = mkdtempSync(join(tmpdir(), 'dti-clone-'));
for (const part of ['bin', 'dist', 'frameworks', 'fixtures', 'package.json']) cpSync(join(ROOT, part), join(clone, part), { recursive: true });
symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');

interface Run {
  readonly line: string;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}
const runs: Run[] = [];

// Run one after the other, asynchronously: a long synchronous spawn would block the test worker.
beforeAll(async () => {
  const run = promisify(execFile);
  for (const line of commands) {
    // The walkthrough's commands use no quotes, so words are split on spaces as a shell would.
    const args = line.slice('npx dti '.length).split(/\s+/);
    const options = { cwd: clone, encoding: 'utf8' as const, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' } };
    try {
      const out = await run(process.execPath, ['bin/dti.js', ...args], options);
      runs.push({ line, code: 0, stdout: out.stdout, stderr: out.stderr });
    } catch (e) {
      const failed = e as { code?: number; stdout?: string; stderr?: string };
      runs.push({ line, code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' });
    }
  }
}, 600_000);

const readResults = (dir: string): ResultsDoc => resultsSchema.parse(JSON.parse(readFileSync(join(clone, dir, 'results.json'), 'utf8')));
const readComparison = (dir: string): Comparison => comparisonSchema.parse(JSON.parse(readFileSync(join(clone, dir, 'comparison.json'), 'utf8')));
const agencyIn = (doc: ResultsDoc, code: string): AgencyJson => {
  const found = doc.groups.flatMap((g) => g.agencies).find((a) => a.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};
const leafOf = (doc: ResultsDoc, code: string, leaf: string) => agencyIn(doc, code).leaves.find((l) => l.code === leaf)!;

describe('the README’s 2025 walkthrough on a fresh copy', () => {
  it('has the commands of the walkthrough: check, template, validate, rank from CSV and from forms, explain, and the national DTI', () => {
    expect(commands.map((c) => c.split(' ')[2])).toEqual(['check', 'template', 'validate', 'rank', 'rank', 'explain', 'explain', 'score', 'rank']);
  });

  it('runs every command as written, without an error', () => {
    expect(runs).toHaveLength(commands.length);
    for (const r of runs) expect({ line: r.line, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ line: r.line, code: 0, stderr: '' });
  });

  it('checks both 2025 frameworks clean', () => {
    const check = runs[0]!;
    expect(check.stdout).toContain('frameworks/khanh-hoa-2025.yaml không có vấn đề');
    expect(check.stdout).toContain('frameworks/vn-province-2025.yaml không có vấn đề');
  });

  it('writes one blank form per agency of the list', () => {
    // The folder also holds dti's manifest of what it wrote (.dti-manifest.json).
    expect(readdirSync(join(clone, 'out/forms-2025')).filter((f) => !f.startsWith('.'))).toHaveLength(90);
  });
});

describe('the 2025 sample ranked', () => {
  let doc: ResultsDoc;
  beforeAll(() => {
    doc = readResults('out/2025');
  });

  it('ranks departments and the communes, wards and special zone, and assesses central agencies without ranking them', () => {
    expect(doc.groups.map((g) => [g.id, g.ranked, g.agencies.length])).toEqual([
      ['so-nganh', true, 19],
      ['co-quan-trung-uong', false, 6],
      ['cap-xa', true, 65],
    ]);
    expect(doc.groups[1]!.agencies.every((a) => a.rank === null && a.class !== null)).toBe(true);
    expect(doc.groups[2]!.agencies.map((a) => a.rank)[0]).toBe(1);
    expect(doc.summary.errors).toBe(0);
  });

  it('scores each agency out of the indicators that apply to it, and ranks on the index', () => {
    const vpub = agencyIn(doc, 'VPUB');
    expect(vpub.maxPoints).toBe(770); // neither public services (200) nor digital-economy duties (30)
    expect(leafOf(doc, 'VPUB', '6.3')).toMatchObject({ status: 'not-applicable', notApplicable: { by: 'tag' } });
    const stc = agencyIn(doc, 'STC');
    expect(stc.maxPoints).toBe(1000);
    expect(vpub.points).toBeLessThan(stc.points);
    expect(vpub.index).toBeGreaterThan(stc.index);
    expect(vpub.rank!).toBeLessThan(stc.rank!);
  });

  it('takes an N/A answer with its reason off the agency’s maximum', () => {
    expect(leafOf(doc, 'SDTTG', '6.5')).toMatchObject({
      status: 'not-applicable',
      notApplicable: { by: 'declared', reason: 'Các thủ tục hành chính do Sở giải quyết không thu phí, lệ phí' },
    });
    expect(agencyIn(doc, 'SDTTG').maxPoints).toBe(940);
    expect(agencyIn(doc, 'DK-TRUONGSA').maxPoints).toBe(930);
    expect(doc.issues.filter((i) => i.code === 'W_NA_NO_REASON').map((i) => i.message)).toEqual([expect.stringContaining('P-DONGHAI')]);
  });

  it('scores an N/A claim the council rejects as missing, keeping the claim and the rejection', () => {
    const leaf = leafOf(doc, 'X-CAMHIEP', '7.2');
    expect(leaf).toMatchObject({
      status: 'missing',
      points: 0,
      maxPoints: 25,
      notApplicableClaim: { reason: 'Xã chưa có sản phẩm OCOP', rejected: { reviewer: 'Tổ thẩm định số 2' } },
    });
    expect(agencyIn(doc, 'X-CAMHIEP').maxPoints).toBe(1000);
    expect(doc.issues.filter((i) => i.code === 'I_NA_REJECTED' || i.code === 'W_MISSING_VALUE').map((i) => [i.code, i.message.includes('X-CAMHIEP')])).toEqual([
      ['W_MISSING_VALUE', true],
      ['I_NA_REJECTED', true],
    ]);
  });

  it('adds bonus points up to their cap and takes penalties off, outside the maximum, the council’s one included', () => {
    expect(agencyIn(doc, 'P-NHATRANG')).toMatchObject({ bonusPoints: 30, penaltyPoints: 0 });
    expect(agencyIn(doc, 'SGDDT')).toMatchObject({ bonusPoints: 0, penaltyPoints: 50, maxPoints: 1000 });
    expect(agencyIn(doc, 'X-BACAITAY').penaltyPoints).toBe(30);
    expect(leafOf(doc, 'X-VANTHANG', '9.3')).toMatchObject({ points: 50, computedPoints: 0, appraisal: { reviewer: 'Tổ thẩm định số 2' } });
    expect(agencyIn(doc, 'X-VANTHANG').penaltyPoints).toBe(50);
  });

  it('clamps an index pushed past 1 by bonus points', () => {
    expect(agencyIn(doc, 'SKHCN')).toMatchObject({ points: 1005.05, maxPoints: 1000, index: 1, rank: 1 });
  });

  it('compares merged departments with the plain mean of their former departments', () => {
    const before = resultsSchema.parse(JSON.parse(readFileSync(join(clone, 'fixtures/khanh-hoa-2024/results-2024.json'), 'utf8')));
    const cmp = readComparison('out/2025');
    const skhcn = cmp.groups.flatMap((g) => g.agencies).find((a) => a.code === 'SKHCN')!;
    const mean = (agencyIn(before, 'SKHCN').index + agencyIn(before, 'STTTT').index) / 2;
    expect(skhcn).toMatchObject({ status: 'merged', previous: { codes: ['SKHCN', 'STTTT'], index: Number(mean.toFixed(4)) } });
    expect(cmp.merges.map((m) => m.code).sort()).toEqual(['SKHCN', 'SNNMT', 'SNV', 'STC', 'SVHTTDL', 'SXD', 'VPUB']);
    expect(cmp.groups.find((g) => g.id === 'cap-xa')!.agencies.every((a) => a.status === 'new')).toBe(true);
  });

  it('says the district-level block is gone instead of listing its units as vanished', () => {
    const cmp = readComparison('out/2025');
    expect(cmp.goneGroups.map((g) => [g.id, g.codes.length])).toEqual([['cap-huyen', 8]]);
    const md = readFileSync(join(clone, 'out/2025/summary.md'), 'utf8');
    expect(md).toContain('## Khối đơn vị của năm trước không còn');
    expect(md).toContain('UBND cấp huyện: 8 đơn vị (NTR, CRA, NHVN, CLA, DKH, KVI, KSO, TSA)');
    expect(md).not.toContain('Đơn vị của năm trước không còn trong danh sách');
    expect(md).not.toMatch(/\*\*UBND thành phố Nha Trang \(NTR\)\*\*/);
  });

  it('gives the same ranking from the filled forms as from the CSV', () => {
    const forms = readResults('out/2025-xlsx');
    const ranking = (d: ResultsDoc) => d.groups.map((g) => g.agencies.map((a) => [a.code, a.points, a.maxPoints, a.index, a.rank, a.bonusPoints, a.penaltyPoints]));
    expect(ranking(forms)).toEqual(ranking(doc));
    const codes = (d: ResultsDoc) => d.issues.map((i) => i.code).sort();
    expect(codes(forms)).toEqual(codes(doc));
  });

  it('explains an indicator and an agency from the ranked folder', () => {
    // Why 6.5 did not count for Sở Dân tộc và Tôn giáo: the reason it gave.
    expect(runs[5]!.stdout).toContain('6.5 Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến');
    expect(runs[5]!.stdout).toContain('Các thủ tục hành chính do Sở giải quyết không thu phí, lệ phí');
    expect(runs[6]!.stdout).toMatch(/^SKHCN – Sở Khoa học và Công nghệ/);
    expect(runs[6]!.stdout).toContain('+40');
  });
});

describe('the national DTI across the merger', () => {
  it('takes the published DTI 2024 of the 63 provinces as they are', () => {
    const before = resultsSchema.parse(JSON.parse(readFileSync(join(clone, 'out/dti-2024.json'), 'utf8')));
    expect(before.groups[0]!.agencies.map((a) => [a.code, a.index])).toEqual([
      ['DNG', 0.8335],
      ['QNA', 0.5803],
    ]);
  });

  it('gives the new Đà Nẵng last year’s value as the plain mean of Đà Nẵng and Quảng Nam: (0.8335 + 0.5803) / 2 = 0.7069', () => {
    const cmp = readComparison('out/dti-2025');
    const dng = cmp.groups[0]!.agencies.find((a) => a.code === 'DNG')!;
    expect(dng).toMatchObject({ status: 'merged', previous: { index: 0.7069, codes: ['DNG', 'QNA'] } });
    expect(cmp.merges).toEqual([{ code: 'DNG', name: 'Đà Nẵng', group: 'tinh', previous: ['DNG', 'QNA'], index: 0.7069 }]);
    expect(readFileSync(join(clone, 'out/dti-2025/summary.md'), 'utf8')).toContain('← DNG + QNA: chỉ số năm trước 0,7069 (trung bình cộng)');
  });
});
