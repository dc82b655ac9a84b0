// The word index that narrows a search, and the pieces it stands on: the word splitter and the edit distance.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allPostings, appendWordIndex, factsHolding, FIELD_SLOTS, MAX_SLOTS, buildWordIndex, matchingWords, type WordIndex } from '../src/search/word-index.js';
import { wordMatches } from '../src/search/forms.js';
import { foldText } from '../src/search/normalize.js';
import { RANKING } from '../src/search/options.js';
import { charSet, mayBeNear, nearWord, splitWords, wordsOf } from '../src/search/words.js';
import { distance, withinDistance } from '../src/suggest.js';
import { doc } from './helpers.js';

const docs = [
  doc({ id: 'shahed-deal', title: 'Shahed drone deal', summary: 'Drones for Russia.' }),
  doc({ id: 'mashhad-visit', title: 'Visit to Mashhad', actors: ['Shahed Ahmadi'] }),
  doc({ id: 'bushehr', title: 'Bushehr plant', summary: 'Built with Russian help; the SCO summit.' }),
];
const index = buildWordIndex(docs);
const words = (query: string) => matchingWords(index, query).map((i) => index.words.at(i));
const holders = (query: string) => Object.fromEntries([...factsHolding(index, matchingWords(index, query))].map(([f, field]) => [docs[f]!.id, field]));

describe('the word index', () => {
  it('lists each distinct word once, sorted', () => {
    const all = Array.from({ length: index.words.length }, (_, i) => index.words.at(i)!);
    expect(all).toEqual([...new Set(all)].sort());
    expect(index.starts[index.words.length]).toBe(index.postings.length);
  });

  it.each([
    ['sco', ['sco']], // a short word only as itself
    ['sc', []],
    ['shahed', ['shahed', 'shahed-deal']], // a longer word as the start of a word (the id counts too)
    ['drone', ['drone', 'drones']],
    ['bushher', ['bushehr']], // with a typo only when no word starts with it
    ['mashad', ['mashhad']],
    ['zzzzzz', []],
  ])('%j stands for %j', (query, expected) => {
    expect(words(query)).toEqual(expected);
  });

  it('names, for each fact, every field that holds the word, one bit each', () => {
    // title is field 0 (bit 1), id field 2 (bit 4), actors field 3 (bit 8), summary field 7 (bit 128)
    expect(holders('shahed')).toEqual({ 'shahed-deal': 1 | 4, 'mashhad-visit': 8 });
    expect(holders('russia')).toEqual({ 'shahed-deal': 128, bushehr: 128 });
    expect(holders('drone')).toEqual({ 'shahed-deal': 1 | 128 });
  });

  it('packs a fact and its fields into one posting, which fits 32 bits for a million records', () => {
    for (const p of index.postings) expect(Math.floor(p / FIELD_SLOTS)).toBeLessThan(docs.length);
    expect(MAX_SLOTS).toBeGreaterThanOrEqual(1_000_000);
    expect((MAX_SLOTS - 1) * FIELD_SLOTS + FIELD_SLOTS - 1).toBeLessThanOrEqual(2 ** 32 - 1);
    const big = buildWordIndex([doc({ title: 'a' })], MAX_SLOTS - 1);
    expect(big.postings[0]).toBe((MAX_SLOTS - 1) * FIELD_SLOTS + 1);
    expect(() => buildWordIndex([doc({ title: 'a' })], MAX_SLOTS)).toThrow(RangeError);
  });
});

describe('the word splitter', () => {
  it.each([
    ['Shahed-136 drones, (S-300)!', ['shahed-136', 'drones', 's-300', 'shahed', '136', 's', '300', 'shahed136', 's300']],
    [
      '48 Su-35s for $1.7 billion, 6,000 drones',
      ['48', 'su-35s', 'for', '1.7', 'billion', '6,000', 'drones', 'su', '35s', '1', '7', '6', '000', 'su35s', 'su35', '1700000000', '6000'],
    ],
    ['€500m and 1.7bn', ['500m', 'and', '1.7bn', '1', '7bn', '500000000', '1700000000']],
    ['شاهد ۱۳۶', ['شاهد', '۱۳۶']],
    ['  ', []],
    ['Téhéran', ['teheran']],
    ['پوتین و پزشکیان', ['پوتین', 'و', 'پزشکیان']],
  ])('%j → %j (in any order)', (text, expected) => {
    expect(wordsOf(text).sort()).toEqual([...expected].sort());
  });

  it('splits ASCII text as the Unicode rules do', () => {
    // the one-pass splitter for ASCII against the general one, on a fixed pseudo-random sample
    const unicode = (text: string) => {
      const spaced = text
        .toLowerCase()
        .split(/\s+/)
        .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      return [...spaced, ...spaced.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))].filter(Boolean);
    };
    const alphabet = 'aZ9 -_.,()\t\n"\'x';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const { whole, parts } = splitWords(text);
      expect([text, [...whole, ...parts]]).toEqual([text, unicode(text)]);
    }
  });

  it('reads typographic quotes, dashes and spaces as their ASCII forms', () => {
    expect(wordsOf(foldText('\u00ABRussia\u2013Iran\u00BB\u00A0treaty \u201Cof 2025\u201D\u2026'))).toEqual(wordsOf('"Russia-Iran" treaty "of 2025"...'));
    expect(foldText('\u00ABРусские\u00BB')).toBe(foldText('"Русские"'));
  });
});

