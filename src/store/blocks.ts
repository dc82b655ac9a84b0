// A store file read in blocks of 64 KB, each checked against a sum of its own as it is first read: a
// search reads the postings of the few words a query matches, not the megabytes of a large word index
// (10,000 facts: 4.7 MB, of which `rif search shahed` needs two blocks).
import type { Checksum } from './checksum.js';
import { closeFd, readRange, StoreDamaged } from './entry.js';

export const BLOCK_BYTES = 64 * 1024;

/** The sum of each block of `bytes`, in order. */
export function blockSums(bytes: Uint8Array, crc: Checksum): Uint32Array {
  const sums = new Uint32Array(Math.ceil(bytes.length / BLOCK_BYTES));
  for (let k = 0; k < sums.length; k++) sums[k] = crc(bytes.subarray(k * BLOCK_BYTES, (k + 1) * BLOCK_BYTES));
  return sums;
}

export class BlockFile {
  private readonly fd: { current?: number } = {};
  private readonly blocks = new Map<number, Buffer>();

  /** `bytes`: the file's length as its manifest records it; `sums`: blockSums of its bytes. */
  constructor(
    private readonly file: string,
    readonly bytes: number,
    private readonly sums: Uint32Array,
    private readonly crc: Checksum,
  ) {
    if (sums.length !== Math.ceil(bytes / BLOCK_BYTES)) throw new StoreDamaged(`${file} has the wrong number of block sums`);
  }

  /** Bytes [start, end): a view of one block, or a copy of the blocks they span. */
  range(start: number, end: number): Buffer {
    if (!(start >= 0 && start <= end && end <= this.bytes)) throw new StoreDamaged(`a range of ${this.file} lies outside it`);
    const first = Math.floor(start / BLOCK_BYTES);
    if (end <= (first + 1) * BLOCK_BYTES) return this.block(first).subarray(start - first * BLOCK_BYTES, end - first * BLOCK_BYTES);
    const out = Buffer.allocUnsafe(end - start);
    for (let k = first, at = 0; at < out.length; k++) {
      const from = Math.max(start, k * BLOCK_BYTES) - k * BLOCK_BYTES;
      const to = Math.min(end, (k + 1) * BLOCK_BYTES) - k * BLOCK_BYTES;
      out.set(this.block(k).subarray(from, to), at);
      at += to - from;
    }
    return out;
  }

  private block(k: number): Buffer {
    let block = this.blocks.get(k);
    if (!block) {
      block = readRange(this.file, this.fd, k * BLOCK_BYTES, Math.min(this.bytes, (k + 1) * BLOCK_BYTES));
      if (this.crc(block) !== this.sums[k]) throw new StoreDamaged(`a block of ${this.file} does not match its checksum`);
      this.blocks.set(k, block);
    }
    return block;
  }

  close(): void {
    closeFd(this.fd);
  }
}
