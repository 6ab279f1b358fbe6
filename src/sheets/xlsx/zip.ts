import { crc32, inflateRawSync } from 'node:zlib';
import { issue } from '../../core/issues.js';
import { ReadStop } from './limits.js';

/**
 * The zip container of a workbook, read with bounded work. Hand-written rather than fflate's
 * unzipSync because that one trusts the file: it loops over as many entries as the end record
 * declares (billions, reading past the directory), follows a zip64 record wherever it points,
 * inflates a whole stream however far it runs past the declared size, and never checks CRC-32.
 * Here every count, offset and size is checked against the bytes really there before it is used,
 * inflating (node:zlib) stops one byte past the declared size, and the inflated data must match
 * the declared size and CRC-32, so a flipped bit is refused rather than read as another value.
 */

/** One entry of the central directory, as declared. */
export interface ZipEntry {
  /** The name as stored (forward slashes as written). */
  readonly name: string;
  /** Compressed size, in bytes. */
  readonly size: number;
  /** Declared uncompressed size, in bytes. */
  readonly originalSize: number;
  readonly method: number;
  readonly crc: number;
  readonly flags: number;
  /** Offset of the entry's local header. */
  readonly offset: number;
}


const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
/** The end record may be followed by a comment of up to 65,535 bytes: the search goes no further back. */
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;

/** Zip names as part names: forward slashes, no leading slash, case-insensitive (OPC part names are). */
export function partKey(name: string): string {
  let s = name.replace(/\\/g, '/');
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === 47) i++;
  s = s.slice(i);
  return s.toLowerCase();
}

export class ZipArchive {
  /** Part key (lower case) → entry. */
  readonly entries: ReadonlyMap<string, ZipEntry>;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    entries: Map<string, ZipEntry>,
  ) {
    this.entries = entries;
  }

  /** Reads the central directory; throws ReadStop (one issue) when it does not fit the file. */
  static open(bytes: Uint8Array, file: string): ZipArchive {
    return new ZipArchive(bytes, file, readDirectory(bytes, file));
  }

  get(part: string): ZipEntry | undefined {
    return this.entries.get(partKey(part));
  }

  /**
   * The entry's data, inflated. Inflating stops as soon as the output passes the declared size
   * (node:zlib's maxOutputLength), so a part that lies about its size costs no more than it
   * declared; the result must then have exactly the declared size and CRC-32.
   */
  inflate(entry: ZipEntry): Uint8Array {
    const { bytes, file } = this;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = entry.offset;
    if (at + LOCAL_SIZE > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) {
      throw new ReadStop(issue('E_ZIP_ENTRY_OUTSIDE', { file }, { part: entry.name }));
    }
    const start = at + LOCAL_SIZE + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.size;
    if (end > bytes.length) throw new ReadStop(issue('E_ZIP_ENTRY_OUTSIDE', { file }, { part: entry.name }));
    const raw = bytes.subarray(start, end);
    let data: Uint8Array;
    if (entry.method === 0) {
      data = raw;
    } else {
      try {
        // One byte more than declared is allowed so that a longer stream is seen as one.
        data = inflateRawSync(raw, { maxOutputLength: entry.originalSize + 1 });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ReadStop(issue('E_ZIP_SIZE_MISMATCH', { file }, { part: entry.name, declared: entry.originalSize }));
        }
        throw new ReadStop(issue('E_ZIP_INFLATE', { file }, { part: entry.name }));
      }
    }
    if (data.length !== entry.originalSize) {
      throw new ReadStop(issue('E_ZIP_SIZE_MISMATCH', { file }, { part: entry.name, declared: entry.originalSize }));
    }
    if (crc32(data) >>> 0 !== entry.crc) throw new ReadStop(issue('E_ZIP_CRC', { file }, { part: entry.name }));
    return data;
  }
}

