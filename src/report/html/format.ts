
export { numberFormat, type NumberFormat } from '../numbers.js';

/** Text made safe inside HTML elements and double-quoted attributes. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "Sở Y tế (SYT)", or the code alone when the name is empty. */
export function agencyLabel(name: string, code: string): string {
  return name.trim() === '' ? code : `${name} (${code})`;
}
