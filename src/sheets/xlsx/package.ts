import { tooLarge, type XlsxLimits } from './limits.js';
import { partKey, ZipArchive, type ZipEntry } from './zip.js';

// ---------------------------------------------------------------------------------------------
// The package: signature, zip directory, part names, budgets.

/** Entries smaller than this are never refused for their ratio (a tiny, very regular part is harmless). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" as UTF-16LE, the stream name Office gives a password-protected package. */
export const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

export function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  if (bytes.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

export class Package {
  private readonly zip: ZipArchive;
  private inflated = 0;

  constructor(
    bytes: Uint8Array,
    private readonly file: string,
    private readonly lim: XlsxLimits,
  ) {
    this.zip = ZipArchive.open(bytes, file);
  }

  has(part: string): boolean {
    return this.zip.get(part) !== undefined;
  }

  /**
   * Inflates the parts named (absent ones are skipped), after checking their declared sizes
   * against the budget and their ratios. What is inflated cannot pass what was declared
   * (src/sheets/xlsx/zip.ts stops there), so the budget holds for what is really inflated.
   */
  read(parts: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Map<string, ZipEntry>();
    let total = 0;
    for (const part of parts) {
      const entry = this.zip.get(part);
      if (!entry || wanted.has(partKey(part))) continue;
      wanted.set(partKey(part), entry);
      total += entry.originalSize;
    }
    if (this.inflated + total > this.lim.maxInflatedBytes) {
      throw tooLarge(this.file, 'maxInflatedBytes', this.inflated + total, this.lim.maxInflatedBytes);
    }
    for (const entry of wanted.values()) {
      const ratio = entry.originalSize / Math.max(entry.size, 1);
      if (entry.originalSize > RATIO_FLOOR_BYTES && ratio > this.lim.maxCompressionRatio) {
        throw tooLarge(this.file, 'maxCompressionRatio', Math.round(ratio), this.lim.maxCompressionRatio);
      }
    }
    const out = new Map<string, Uint8Array>();
    for (const [key, entry] of wanted) out.set(key, this.zip.inflate(entry));
    this.inflated += total;
    return out;
  }
}

export { partKey };
