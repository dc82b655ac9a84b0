// The V8 code cache of rif's own code, as files: what a file holds is trusted only when it is whole and
// made by this build of rif on this Node. src/boot.ts reads and writes them; this module decides.
import { join } from 'node:path';
import { cacheDir } from './cache-dir.js';

type Env = Readonly<Record<string, string | undefined>>;

/** 'RIFC': the first four bytes of every code cache file */
const MAGIC = 0x52494643;
const HEADER = 8;

/**
 * The file for V8's cached data: the magic number and the data's length, then the data twice. A run
 * compares the two copies (a memcmp in Node) rather than hashing the data: the first call of a hash
 * written in JavaScript runs interpreted, about 2 ms of every run for the 200 KB of a look-up's code.
 * Damage (a byte changed, a block zeroed, the file cut or grown) leaves the copies unequal or the
 * length wrong; V8 checks its own header (version, flags, source) after that.
 */
export function sealed(data: Uint8Array): Buffer {
  const file = Buffer.alloc(HEADER + 2 * data.length);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(data.length, 4);
  file.set(data, HEADER);
  file.set(data, HEADER + data.length);
  return file;
}

/** The data of a file sealed() wrote, or undefined when it is anything else: truncated, grown, zeroed, changed. */
export function unsealed(file: Buffer): Buffer | undefined {
  if (file.length < HEADER || file.readUInt32LE(0) !== MAGIC) return undefined;
  const length = file.readUInt32LE(4);
  if (file.length !== HEADER + 2 * length) return undefined;
  const data = file.subarray(HEADER, HEADER + length);
  return data.equals(file.subarray(HEADER + length)) ? data : undefined;
}

/**
 * The folder of the code cache for this build of rif on this Node and for the command that runs, or
 * undefined when there is to be none: RIF_CODE_CACHE=0, --no-cache (which keeps rif from writing any
 * cache), or no cache folder known. The build's id is in the name, and so are Node's version and the
 * machine: V8 itself checks only that the source has the same length, and rejects data from another V8
 * version. Each command, with each set of flags, has a folder of its own, because the data holds only
 * the functions the run that wrote it compiled: a cache written by `rif treaties` left `rif search`
 * compiling most of the search, and one written by `rif list --facts ~/notes` (which parses and caches
 * the files) left `rif list --json` compiling what it prints with (7 ms a run).
 * `argv`: the arguments after the script; a first word that names no command is a search.
 */
export function codeCacheDir(env: Env, argv: readonly string[], build: string, node: string, arch: string, commands: readonly string[]): string | undefined {
  if (env['RIF_CODE_CACHE'] === '0' || argv.includes('--no-cache')) return undefined;
  const root = cacheDir(env);
  const command = argv[0] !== undefined && commands.includes(argv[0]) ? argv[0] : 'search';
  return root && join(root, 'code', `${build}-${node}-${arch}`, `${command}${flagNames(argv)}`.slice(0, 120));
}

/** The names of the flags given, sorted, each after a "+" (`list --json --in 1828`: "+in+json"); values and words left out. */
function flagNames(argv: readonly string[]): string {
  const names = new Set<string>();
  for (const arg of argv) {
    const flag = /^--?([a-zA-Z][\w-]*)(?:=|$)/.exec(arg);
    if (flag) names.add(flag[1]!);
  }
  return [...names]
    .sort()
    .map((name) => `+${name}`)
    .join('');
}
