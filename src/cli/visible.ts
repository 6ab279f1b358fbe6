/**
 * Text from files shown on a terminal as it is, not as instructions to the terminal: control
 * characters (C0, DEL, C1: carriage return, escape sequences that erase a line or move the
 * cursor), line and paragraph separators, and the bidirectional controls that reorder what is
 * shown (U+061C, U+200E–200F, U+202A–202E, U+2066–2069) become visible escapes such as \r,
 * \x1B or \u202E. A value cannot rewrite a line or print a line of its own ("0 errors").
 */
// Written as one character class over code points: linear, no backtracking.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  const hex = code.toString(16).toUpperCase();
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** Text of several lines (explain): each line made visible, the line breaks kept. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}
