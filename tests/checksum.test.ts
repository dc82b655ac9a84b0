// The checksum that tells damage from data: the same sum for the same bytes wherever they sit in
// memory, a known value, and a different sum for any change within a word or of the length.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksum, checksumInJs, checksumInWasm } from '../src/store/checksum.js';
import { ROOT } from './helpers.js';

const sum = checksum;
const [PRIME, OFFSET] = [0x01000193, 0x811c9dc5 | 0];

/** The checksum as its definition reads, word by word: what both the JavaScript and the WebAssembly paths are held to. */
function byDefinition(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wholeBlocks = bytes.length - (bytes.length % 64);
  const lanes = new Array<number>(16).fill(OFFSET);
  for (let at = 0; at < wholeBlocks; at += 4) lanes[(at / 4) % 16] = Math.imul(lanes[(at / 4) % 16]! ^ view.getInt32(at, true), PRIME);
  let hash = OFFSET;
  for (const lane of lanes) hash = Math.imul(hash ^ lane, PRIME);
  for (let at = wholeBlocks; at + 4 <= bytes.length; at += 4) hash = Math.imul(hash ^ view.getInt32(at, true), PRIME);
  for (let at = bytes.length & ~3; at < bytes.length; at++) hash = Math.imul(hash ^ bytes[at]!, PRIME);
  return hash >>> 0;
}

describe('the checksum', () => {
  it.each([0, 1, 7, 64, 1000, 65_537])('of %i random bytes does not depend on where they start in memory', (n) => {
    const bytes = randomBytes(n);
    for (const shift of [1, 2, 3]) {
      const memory = new Uint8Array(n + shift + 8).fill(0xa5);
      const moved = memory.subarray(shift, shift + n);
      moved.set(bytes);
      expect(sum(moved)).toBe(sum(bytes));
      // a Buffer over the same memory, as a file's bytes or a part of them are
      expect(sum(Buffer.from(memory.buffer, shift, n))).toBe(sum(bytes));
    }
  });

  it('is FNV-1a in sixteen lanes of little-endian words, folded, then the words and bytes left', () => {
    expect(sum(new Uint8Array(0))).toBe(byDefinition(new Uint8Array(0)));
    // no whole block: the sixteen untouched lanes folded, then 'abcd' as the word 0x64636261, then 'e'
    const fold = Array.from({ length: 16 }).reduce<number>((hash) => Math.imul(hash ^ OFFSET, PRIME), OFFSET);
    expect(sum(Buffer.from('abcde'))).toBe(Math.imul(Math.imul(fold ^ 0x64636261, PRIME) ^ 0x65, PRIME) >>> 0);
    for (const n of [1, 63, 64, 65, 127, 128, 1000, 4099]) {
      const bytes = randomBytes(n);
      expect(sum(bytes), `${n} bytes`).toBe(byDefinition(bytes));
    }
  });

  it('changes with any one byte, and with the length', () => {
    const bytes = randomBytes(4099);
    const before = sum(bytes);
    for (const at of [0, 1, 2048, 4095, 4096, 4098]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x80;
      expect(sum(changed)).not.toBe(before);
    }
    expect(sum(bytes.subarray(0, 4098))).not.toBe(before);
    expect(sum(Buffer.alloc(8))).not.toBe(sum(Buffer.alloc(12)));
  });
});

