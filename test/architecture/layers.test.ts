import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** What each pure layer may import (folders under src/); anything else is a higher layer. */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  // The framework names its rules (engine/rules) and describes them in words (i18n).
  framework: ['core', 'framework', 'engine', 'i18n'],
  engine: ['core', 'framework', 'engine'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import of a file, as the src/ folder it lands in ("review", or "." for src/*.ts). */
function importedLayers(file: string): { spec: string; layer: string }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => {
    const target = relative(SRC, resolve(dirname(file), m[1]!));
    return { spec: m[1]!, layer: target.includes('/') ? target.split('/')[0]! : '.' };
  });
}

describe('layers', () => {
  it.each(Object.keys(ALLOWED))('src/%s imports no higher layer', (layer) => {
    const wrong = files(join(SRC, layer)).flatMap((f) =>
      importedLayers(f)
        .filter((i) => !ALLOWED[layer]!.includes(i.layer))
        .map((i) => `${relative(SRC, f)} → ${i.spec}`),
    );
    expect(wrong).toEqual([]);
  });

  it('catches an import of a higher layer (the check itself can fail)', () => {
    expect(importedLayers(join(SRC, 'pipeline.ts')).map((i) => i.layer)).toContain('review');
  });
});
