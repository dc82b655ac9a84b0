// The checksum that tells damage from data, in cache entries and the bundled store: FNV-1a in sixteen
// lanes. The bytes are taken as little-endian 32-bit words, sixteen to a block of 64 bytes; lane j is
// FNV-1a over word j of every whole block; the sum is FNV-1a over the sixteen lanes, then over the words
// after the last whole block, then over the bytes after the last word. A change that stays within one
// word always changes the sum (each step of a lane, and of the fold, is a bijection of what it carries).
// zlib's CRC-32 would cost a run more to load (node:zlib brings Node's streams) than hashing everything
// a look-up reads; sixteen independent lanes let WebAssembly's SIMD multiply four at a time.
//
// JavaScript runs interpreted on a first call in a process; large data goes through WebAssembly (below),
// which V8 compiles at once, and a large file is read straight into WebAssembly memory of its own and
// hashed there. Without WebAssembly (node --jitless) the JavaScript loop does it all.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

export interface Checksum {
  (data: Uint8Array): number;
  /** A whole file's bytes and their sum. */
  readonly file: (path: string) => Summed;
  /** A digest in 40 hex digits, for telling whether data changed. */
  readonly digest: (data: string | Uint8Array) => string;
}

export interface Summed {
  readonly bytes: Buffer;
  readonly sum: number;
}

