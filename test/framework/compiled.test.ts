import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileFramework, fromCompiled } from '../../src/framework/compiled.js';
import { bundledFrameworkIds, frameworkPath } from '../../src/framework/load.js';
import { parseFramework } from '../../src/framework/parse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const yamlIds = bundledFrameworkIds().filter((id) => /\.ya?ml$/.test(frameworkPath(id)));
const textOf = (id: string) => readFileSync(frameworkPath(id), 'utf8');

describe('bundled frameworks compiled at build time', () => {
  it('covers every bundled YAML framework', () => {
    expect(yamlIds.length).toBeGreaterThanOrEqual(4);
  });

  it.each(yamlIds)('%s: the compiled form loads to what parsing its YAML gives', (id) => {
    const text = textOf(id);
    const parsed = parseFramework(text.replace(/^\uFEFF/, ''), 'yaml', id);
    const compiled = fromCompiled(compileFramework(text, id), text);
    expect(parsed.ok).toBe(true);
    expect(compiled?.ok).toBe(true);
    if (!parsed.ok || !compiled?.ok) return;
    expect(compiled.model.framework).toEqual(parsed.model.framework);
    expect(compiled.issues).toEqual(parsed.issues);
    expect([...compiled.model.nodes.keys()]).toEqual([...parsed.model.nodes.keys()]);
  });

  it('is not used for a YAML text other than the one it was made from', () => {
    const [id] = yamlIds as [string];
    const text = textOf(id);
    expect(fromCompiled(compileFramework(text, id), text + '\n# edited after the build\n')).toBeUndefined();
  });

  it('is not used when the compiled file is damaged', () => {
    const [id] = yamlIds as [string];
    const text = textOf(id);
    expect(fromCompiled(compileFramework(text, id).slice(0, 100), text)).toBeUndefined();
  });

  it('refuses to compile a framework that does not load', () => {
    expect(() => compileFramework('id: broken\n', 'broken')).toThrow(/broken/);
  });

  // The build's output (dist/frameworks, made by scripts/compile-frameworks.mjs) is the compiled
  // form of today's YAML, and the built loader returns the same framework as parsing the YAML.
  const built = join(root, 'dist/frameworks');
  it.skipIf(!existsSync(built)).each(yamlIds)('%s: the build wrote its compiled form, and the built loader gives the same framework', async (id) => {
    const text = textOf(id);
    expect(readFileSync(join(built, id + '.json'), 'utf8')).toBe(compileFramework(text, id));
    const { loadFramework } = (await import(join(root, 'dist/framework/load.js'))) as typeof import('../../src/framework/load.js');
    const loaded = loadFramework(id);
    const parsed = parseFramework(text.replace(/^\uFEFF/, ''), 'yaml', id);
    expect(loaded.ok && parsed.ok && loaded.model.framework).toEqual(parsed.ok && parsed.model.framework);
  });
});
