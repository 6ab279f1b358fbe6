import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/framework/load.js';
import { readSubmissionFile } from '../../../src/submission/read.js';
import { shareStrings } from '../../../src/submission/parallel/share-strings.js';

describe('shareStrings', () => {
  it('leaves a read that crossed from a thread equal, key order included', () => {
    const loaded = loadFramework('khanh-hoa-agencies');
    if (!loaded.ok) throw new Error('framework');
    const read = readSubmissionFile('fixtures/khanh-hoa-2023/xlsx/BDT.xlsx', loaded.model);
    const names = new Map<string, string>();
    const shared = shareStrings(structuredClone(read), names);
    expect(shared).toStrictEqual(read);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(read));
    // Only the file's path and its sheets' names are kept, once each.
    expect([...names.keys()].sort()).toEqual([read.file, ...new Set(read.submissions.flatMap((s) => s.entries.map((e) => e.loc.sheet!)))].sort());
  });
});