describe('the banded edit distance', () => {
  it.each([
    ['bushher', 'bushehr', 1, true],
    ['bushher', 'bushehr', 0, false],
    ['turkmanchai', 'turkmenchay', 2, true],
    ['abc', '', 2, false],
    ['', '', 0, true],
  ])('%j and %j within %d: %s', (a, b, max, expected) => {
    expect(withinDistance(a, b, max)).toBe(expected);
  });

  it('agrees with the full distance', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 7) }, () => 'abcd'[Math.floor(next() * 4)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [a, b, max] = [word(), word(), Math.floor(next() * 4)];
      expect([a, b, max, withinDistance(a, b, max)]).toEqual([a, b, max, distance(a, b) <= max]);
    }
  });

  it('is never ruled out by the quick look at the characters a word holds', () => {
    // letters 32 apart share a bit of the character set: the look must stay a bound for them too
    const letter = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'ш', String.fromCharCode(97 + 32));
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 10 }), fc.array(letter, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (q, w, typos) => {
        const [query, word] = [q.join(''), w.join('')];
        if (nearWord(query, word, typos)) expect(mayBeNear(charSet(query), query.length, word, typos)).toBe(true);
        if (withinDistance(query, word, typos)) expect(mayBeNear(charSet(query), query.length, word, typos)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('measures against the start of a word when given a length', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 9) }, () => 'abc'[Math.floor(next() * 3)]).join('');
    for (let k = 0; k < 3000; k++) {
      const [a, b, max, length] = [word(), word(), Math.floor(next() * 4), Math.floor(next() * 10)];
      expect([a, b, max, length, withinDistance(a, b, max, length)]).toEqual([a, b, max, length, distance(a, b.slice(0, length)) <= max]);
    }
  });
});

describe('an index with new records appended', () => {
  const plain = (i: WordIndex) => ({
    words: Array.from({ length: i.words.length }, (_, k) => i.words.at(k)),
    starts: [...i.starts],
    postings: [...allPostings(i)],
  });
  const word = fc.constantFrom('shahed', 'drone', 'deal', 'caspian', 'treaty', 'bushehr', 'putin', 's-300', 'abbas', 'mirza', 'یک', 'договор');
  const anyDoc = fc
    .record({ title: fc.array(word, { maxLength: 4 }), summary: fc.array(word, { maxLength: 6 }), actors: fc.array(word, { maxLength: 2 }) })
    .map((d) => doc({ title: d.title.join(' '), summary: d.summary.join(' '), actors: d.actors }));

  it('is the index of all the records built at once', () => {
    fc.assert(
      fc.property(fc.array(anyDoc, { maxLength: 12 }), fc.array(anyDoc, { maxLength: 6 }), (before, after) => {
        const appended = appendWordIndex(buildWordIndex(before), buildWordIndex(after, before.length));
        expect(plain(appended)).toEqual(plain(buildWordIndex([...before, ...after])));
      }),
    );
  });

  it('finds the fact of a slot through factOf, and skips a slot that is no fact', () => {
    const index = {
      ...buildWordIndex([doc({ title: 'shahed' }), doc({ title: 'shahed drone' }), doc({ title: 'shahed' })]),
      factOf: Int32Array.from([-1, 0, 1]),
    };
    // slot 0 is no fact; slots 1 and 2 are facts 0 and 1, holding the word in their titles (field 0, bit 1)
    expect([...factsHolding(index, matchingWords(index, 'shahed'))]).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});

describe('words reached with typos', () => {
  const typoIndex = buildWordIndex([doc({ id: 'a', title: 'Bushehr busher bushier plant' })]);
  const quality = (query: string) => Object.fromEntries(wordMatches(typoIndex, query).map((m) => [typoIndex.words.at(m.word)!, Number(m.quality.toFixed(3))]));

  it('are ordered by fuse.js within as many typos, below a word as typed', () => {
    const q = quality('bushher');
    // one typo each; Bitap counts the swapped letters of bushehr as two errors, the others as one
    expect(Object.keys(q).sort()).toEqual(['bushehr', 'busher', 'bushier']);
    expect(q['busher']).toBe(q['bushier']);
    expect(q['busher']).toBeGreaterThan(q['bushehr']!);
    for (const v of Object.values(q)) {
      expect(v).toBeLessThanOrEqual(RANKING.oneTypo);
      expect(v).toBeGreaterThanOrEqual(RANKING.oneTypo * (1 - RANKING.fuzzySpread));
    }
    expect(quality('busher')['busher']).toBe(RANKING.exact);
  });
});
