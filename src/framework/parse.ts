import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { issue, type DtiIssue } from '../core/issues.js';
import { buildModel, type FrameworkModel } from './model.js';
import { frameworkSchema } from './schema.js';
import { validateFramework } from './validate.js';

export type Lang = 'vi' | 'en';

export type FrameworkParse = { ok: true; model: FrameworkModel; issues: DtiIssue[] } | { ok: false; issues: DtiIssue[] };

/** zod's path ["indicators", 3, "rule", "target"] as a reader of the file writes it: indicators[3].rule.target. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * Parses a framework from JSON or YAML text: schema first (every problem, with its path and
 * zod's own message in the chosen language), then the semantic checks. Pure, no file access.
 */
export function parseFramework(text: string, format: 'json' | 'yaml', file: string, lang: Lang = 'vi'): FrameworkParse {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (e) {
    const detail = e instanceof YAMLParseError || e instanceof SyntaxError ? e.message.split('\n')[0]! : String(e);
    return { ok: false, issues: [issue('E_FW_SYNTAX', { file }, { detail })] };
  }
  const parsed = frameworkSchema.safeParse(data, { error: z.locales[lang]().localeError });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((zi) => issue('E_FW_SCHEMA', { file, path: formatPath(zi.path) }, { detail: zi.message })),
    };
  }
  const issues = validateFramework(parsed.data, file);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, model: buildModel(parsed.data), issues };
}
