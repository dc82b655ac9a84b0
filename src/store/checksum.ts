// The checksum that tells damage from data, in cache entries and the bundled store: FNV-1a over the
// bytes taken as little-endian 32-bit words (then the last bytes one by one). zlib's CRC-32 would cost a
// run more to load (node:zlib brings Node's streams) than the hashing of everything a look-up reads. A
// change that stays within one word always changes the sum.
//
// In JavaScript the loop runs interpreted, then as baseline code, on its first call in a process: some
// 2 ms for the 1.8 MB of `rif list --json`, before the optimized code arrives. Large data is hashed by
// the same loop in WebAssembly (below), which V8 compiles at once; without WebAssembly (node --jitless)
// the JavaScript loop does it all.

export type Checksum = (data: Uint8Array) => number;

const PRIME = 0x01000193;
const OFFSET_BASIS = 0x811c9dc5 | 0;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Data this long or longer goes through WebAssembly; so does anything but the smallest once the module
 * runs (a search's word index started it: the 30 records it reads next, one by one) or once a run has
 * hashed WASM_AFTER in JavaScript. Below that, the interpreter is as quick as starting WebAssembly
 * (about 0.4 ms: rif show hashes some 30 KB, all small).
 */
const WASM_FROM = 32 * 1024;
const WASM_AFTER = 128 * 1024;
const WASM_SMALLEST = 256;
let hashedInJs = 0;
/** WebAssembly pages (64 KiB) of memory the words are copied into, one part of the data at a time. */
const PAGES = 16;
const PART = PAGES * 65536;

/** The words of data as 32-bit integers, read in place where the platform and alignment allow. */
function words(data: Uint8Array): Int32Array | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const count = data.length >>> 2;
  if (data.byteOffset % 4 === 0) return new Int32Array(data.buffer, data.byteOffset, count);
  // a copy (a Buffer's slice() would share the memory, at the same offset)
  const aligned = new Uint8Array(count * 4);
  aligned.set(data.subarray(0, count * 4));
  return new Int32Array(aligned.buffer);
}

/** FNV-1a of the first `count` words of data, from `hash` on, in JavaScript. */
function hashWords(data: Uint8Array, count: number, hash: number): number {
  const view = words(data);
  if (view) {
    let i = 0;
    // four words a turn: the loop runs interpreted at first, and its overhead is most of the cost then
    for (; i + 4 <= count; i += 4) {
      hash = Math.imul(hash ^ view[i]!, PRIME);
      hash = Math.imul(hash ^ view[i + 1]!, PRIME);
      hash = Math.imul(hash ^ view[i + 2]!, PRIME);
      hash = Math.imul(hash ^ view[i + 3]!, PRIME);
    }
    for (; i < count; i++) hash = Math.imul(hash ^ view[i]!, PRIME);
  } else {
    const bytes = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < count; i++) hash = Math.imul(hash ^ bytes.getInt32(i * 4, true), PRIME);
  }
  return hash;
}

/** Unsigned LEB128, and signed, as WebAssembly writes numbers. */
const leb = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...leb(n >>> 7)]);
const sleb = (n: number): number[] => (n >= -64 && n < 64 ? [n & 0x7f] : [(n & 0x7f) | 0x80, ...sleb(n >> 7)]);
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const name = (text: string): number[] => [text.length, ...[...text].map((c) => c.charCodeAt(0))];
const [I32, GET, SET, CONST] = [0x7f, 0x20, 0x21, 0x41];

/**
 * The module's bytes, assembled when first needed (at load, this cost every run a tenth of a millisecond):
 *
 * (module (memory (export "m") PAGES)
 *   (func (export "h") (param $hash i32) (param $n i32) (result i32) (local $at i32) (local $end i32)
 *     end = n * 4
 *     (block (loop (br_if 1 (at >= end))
 *       hash = (hash ^ load(at)) * PRIME;  at += 4;  (br 0)))
 *     hash))
 */
function wasmModule(): Uint8Array {
  const code = [
    ...[1, 2, I32], // two more locals: at, end
    ...[GET, 1, CONST, 2, 0x74, SET, 3], // end = n << 2
    ...[0x02, 0x40, 0x03, 0x40], // block, loop
    ...[GET, 2, GET, 3, 0x4f, 0x0d, 1], // br_if 1 (at >=u end)
    ...[GET, 0, GET, 2, 0x28, 2, 0, 0x73, CONST, ...sleb(PRIME), 0x6c, SET, 0], // hash = (hash ^ i32.load(at)) * PRIME
    ...[GET, 2, CONST, 4, 0x6a, SET, 2], // at += 4
    ...[0x0c, 0, 0x0b, 0x0b], // br 0, end loop, end block
    ...[GET, 0, 0x0b], // hash
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, [1, 0x60, 2, I32, I32, 1, I32]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, PAGES]),
    ...section(7, [2, ...name('m'), 2, 0, ...name('h'), 0, 0]),
    ...section(10, [1, ...leb(code.length), ...code]),
  ]);
}

interface Wasm {
  readonly memory: Uint8Array;
  readonly hash: (hash: number, words: number) => number;
}

/** What is used of the WebAssembly global (its types are not in the compiler's library here). */
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: Readonly<Record<string, unknown>> };
}

let wasm: Wasm | false | undefined;

/** The module, instantiated on first use; false where WebAssembly cannot run. */
function loadWasm(): Wasm | false {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return false;
  try {
    const { exports } = new api.Instance(new api.Module(wasmModule()));
    const memory = exports['m'] as { readonly buffer: ArrayBuffer };
    return { memory: new Uint8Array(memory.buffer), hash: exports['h'] as Wasm['hash'] };
  } catch {
    return false;
  }
}

/** FNV-1a of the first `count` words, through WebAssembly a part at a time; false where it cannot run. */
function hashWordsWasm(data: Uint8Array, count: number, hash: number): number | false {
  if (!LITTLE_ENDIAN) return false;
  wasm ??= loadWasm();
  if (!wasm) return false;
  for (let at = 0; at < count * 4; at += PART) {
    const part = data.subarray(at, Math.min(count * 4, at + PART));
    wasm.memory.set(part);
    hash = wasm.hash(hash, part.length >>> 2);
  }
  return hash;
}

/** The checksum as the JavaScript loop alone computes it: what the WebAssembly path is tested against. */
export const checksumInJs: Checksum = (data) => withTail(data, hashWords(data, data.length >>> 2, OFFSET_BASIS));

export const checksum: Checksum = (data) => {
  const count = data.length >>> 2;
  const wasmFits = data.length >= WASM_FROM || (data.length >= WASM_SMALLEST && (wasm !== undefined || hashedInJs >= WASM_AFTER));
  const viaWasm = wasmFits ? hashWordsWasm(data, count, OFFSET_BASIS) : false;
  if (viaWasm === false) hashedInJs += data.length;
  return withTail(data, viaWasm === false ? hashWords(data, count, OFFSET_BASIS) : viaWasm);
};

/** The hash of the words, carried over the bytes left after them. */
function withTail(data: Uint8Array, hash: number): number {
  for (let i = data.length & ~3; i < data.length; i++) hash = Math.imul(hash ^ data[i]!, PRIME);
  return hash >>> 0;
}
