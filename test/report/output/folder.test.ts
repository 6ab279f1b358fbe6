import fs, { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputError } from '../../../src/report/atomic.js';
import { OutputRefused, writeOutputFolder } from '../../../src/report/output/index.js';

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
});
