import { stripTrailing } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';

/**
 * Official forms often have no code column, only hierarchical numbering: "I", "II" for main
 * indicators, "1.1", "1.2" for sub-indicators, "a", "b" for criteria under the last one.
 * This resolves such numbers to framework codes, row by row, remembering the context.
 */
export class NumberingResolver {
  private last: string | undefined;

  constructor(private readonly model: FrameworkModel) {}

  resolve(raw: string): string | undefined {
    const n = stripTrailing(raw.trim(), '.)');
    if (n === '') return undefined;
    const { nodes, roots } = this.model;
    let code: string | undefined;
    if (nodes.has(n)) code = n;
    else if (/^[IVXL]+$/.test(n)) code = roots[romanValue(n) - 1]?.code;
    else if (/^[a-zđ]$/i.test(n) && this.last !== undefined) {
      // A letter belongs to the nearest numbered indicator above it.
      const base = this.last.replace(/\.[a-zđ]$/i, '');
      code = [`${base}.${n.toLowerCase()}`, `${base}${n.toLowerCase()}`].find((c) => nodes.has(c));
    }
    if (code !== undefined) this.last = code;
    return code;
  }
}

/** I → 1, IV → 4, XII → 12 (numbering of main indicators in official forms). */
export function romanValue(s: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]!]!;
    const next = v[s[i + 1] ?? ''] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}
