// Pure: the word index search ranks by. For every word of every searchable field it lists the slots (the
// facts, as their store numbers them) that hold it, each with the fields it occurs in (one bit per field
// of SEARCH_FIELDS), so a query word costs a dictionary look-up instead of a scan of every fact. A
// cache entry numbers its facts by record, which an edit never renumbers: the index of an edited entry
// is the old one with the new records' postings appended (appendWordIndex), and `factOf` says which
// fact each record is now (none, for a record replaced or a duplicate).
import type { Doc } from './doc.js';
import { SEARCH_FIELDS } from './options.js';
import { charSet, forEachWord, isShortWord, lacks, nearWord, typoBudget } from './words.js';

/**
 * A posting packs a slot and the fields that hold the word, one bit per field: slot * FIELD_SLOTS + mask.
 * With 12 fields a slot is below 2^20: 1,048,576 records (facts, and the records an edit replaced until
 * the entry is rebuilt) fit in 32 bits.
 */
export const FIELD_SLOTS = 2 ** SEARCH_FIELDS.length;
/** The most slots a posting can name. */
export const MAX_SLOTS = 2 ** 32 / FIELD_SLOTS;

/** A sorted list of words: an array, or a view of one string (as read from the cache, without a string per word). */
interface Words {
  readonly length: number;
  at(index: number): string | undefined;
  /** charSet of the first `limit` characters of word i, read where it lies (no string made) */
  charSetAt?(index: number, limit: number): number;
}

/** Postings as a store keeps them on disk: read (and checked) as they are asked for. */
export interface StoredPostings {
  readonly length: number;
  /** postings [from, to) */
  range(from: number, to: number): Uint32Array;
}

export interface WordIndex {
  /** every distinct word, sorted by code unit */
  readonly words: Words;
  /** postings of words[i] are postings[starts[i]] up to postings[starts[i + 1]] */
  readonly starts: Uint32Array;
  /** per word, ascending by slot, one per slot: slot * FIELD_SLOTS + the fields' bits; in memory, or as stored */
  readonly postings: Uint32Array | StoredPostings;
  /** the fact each slot is, or -1 for none; without it, slot i is fact i */
  readonly factOf?: Int32Array | undefined;
}

/** An index built in memory: its postings are one array. */
export interface BuiltWordIndex extends WordIndex {
  readonly postings: Uint32Array;
}

/** The postings of word `w`. */
export function postingsOf(index: WordIndex, w: number): Uint32Array {
  const { postings, starts } = index;
  return postings instanceof Uint32Array ? postings.subarray(starts[w], starts[w + 1]) : postings.range(starts[w]!, starts[w + 1]!);
}

/** Every posting, in the order of the words. */
export function allPostings(index: WordIndex): Uint32Array {
  const { postings } = index;
  return postings instanceof Uint32Array ? postings : postings.range(0, postings.length);
}

/**
 * The index of `docs`, doc i in slot first + i. The docs may come one at a time (a generator), so that
 * indexing 100,000 facts never holds all their folded text.
 */
export function buildWordIndex(docs: Iterable<Doc>, first = 0): BuiltWordIndex {
  // words are numbered as met; each (word, posting) pair goes into two growing typed arrays, which a
  // counting sort by word then lays out: no array per word, no object per posting
  const ids = new Map<string, number>();
  const found: string[] = [];
  // per word, the last fact that held it and where that fact's posting is, to add a field's bit to it
  let lastFact = new Int32Array(1024).fill(-1);
  let lastPair = new Int32Array(1024);
  let pairWord = new Uint32Array(4096);
  let pairPosting = new Uint32Array(4096);
  let pairs = 0;
  let fact = first - 1;
  let bit = 0;
  const add = (word: string): void => {
    let id = ids.get(word);
    if (id === undefined) {
      id = found.length;
      ids.set(word, id);
      found.push(word);
      if (id >= lastFact.length) {
        lastFact = grown(lastFact, -1);
        lastPair = grown(lastPair, 0);
      }
    }
    if (lastFact[id] === fact) {
      pairPosting[lastPair[id]!]! |= bit;
      return;
    }
    lastFact[id] = fact;
    if (pairs === pairWord.length) {
      pairWord = grown(pairWord, 0);
      pairPosting = grown(pairPosting, 0);
    }
    lastPair[id] = pairs;
    pairWord[pairs] = id;
    pairPosting[pairs++] = fact * FIELD_SLOTS + bit;
  };
  for (const doc of docs) {
    fact++;
    if (fact >= MAX_SLOTS) throw new RangeError(`the word index holds at most ${MAX_SLOTS} records`);
    for (let field = 0; field < SEARCH_FIELDS.length; field++) {
      const value = doc[SEARCH_FIELDS[field]!.name];
      bit = 1 << field;
      if (typeof value === 'string') forEachWord(value, add);
      else for (const text of value) forEachWord(text, add);
    }
  }
  const order = found.map((_, id) => id).sort((a, b) => (found[a]! < found[b]! ? -1 : 1));
  const rank = new Uint32Array(found.length);
  order.forEach((id, r) => (rank[id] = r));
  const starts = new Uint32Array(found.length + 1);
  for (let p = 0; p < pairs; p++) starts[rank[pairWord[p]!]! + 1]!++;
  for (let r = 0; r < found.length; r++) starts[r + 1]! += starts[r]!;
  const fill = starts.slice(0, found.length);
  const postings = new Uint32Array(pairs);
  // pairs come in fact order, so each word's postings come out sorted by fact
  for (let p = 0; p < pairs; p++) postings[fill[rank[pairWord[p]!]!]!++] = pairPosting[p]!;
  return { words: order.map((id) => found[id]!), starts, postings };
}

