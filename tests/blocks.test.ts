// A store file read in checked blocks (the word index's postings): any range comes back as written,
// whether it lies in one block or spans several, and a damaged block is found when a range in it is read;
// a word index read back so finds what the index in memory finds.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, BlockFile, blockSums } from '../src/store/blocks.js';
import { checksum } from '../src/store/checksum.js';
import { StoreDamaged } from '../src/store/entry.js';
import { decodeWordIndex, encodeWordIndex } from '../src/store/word-index-file.js';
import { allPostings, buildWordIndex, factsHolding, matchingWords } from '../src/search/word-index.js';
import { doc, tempDir } from './helpers.js';

const written = (bytes: Buffer): string => {
  const file = join(tempDir(), 'postings.bin');
  writeFileSync(file, bytes);
  return file;
};

describe('a file read in checked blocks', () => {
  const bytes = randomBytes(3 * BLOCK_BYTES + 1000);
  const file = written(bytes);
  const sums = blockSums(bytes, checksum);

  it('has one sum per block, the last one short', () => {
    expect(sums.length).toBe(4);
    expect(sums[3]).toBe(checksum(bytes.subarray(3 * BLOCK_BYTES)));
  });

  it.each([
    [0, 4],
    [100, 200],
    [BLOCK_BYTES - 4, BLOCK_BYTES],
    [BLOCK_BYTES - 4, BLOCK_BYTES + 4],
    [10, 2 * BLOCK_BYTES + 10],
    [0, 3 * BLOCK_BYTES + 1000],
    [3 * BLOCK_BYTES + 996, 3 * BLOCK_BYTES + 1000],
    [500, 500],
  ])('gives bytes %i to %i as written', (start, end) => {
    const blocks = new BlockFile(file, bytes.length, sums, checksum);
    expect(Buffer.compare(blocks.range(start, end), bytes.subarray(start, end))).toBe(0);
    blocks.close();
  });

  it('finds a damaged block when a range in it is read, and only then', () => {
    const damaged = Buffer.from(bytes);
    damaged[2 * BLOCK_BYTES + 7]! ^= 1;
    const blocks = new BlockFile(written(damaged), bytes.length, sums, checksum);
    expect(Buffer.compare(blocks.range(0, BLOCK_BYTES + 10), bytes.subarray(0, BLOCK_BYTES + 10))).toBe(0);
    expect(() => blocks.range(2 * BLOCK_BYTES, 2 * BLOCK_BYTES + 4)).toThrow(StoreDamaged);
    expect(() => blocks.range(BLOCK_BYTES, 3 * BLOCK_BYTES)).toThrow(StoreDamaged);
    blocks.close();
  });

  it('takes a file cut short, a range outside it and sums of another length for damage', () => {
    const short = new BlockFile(written(bytes.subarray(0, 2 * BLOCK_BYTES)), bytes.length, sums, checksum);
    expect(() => short.range(3 * BLOCK_BYTES, 3 * BLOCK_BYTES + 8)).toThrow(StoreDamaged);
    const blocks = new BlockFile(file, bytes.length, sums, checksum);
    expect(() => blocks.range(0, bytes.length + 1)).toThrow(StoreDamaged);
    expect(() => new BlockFile(file, bytes.length, sums.subarray(1), checksum)).toThrow(StoreDamaged);
  });
});

describe('a word index as stored', () => {
  // enough facts that the postings span several blocks, with words that begin one another and near misses
  const stems = ['bushehr', 'bushher', 'russian', 'drone', 'shahed', 'caspian', 'tehran', 'каспий', 'ruso'];
  const docs = Array.from({ length: 9000 }, (_, i) =>
    doc({
      id: `fact-${i}`,
      title: `${stems[i % stems.length]}${i % 97} ${stems[(i * 7) % stems.length]}`,
      summary: `${stems[(i * 3) % stems.length]} plant ${i % 13}`,
    }),
  );
  const built = buildWordIndex(docs);
  const { words, postings } = encodeWordIndex(built);
  const dir = tempDir();
  writeFileSync(join(dir, 'postings.bin'), postings);
  const stored = decodeWordIndex(words, new BlockFile(join(dir, 'postings.bin'), postings.length, blockSums(postings, checksum), checksum));

  it('spans several blocks', () => {
    expect(postings.length).toBeGreaterThan(3 * BLOCK_BYTES);
  });

  it.each(['bushehr', 'bushhr', 'russain', 'drones', 'shahid', 'kaspian', 'каспи', 'plant', 'tehrn', 'zzzzzz'])(
    'finds for %j the words and facts the index in memory finds',
    (query) => {
      const found = matchingWords(stored, query);
      expect(found).toEqual(matchingWords(built, query));
      expect([...factsHolding(stored, found)]).toEqual([...factsHolding(built, found)]);
    },
  );

  it('holds every posting as built', () => {
    expect([...allPostings(stored)]).toEqual([...built.postings]);
  });
});
