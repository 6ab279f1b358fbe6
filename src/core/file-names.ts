/**
 * Whether a text can name a file on every system an agency's staff use (Windows, macOS, Linux)
 * without becoming something else: hidden (a leading dot), taken for an Office lock file (~$…),
 * a Windows device (CON, NUL, COM1 … also with an extension), cut by the file system (255 bytes
 * of UTF-8 on ext4, APFS's limit in UTF-8 too), or holding characters Windows refuses.
 * Pure string logic: the writers and the agency list ask it before anything is written.
 */
export type FileNameProblem = 'empty' | 'characters' | 'hidden' | 'lock-file' | 'reserved' | 'trailing' | 'too-long';

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_CHARACTERS = /[/\\:*?"<>|\u0000-\u001f\u007f]/;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
export const MAX_NAME_BYTES = 255;

export function fileNameProblem(name: string): FileNameProblem | undefined {
  if (name === '' || name === '.' || name === '..') return 'empty';
  if (UNSAFE_CHARACTERS.test(name)) return 'characters';
  if (name.startsWith('.')) return 'hidden';
  if (name.startsWith('~$')) return 'lock-file';
  if (RESERVED.test(name)) return 'reserved';
  if (/[. ]$/.test(name)) return 'trailing';
  if (new TextEncoder().encode(name).length > MAX_NAME_BYTES) return 'too-long';
  return undefined;
}

/** Names that one case-insensitive file system (Windows, macOS) would take for the same file: the later ones. */
export function caseClashes(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const clashes: string[] = [];
  for (const n of names) {
    const key = n.normalize('NFC').toLowerCase();
    if (seen.has(key)) clashes.push(n);
    else seen.add(key);
  }
  return clashes;
}
