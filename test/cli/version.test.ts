import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dti } from './run.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dti --version', () => {
  it.each([['--version'], ['-V']])('%s alone prints the package version and exits 0', (flag) => {
    expect(dti([flag])).toEqual({ code: 0, stdout: version + '\n', stderr: '' });
  });

  it('prints the same with other global options, through the program', () => {
    expect(dti(['--lang', 'en', '--version'])).toEqual({ code: 0, stdout: version + '\n', stderr: '' });
  });

  it('still refuses a DTI_LANG it does not know (exit 2)', () => {
    const r = dti(['--version'], { DTI_LANG: 'xx' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('E_LANG');
  });
});
