import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../../src/framework/load.js';
import type { FrameworkModel } from '../../../src/framework/model.js';
import { readAgencyList } from '../../../src/submission/agencies.js';
import { readSubmissionFile, type FileRead } from '../../../src/submission/read.js';
// Worker threads run compiled JavaScript: the parallel reader is tested as built (npm run build).
import { readFilesParallel } from '../../../dist/submission/parallel/index.js';

function model(id: string): FrameworkModel {
  const loaded = loadFramework(id);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.model;
}

const filesIn = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));

async function collect(reads: AsyncIterable<FileRead>): Promise<FileRead[]> {
  const out: FileRead[] = [];
  for await (const r of reads) out.push(r);
  return out;
}

const SAMPLES: [string, string, string[]][] = [
  ['the 2023 sample workbooks', 'khanh-hoa-agencies', filesIn('fixtures/khanh-hoa-2023/xlsx')],
  ['the 2025 sample workbooks and CSV', 'khanh-hoa-2025', [...filesIn('fixtures/khanh-hoa-2025/xlsx'), ...filesIn('fixtures/khanh-hoa-2025/csv')]],
  ['the bad and hostile files', 'vn-province-2022', [...filesIn('fixtures/bad'), ...filesIn('fixtures/xlsx'), 'fixtures/bad/no-such-file.xlsx', 'fixtures']],
];

describe('readFilesParallel', () => {
  describe.each(SAMPLES)('on %s', (_, framework, files) => {
    const m = model(framework);
    const sequential = files.map((f) => readSubmissionFile(f, m));

    it.each([2, 3])('with %i threads yields the same FileReads as readSubmissionFile, in file order', async (threads) => {
      expect(await collect(readFilesParallel(files, m, {}, threads))).toStrictEqual(sequential);
    });
  });

  it('with one thread yields readSubmissionFile results', async () => {
    const m = model('khanh-hoa-agencies');
    const files = filesIn('fixtures/khanh-hoa-2023/xlsx').slice(0, 3);
    expect(await collect(readFilesParallel(files, m, {}, 1))).toStrictEqual(files.map((f) => readSubmissionFile(f, m)));
  });

  it('hands the reading options to its threads (agency list, sheet, limits)', async () => {
    const m = model('khanh-hoa-2025');
    const list = readAgencyList(readFileSync('fixtures/khanh-hoa-2025/agencies.csv'), 'fixtures/khanh-hoa-2025/agencies.csv', m);
    const files = filesIn('fixtures/khanh-hoa-2025/xlsx').slice(0, 8);
    for (const options of [{ agencies: list.agencies }, { sheet: 'No such sheet' }, { xlsxLimits: { maxRows: 5 } }]) {
      const expected = files.map((f) => readSubmissionFile(f, m, options));
      expect(expected).not.toStrictEqual(files.map((f) => readSubmissionFile(f, m))); // the option changes the reads
      expect(await collect(readFilesParallel(files, m, options, 2))).toStrictEqual(expected);
    }
  });

  it('reports progress after each file, in file order', async () => {
    const m = model('khanh-hoa-agencies');
    const files = filesIn('fixtures/khanh-hoa-2023/xlsx').slice(0, 6);
    const seen: string[] = [];
    await collect(readFilesParallel(files, m, { onFile: (file, done, total) => seen.push(`${done}/${total} ${file}`) }, 2));
    expect(seen).toEqual(files.map((f, i) => `${i + 1}/6 ${f}`));
  });
});
