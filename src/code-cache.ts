// The V8 code cache of rif's own code, as files: what a file holds is trusted only when it is whole and
// made by this build of rif on this Node. src/boot.ts reads and writes them; this module decides.
import { join } from 'node:path';
import { cacheDir } from './cache-dir.js';
import { checksum } from './store/checksum.js';

type Env = Readonly<Record<string, string | undefined>>;

/** 'RIFC': the first four bytes of every code cache file */
const MAGIC = 0x52494643;
const HEADER = 12;

/** The file for V8's cached data: the magic number, the data's length and checksum (the store's), then the data. */
export function sealed(data: Uint8Array): Buffer {
  const file = Buffer.alloc(HEADER + data.length);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(data.length, 4);
  file.writeUInt32LE(checksum(data), 8);
  file.set(data, HEADER);
  return file;
}

/** The data of a file sealed() wrote, or undefined when it is anything else: truncated, grown, zeroed, changed. */
export function unsealed(file: Buffer): Buffer | undefined {
  if (file.length < HEADER || file.readUInt32LE(0) !== MAGIC || file.readUInt32LE(4) !== file.length - HEADER) return undefined;
  const data = file.subarray(HEADER);
  return checksum(data) === file.readUInt32LE(8) ? data : undefined;
}

/**
 * The folder of the code cache for this build of rif on this Node, or undefined when there is to be none:
 * RIF_CODE_CACHE=0, --no-cache (which keeps rif from writing any cache), or no cache folder known. The
 * build's id is in the name, and so are Node's version and the machine: V8 itself checks only that the
 * source has the same length, and rejects data from another V8 version.
 */
export function codeCacheDir(env: Env, argv: readonly string[], build: string, node: string, arch: string): string | undefined {
  if (env['RIF_CODE_CACHE'] === '0' || argv.includes('--no-cache')) return undefined;
  const root = cacheDir(env);
  return root && join(root, 'code', `${build}-${node}-${arch}`);
}
