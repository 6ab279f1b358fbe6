#!/usr/bin/env node
// The benchmark's floor, run as its own process as a user's command is: for every .xlsx in a folder,
// find the sheet and shared-strings entries through the zip's central directory and inflate them
// with node:zlib. Nothing is parsed; no reader can do less. Prints the bytes inflated.
// Usage: node scripts/lib/inflate-floor.mjs DIR
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';

function inflateParts(buf) {
  let bytes = 0;
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) {
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + csize);
      bytes += (method === 8 ? inflateRawSync(data) : data).length;
    }
    p += 46 + nameLen + extra + comment;
  }
  return bytes;
}

const dir = process.argv[2];
let bytes = 0;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.xlsx')).sort()) bytes += inflateParts(readFileSync(join(dir, f)));
process.stdout.write(`${bytes}\n`);