describe('the checksum of large data', () => {
  it.each([32 * 1024 - 1, 32 * 1024, 65_539, 1024 * 1024 + 7, 2.5 * 1024 * 1024 + 3])("of %i bytes is the JavaScript loop's, wherever they start", (n) => {
    const bytes = randomBytes(n);
    const memory = new Uint8Array(n + 3);
    memory.set(bytes, 3);
    const expected = checksumInJs(bytes);
    expect(expected).toBe(byDefinition(bytes));
    expect(checksum(bytes)).toBe(expected);
    // the WebAssembly path runs on this Node (were it to fail, checksum() would fall back to JavaScript)
    expect(checksumInWasm(memory.subarray(3))).toBe(expected);
    expect(checksum(memory.subarray(3))).toBe(expected);
    expect(checksumInJs(memory.subarray(3))).toBe(expected);
  });

  it('of a file is of the bytes read, which stay as read while other files are read after them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rif-sum-'));
    try {
      const sizes = [0, 100, 32 * 1024 - 1, 32 * 1024, 1024 * 1024 + 7, 2.5 * 1024 * 1024 + 3];
      const files = sizes.map((n, i) => {
        const bytes = randomBytes(n);
        writeFileSync(join(dir, String(i)), bytes);
        return bytes;
      });
      const read = sizes.map((_, i) => checksum.file(join(dir, String(i))));
      read.forEach(({ bytes, sum: got }, i) => {
        expect(Buffer.compare(bytes, files[i]!), `${sizes[i]} bytes`).toBe(0);
        expect(got, `${sizes[i]} bytes`).toBe(byDefinition(files[i]!));
      });
      expect(() => checksum.file(join(dir, 'none'))).toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("of small data, once the WebAssembly module runs or a run has hashed 128 KB, is still the JavaScript loop's", () => {
    // enough small data for the run to turn to WebAssembly, then small data of every length around a word
    for (let i = 0; i < 70; i++) {
      const bytes = randomBytes(2048);
      expect(checksum(bytes)).toBe(checksumInJs(bytes));
    }
    for (const n of [255, 256, 257, 258, 259, 1000, 5003]) {
      const bytes = randomBytes(n);
      expect(checksum(bytes), `${n} bytes`).toBe(checksumInJs(bytes));
      expect(checksum(Buffer.from(bytes).subarray(1)), `${n - 1} bytes at an odd offset`).toBe(checksumInJs(bytes.subarray(1)));
    }
  });

  it('is the same where Node runs without WebAssembly (node --jitless): the bundled facts pass their checks', () => {
    const run = (flags: string[]) =>
      spawnSync('node', [...flags, join(ROOT, 'bin', 'rif.js'), 'list', '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, RIF_CODE_CACHE: '0' },
      });
    const [plain, jitless] = [run([]), run(['--jitless'])];
    expect(jitless.status).toBe(0);
    expect(jitless.stdout).toBe(plain.stdout);
    expect(JSON.parse(plain.stdout).length).toBeGreaterThan(300);
  });
});

describe('the digest', () => {
  /** The digest as the definition reads: the sum, then the lanes over the bytes filled up to whole blocks with zeros, j, j+4, j+8 and j+12 combined by exclusive or. */
  function digestByDefinition(bytes: Uint8Array): string {
    const padded = new Uint8Array(Math.ceil(bytes.length / 64) * 64);
    padded.set(bytes);
    const view = new DataView(padded.buffer);
    const lanes = new Array<number>(16).fill(OFFSET);
    for (let at = 0; at < padded.length; at += 4) lanes[(at / 4) % 16] = Math.imul(lanes[(at / 4) % 16]! ^ view.getInt32(at, true), PRIME);
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return hex(byDefinition(bytes)) + [0, 1, 2, 3].map((j) => hex(lanes[j]! ^ lanes[j + 4]! ^ lanes[j + 8]! ^ lanes[j + 12]!)).join('');
  }

  it.each([0, 3, 60, 64, 1000, 65_539, 300_000])('of %i random bytes is the sum and the folded lanes, by either path', (n) => {
    const bytes = randomBytes(n);
    expect(checksum.digest(bytes)).toBe(digestByDefinition(bytes));
    expect(checksum.digest(bytes)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('of a text is of its UTF-8 bytes', () => {
    expect(checksum.digest('["0.1.0",null,["/home/a/notes"],null] Каспий')).toBe(checksum.digest(Buffer.from('["0.1.0",null,["/home/a/notes"],null] Каспий')));
  });

  it('of short data (a cache key) is as wide as of long data: each word of it changes a folded lane', () => {
    const key = Buffer.from('["0.1.0",null,["/home/a/notes"],null]');
    for (let at = 0; at + 4 <= key.length; at += 4) {
      const changed = Buffer.from(key);
      changed.writeUInt32LE(key.readUInt32LE(at) ^ 0x00000100, at);
      expect(checksum.digest(changed).slice(8), `word ${at / 4}`).not.toBe(checksum.digest(key).slice(8));
    }
  });

  it('changes with any one word of a listing changed, wherever it is', () => {
    const listing = Buffer.from(
      Array.from({ length: 40 }, (_, i) => `f ${1000 + i} 1765156680.1234567890 1765156680.1234567890 ${500 + i} 2049 /notes/${i}.yaml\0`).join(''),
    );
    const seen = new Set([checksum.digest(listing)]);
    for (let at = 0; at + 4 <= listing.length; at += 4) {
      const changed = Buffer.from(listing);
      changed.writeUInt32LE(listing.readUInt32LE(at) ^ 0x01010101, at);
      seen.add(checksum.digest(changed));
    }
    expect(seen.size).toBe(1 + Math.floor(listing.length / 4));
  });
});
