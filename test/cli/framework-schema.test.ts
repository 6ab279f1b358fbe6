import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, dti } from './run.js';

describe('dti framework schema', () => {
  it('prints the JSON Schema shipped in frameworks/ (exit 0)', () => {
    const out = dti(['framework', 'schema']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(readFileSync(join(ROOT, 'frameworks', 'framework.schema.json'), 'utf8'));
  });

  it('is not listed as a framework', () => {
    expect(dti(['framework', 'list']).stdout).not.toMatch(/framework\.schema/);
  });
});
