import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the built `dti` as a user would, from the project root, without colour. */
export function dti(args: string[], env: Record<string, string> = {}) {
  const out = spawnSync(process.execPath, ['bin/dti.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Results of the samples on stdout pass spawnSync's default 1 MiB, which kills the child mid-write.
    maxBuffer: 256 * 1024 * 1024,
    // FORCE_COLOR from the environment the tests run in (vitest's, a CI's) must not colour the output.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', DTI_LANG: '', ...env },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}
