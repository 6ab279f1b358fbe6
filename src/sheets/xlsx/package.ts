import { unzipSync, type UnzipFileInfo } from 'fflate';
import { issue } from '../../core/issues.js';
import { ReadStop, tooLarge, type XlsxLimits } from './limits.js';

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

interface Entry {
  readonly name: string;
  readonly size: number;
  readonly originalSize: number;
}

export class Package {
  /** Normalised lower-case part name → entry, as the zip's central directory declares it. */
  private readonly entries = new Map<string, Entry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly lim: XlsxLimits,
  ) {
    try {
      // A first pass that inflates nothing: fflate hands every entry of the central directory to the filter.
      unzipSync(bytes, {
        filter: (info: UnzipFileInfo) => {
          this.entries.set(partKey(info.name), { name: info.name, size: info.size, originalSize: info.originalSize });
          return false;
        },
      });
    } catch (e) {
      throw new ReadStop(issue('E_XLSX_CORRUPT', { file }, { detail: e instanceof Error ? e.message : String(e) }));
    }
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /**
   * Inflates the parts named (absent ones are skipped), after checking their declared sizes
   * against the budget. fflate inflates each entry into a buffer of exactly its declared size,
   * so an entry that lies about its size cannot grow past it either (its XML comes out cut short
   * and the part parsers report it as corrupt). Memory is bounded; time is not quite: fflate
   * still decodes the whole stream, dropping what does not fit, so a lying entry costs up to
   * ~1000 times its compressed size in CPU (node:zlib's maxOutputLength would stop early).
   */
  read(parts: readonly string[]): Map<string, Uint8Array> {
    const wanted = new Map<string, string>();
    const entries: Entry[] = [];
    let total = 0;
    for (const part of parts) {
      const entry = this.entries.get(partKey(part));
      if (!entry || wanted.has(entry.name)) continue;
      wanted.set(entry.name, part);
      entries.push(entry);
      total += entry.originalSize;
    }
    if (this.inflated + total > this.lim.maxInflatedBytes) {
      throw tooLarge(this.file, 'maxInflatedBytes', this.inflated + total, this.lim.maxInflatedBytes);
    }
    for (const entry of entries) {
      const ratio = entry.originalSize / Math.max(entry.size, 1);
      if (entry.originalSize > RATIO_FLOOR_BYTES && ratio > this.lim.maxCompressionRatio) {
        throw tooLarge(this.file, 'maxCompressionRatio', Math.round(ratio), this.lim.maxCompressionRatio);
      }
    }
    const out = new Map<string, Uint8Array>();
    if (wanted.size === 0) return out;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(this.bytes, {
        filter: (info) => {
          if (!wanted.has(info.name)) return false;
          // Checked again on what fflate is about to allocate, in case a name occurs twice.
          if (info.originalSize > this.lim.maxInflatedBytes) {
            throw tooLarge(this.file, 'maxInflatedBytes', info.originalSize, this.lim.maxInflatedBytes);
          }
          return true;
        },
      });
    } catch (e) {
      if (e instanceof ReadStop) throw e;
      throw new ReadStop(issue('E_XLSX_CORRUPT', { file: this.file }, { detail: e instanceof Error ? e.message : String(e) }));
    }
    this.inflated += total;
    for (const [name, data] of Object.entries(files)) {
      const part = wanted.get(name);
      if (part !== undefined) out.set(partKey(part), data);
    }
    return out;
  }
}

/** Zip names as part names: forward slashes, no leading slash, case-insensitive (OPC part names are). */
export function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}
