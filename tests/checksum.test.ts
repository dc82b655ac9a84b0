// The checksum that tells damage from data: the same sum for the same bytes wherever they sit in
// memory, a known value, and a different sum for any change within a word or of the length.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checksum, checksumInJs } from '../src/store/checksum.js';
import { ROOT } from './helpers.js';

const sum = checksum;

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

  it('is FNV-1a over little-endian words, then the bytes left', () => {
    expect(sum(new Uint8Array(0))).toBe(0x811c9dc5);
    expect(sum(Buffer.from('a'))).toBe(0xe40c292c);
    // one word: 'abcd' read as 0x64636261
    expect(sum(Buffer.from('abcd'))).toBe(Math.imul(0x811c9dc5 ^ 0x64636261, 0x01000193) >>> 0);
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
    expect(checksum(bytes)).toBe(expected);
    expect(checksum(memory.subarray(3))).toBe(expected);
    expect(checksumInJs(memory.subarray(3))).toBe(expected);
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
