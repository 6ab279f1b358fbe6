import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultsSchema } from '../../src/results/schema.js';
import { dti } from './run.js';

/** A submissions folder as agencies send it: a CSV, a tab-separated .tsv and .txt, a PDF, an Office lock file. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dti-folder-'));
  const lines = readFileSync('fixtures/khanh-hoa-2023/agencies-long.csv', 'utf8').trimEnd().split('\n');
  const header = lines[0]!;
  const of = (code: string) => lines.filter((l) => l.startsWith(code + ','));
  writeFileSync(join(dir, 'a-vpub.csv'), [header, ...of('VPUB')].join('\n') + '\n');
  // Tab-separated copies (the sample's quoted fields hold commas, never tabs).
  const tsv = (rows: string[]) => rows.map((r) => (r.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) => f.replace(/,$/, '')).join('\t')).join('\n') + '\n';
  writeFileSync(join(dir, 'b-snv.tsv'), tsv([header, ...of('SNV')]));
  writeFileSync(join(dir, 'c-stp.txt'), tsv([header, ...of('STP')]));
  writeFileSync(join(dir, 'evidence.pdf'), '%PDF-1.4\n');
  copyFileSync('fixtures/khanh-hoa-2023/agencies-long.csv', join(dir, '~$a-vpub.csv'));
  return dir;
}

describe('a submissions folder', () => {
  const dir = folder();
  const r = dti(['score', dir, '-f', 'khanh-hoa-agencies', '--format', 'json', '--lang', 'en']);
  const doc = resultsSchema.parse(JSON.parse(r.stdout));

  it('reads .tsv and .txt files as delimited text, as the README says', () => {
    expect(doc.inputs.filter((i) => i.kind !== 'framework').map((i) => i.file.slice(dir.length + 1))).toEqual(['a-vpub.csv', 'b-snv.tsv', 'c-stp.txt']);
    expect(doc.groups.flatMap((g) => g.agencies.map((a) => a.code)).sort()).toEqual(['SNV', 'STP', 'VPUB']);
  });

  it('says which files it skipped and why', () => {
    const skipped = doc.issues.filter((i) => i.code.startsWith('I_FILE_SKIPPED'));
    expect(skipped.map((i) => [i.code, i.file!.slice(dir.length + 1)])).toEqual([
      ['I_FILE_SKIPPED', 'evidence.pdf'],
      ['I_FILE_SKIPPED_LOCK', '~$a-vpub.csv'],
    ]);
    expect(skipped[0]!.message).toContain('".pdf" files are not submissions');
    expect(r.stderr).toContain('evidence.pdf');
  });
});

describe('a template sent back never filled in', () => {
  it('is one error for its file, and the agency is not scored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dti-blank-'));
    writeFileSync(join(dir, 'agencies.csv'), 'agency_code,agency_name,group\nSTP,Sở Tư pháp,so-nganh\n');
    expect(dti(['template', '-f', 'khanh-hoa-agencies', '--agencies', join(dir, 'agencies.csv'), '-o', join(dir, 'forms'), '-q']).code).toBe(0);
    const r = dti(['validate', join(dir, 'forms', 'STP.xlsx'), '-f', 'khanh-hoa-agencies', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.issues.map((i: { code: string }) => i.code)).toEqual(['E_SUBMISSION_EMPTY']);
    expect(out.agencies).toBe(0);
  });
});
