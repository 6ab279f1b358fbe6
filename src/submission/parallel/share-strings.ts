import type { FileRead } from '../read.js';

/** Keys whose text repeats in every location of a file: the file's path and the sheet's name. */
const SHARED_KEYS = new Set(['file', 'sheet']);

/**
 * Makes the file and sheet names of a read that crossed from a thread one string each again.
 * Read in this thread, every location of a file points to the same name; a structured clone
 * copies the name once per location (hundreds a file), which costs a fifth more memory for a
 * batch kept whole. Values and key order are unchanged: the read is deep-equal before and after.
 */
export function shareStrings(read: FileRead, names: Map<string, string>): FileRead {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) if (typeof v === 'object' && v !== null) visit(v);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (typeof v === 'string') {
        if (!SHARED_KEYS.has(key)) continue;
        const shared = names.get(v);
        if (shared === undefined) names.set(v, v);
        else record[key] = shared;
      } else if (typeof v === 'object' && v !== null) visit(v);
    }
  };
  visit(read);
  return read;
}
