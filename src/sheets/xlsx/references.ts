// ---------------------------------------------------------------------------------------------
// A1 references.

/** Reads s[start, end) as an A1 reference ("C7", "$C$7") into `at`; false when it is not one. */
export function refAt(s: string, start: number, end: number, at: { row: number; column: number }): boolean {
  let column = 0;
  let row = 0;
  let i = start;
  if (s.charCodeAt(i) === 36 /* $ */) i++;
  for (; i < end; i++) {
    const ch = s.charCodeAt(i) | 0x20; // letters in lower case
    if (ch < 97 || ch > 122) break;
    column = column * 26 + (ch - 96);
  }
  if (s.charCodeAt(i) === 36) i++;
  const digitsStart = i;
  for (; i < end; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
    row = row * 10 + (ch - 48);
  }
  if (column === 0 || i === digitsStart || row === 0) return false;
  at.row = row;
  at.column = column;
  return true;
}
