import fs, { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeFolder, OutputFolderError } from '../../../src/report/output/make-folder.js';
import { writeOutputFolder } from '../../../src/report/output/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function failure(run: () => unknown): OutputFolderError {
  try {
    run();
  } catch (e) {
    if (e instanceof OutputFolderError) return e;
    throw e;
  }
  throw new Error('expected an OutputFolderError');
}

describe('makeFolder', () => {
  it('makes a folder and its missing parents', () => {
    const root = mkdtempSync(join(tmpdir(), 'dti-mkdir-'));
    makeFolder(join(root, 'a', 'b', 'c'));
    expect(statSync(join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
  });

  it('accepts a folder that is already there', () => {
    const root = mkdtempSync(join(tmpdir(), 'dti-mkdir-'));
    makeFolder(root);
    expect(statSync(root).isDirectory()).toBe(true);
  });

  it('refuses a path through a file as ENOTDIR, naming the file', () => {
    const root = mkdtempSync(join(tmpdir(), 'dti-mkdir-'));
    writeFileSync(join(root, 'file'), 'x');
    const e = failure(() => makeFolder(join(root, 'file', 'x', 'y')));
    expect(e.reason).toBe('ENOTDIR');
    expect(e.folder).toBe(join(root, 'file'));
  });

  it('names the folder a read-only parent refuses (EACCES through the fs seam), and makes nothing after it', () => {
    const root = mkdtempSync(join(tmpdir(), 'dti-mkdir-'));
    vi.spyOn(fs, 'mkdirSync').mockImplementation(() => {
      throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
    });
    const e = failure(() => makeFolder(join(root, 'ro', 'out')));
    expect(e.reason).toBe('EACCES');
    expect(e.folder).toBe(join(root, 'ro'));
    expect(existsSync(join(root, 'ro'))).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self'))('ends under /proc, where Node’s recursive mkdir never returns', () => {
    const e = failure(() => makeFolder('/proc/dti-no-such/x'));
    expect(e.folder).toBe('/proc/dti-no-such');
    expect(e.reason).toBe('ENOENT');
  });
});

describe('writeOutputFolder into a folder that cannot be made', () => {
  it('throws an OutputFolderError naming the folder asked for', () => {
    const root = mkdtempSync(join(tmpdir(), 'dti-mkdir-'));
    writeFileSync(join(root, 'file'), 'x');
    const target = join(root, 'file', 'out');
    const e = failure(() => writeOutputFolder(target, [{ name: 'a.json', bytes: Buffer.from('{}') }]));
    expect(e.folder).toBe(target);
    expect(e.reason).toBe('ENOTDIR');
  });

  it.skipIf(!existsSync('/proc/self'))('names the folder when its parent exists but takes no new file (/proc: the lock cannot be made)', () => {
    const e = failure(() => writeOutputFolder('/proc/dti-out', [{ name: 'a.json', bytes: Buffer.from('{}') }]));
    expect(e.folder).toBe('/proc/dti-out');
  });
});
