// The word index of a store as two files: the words, one per line, and one array of 32-bit numbers
// ([word count][where each word's postings start][where each word starts in the text][postings]). Read
// back as views of those bytes, without a string per word.
import type { WordIndex } from '../search/word-index.js';
import { StoreDamaged, uint32s } from './entry.js';

export function encodeWordIndex(index: WordIndex): { words: Buffer; postings: Buffer } {
  const count = index.words.length;
  const words = Array.from({ length: count }, (_, i) => index.words.at(i)!);
  const numbers = new Uint32Array(1 + 2 * (count + 1) + index.postings.length);
  numbers[0] = count;
  numbers.set(index.starts, 1);
  let at = 0;
  for (const [i, word] of words.entries()) {
    numbers[2 + count + i] = at;
    at += word.length + 1;
  }
  numbers[2 + 2 * count] = at;
  numbers.set(index.postings, 3 + 2 * count);
  return { words: Buffer.from(words.map((w) => `${w}\n`).join('')), postings: Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength) };
}

/**
 * The index from its two files, checked to hang together. What it holds passed its checksum: the slots
 * are not checked one by one (a slot with no fact is skipped when the index is used).
 */
export function decodeWordIndex(wordsFile: Buffer, postingsFile: Buffer): WordIndex {
  const all = uint32s(postingsFile);
  const count = all[0] ?? 0;
  if (all.length < 3 + 2 * count) throw new StoreDamaged('the word index is short');
  const starts = all.subarray(1, count + 2);
  const wordAt = all.subarray(count + 2, 2 * count + 3);
  const postings = all.subarray(2 * count + 3);
  const text = wordsFile.toString('utf8');
  if (starts[count] !== postings.length || wordAt[count] !== text.length) throw new StoreDamaged('the word index does not add up');
  const words = {
    length: count,
    at: (i: number) => (i >= 0 && i < count ? text.slice(wordAt[i], wordAt[i + 1]! - 1) : undefined),
  };
  return { words, starts, postings };
}
