// The growing files of a store: one JSON value per item (a fact's record, or its head), found through an
// index of where each starts, how long it is and its checksum. An edit appends the new items and writes a
// new index, so the items of unchanged facts are never written again; each item is checked as it is read.
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import type { Checksum } from './checksum.js';
import { closeFd, float64s, readRange, StoreDamaged, uint32s } from './entry.js';

/** Where each item is: start (bytes into the file), length and checksum, by item number. */
export interface ItemIndex {
  readonly start: Float64Array;
  readonly length: Uint32Array;
  readonly crc: Uint32Array;
}

const itemCount = (index: ItemIndex): number => index.start.length;

/** The index as bytes: the starts as 64-bit floats, then the lengths, then the checksums. */
export function encodeIndex(index: ItemIndex): Buffer {
  const n = itemCount(index);
  const out = Buffer.alloc(16 * n);
  new Float64Array(out.buffer, out.byteOffset, n).set(index.start);
  new Uint32Array(out.buffer, out.byteOffset + 8 * n, n).set(index.length);
  new Uint32Array(out.buffer, out.byteOffset + 12 * n, n).set(index.crc);
  return out;
}

export function decodeIndex(bytes: Buffer, n: number, fileBytes: number): ItemIndex {
  if (bytes.length !== 16 * n) throw new StoreDamaged('an item index is the wrong size');
  const start = float64s(bytes.subarray(0, 8 * n));
  const length = uint32s(bytes.subarray(8 * n, 12 * n));
  const crc = uint32s(bytes.subarray(12 * n));
  for (let i = 0; i < n; i++) if (!(start[i]! >= 0 && start[i]! + length[i]! <= fileBytes)) throw new StoreDamaged('an item lies outside its file');
  return { start, length, crc };
}

/**
 * JSON with every character past ASCII written as a \\u escape: an item then reads into a one-byte
 * string, which V8 decodes and parses faster than text with Persian or Cyrillic in it.
 */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * Appends items to `file` after its first `valid` bytes (anything past them, left by a run that stopped
 * halfway, is cut off first) and returns the index of the whole file and its new length. The items are
 * `item` of each value, made one at a time as it is written, and written a few megabytes at a time, so
 * that a first run over 100,000 facts never holds their text, or all of one kind of item, whole.
 */
export function appendItems<T>(
  file: string,
  valid: number,
  before: ItemIndex,
  values: readonly T[],
  crc: Checksum,
  item: (value: T) => unknown = (value) => value,
): { index: ItemIndex; bytes: number } {
  const n = itemCount(before);
  const start = new Float64Array(n + values.length);
  const length = new Uint32Array(n + values.length);
  const sums = new Uint32Array(n + values.length);
  start.set(before.start);
  length.set(before.length);
  sums.set(before.crc);
  const fd = openSync(file, valid === 0 ? 'w' : 'r+');
  let at = valid;
  try {
    ftruncateSync(fd, valid);
    let batch: Buffer[] = [];
    let batched = 0;
    const flush = () => {
      const all = Buffer.concat(batch, batched);
      for (let done = 0; done < all.length;) done += writeSync(fd, all, done, all.length - done, at - batched + done);
      batch = [];
      batched = 0;
    };
    for (const [k, value] of values.entries()) {
      const text = Buffer.from(asciiJson(item(value)), 'latin1');
      start[n + k] = at;
      length[n + k] = text.length;
      sums[n + k] = crc(text);
      at += text.length;
      batch.push(text);
      batched += text.length;
      if (batched >= WRITE_BATCH) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { index: { start, length, crc: sums }, bytes: at };
}

const WRITE_BATCH = 4 << 20;

/** Reads items by number, each checked against its checksum before it is parsed. */
export class ItemReader {
  private readonly fd: { current?: number } = {};
  private whole: Buffer | undefined;

  constructor(
    private readonly file: string,
    private readonly index: ItemIndex,
    private readonly bytes: number,
    private readonly crc: Checksum,
  ) {}

  /**
   * Items by number. A read and parse of one item costs about what parsing it within the whole file
   * does, plus a system call: most of the file is worth one read, a part of it is not.
   */
  pick(items: readonly number[]): unknown[] {
    const n = itemCount(this.index);
    if (!this.whole && items.length * 2 >= n && n > 0) this.whole = readRange(this.file, this.fd, 0, this.bytes);
    return items.map((i) => {
      if (!(i >= 0 && i < n)) throw new StoreDamaged('item number out of range');
      const start = this.index.start[i]!;
      const end = start + this.index.length[i]!;
      const bytes = this.whole ? this.whole.subarray(start, end) : readRange(this.file, this.fd, start, end);
      if (this.crc(bytes) !== this.index.crc[i]) throw new StoreDamaged(`an item of ${this.file} does not match its checksum`);
      try {
        return JSON.parse(bytes.toString('latin1')) as unknown;
      } catch {
        throw new StoreDamaged(`an item of ${this.file} does not parse`);
      }
    });
  }

  close(): void {
    closeFd(this.fd);
  }
}