const PRIME = 0x01000193;
const OFFSET_BASIS = 0x811c9dc5 | 0;
const LANES = 16;
const BLOCK = 4 * LANES;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Data this long or longer goes through WebAssembly; so does anything but the smallest once the module
 * runs (a search's word index started it: the 30 docs it reads next, one by one) or once a run has hashed
 * WASM_AFTER in JavaScript. Below that, the interpreter is as quick as starting WebAssembly (rif show).
 */
const WASM_FROM = 32 * 1024;
const WASM_AFTER = 128 * 1024;
const WASM_SMALLEST = 256;
let hashedInJs = 0;
const PAGE = 65536;

/**
 * The lanes over `blocks` whole blocks of `words`, from the start, in JavaScript, into `lanes`: one
 * variable a lane, which the interpreter runs quickest (a first call in a process runs interpreted).
 */
function laneBlocksInJs(words: Int32Array, blocks: number, lanes: Int32Array): void {
  let a = OFFSET_BASIS;
  let b = a;
  let c = a;
  let d = a;
  let e = a;
  let f = a;
  let g = a;
  let h = a;
  let i = a;
  let j = a;
  let k = a;
  let l = a;
  let m = a;
  let n = a;
  let o = a;
  let p = a;
  const mul = Math.imul;
  for (let w = 0; w < blocks * LANES; w += LANES) {
    a = mul(a ^ words[w]!, PRIME);
    b = mul(b ^ words[w + 1]!, PRIME);
    c = mul(c ^ words[w + 2]!, PRIME);
    d = mul(d ^ words[w + 3]!, PRIME);
    e = mul(e ^ words[w + 4]!, PRIME);
    f = mul(f ^ words[w + 5]!, PRIME);
    g = mul(g ^ words[w + 6]!, PRIME);
    h = mul(h ^ words[w + 7]!, PRIME);
    i = mul(i ^ words[w + 8]!, PRIME);
    j = mul(j ^ words[w + 9]!, PRIME);
    k = mul(k ^ words[w + 10]!, PRIME);
    l = mul(l ^ words[w + 11]!, PRIME);
    m = mul(m ^ words[w + 12]!, PRIME);
    n = mul(n ^ words[w + 13]!, PRIME);
    o = mul(o ^ words[w + 14]!, PRIME);
    p = mul(p ^ words[w + 15]!, PRIME);
  }
  lanes.set([a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p]);
}

/**
 * The words of the first `blocks` blocks of data as 32-bit integers: in place where the platform and
 * alignment allow, else from a copy of the bytes (an item of a file read whole starts anywhere).
 */
function blockWords(data: Uint8Array, blocks: number): Int32Array {
  const count = blocks * LANES;
  if (LITTLE_ENDIAN) {
    if (data.byteOffset % 4 === 0) return new Int32Array(data.buffer, data.byteOffset, count);
    const aligned = new Uint8Array(count * 4);
    aligned.set(data.subarray(0, count * 4));
    return new Int32Array(aligned.buffer);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return Int32Array.from({ length: count }, (_, w) => view.getInt32(4 * w, true));
}

/** The sum: the lanes folded, then the words after the whole blocks and the bytes after the words. */
function folded(lanes: Int32Array, data: Uint8Array): number {
  let hash = OFFSET_BASIS;
  for (let j = 0; j < LANES; j++) hash = Math.imul(hash ^ lanes[j]!, PRIME);
  const words = data.length & ~3;
  for (let at = data.length - (data.length % BLOCK); at < words; at += 4) {
    hash = Math.imul(hash ^ (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)), PRIME);
  }
  for (let at = words; at < data.length; at++) hash = Math.imul(hash ^ data[at]!, PRIME);
  return hash >>> 0;
}

/** The lanes of the JavaScript path, kept for every call. */
const jsLanes = new Int32Array(LANES);

/** The checksum as the JavaScript loop alone computes it: what the WebAssembly path is tested against. */
export function checksumInJs(data: Uint8Array): number {
  return folded(lanesInJs(data), data);
}

function lanesInJs(data: Uint8Array): Int32Array {
  const blocks = Math.floor(data.length / BLOCK);
  if (blocks) laneBlocksInJs(blockWords(data, blocks), blocks, jsLanes);
  else jsLanes.fill(OFFSET_BASIS);
  return jsLanes;
}

/**
 * The module, written out (228 bytes). Its memory is imported: the lanes at bytes 0–63, the data from
 * byte 64. h(blocks) carries the lanes over that many blocks, four lanes to each SIMD register.
 */
const MODULE = [
  '0061736d 01000000', // "\0asm", version 1
  '01 05 01 60 01 7f 00', // types: (func (param $blocks i32))
  '02 08 01 01 65 01 6d 02 00 01', // imports: (memory (import "e" "m") 1)
  '03 02 01 00', // functions: one, of that type
  '07 05 01 01 68 00 00', // exports: (export "h" (func 0))
  '0a bd01 01 ba01', // code: one body of 186 bytes
  '02 02 7f 05 7b', // (local $at i32) (local $end i32) (local $a v128) ($b $c $d) (local $prime v128)
  '41 93838008 fd11 21 07', // $prime = i32x4.splat(0x01000193)
  '41 00 fd00 04 00 21 03', // $a = v128.load(0): lanes 0–3
  '41 00 fd00 04 10 21 04', // $b = v128.load(16): lanes 4–7
  '41 00 fd00 04 20 21 05', // $c = v128.load(32): lanes 8–11
  '41 00 fd00 04 30 21 06', // $d = v128.load(48): lanes 12–15
  '41 c000 21 01', // $at = 64
  '20 00 41 06 74 41 c000 6a 21 02', // $end = ($blocks << 6) + 64
  '02 40 03 40', // block, loop
  '20 01 20 02 4f 0d 01', // br_if 1 ($at >=u $end)
  '20 03 20 01 fd00 04 00 fd51 20 07 fdb501 21 03', // $a = i32x4.mul(v128.xor($a, v128.load($at)), $prime)
  '20 04 20 01 fd00 04 10 fd51 20 07 fdb501 21 04', // $b: the same at $at + 16
  '20 05 20 01 fd00 04 20 fd51 20 07 fdb501 21 05', // $c: at $at + 32
  '20 06 20 01 fd00 04 30 fd51 20 07 fdb501 21 06', // $d: at $at + 48
  '20 01 41 c000 6a 21 01', // $at += 64
  '0c 00 0b 0b', // br 0, end loop, end block
  '41 00 20 03 fd0b 04 00', // v128.store(0, $a)
  '41 00 20 04 fd0b 04 10', // v128.store(16, $b)
  '41 00 20 05 fd0b 04 20', // v128.store(32, $c)
  '41 00 20 06 fd0b 04 30', // v128.store(48, $d)
  '0b', // end
];

/** What is used of the WebAssembly global (its types are not in the compiler's library here). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Readonly<Record<string, unknown>> };
  readonly Memory: new (limits: { initial: number }) => { readonly buffer: ArrayBuffer };
}

/** An instance over a memory: `lanes` (bytes 0–63) and `data` (from byte 64) are views of that memory. */
interface Hasher {
  readonly lanes: Int32Array;
  readonly data: Uint8Array;
  readonly run: (blocks: number) => void;
}

let wasm: { readonly api: WasmApi; readonly module: object; scratch?: Hasher } | false | undefined;

/** The module, compiled on first use; false where WebAssembly (or its SIMD) cannot run. */
function loadWasm(): typeof wasm {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api || !LITTLE_ENDIAN) return false;
  try {
    return { api, module: new api.Module(Buffer.from(MODULE.join('').replace(/ /g, ''), 'hex')) };
  } catch {
    return false;
  }
}

