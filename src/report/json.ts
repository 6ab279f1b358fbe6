import type { ResultsDoc } from '../results/schema.js';

/** The results document as text: two-space indentation, key order as built, a final newline. */
export function resultsJson(doc: ResultsDoc): string {
  return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The same bytes as `resultsJson`, built piece by piece into a Buffer: a national batch's document
 * is hundreds of megabytes, past what one JavaScript string may hold ("Invalid string length"), and
 * Vietnamese text would take two bytes a character as a string. JSON.stringify has no streaming
 * form and the JSON streaming libraries do not promise its exact spacing, so this walks the outer
 * levels by hand and lets JSON.stringify write each small inner value, re-indented (a JSON text
 * holds no raw newline inside a string, so every '\n' is a line break).
 */
export function resultsJsonBytes(doc: ResultsDoc): Buffer {
  const parts: Buffer[] = [];
  writeResultsJson(doc, (chunk) => parts.push(chunk));
  return Buffer.concat(parts);
}

/**
 * The same bytes as `resultsJson`, handed to `put` in chunks of about 64 KB as they are made: an
 * output file is written while the document is walked, and no more than a chunk and one
 * agency's text are in memory at once (an agency's audit trail may be read from disk on demand).
 */
export function writeResultsJson(doc: ResultsDoc, put: (chunk: Buffer) => void): void {
  let pending = '';
  const add = (s: string) => {
    pending += s;
    if (pending.length > 1 << 16) flush();
  };
  const flush = () => {
    put(Buffer.from(pending, 'utf8'));
    pending = '';
  };
  writeValue(doc, '', add, 0);
  add('\n');
  flush();
}

/** How many levels are walked by hand: the document, its groups, their agencies, an agency's fields. */
const WALKED_LEVELS = 4;

function writeValue(value: unknown, pad: string, put: (s: string) => void, level: number): void {
  if (level >= WALKED_LEVELS || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    put((JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + pad));
    return;
  }
  const inner = pad + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return put('[]');
    put('[');
    value.forEach((item, i) => {
      put((i > 0 ? ',\n' : '\n') + inner);
      // As JSON.stringify: what has no JSON form is null in an array.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') put('null');
      else writeValue(item, inner, put, level + 1);
    });
    put('\n' + pad + ']');
    return;
  }
  // As JSON.stringify: a key whose value has no JSON form is left out.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) return put('{}');
  put('{');
  entries.forEach(([k, v], i) => {
    put((i > 0 ? ',\n' : '\n') + inner + JSON.stringify(k) + ': ');
    writeValue(v, inner, put, level + 1);
  });
  put('\n' + pad + '}');
}
