import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/framework/load.js';
import { readSubmissionFile } from '../../../src/submission/read.js';
import { packRead, unpackRead } from '../../../src/submission/parallel/transfer.js';

function sampleRead() {
  const loaded = loadFramework('khanh-hoa-agencies');
  if (!loaded.ok) throw new Error('framework');
  return readSubmissionFile('fixtures/khanh-hoa-2023/xlsx/BDT.xlsx', loaded.model);
}

describe('a read crossing from a thread', () => {
  it('is sent with its path once, not once per location', () => {
    const read = sampleRead();
    const { file, ...below } = packRead(structuredClone(read));
    expect(file).toBe(read.file);
    expect(JSON.stringify(read)).toContain(`"file":"${read.file}"`);
    expect(JSON.stringify(below)).not.toContain(read.file);
  });

  it('arrives equal to the read made in this thread, key order included', () => {
    const read = sampleRead();
    const names = new Map<string, string>();
    const arrived = unpackRead(structuredClone(packRead(structuredClone(read))), names);
    expect(arrived).toStrictEqual(read);
    expect(JSON.stringify(arrived)).toBe(JSON.stringify(read));
    // Only the file's path and its sheets' names are kept, once each.
    expect([...names.keys()].sort()).toEqual([read.file, ...new Set(read.submissions.flatMap((s) => s.entries.map((e) => e.loc.sheet!)))].sort());
  });

  it('keeps a location in another file as it is', () => {
    const read = { file: 'a.xlsx', submissions: [], issues: [{ severity: 'error' as const, code: 'E_X', location: { file: 'b.csv', row: 2 }, params: {} }] };
    const arrived = unpackRead(structuredClone(packRead(structuredClone(read))), new Map());
    expect(arrived).toStrictEqual(read);
  });
});
