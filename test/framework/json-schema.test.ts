import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_SCHEMA_FILE, frameworkJsonSchema } from '../../src/framework/json-schema.js';
import { BUNDLED_DIR } from '../../src/framework/load.js';
import { TINY } from '../helpers/build.js';
import { Y2025 } from '../helpers/y2025.js';

const shipped = readFileSync(join(BUNDLED_DIR, FRAMEWORK_SCHEMA_FILE), 'utf8');
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(shipped) as object);
const bundledFiles = readdirSync(BUNDLED_DIR).filter((f) => /\.ya?ml$/.test(f));

describe('the JSON Schema of framework files', () => {
  it('is shipped in step with the zod schema (npm run framework-schema regenerates it)', () => {
    expect(shipped).toBe(frameworkJsonSchema());
  });

  it.each(bundledFiles)('validates the bundled %s, which names the schema on its first line', (file) => {
    const text = readFileSync(join(BUNDLED_DIR, file), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=./${FRAMEWORK_SCHEMA_FILE}`);
    const ok = validate(parseYaml(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('accepts the 2025 features and rejects what the zod schema rejects', () => {
    expect(validate(TINY)).toBe(true);
    expect(validate(Y2025)).toBe(true);
    const bad = { ...Y2025, indicators: [{ ...Y2025.indicators[0], effect: 'reward' }] };
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath.endsWith('/effect'))).toBe(true);
  });
});
