import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dti } from '../../cli/run.js';

// A clock that jumps 20 ms at every reading: what a busy machine looks like to code that times
// itself. zrender gives up exact character widths when measuring takes over 16 ms.
const SLOW_CLOCK = `
const Real = Date; let t = Real.now();
globalThis.Date = class extends Real {
  constructor(...a) { if (a.length === 0) { t += 20; super(t); } else super(...a); }
  static now() { t += 20; return t; }
};
`;

describe('the report on a busy machine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dti-clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the same charts when the clock jumps while they are drawn', () => {
    const preload = join(dir, 'slow-clock.mjs');
    writeFileSync(preload, SLOW_CLOCK);
    const args = ['report', 'fixtures/khanh-hoa-2023/results-2023.json', '-q', '-o'];
    const calm = dti([...args, join(dir, 'calm.html')]);
    const busy = dti([...args, join(dir, 'busy.html')], { NODE_OPTIONS: `--import=${preload}` });
    expect([calm.code, busy.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'busy.html'), 'utf8')).toBe(readFileSync(join(dir, 'calm.html'), 'utf8'));
  });
});
