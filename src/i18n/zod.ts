import type { Params } from './types.js';

/**
 * zod's findings in the user's language. zod words its messages when it parses (in English, or
 * in its own locales, which leave type names such as "string" untranslated), but a finding is
 * worded later, per language, like every other message. So each zod issue is kept as its
 * structured fields, encoded into the `detail` parameter as `zod:<fields>`, and the catalogue
 * words it when the message is rendered (ZOD_* keys). Parse with `{ reportInput: true }` so the
 * type found can be named.
 */
export interface ZodIssueLike {
  readonly code?: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly input?: unknown;
}

const MARK = 'zod:';

/** One finding as `path: zod:<fields>`; the path as a reader of the file writes it. */
export function zodIssueDetail(zi: ZodIssueLike, path: string = zi.path.map(String).join('.')): string {
  const fields: Record<string, unknown> = { code: zi.code ?? 'custom' };
  for (const name of ['expected', 'origin', 'minimum', 'maximum', 'inclusive', 'format', 'pattern', 'divisor', 'keys', 'values']) {
    const v = (zi as unknown as Record<string, unknown>)[name];
    if (v !== undefined) fields[name] = typeof v === 'bigint' ? v.toString() : v;
  }
  if (zi.code === 'invalid_type') fields.received = typeName(zi.input);
  // A schema's own words (a refinement's message) are kept: they are the only description there is.
  if (zi.code === 'custom') fields.message = zi.message;
  const encoded = MARK + encodeURIComponent(JSON.stringify(fields));
  return path === '' ? encoded : `${path}: ${encoded}`;
}

/** The first findings of a failed parse, joined; where the whole document is wrong, its path is "(document)". */
export function zodDetail(issues: readonly ZodIssueLike[], max = 3): string {
  return issues
    .slice(0, max)
    .map((zi) => zodIssueDetail(zi, zi.path.length > 0 ? zi.path.map(String).join('.') : '(document)'))
    .join('; ');
}

/** Every `zod:<fields>` in a text, in words; `word` is the catalogue in the chosen language. */
export function renderZodDetails(text: string, word: (key: string, params?: Params) => string): string {
  return text
    .replace(/\(document\)/g, word('ZOD_DOCUMENT'))
    .replace(/zod:([A-Za-z0-9%._~!*'()-]+)/g, (whole, encoded: string) => {
      let fields: Record<string, unknown>;
      try {
        fields = JSON.parse(decodeURIComponent(encoded)) as Record<string, unknown>;
      } catch {
        return whole;
      }
      return zodText(fields, word);
    });
}

function zodText(f: Record<string, unknown>, word: (key: string, params?: Params) => string): string {
  const type = (name: unknown) => word(`ZOD_TYPE_${String(name)}`);
  // Limits as numbers, so the catalogue gives them the language's decimal mark.
  const bound = (v: unknown) => (Number.isFinite(Number(v)) ? Number(v) : String(v));
  switch (f.code) {
    case 'invalid_type':
      if (f.received === 'undefined') return word('ZOD_MISSING', { expected: type(f.expected) });
      return word('ZOD_INVALID_TYPE', { expected: type(f.expected), received: type(f.received) });
    case 'too_small':
    case 'too_big': {
      const small = f.code === 'too_small';
      const limit = bound(small ? f.minimum : f.maximum);
      const sized = f.origin === 'string' || f.origin === 'array' || f.origin === 'set';
      if (sized) return word(`ZOD_${small ? 'MIN' : 'MAX'}_${f.origin === 'string' ? 'CHARS' : 'ITEMS'}`, { count: limit });
      const op = small ? (f.inclusive === false ? '>' : '≥') : f.inclusive === false ? '<' : '≤';
      return word('ZOD_BOUND', { op, bound: limit });
    }
    case 'invalid_value': {
      const values = Array.isArray(f.values) ? f.values.map((v) => JSON.stringify(v)).join(', ') : '';
      return word(Array.isArray(f.values) && f.values.length === 1 ? 'ZOD_VALUE_ONE' : 'ZOD_VALUE_LIST', { values });
    }
    case 'invalid_format':
      if (f.format === 'regex') {
        const known = PATTERNS[String(f.pattern)];
        return word(known ?? 'ZOD_FORMAT_PATTERN');
      }
      return word('ZOD_FORMAT', { format: String(f.format) });
    case 'not_multiple_of':
      return word('ZOD_MULTIPLE_OF', { divisor: bound(f.divisor) });
    case 'unrecognized_keys':
      return word('ZOD_UNKNOWN_KEYS', { keys: Array.isArray(f.keys) ? f.keys.join(', ') : '' });
    case 'invalid_union':
      return word('ZOD_UNION');
    case 'invalid_key':
      return word('ZOD_KEY');
    case 'invalid_element':
      return word('ZOD_ELEMENT');
    default:
      return typeof f.message === 'string' && f.message !== '' ? f.message : word('ZOD_OTHER');
  }
}

/** The patterns of our schemas, described in words rather than as a regular expression. */
const PATTERNS: Readonly<Record<string, string>> = {
  '/^[a-z0-9][a-z0-9-]*$/': 'ZOD_PATTERN_ID',
  '/^[A-Za-z0-9][A-Za-z0-9._-]*$/': 'ZOD_PATTERN_CODE',
  '/^[0-9a-f]{64}$/': 'ZOD_PATTERN_SHA256',
  '/^[EWI]_[A-Z0-9_]+$/': 'ZOD_PATTERN_ISSUE_CODE',
};

/** The kind of a JSON value as zod's `expected` names kinds. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'nan' : 'number';
  return typeof v;
}