/** An instance over a memory of its own with room for `bytes` of data; undefined where WebAssembly cannot run or the memory cannot be had. */
function hasher(bytes: number): Hasher | undefined {
  wasm ??= loadWasm();
  if (!wasm) return undefined;
  try {
    const memory = new wasm.api.Memory({ initial: Math.ceil((BLOCK + bytes) / PAGE) });
    const { exports } = new wasm.api.Instance(wasm.module, { e: { m: memory } });
    return { lanes: new Int32Array(memory.buffer, 0, LANES), data: new Uint8Array(memory.buffer, BLOCK, bytes), run: exports['h'] as Hasher['run'] };
  } catch {
    return undefined;
  }
}

/**
 * Data already in memory, through WebAssembly: copied a megabyte at a time into the memory of one
 * instance kept for it. Undefined where WebAssembly cannot run; exported for the tests.
 */
export function checksumInWasm(data: Uint8Array): number | undefined {
  const lanes = lanesInWasm(data);
  return lanes && folded(lanes, data);
}

function lanesInWasm(data: Uint8Array): Int32Array | undefined {
  const hashing = (wasm ? wasm.scratch : undefined) ?? hasher(16 * PAGE - BLOCK);
  if (!hashing || !wasm) return undefined;
  wasm.scratch = hashing;
  hashing.lanes.fill(OFFSET_BASIS);
  const whole = data.length - (data.length % BLOCK);
  for (let at = 0; at < whole; at += hashing.data.length) {
    const part = data.subarray(at, Math.min(whole, at + hashing.data.length));
    hashing.data.set(part);
    hashing.run(part.length / BLOCK);
  }
  return hashing.lanes;
}

/** The lanes over the whole blocks of `data`, by whichever path is quicker for it. */
function lanesOf(data: Uint8Array): Int32Array {
  const wasmFits = data.length >= WASM_FROM || (data.length >= WASM_SMALLEST && (wasm !== undefined || hashedInJs >= WASM_AFTER));
  const viaWasm = wasmFits ? lanesInWasm(data) : undefined;
  if (viaWasm) return viaWasm;
  hashedInJs += data.length;
  return lanesInJs(data);
}

const sumOf = (data: Uint8Array): number => folded(lanesOf(data), data);

const hex = (word: number): string => (word >>> 0).toString(16).padStart(8, '0');

/**
 * A digest of data in 40 hex digits: the sum, then the sixteen lanes carried on over the bytes after the
 * whole blocks (as a block filled up with zeros) and folded into four, lane j into word j mod 4 by
 * exclusive or. For telling whether something changed (a cache key, the fingerprint of the user's
 * files): a change within one word changes its lane, and so both the sum and its folded word, however
 * short the data. SHA-1 would cost a run 4 ms to load node:crypto.
 */
function digestOf(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const lanes = Int32Array.from(lanesOf(bytes));
  const sum = folded(lanes, bytes);
  const tail = bytes.length % BLOCK;
  if (tail) {
    const last = new Uint8Array(BLOCK);
    last.set(bytes.subarray(bytes.length - tail));
    const view = new DataView(last.buffer);
    for (let j = 0; j < LANES; j++) lanes[j] = Math.imul(lanes[j]! ^ view.getInt32(4 * j, true), PRIME);
  }
  let out = hex(sum);
  for (let j = 0; j < 4; j++) out += hex(lanes[j]! ^ lanes[j + 4]! ^ lanes[j + 8]! ^ lanes[j + 12]!);
  return out;
}

/**
 * A large file is read into the memory of an instance of its own, summed where it lies, and handed out
 * as a view of that memory (which never grows, so the view stays whole): its bytes are neither copied
 * nor paged in twice. Anything else is read and summed as any data is.
 */
function readSummed(path: string): Summed {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const own = size >= WASM_FROM ? hasher(size) : undefined;
    if (!own) {
      const bytes = readFileSync(fd);
      return { bytes, sum: sumOf(bytes) };
    }
    const bytes = Buffer.from(own.data.buffer, own.data.byteOffset, size);
    let read = 0;
    for (let got = -1; read < size && got !== 0; read += got) got = readSync(fd, bytes, read, size - read, read);
    own.lanes.fill(OFFSET_BASIS);
    own.run(Math.floor(read / BLOCK));
    const whole = bytes.subarray(0, read);
    return { bytes: whole, sum: folded(own.lanes, whole) };
  } finally {
    closeSync(fd);
  }
}

export const checksum: Checksum = Object.assign(sumOf, { file: readSummed, digest: digestOf });
