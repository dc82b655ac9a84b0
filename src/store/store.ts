// A loaded set of facts, as commands see it: select by filter, then read heads or whole facts for the
// rows that print. Every read is asynchronous so that a damaged cache can be rebuilt under any of them. The same interface over facts in memory, the bundled store and the user cache.
import type { FactHead } from '../facts/head.js';
import type { Issue } from '../facts/issues.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { matchesFilter, type Filter } from '../filter.js';
import { toDoc } from '../search/doc.js';
import { buildTokenIndex, type TokenIndex } from '../search/tokens.js';

/** Told how a long load is going: what it is doing, and how far through (total 0 when it cannot say). */
export type Progress = (stage: string, done: number, total: number) => void;

/**
 * Offered the check of a cache entry that is still running: true when the caller takes it, using the
 * entry at once and holding the command's output until the check resolves (running the command again
 * when it resolves to false); false when output has gone out already.
 */
export type Speculate = (fresh: Promise<boolean>) => boolean;

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
  /** how many facts carry each topic */
  topicCounts(): Promise<Map<string, number>>;
  /** the heads of the facts at these indices: what filters, sorting and default columns need */
  heads(indices: readonly number[]): Promise<FactHead[]>;
  /** the whole facts at these indices */
  facts(indices: readonly number[]): Promise<Fact[]>;
  /** the word index for search */
  tokens(): Promise<TokenIndex>;
  /**
   * What renderJson prints for these facts' records (no fields picked, no scores), as compiled at build
   * time: the bundled store only.
   */
  recordsJson?(indices: readonly number[]): Promise<string>;
}

/** Facts in memory; `tokens` when their word index was built already (to write it to the cache). */
export function memoryStore(facts: readonly Fact[], vocabulary: Vocabulary, issues: readonly Issue[], built?: TokenIndex): Store {
  let tokens = built;
  return {
    vocabulary,
    issues,
    size: facts.length,
    ids: () => Promise.resolve(facts.map((f) => f.id)),
    select: (filter) => Promise.resolve(facts.flatMap((f, i) => (matchesFilter(f, filter) ? [i] : []))),
    topicCounts: () => Promise.resolve(countTopics(facts)),
    heads: (indices) => Promise.resolve(indices.map((i) => facts[i]!)),
    facts: (indices) => Promise.resolve(indices.map((i) => facts[i]!)),
    tokens: () => Promise.resolve((tokens ??= buildTokenIndex(facts.map(toDoc)))),
  };
}

function countTopics(heads: readonly Pick<FactHead, 'topics'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const head of heads) for (const topic of new Set(head.topics)) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return counts;
}
