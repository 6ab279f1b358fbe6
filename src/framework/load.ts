import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issue, type DtiIssue } from '../core/issues.js';
import { fromCompiled } from './compiled.js';
import { FRAMEWORK_SCHEMA_FILE } from './json-schema.js';
import { parseFramework, type FrameworkParse, type Lang } from './parse.js';
import { withFile } from '../core/file-error.js';

/** Bundled frameworks ship as YAML in the package's frameworks/ folder (two levels above this module in src/ and dist/). */
export const BUNDLED_DIR = fileURLToPath(new URL('../../frameworks/', import.meta.url));

/**
 * The bundled frameworks compiled by the build (dist/frameworks/<id>.json, see compiled.ts); from
 * src/ (tests) there are none, and the YAML is parsed.
 */
export const COMPILED_DIR = fileURLToPath(new URL('../frameworks/', import.meta.url));

export function bundledFrameworkIds(): string[] {
  return readdirSync(BUNDLED_DIR)
    // framework.schema.json is the JSON Schema of these files, not a framework.
    .filter((f) => /\.(ya?ml|json)$/.test(f) && f !== FRAMEWORK_SCHEMA_FILE)
    .map((f) => f.replace(/\.(ya?ml|json)$/, ''))
    .sort();
}

/**
 * Loads a framework by bundled id or by path to a JSON/YAML file. A reference that is neither
 * is a usage problem (E_FW_NOT_FOUND), which the CLI turns into exit code 2.
 */
export function loadFramework(ref: string, lang: Lang = 'vi'): FrameworkParse {
  const bundled = bundledFrameworkIds().includes(ref);
  const path = bundled ? bundledPath(ref) : ref;
  let text: string;
  try {
    if (!statSync(path).isFile()) throw new Error('not a file');
    text = readFileSync(path, 'utf8');
  } catch {
    return { ok: false, issues: [notFound(ref)] };
  }
  const ext = extname(path).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  if (!format) return { ok: false, issues: [issue('E_FW_FORMAT', { file: ref }, { ext })] };
  const compiled = bundled ? readCompiled(ref, text) : undefined;
  if (compiled) return compiled;
  return withFile(ref, () => parseFramework(text.replace(/^\uFEFF/, ''), format, ref, lang));
}

/** The file a framework reference names: a bundled framework's file for its id, else the reference itself. */
export function frameworkPath(ref: string): string {
  const bundled = bundledFrameworkIds().find((id) => id === ref);
  return bundled ? bundledPath(bundled) : ref;
}

function bundledPath(id: string): string {
  for (const ext of ['.yaml', '.yml', '.json']) {
    const p = join(BUNDLED_DIR, id + ext);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* try the next extension */
    }
  }
  return join(BUNDLED_DIR, id + '.yaml');
}

/** A bundled framework's compiled form, when the build made one from this very text. */
function readCompiled(id: string, text: string): FrameworkParse | undefined {
  let json: string;
  try {
    json = readFileSync(join(COMPILED_DIR, id + '.json'), 'utf8');
  } catch {
    return undefined;
  }
  return fromCompiled(json, text);
}

function notFound(ref: string): DtiIssue {
  return issue('E_FW_NOT_FOUND', {}, { framework: ref, known: bundledFrameworkIds().join(', ') });
}
