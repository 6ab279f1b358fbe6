import fs, { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../../src/report/atomic.js';
import { OutputRefused, openOutputFolder, writeOutputFolder } from '../../../src/report/output/index.js';
import { parseManifest, sha256 } from '../../../src/report/output/manifest.js';

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text, 'utf8') });
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('writeOutputFolder', () => {
  it('leaves the previous set as it was when the disk fills up during writing (ENOSPC through the fs seam)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    const out = join(parent, 'out');
    writeOutputFolder(out, [file('a.json', 'old a'), file('b.csv', 'old b')]);
    const before = contents(out);
    const real = fs.writeSync;
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => {
      if (++calls === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      return (real as (...a: unknown[]) => number)(...args);
    }) as typeof fs.writeSync);
    let thrown: unknown;
    try {
      writeOutputFolder(out, [file('a.json', 'new a'), file('b.csv', 'new b'), file('c.md', 'new c')]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutputError);
    expect((thrown as OutputError).reason).toBe('ENOSPC');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']); // staging folder and lock removed
  });

  it('refuses names that cannot be files everywhere before writing anything', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    const out = join(parent, 'out');
    for (const name of ['.hidden.csv', '~$lock.xlsx', 'CON.csv', 'aux', 'x'.repeat(252) + '.csv', 'a:b.csv', 'trailing.']) {
      expect(() => writeOutputFolder(out, [file(name, 'x')]), name).toThrow(OutputRefused);
    }
    expect(() => writeOutputFolder(out, [file('Sở.csv', 'x'), file('sở.csv', 'y')])).toThrow(OutputRefused);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('writes the same manifest for the same files', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    writeOutputFolder(join(parent, 'one'), [file('b', '2'), file('a', '1')]);
    writeOutputFolder(join(parent, 'two'), [file('a', '1'), file('b', '2')]);
    expect(readFileSync(join(parent, 'one', '.dti-manifest.json'))).toEqual(readFileSync(join(parent, 'two', '.dti-manifest.json')));
  });

  it('writes a file produced in chunks, listing in the manifest the hash of the bytes written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dti-folder-')), 'out');
    writeOutputFolder(out, [{ name: 'big.json', produce: (put) => ['{', '"a": 1', '}\n'].forEach((chunk) => put(chunk)) }, file('b.csv', 'b')]);
    const written = readFileSync(join(out, 'big.json'));
    expect(written.toString('utf8')).toBe('{"a": 1}\n');
    expect(parseManifest(readFileSync(join(out, '.dti-manifest.json'), 'utf8')).get('big.json')).toBe(sha256(written));
  });

  it('waits for a file produced by a stream (writeAsync), all or nothing as with bytes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dti-folder-')), 'out');
    const folder = openOutputFolder(out);
    try {
      await folder.writeAsync([
        {
          name: 'slow.txt',
          produce: async (put) => {
            put('one ');
            await new Promise((done) => setTimeout(done, 5));
            put(Buffer.from('two'));
          },
        },
      ]);
    } finally {
      folder.close();
    }
    expect(contents(out)).toEqual({ '.dti-manifest.json': expect.any(String), 'slow.txt': 'one two' });
  });

  it('leaves the previous set as it was when a streamed file fails halfway', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    const out = join(parent, 'out');
    writeOutputFolder(out, [file('a.json', 'old a')]);
    const before = contents(out);
    const folder = openOutputFolder(out);
    let thrown: unknown;
    try {
      await folder.writeAsync([
        file('a.json', 'new a'),
        {
          name: 'b.xlsx',
          produce: async (put) => {
            put('half');
            await new Promise((done) => setTimeout(done, 1));
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
        },
      ]);
    } catch (e) {
      thrown = e;
    } finally {
      folder.close();
    }
    expect((thrown as OutputError).reason).toBe('ENOSPC');
    expect(contents(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('passes on a producer\'s own error (not the file system\'s) as it is, leaving nothing behind', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    const folder = openOutputFolder(join(parent, 'out'));
    const bug = new TypeError('a writer bug');
    await expect(
      folder.writeAsync([
        {
          name: 'a.txt',
          produce: () => {
            throw bug;
          },
        },
      ]),
    ).rejects.toBe(bug);
    folder.close();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses an async producer in a synchronous write, leaving nothing behind', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dti-folder-'));
    expect(() => writeOutputFolder(join(parent, 'out'), [{ name: 'a.txt', produce: async () => undefined }])).toThrow(/needs writeAsync/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
