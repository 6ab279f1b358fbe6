import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/framework/load.js';
import type { FrameworkModel } from '../../src/framework/model.js';
import { readEach, scoreFiles, scoreReads, scoreReadsSync } from '../../src/pipeline.js';
import type { FileRead } from '../../src/submission/read.js';
import { expandInputs } from '../../src/sheets/files.js';

function model(id: string): FrameworkModel {
  const fw = loadFramework(id);
  if (!fw.ok) throw new Error(`framework ${id} did not load`);
  return fw.model;
}

const SAMPLE_2024 = ['fixtures/khanh-hoa-2024/agencies-long.csv'];

describe('scoring as a fold over file reads', () => {
  it('gives the same results document as scoreFiles, with the council review and a year', () => {
    const m = model('khanh-hoa-agencies');
    const options = { year: 2024, review: 'fixtures/khanh-hoa-2024/review.csv' };
    const whole = scoreFiles(SAMPLE_2024, m, options);
    const run = scoreReadsSync(readEach(SAMPLE_2024, m), m, options);
    try {
      expect(JSON.stringify(run.results, null, 2)).toBe(JSON.stringify(whole.results, null, 2));
      expect(run.issues).toEqual(whole.issues);
      expect(run.adjustments).toEqual(whole.adjustments);
    } finally {
      run.release();
    }
  });

  it('gives the same results as scoreFiles over 29 workbooks, whose relative indicators compare files with each other', () => {
    const m = model('khanh-hoa-agencies');
    const files = expandInputs(['fixtures/khanh-hoa-2023/xlsx']).files;
    expect(files.length).toBe(29);
    const run = scoreReadsSync(readEach(files, m), m);
    try {
      expect(JSON.stringify(run.results, null, 2)).toBe(JSON.stringify(scoreFiles(files, m).results, null, 2));
    } finally {
      run.release();
    }
  });

  it('reads the agencies\' audit trails back from disk when they are asked for, until the run is released', () => {
    const m = model('khanh-hoa-agencies');
    const run = scoreReadsSync(readEach(SAMPLE_2024, m), m, {});
    try {
      const agency = run.results.groups[0]!.agencies[0]!;
      expect(agency.leaves.length).toBeGreaterThan(0);
      expect(Object.getOwnPropertyDescriptor(agency, 'leaves')?.get).toBeTypeOf('function');
      expect(JSON.stringify(agency.leaves)).toContain('"sources"');
    } finally {
      run.release();
    }
    // Past the few kept parsed, a trail is read from the spool, which is gone once released.
    expect(() => run.results.groups.flatMap((g) => g.agencies).map((a) => a.leaves)).toThrow();
  });

  it('takes reads from an async iterable, as worker threads give them', async () => {
    const m = model('khanh-hoa-agencies');
    async function* later(reads: Iterable<FileRead>) {
      for (const r of reads) {
        await new Promise((done) => setImmediate(done));
        yield r;
      }
    }
    const whole = scoreFiles(SAMPLE_2024, m);
    const run = await scoreReads(later(readEach(SAMPLE_2024, m)), m);
    try {
      expect(JSON.stringify(run.results)).toBe(JSON.stringify(whole.results));
    } finally {
      run.release();
    }
  });

  it('reports that nothing was scored when no file gave a submission', () => {
    const m = model('khanh-hoa-agencies');
    const run = scoreReadsSync([], m);
    expect(run.issues.map((i) => i.code)).toEqual(['E_NOTHING_SCORED']);
    run.release();
  });
});
