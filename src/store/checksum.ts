// CRC-32 of a cache entry's bytes, to tell damage from data: zlib's native crc32 where Node has it
// (20.15 and later), else a table-driven one. Loaded by require, like hash.ts, so that the ESM wrapper
// of node:zlib is not built on every run.
import { createRequire } from 'node:module';

export type Checksum = (data: Uint8Array) => number;

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zlib computes it), for a Node without zlib.crc32. */
function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

let chosen: Checksum | undefined;

export function checksum(): Checksum {
  if (!chosen) {
    const zlib = createRequire(import.meta.url)('node:zlib') as { crc32?: (data: Uint8Array) => number };
    chosen = typeof zlib.crc32 === 'function' ? (data) => zlib.crc32!(data) : crc32;
  }
  return chosen;
}

/** The table-driven CRC, for a test that holds it to zlib's. */
export const portableCrc32: Checksum = crc32;