function readDirectory(bytes: Uint8Array, file: string): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => new ReadStop(issue('E_ZIP_DIRECTORY', { file }));
  // The end record: searched backwards over at most the longest comment.
  let eocd = -1;
  for (let p = bytes.length - EOCD_SIZE; p >= 0 && p >= bytes.length - EOCD_SIZE - MAX_COMMENT; p--) {
    if (view.getUint32(p, true) === SIG_EOCD) {
      eocd = p;
      break;
    }
  }
  // No end record at all: a file cut short, as a download that did not finish leaves it.
  if (eocd < 0) throw new ReadStop(issue('E_XLSX_CORRUPT', { file }, { detail: 'no zip end-of-directory record' }));
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  /** Where the directory must end: the end record, or the zip64 end record before it. */
  let cdLimit = eocd;
  const zip64 = eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR;
  if (zip64) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    // The zip64 end record must lie inside the file, before its locator, and be what it says.
    if (!(at + 56 <= eocd - 20) || view.getUint32(at, true) !== SIG_ZIP64_EOCD) throw damaged();
    count = safeNumber(view.getBigUint64(at + 32, true));
    cdSize = safeNumber(view.getBigUint64(at + 40, true));
    cdOffset = safeNumber(view.getBigUint64(at + 48, true));
    cdLimit = at;
  }
  if (count === 0) return new Map();
  if (cdOffset + cdSize > cdLimit) throw damaged();
  // Each directory record takes at least 46 bytes: a count the directory has no room for is a lie.
  const room = Math.floor(cdSize / CENTRAL_SIZE);
  if (count > room) throw new ReadStop(issue('E_ZIP_ENTRY_COUNT', { file }, { declared: count, room }));

  const entries = new Map<string, ZipEntry>();
  const cdEnd = cdOffset + cdSize;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > cdEnd || view.getUint32(p, true) !== SIG_CENTRAL) throw damaged();
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    let size = view.getUint32(p + 20, true);
    let originalSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let offset = view.getUint32(p + 42, true);
    const next = p + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > cdEnd) throw damaged();
    const nameBytes = bytes.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLength);
    const name = Buffer.from(nameBytes.buffer, nameBytes.byteOffset, nameBytes.byteLength).toString(flags & FLAG_UTF8 ? 'utf8' : 'latin1');
    // Sizes and offset of 0xFFFFFFFF are in the zip64 extra field, in this order, only those that overflowed.
    if (size === 0xffffffff || originalSize === 0xffffffff || offset === 0xffffffff) {
      const extra = findExtra(view, p + CENTRAL_SIZE + nameLength, extraLength, 0x0001);
      if (!extra) throw damaged();
      let q = extra.start;
      const take = (): number => {
        if (q + 8 > extra.end) throw damaged();
        const v = safeNumber(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (originalSize === 0xffffffff) originalSize = take();
      if (size === 0xffffffff) size = take();
      if (offset === 0xffffffff) offset = take();
    }
    // The entry's data must lie before the directory.
    if (offset + LOCAL_SIZE + size > cdOffset) throw new ReadStop(issue('E_ZIP_ENTRY_OUTSIDE', { file }, { part: name }));
    if (flags & FLAG_ENCRYPTED) throw new ReadStop(issue('E_XLSX_ENCRYPTED', { file }));
    if (method !== 0 && method !== 8) throw new ReadStop(issue('E_ZIP_METHOD', { file }, { part: name, method }));
    if (method === 0 && size !== originalSize) throw new ReadStop(issue('E_ZIP_SIZE_MISMATCH', { file }, { part: name, declared: originalSize }));
    const key = partKey(name);
    const clash = entries.get(key);
    // OPC forbids part names equal but for case: Excel would show one and dti might read the other.
    if (clash) throw new ReadStop(issue('E_ZIP_NAME_CLASH', { file }, { part: name, other: clash.name }));
    entries.set(key, { name, size, originalSize, method, crc, flags, offset });
    p = next;
  }
  return entries;
}

/** The data of an extra field with this id, inside [start, start + length). */
function findExtra(view: DataView, start: number, length: number, id: number): { start: number; end: number } | undefined {
  const end = start + length;
  for (let p = start; p + 4 <= end; ) {
    const size = view.getUint16(p + 2, true);
    if (view.getUint16(p, true) === id) return { start: p + 4, end: Math.min(p + 4 + size, end) };
    p += 4 + size;
  }
  return undefined;
}

/** A 64-bit field as a number; past 2^53 no real file goes, so it is damage. */
function safeNumber(v: bigint): number {
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}
