// The word index of a store as two files: the words, one per line, and one array of 32-bit numbers
// ([word count][where each word's postings start][where each word starts in the text][postings]). Read
// back as views of those bytes, without a string per word; the postings only as a search asks for them,
// in checked blocks (blocks.ts).
import { allPostings, type StoredPostings, type WordIndex } from '../search/word-index.js';
import { charSet } from '../search/words.js';
import type { BlockFile } from './blocks.js';
import { StoreDamaged, uint32s } from './entry.js';

export function encodeWordIndex(index: WordIndex): { words: Buffer; postings: Buffer } {
  const count = index.words.length;
  const words = Array.from({ length: count }, (_, i) => index.words.at(i)!);
  const postings = allPostings(index);
  const numbers = new Uint32Array(1 + 2 * (count + 1) + postings.length);
  numbers[0] = count;
  numbers.set(index.starts, 1);
  let at = 0;
  for (const [i, word] of words.entries()) {
    numbers[2 + count + i] = at;
    at += word.length + 1;
  }
  numbers[2 + 2 * count] = at;
  numbers.set(postings, 3 + 2 * count);
  return { words: Buffer.from(words.map((w) => `${w}\n`).join('')), postings: Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength) };
}

/**
 * The index from its two files, checked to hang together: the words and the numbers before the
 * postings are read now, each word's postings when first asked for. What is read passed its checksum:
 * the slots are not checked one by one (a slot with no fact is skipped when the index is used).
 */
export function decodeWordIndex(wordsFile: Buffer, postingsFile: BlockFile): WordIndex {
  if (postingsFile.bytes < 4 || postingsFile.bytes % 4) throw new StoreDamaged('the word index is the wrong size');
  const count = uint32s(postingsFile.range(0, 4))[0]!;
  const head = 3 + 2 * count;
  if (4 * head > postingsFile.bytes) throw new StoreDamaged('the word index is short');
  const numbers = uint32s(postingsFile.range(4, 4 * head));
  const starts = numbers.subarray(0, count + 1);
  const wordAt = numbers.subarray(count + 1, 2 * count + 2);
  const length = postingsFile.bytes / 4 - head;
  const text = wordsFile.toString('utf8');
  if (starts[count] !== length || wordAt[count] !== text.length) throw new StoreDamaged('the word index does not add up');
  const words = {
    length: count,
    at: (i: number) => (i >= 0 && i < count ? text.slice(wordAt[i], wordAt[i + 1]! - 1) : undefined),
    charSetAt: (i: number, limit: number) => charSet(text, wordAt[i], Math.min(wordAt[i + 1]! - 1, wordAt[i]! + limit)),
  };
  const postings: StoredPostings = { length, range: (from, to) => uint32s(postingsFile.range(4 * (head + from), 4 * (head + to))) };
  return { words, starts, postings };
}
