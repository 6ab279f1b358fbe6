import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dti } from './run.js';

/** The same command run by the modules tsc wrote (dist/cli/main.js), without the bundle bin/dti.js loads. */
function unbundled(args: string[]) {
  const launcher = `const { run } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}); process.exitCode = await run([process.argv[0], "dti", ...process.argv.slice(1)]);`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', launcher, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Results of the samples on stdout pass spawnSync's default 1 MiB, which kills the child mid-write.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', DTI_LANG: '' },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

const bundled = existsSync(join(ROOT, 'dist/cli-bundle/main.js'));

describe.skipIf(!bundled)('the bundled CLI (dist/cli-bundle, what bin/dti.js runs)', () => {
  it.each([
    [['score', 'fixtures/khanh-hoa-2023/xlsx', '-f', 'khanh-hoa-agencies', '--format', 'json']],
    [['score', 'fixtures/khanh-hoa-2023/agencies-long.csv', '-f', 'frameworks/khanh-hoa-agencies.yaml', '--lang', 'en']],
    [['framework', 'list']],
    [['--lang', 'en', '--version']],
    [['score', '--fromat', 'json']],
  ])('gives what the unbundled modules give: dti %j', (args) => {
    expect(dti(args)).toEqual(unbundled(args));
  });
});
