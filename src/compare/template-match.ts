/**
 * Reading back text dti wrote from a catalogue template ("{code} {name}: index"): the literal
 * parts must match, each "{name}" placeholder takes at least one character.
 *
 * Not a regular expression: one built from a template with several lazy groups backtracks, and
 * a crafted title or header in last year's workbook (thousands of " – " or spaces) took
 * quadratic or cubic time. Here each placeholder but the last ends at the next occurrence of
 * the literal after it (what the lazy group tried first) and the last one runs to the final
 * literal, which must end the text: one indexOf pass, linear in the text.
 */

/** Text past this length is never something dti wrote from a template (a title, a header), and is not matched. */
export const MAX_TEMPLATE_TEXT = 2_000;

export interface TemplateMatcher {
  /** The placeholders' values, or undefined when the text is not the template filled in. */
  exec(text: string): { groups: Record<string, string> } | null;
  test(text: string): boolean;
}

export function templateMatcher(template: string): TemplateMatcher {
  // Literals and placeholder names alternate: literal, name, literal, …, literal (possibly empty).
  const literals: string[] = [];
  const names: string[] = [];
  let last = 0;
  for (let i = template.indexOf('{'); i >= 0; i = template.indexOf('{', i + 1)) {
    const close = template.indexOf('}', i);
    if (close < 0) break;
    const name = template.slice(i + 1, close);
    if (!isWord(name)) continue;
    literals.push(template.slice(last, i));
    names.push(name);
    last = close + 1;
    i = close;
  }
  literals.push(template.slice(last));

  const exec = (text: string): { groups: Record<string, string> } | null => {
    if (text.length > MAX_TEMPLATE_TEXT) return null;
    const head = literals[0]!;
    const tail = literals[literals.length - 1]!;
    if (!text.startsWith(head)) return null;
    if (names.length === 0) return text === head ? { groups: {} } : null;
    const end = text.length - tail.length;
    if (end < head.length || !text.endsWith(tail)) return null;
    const groups: Record<string, string> = {};
    let pos = head.length;
    for (let k = 0; k < names.length; k++) {
      const isLast = k === names.length - 1;
      const next = literals[k + 1]!;
      // At least one character per placeholder: the next literal is looked for one past here.
      const stop = isLast ? end : next === '' ? pos + 1 : text.indexOf(next, pos + 1);
      if (stop < 0 || stop <= pos || stop > end) return null;
      groups[names[k]!] = text.slice(pos, stop);
      pos = isLast ? end : stop + next.length;
    }
    return { groups };
  };
  return { exec, test: (text) => exec(text) !== null };
}

function isWord(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!ok) return false;
  }
  return true;
}
