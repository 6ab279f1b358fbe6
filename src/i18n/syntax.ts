import type { Params } from './types.js';

/**
 * A JSON or YAML syntax error in the user's language. The parsers word their errors in English
 * ("Unexpected end of JSON input"); what they found (where, which token, which kind) is kept as
 * `syntax:<fields>` in the `detail` parameter and worded by the catalogue when the message is
 * shown, as zod's findings are (src/i18n/zod.ts).
 */
export function syntaxDetail(e: unknown, kind: 'json' | 'yaml'): string {
  const fields: Record<string, string | number> = { kind };
  const error = e as { message?: unknown; code?: unknown; linePos?: { line: number; col: number }[] };
  const message = typeof error?.message === 'string' ? error.message : String(e);
  if (kind === 'yaml') {
    if (typeof error.code === 'string') fields.code = error.code;
    const at = error.linePos?.[0];
    if (at) Object.assign(fields, { line: at.line, col: at.col });
  } else if (/Unexpected end of JSON input|Unterminated string/.test(message)) {
    fields.end = 1;
  } else {
    const token = /Unexpected (?:token|non-whitespace character|number|string)\s*'?([^',\s]+)'?/.exec(message)?.[1];
    if (token) fields.token = token;
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position) fields.position = Number(position);
  }
  return 'syntax:' + encodeURIComponent(JSON.stringify(fields));
}

export function renderSyntaxDetails(text: string, word: (key: string, params?: Params) => string): string {
  return text.replace(/syntax:([A-Za-z0-9%._~!*'()-]+)/g, (whole, encoded: string) => {
    let f: Record<string, string | number>;
    try {
      f = JSON.parse(decodeURIComponent(encoded)) as Record<string, string | number>;
    } catch {
      return whole;
    }
    if (f.kind === 'yaml') {
      const what = typeof f.code === 'string' && word(`SYNTAX_YAML_${f.code}`) !== `SYNTAX_YAML_${f.code}` ? word(`SYNTAX_YAML_${f.code}`) : '';
      const where = f.line !== undefined ? word('SYNTAX_AT', { line: String(f.line), col: String(f.col) }) : '';
      return word('SYNTAX_YAML', { where, what });
    }
    if (f.end) return word('SYNTAX_JSON_END');
    if (f.token !== undefined) return word('SYNTAX_JSON_TOKEN', { token: String(f.token), where: f.position !== undefined ? word('SYNTAX_POSITION', { position: String(f.position) }) : '' });
    return word('SYNTAX_JSON', {});
  });
}
