/**
 * Fixed dates for reproducible workbooks. An .xlsx file carries the time twice: in its
 * document properties (docProps/core.xml, set through the writer) and in the modification
 * time of every zip entry, which the zip library stamps with the current time. The first
 * comes from SOURCE_DATE_EPOCH when given; the second is pinned here, in place, to
 * 1980-01-01 00:00 (the earliest MS-DOS time, as Excel itself writes).
 */

/** 2000-01-01T00:00:00Z: the document date when no SOURCE_DATE_EPOCH is given. */
export const DEFAULT_DOCUMENT_DATE = new Date(Date.UTC(2000, 0, 1));

/** The document date: `sourceDateEpoch` seconds since 1970 when given, else 2000-01-01. */
export function documentDate(sourceDateEpoch?: number): Date {
  if (sourceDateEpoch === undefined) return DEFAULT_DOCUMENT_DATE;
  if (!Number.isInteger(sourceDateEpoch) || sourceDateEpoch < 0 || sourceDateEpoch > 253402300799) {
    throw new RangeError(`sourceDateEpoch must be a whole number of seconds since 1970, got ${sourceDateEpoch}`);
  }
  return new Date(sourceDateEpoch * 1000);
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** MS-DOS date of 1980-01-01: (year - 1980) << 9 | month << 5 | day. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;

/**
 * Sets the modification time of every entry of a zip archive to 1980-01-01 00:00, in the
 * central directory and in each local header. Only those four bytes per header change: the
 * entries, their order and their compressed data stay as written, and no checksum covers
 * the time fields. Returns a new array; throws on anything that is not a plain (non-ZIP64)
 * archive, which a workbook written in memory always is.
 */
export function pinZipEntryTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) {
    throw new Error('zip: ZIP64 or damaged central directory');
  }
  let p = cdOffset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new Error(`zip: bad central directory entry ${i}`);
    view.setUint16(p + 12, DOS_TIME_MIDNIGHT, true);
    view.setUint16(p + 14, DOS_DATE_1980, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 > cdOffset || view.getUint32(local, true) !== LOCAL_SIGNATURE) throw new Error(`zip: bad local header for entry ${i}`);
    view.setUint16(local + 10, DOS_TIME_MIDNIGHT, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/** Names of a zip archive's entries in central-directory order (for tests and checks). */
export function zipEntryNames(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const entries = view.getUint16(eocd + 10, true);
  const names: string[] = [];
  let p = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(p, true) !== CENTRAL_SIGNATURE) throw new Error(`zip: bad central directory entry ${i}`);
    const n = view.getUint16(p + 28, true);
    names.push(decoder.decode(zip.subarray(p + 46, p + 46 + n)));
    p += 46 + n + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const stop = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= stop; p--) {
    if (view.getUint32(p, true) === EOCD_SIGNATURE && p + 22 + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  throw new Error('zip: end of central directory not found');
}