/** A typed array twice as long, holding the old one's values, the rest set to `fill`. */
function grown<T extends Int32Array | Uint32Array>(array: T, fill: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}

/**
 * The index with `added`'s postings after `old`'s, word by word: every slot of `added` must come after
 * every slot of `old` (new records are numbered after the old ones), so each word's postings stay
 * sorted. A word of `old` that `added` does not hold is copied whole.
 */
export function appendWordIndex(old: WordIndex, added: WordIndex): BuiltWordIndex {
  const words: string[] = [];
  const starts: number[] = [];
  const before = allPostings(old);
  const after = allPostings(added);
  const postings = new Uint32Array(before.length + after.length);
  let total = 0;
  let a = 0;
  let b = 0;
  while (a < old.words.length || b < added.words.length) {
    const x = old.words.at(a);
    const y = added.words.at(b);
    const fromOld = x !== undefined && (y === undefined || x <= y);
    const fromAdded = y !== undefined && (x === undefined || y <= x);
    words.push((fromOld ? x : y)!);
    starts.push(total);
    if (fromOld) {
      postings.set(before.subarray(old.starts[a], old.starts[a + 1]), total);
      total += old.starts[a + 1]! - old.starts[a]!;
      a++;
    }
    if (fromAdded) {
      postings.set(after.subarray(added.starts[b], added.starts[b + 1]), total);
      total += added.starts[b + 1]! - added.starts[b]!;
      b++;
    }
  }
  starts.push(total);
  return { words, starts: Uint32Array.from(starts), postings };
}

/** The first index whose word is not below `word`. */
function lowerBound(words: Words, word: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words.at(mid)! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The dictionary words a (bare) query word stands for: a short word only as itself; a longer one as the
 * start of a word, or, when no word starts with it, within its typo budget.
 */
export function matchingWords(index: WordIndex, query: string): number[] {
  const { words } = index;
  const first = lowerBound(words, query);
  if (isShortWord(query)) return words.at(first) === query ? [first] : [];
  const exact: number[] = [];
  for (let i = first; i < words.length && words.at(i)!.startsWith(query); i++) exact.push(i);
  if (exact.length) return exact;
  const budget = typoBudget([...query].length);
  const near: number[] = [];
  // mayBeNear first, on the words where they lie when the index can (24,000 words of 10,000 facts)
  const set = charSet(query);
  const limit = query.length + budget;
  const wordSet = words.charSetAt
    ? (i: number) => words.charSetAt!(i, limit)
    : (i: number) => {
        const word = words.at(i)!;
        return charSet(word, 0, Math.min(word.length, limit));
      };
  for (let i = 0; i < words.length; i++) {
    if (lacks(set, wordSet(i)) > budget) continue;
    if (nearWord(query, words.at(i)!, budget)) near.push(i);
  }
  return near;
}

/**
 * Adds the facts holding word `w` to `out`, each with the bits of the fields that hold it: fact → bits
 * (or-ed with what `out` has).
 */
export function factsHolding(index: WordIndex, wordIndices: readonly number[], out = new Map<number, number>()): Map<number, number> {
  const { factOf } = index;
  for (const w of wordIndices) {
    const postings = postingsOf(index, w);
    for (let p = 0; p < postings.length; p++) {
      const posting = postings[p]!;
      const slot = Math.floor(posting / FIELD_SLOTS);
      const fact = factOf ? (factOf[slot] ?? -1) : slot;
      if (fact < 0) continue;
      out.set(fact, (out.get(fact) ?? 0) | (posting % FIELD_SLOTS));
    }
  }
  return out;
}

/** The index of a word exactly as given, or -1. */
export function wordAt(index: WordIndex, word: string): number {
  const i = lowerBound(index.words, word);
  return index.words.at(i) === word ? i : -1;
}

/** The indices of the words that begin with `start` (itself included), at most `max` of them. */
export function wordsStarting(index: WordIndex, start: string, max = Infinity): number[] {
  const out: number[] = [];
  for (let i = lowerBound(index.words, start); out.length < max && i < index.words.length && index.words.at(i)!.startsWith(start); i++) out.push(i);
  return out;
}
