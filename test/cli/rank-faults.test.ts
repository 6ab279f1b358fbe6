import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script shared with the fixture and benchmark scripts, without types.
import { seededRandom } from '../../scripts/lib/random.mjs';
import { ROOT } from './run.js';

/**
 * `dti` as run.ts runs it, but without blocking: these runs take seconds each on a loaded
 * machine, and a worker blocked that long misses vitest's own messages.
 */
function dti(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['bin/dti.js', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

/**
 * Faults during `dti rank`: a kill at any moment and a full disk leave the output folder as it
 * was or complete, never a mix. The batch is generated: the long-form sample's agencies copied
 * under new codes, large enough that the run's writing takes a noticeable share of its time.
 */
const LONG = join(ROOT, 'fixtures/khanh-hoa-2023/agencies-long.csv');
const work = mkdtempSync(join(tmpdir(), 'dti-faults-'));

/** The sample's rows `copies` times, each copy under new agency codes and names ending in `tag`. */
function batch(name: string, copies: number, tag: string): string {
  const [header, ...rows] = readFileSync(LONG, 'utf8').trim().split('\n');
  const out = [header!];
  for (let k = 0; k < copies; k++) {
    for (const row of rows) {
      const a = row.indexOf(',');
      const b = row.indexOf(',', a + 1);
      out.push(`${row.slice(0, a)}K${k},${row.slice(a + 1, b)} ${tag}${k}${row.slice(b)}`);
    }
  }
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'agencies.csv'), out.join('\n') + '\n');
  return dir;
}

const rankArgs = (inputs: string, out: string) => ['rank', inputs, '-f', 'khanh-hoa-agencies', '--year', '2023', '--out', out, '-q'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

/** Every entry of a folder with its bytes' hash: two folders with the same snapshot hold the same outputs. */
function snapshot(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

describe('dti rank killed at random moments', () => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  let inputsB: string;
  let referenceA: string;

  beforeAll(async () => {
    const inputsA = batch('a', 5, 'a');
    inputsB = batch('b', 5, 'b');
    referenceA = join(work, 'ref-a');
    expect((await dti(rankArgs(inputsA, referenceA))).code).toBe(0);
    const refB = join(work, 'ref-b');
    expect((await dti(rankArgs(inputsB, refB))).code).toBe(0);
    before = snapshot(referenceA)!;
    after = snapshot(refB)!;
    expect(before).not.toEqual(after);
  }, 120_000);

  /** Runs B into `out`, killing it `delay` ms after it starts, or after its staging folder appears when `afterStaging`. Returns when it has exited, with when staging appeared. */
  async function runAndKill(parent: string, out: string, delay: number | undefined, afterStaging: boolean) {
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/dti.js', ...rankArgs(inputsB, out)], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' } });
    let staged: number | undefined;
    let swapped: number | undefined;
    const manifest = join(out, '.dti-manifest.json');
    const previousManifest = readFileSync(manifest, 'utf8');
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    if (delay !== undefined && !afterStaging) timer = setTimeout(kill, delay);
    // Polled rather than watched: fs.watch may miss a folder that lives for a few milliseconds.
    const poll = setInterval(() => {
      if (staged === undefined && readdirSync(parent).some((n) => n.startsWith('.out.dti-new-'))) {
        staged = Date.now() - started;
        if (delay !== undefined && afterStaging) timer = setTimeout(kill, delay);
      }
      if (staged !== undefined && swapped === undefined && !same(read(manifest), previousManifest)) swapped = Date.now() - started;
    }, 1);
    await new Promise((done) => child.on('exit', done));
    clearInterval(poll);
    if (timer) clearTimeout(timer);
    return { staged, swapped, total: Date.now() - started };
  }

  function resetTrial(name: string) {
    const parent = join(work, name);
    const out = join(parent, 'out');
    mkdirSync(parent);
    cpSync(referenceA, out, { recursive: true });
    return { parent, out };
  }

  it('leaves the folder either as before or complete, and the next run finishes the job', async () => {
    // A run left to finish shows when writing starts (the staging folder appears) and how long it lasts.
    const probe = resetTrial('probe');
    const timing = await runAndKill(probe.parent, probe.out, undefined, false);
    expect(snapshot(probe.out)).toEqual(after);
    expect(timing.staged).toBeDefined();
    // From the staging folder's appearance to the new set in place: where a kill could do harm.
    const writing = (timing.swapped ?? timing.total) - timing.staged!;

    const random: () => number = seededRandom(20240917);
    const seen: string[] = [];
    for (let trial = 0; trial < 6; trial++) {
      const { parent, out } = resetTrial(`trial-${trial}`);
      // Two trials at any moment of the whole run; the others during its writing.
      const afterStaging = trial >= 2;
      const delay = Math.round(afterStaging ? writing * 0.9 * random() : timing.total * (0.2 + random()));
      await runAndKill(parent, out, delay, afterStaging);

      const now = snapshot(out);
      const aside = snapshot(join(parent, '.out.dti-old'));
      const state = same(now, before)
        ? 'as before'
        : same(now, after)
          ? 'complete'
          : now === undefined && same(aside, before)
            ? 'between the two renames, the previous set aside'
            : 'MIXED';
      seen.push(`${afterStaging ? `${delay} ms into writing` : `${delay} ms into the run`}: ${state}`);
      expect(state, `trial ${trial}, ${seen.at(-1)}: ${JSON.stringify({ now, aside, parent: readdirSync(parent) })}`).not.toBe('MIXED');

      // The next run recovers whatever the kill left (lock, staging folder, backup) and completes.
      const next = await dti(rankArgs(inputsB, out));
      expect(next.code, next.stderr).toBe(0);
      expect(snapshot(out)).toEqual(after);
      expect(readdirSync(parent)).toEqual(['out']);
    }
    // What the kills hit, for whoever reads the test output.
    console.log(`writing and swapping took ${writing} ms of ${timing.total} ms\n` + seen.join('\n'));
  }, 300_000);
});

/** A 2 MiB tmpfs (root only; skipped elsewhere): a small run fits, a large one fills it. */
const mount = join(work, 'small-disk');
mkdirSync(mount);
const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]).status === 0;

describe.skipIf(!mounted)('dti rank on a full disk', () => {
  afterAll(() => {
    spawnSync('umount', [mount]);
  });

  it('leaves the previous outputs as they were, says the disk is full, and exits 2', async () => {
    const out = join(mount, 'out');
    expect((await dti(rankArgs(LONG, out))).code).toBe(0);
    const previous = snapshot(out);
    const large = batch('large', 20, 'l');
    const r = await dti(['rank', large, '-f', 'khanh-hoa-agencies', '--year', '2023', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Could not write ${out} (the disk is full); nothing was left half-written`);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(snapshot(out)).toEqual(previous);
    expect(readdirSync(mount)).toEqual(['out']); // no staging folder or lock left
    const vi = await dti(['rank', large, '-f', 'khanh-hoa-agencies', '--year', '2023', '--out', out, '--lang', 'vi']);
    expect(vi.stderr).toContain('ổ đĩa đã đầy');
  }, 120_000);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});
