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

/** The index as written; where each item lies is checked as the item is read (a loop over them all here boxed every start: 480 KB of garbage for 10,000 facts). */
export function decodeIndex(bytes: Buffer, n: number): ItemIndex {
  if (bytes.length !== 16 * n) throw new StoreDamaged('an item index is the wrong size');
  const start = float64s(bytes.subarray(0, 8 * n));
  const length = uint32s(bytes.subarray(8 * n, 12 * n));
  const crc = uint32s(bytes.subarray(12 * n));
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

/** Items whose bytes lie this close together are read in one read (a system call costs about what copying 16 KB does). */
const GAP = 16 * 1024;
/** The most one read takes in: a buffer this size is kept and read into again, rather than fresh memory paged in for every read. */
const SPAN = 1 << 20;

/** Room for an item's place among those asked for beside its start in one exact 64-bit number: starts up to 8 GB. */
const PLACES = 2 ** 20;

/** Reads items by number, each checked against its checksum before it is parsed. */
export class ItemReader {
  private readonly fd: { current?: number } = {};
  private scratch: Buffer | undefined;

  constructor(
    private readonly file: string,
    private readonly index: ItemIndex,
    private readonly bytes: number,
    private readonly crc: Checksum,
  ) {}

  /**
   * Items by number. They are read in file order, those close together in one read of at most a
   * megabyte into a buffer kept for it, and parsed from there: 9,267 heads of 100,000 facts took as
   * many reads, and the whole file (39 MB) costs more to page in than to parse a tenth of.
   */
  pick(items: readonly number[]): unknown[] {
    const n = itemCount(this.index);
    const { start, length } = this.index;
    // in file order: each item's start and its place in `items` in one number, sorted as numbers
    // (a comparator would run interpreted, a call per comparison)
    if (this.bytes > Number.MAX_SAFE_INTEGER / PLACES) throw new RangeError(`${this.file} is over 8 GB`);
    const keys = new Float64Array(items.length);
    for (let k = 0; k < items.length; k++) {
      const i = items[k]!;
      if (!(i >= 0 && i < n)) throw new StoreDamaged('item number out of range');
      keys[k] = start[i]! * PLACES + k;
    }
    keys.sort();
    const out = new Array<unknown>(items.length);
    for (let k = 0; k < keys.length;) {
      const from = Math.floor(keys[k]! / PLACES);
      let to = from;
      let last = k;
      for (; last < keys.length; last++) {
        const at = Math.floor(keys[last]! / PLACES);
        const end = at + length[items[keys[last]! % PLACES]!]!;
        if (last > k && (at - to > GAP || end - from > SPAN)) break;
        if (!(at >= 0 && end <= this.bytes)) throw new StoreDamaged('an item lies outside its file');
        if (end > to) to = end;
      }
      const span = readRange(this.file, this.fd, from, to, to - from <= SPAN ? (this.scratch ??= Buffer.allocUnsafe(SPAN)) : undefined);
      for (; k < last; k++) {
        const place = keys[k]! % PLACES;
        const item = items[place]!;
        out[place] = this.parse(span, Math.floor(keys[k]! / PLACES) - from, length[item]!, item);
      }
    }
    return out;
  }

  private parse(span: Buffer, at: number, bytes: number, item: number): unknown {
    const view = new Uint8Array(span.buffer, span.byteOffset + at, bytes);
    if (this.crc(view) !== this.index.crc[item]) throw new StoreDamaged(`an item of ${this.file} does not match its checksum`);
    try {
      return JSON.parse(span.toString('latin1', at, at + bytes)) as unknown;
    } catch {
      throw new StoreDamaged(`an item of ${this.file} does not parse`);
    }
  }

  close(): void {
    closeFd(this.fd);
  }
}
