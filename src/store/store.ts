// A loaded set of facts, as commands see it: select by filter, then read heads or whole facts for the
// rows that print. Every read is asynchronous so that a damaged store can be rebuilt under any of them.
// The same interface over facts in memory, the bundled store and a cache entry of the user's facts.
import type { FactHead } from '../facts/head.js';
import type { Issue } from '../facts/issues.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { matchesFilter, type Filter } from '../filter.js';
import { closeDoc, toDoc, type Doc } from '../search/doc.js';
import { sortHits } from '../sort.js';
import { buildWordIndex, type WordIndex } from '../search/word-index.js';

/** What a command reads first: the ids (a look-up by id), the word index (a search), or rows. */
export type Reads = 'ids' | 'search' | 'rows';

/** Told how a long load is going: what it is doing, and how far through (total 0 when it cannot say). */
export type Progress = (stage: string, done: number, total: number) => void;

export interface Store {
  readonly vocabulary: Vocabulary;
  /** problems found while loading, in the order they are reported */
  readonly issues: readonly Issue[];
  /** how many facts */
  readonly size: number;
  /** every fact's id, by index */
  ids(): Promise<readonly string[]>;
  /** the indices of the facts that pass the filter, ascending */
  select(filter: Filter): Promise<number[]>;
  /** these indices (each once) in date order, as sortHits puts their facts (start, end, id), without reading a fact */
  byDate(indices: readonly number[]): Promise<number[]>;
  /** how many facts carry each topic */
  topicCounts(): Promise<Map<string, number>>;
  /** the heads of the facts at these indices: what filters, sorting and default columns need */
  heads(indices: readonly number[]): Promise<FactHead[]>;
  /** the whole facts at these indices */
  facts(indices: readonly number[]): Promise<Fact[]>;
  /** what a search reads of the facts at these indices to score their text (closeDoc): folded, kept by the store */
  docs(indices: readonly number[]): Promise<Doc[]>;
  /**
   * The word index for search. `needs`, called with the index this call resolves to, names the words
   * whose postings the caller will read: they are read with the index, so that damage found in them is
   * found within this call (a stored index reads postings as they are asked for).
   */
  wordIndex(needs?: (index: WordIndex) => readonly number[]): Promise<WordIndex>;
  /**
   * What renderJson prints for these facts' records (no fields picked, no scores), as compiled at build
   * time, in UTF-8: the bundled store only.
   */
  recordsJson?(indices: readonly number[]): Promise<readonly Uint8Array[]>;
}

/** Facts in memory; `built` when their word index was built already. */
export function memoryStore(facts: readonly Fact[], vocabulary: Vocabulary, issues: readonly Issue[], built?: WordIndex): Store {
  let index = built;
  return {
    vocabulary,
    issues,
    size: facts.length,
    ids: () => Promise.resolve(facts.map((f) => f.id)),
    select: (filter) => Promise.resolve(facts.flatMap((f, i) => (matchesFilter(f, filter) ? [i] : []))),
    byDate: (indices) =>
      Promise.resolve(
        sortHits(
          indices.map((index) => ({ fact: facts[index]!, index, score: 0, titleMatches: [] })),
          'date',
        ).map((h) => h.index),
      ),
    topicCounts: () => Promise.resolve(countTopics(facts)),
    heads: (indices) => Promise.resolve(indices.map((i) => facts[i]!)),
    facts: (indices) => Promise.resolve(indices.map((i) => facts[i]!)),
    docs: (indices) => Promise.resolve(indices.map((i) => closeDoc(facts[i]!))),
    wordIndex: (needs) => {
      index ??= buildWordIndex(facts.map(toDoc));
      needs?.(index);
      return Promise.resolve(index);
    },
  };
}

function countTopics(heads: readonly Pick<FactHead, 'topics'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const head of heads) for (const topic of new Set(head.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return counts;
}
