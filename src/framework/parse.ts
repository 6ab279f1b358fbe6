import { createRequire } from 'node:module';
import { z } from 'zod';
import { issue, type DtiIssue } from '../core/issues.js';
import { FRAMEWORK_LIMITS } from '../core/limits.js';
import { syntaxDetail } from '../i18n/syntax.js';
import { zodIssueDetail } from '../i18n/zod.js';
import { buildModel, type FrameworkModel } from './model.js';
import { frameworkSchema } from './schema.js';
import { validateFramework } from './validate.js';

export type Lang = 'vi' | 'en';

/**
 * The YAML parser, loaded on first use: a bundled framework loads from its compiled JSON
 * (compiled.ts), and a command that reads no YAML should not pay for loading the parser.
 * `require`, not `import()`, keeps parsing synchronous; the package is CommonJS on Node anyway.
 */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

export type FrameworkParse = { ok: true; model: FrameworkModel; issues: DtiIssue[] } | { ok: false; issues: DtiIssue[] };

/** zod's path ["indicators", 3, "rule", "target"] as a reader of the file writes it: indicators[3].rule.target. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/**
 * Parses a framework from JSON or YAML text: schema first (every problem, with its path and its
 * fields, worded in the language it is shown in: src/i18n/zod.ts), then the semantic checks.
 * Pure, no file access.
 */
export function parseFramework(text: string, format: 'json' | 'yaml', file: string, lang: Lang = 'vi'): FrameworkParse {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : yaml().parse(text, { uniqueKeys: true });
  } catch (e) {
    // Nesting deep enough to exhaust the parser's stack is no framework (the yaml package reports it as a parse error).
    if (e instanceof RangeError || (e instanceof Error && e.message.includes('Maximum call stack size exceeded'))) return { ok: false, issues: [issue('E_FW_TOO_DEEP', { file }, { max: FRAMEWORK_LIMITS.depth })] };
    const detail = (yamlModule !== undefined && e instanceof yamlModule.YAMLParseError) || e instanceof SyntaxError ? syntaxDetail(e, format) : String(e);
    return { ok: false, issues: [issue('E_FW_SYNTAX', { file }, { detail })] };
  }
  const bounds = treeBounds(data, file);
  if (bounds) return { ok: false, issues: [bounds] };
  // Findings kept as their fields and worded in the user's language when shown (src/i18n/zod.ts).
  const parsed = frameworkSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((zi) => issue('E_FW_SCHEMA', { file, path: formatPath(zi.path) }, { detail: zodIssueDetail(zi, '') })),
    };
  }
  const issues = validateFramework(parsed.data, file);
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };
  return { ok: true, model: buildModel(parsed.data), issues };
}

/**
 * Depth and size of the indicator tree, checked on the parsed data before the schema, without
 * recursion: the schema's recursive parse would exhaust the stack on thousands of levels.
 */
function treeBounds(data: unknown, file: string): DtiIssue | undefined {
  const { depth: maxDepth, nodes: maxNodes } = FRAMEWORK_LIMITS;
  if (!isRecord(data) || !Array.isArray(data.indicators)) return undefined;
  const stack: { nodes: unknown[]; depth: number; path: string }[] = [{ nodes: data.indicators, depth: 1, path: 'indicators' }];
  let count = 0;
  while (stack.length > 0) {
    const { nodes, depth, path } = stack.pop()!;
    count += nodes.length;
    if (count > maxNodes) return issue('E_FW_TOO_MANY_NODES', { file, path: 'indicators' }, { max: maxNodes });
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (!isRecord(node) || !Array.isArray(node.children) || node.children.length === 0) continue;
      const childPath = `${path}[${i}].children`;
      if (depth + 1 > maxDepth) return issue('E_FW_TOO_DEEP', { file, path: childPath }, { max: maxDepth });
      stack.push({ nodes: node.children, depth: depth + 1, path: childPath });
    }
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
