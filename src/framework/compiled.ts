import { createHash } from 'node:crypto';
import type { DtiIssue } from '../core/issues.js';
import { buildModel } from './model.js';
import { parseFramework, type FrameworkParse } from './parse.js';
import type { Framework } from './schema.js';

/**
 * A bundled framework compiled at build time (`npm run build`, scripts/compile-frameworks.mjs):
 * the framework as the schema gives it (defaults filled in) and the checks' findings, with the
 * SHA-256 of the YAML it was made from. Loading it is a JSON.parse: the YAML parser, the schema
 * and the semantic checks ran once, at build time, on the very same text.
 */
export interface CompiledFramework {
  /** SHA-256 of the YAML text compiled: a compiled file is used only for the text it was made from. */
  readonly source: string;
  readonly framework: Framework;
  readonly issues: readonly DtiIssue[];
}

export function sourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Compiles a bundled framework's YAML (the text as read, BOM and all) to the JSON text of its
 * CompiledFramework; `id` names it in findings, as loading it by id does. A framework that does
 * not load is an error: the build stops rather than ship it.
 */
export function compileFramework(text: string, id: string): string {
  const parsed = parseFramework(text.replace(/^\uFEFF/, ''), 'yaml', id, 'en');
  if (!parsed.ok) throw new Error(`bundled framework ${id} does not load: ${parsed.issues.map((i) => `${i.code} ${JSON.stringify(i.params)}`).join('; ')}`);
  const compiled: CompiledFramework = { source: sourceHash(text), framework: parsed.model.framework, issues: parsed.issues };
  return JSON.stringify(compiled) + '\n';
}

/** The framework a compiled file holds, when it was made from this YAML text; undefined otherwise (then the YAML is parsed). */
export function fromCompiled(json: string, text: string): FrameworkParse | undefined {
  let compiled: CompiledFramework;
  try {
    compiled = JSON.parse(json) as CompiledFramework;
  } catch {
    return undefined;
  }
  if (compiled.source !== sourceHash(text)) return undefined;
  return { ok: true, model: buildModel(compiled.framework), issues: [...compiled.issues] };
}
