import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/results/spool.js';

describe('a spool of records on disk', () => {
  it('gives back each record as it was put, by number', () => {
    const spool = new Spool();
    const texts = ['', 'một', 'x'.repeat(100_000), 'Ủy ban nhân dân'];
    const numbers = texts.map((t) => spool.put(Buffer.from(t, 'utf8')));
    expect(numbers).toEqual([0, 1, 2, 3]);
    expect(spool.size).toBe(4);
    expect([3, 0, 2, 1].map((n) => spool.get(n).toString('utf8'))).toEqual([texts[3], texts[0], texts[2], texts[1]]);
    spool.close();
  });

  it('removes its file when closed, and cannot be read after', () => {
    const before = new Set(readdirSync(tmpdir()).filter((n) => n.startsWith(`dti-spool-${process.pid}-`)));
    const spool = new Spool();
    spool.put(Buffer.from('a'));
    const mine = readdirSync(tmpdir()).filter((n) => n.startsWith(`dti-spool-${process.pid}-`) && !before.has(n));
    expect(mine).toHaveLength(1);
    spool.close();
    spool.close();
    expect(existsSync(join(tmpdir(), mine[0]!))).toBe(false);
    expect(() => spool.get(0)).toThrow();
  });

  it('removes the spool a killed run left behind, and not a live process\'s', () => {
    // No process has pid 2^22 + 1 (Linux's pid_max is at most 2^22).
    const dead = join(tmpdir(), `dti-spool-${2 ** 22 + 1}-left`);
    const live = join(tmpdir(), `dti-spool-${process.ppid}-live`);
    for (const dir of [dead, live]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'records'), 'old');
    }
    try {
      new Spool().close();
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      rmSync(live, { recursive: true, force: true });
    }
  });
});
