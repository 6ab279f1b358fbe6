import { describe, expect, it } from 'vitest';
import * as dti from '../src/index.js';

describe('the library API', () => {
  it('scores and ranks the sample the same way the CLI does', () => {
    const fw = dti.loadFramework('khanh-hoa-agencies');
    if (!fw.ok) throw new Error('framework did not load');
    const run = dti.scoreFiles(['fixtures/khanh-hoa-2023/agencies-long.csv'], fw.model, { lang: 'en' });
    expect(run.results.groups.map((g) => [g.id, g.agencies.length])).toEqual([
      ['so-nganh', 20],
      ['cap-huyen', 9],
    ]);
    expect(run.results.groups[0]!.agencies[0]!.rank).toBe(1);
    expect(dti.hasErrors(run.issues)).toBe(false);
  });

  it('exposes each step on its own: read, score, rank, build', () => {
    const fw = dti.loadFramework('khanh-hoa-agencies');
    if (!fw.ok) throw new Error('framework did not load');
    const read = dti.readSubmissions(['fixtures/khanh-hoa-2023/agencies-long.csv'], fw.model);
    const scores = dti.scoreSubmissions(fw.model, read.submissions);
    const groups = dti.rankScores(fw.model, scores);
    const doc = dti.buildResults(fw.model, groups, read.issues, { lang: 'vi', toolVersion: 'test', inputs: read.inputs });
    expect(dti.resultsSchema.safeParse(doc).success).toBe(true);
  });

  it('parses a framework from text without touching the file system', () => {
    const out = dti.parseFramework('id: x', 'yaml', 'x.yaml', 'en');
    expect(out.ok).toBe(false);
    expect(out.issues.every((i) => i.code === 'E_FW_SCHEMA')).toBe(true);
  });
});
