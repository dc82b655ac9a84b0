// A loaded set of facts, as commands see it: heads for every fact at once, whole facts and the word
// index on demand. The same interface over facts in memory, the bundled store and the user cache.
import type { FactHead } from '../facts/head.js';
import type { Issue } from '../facts/issues.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { toDoc } from '../search/doc.js';
import { buildTokenIndex, type TokenIndex } from '../search/tokens.js';

export interface Store {
  readonly vocabulary: Vocabulary;
  /** problems found while loading, in the order they are reported */
  readonly issues: readonly Issue[];
  readonly heads: readonly FactHead[];
  /** the whole facts at these indices of `heads` */
  facts(indices: readonly number[]): Promise<Fact[]>;
  /** the word index for search */
  tokens(): Promise<TokenIndex>;
}

export function memoryStore(facts: readonly Fact[], vocabulary: Vocabulary, issues: readonly Issue[]): Store {
  let tokens: TokenIndex | undefined;
  return {
    vocabulary,
    issues,
    heads: facts,
    facts: (indices) => Promise.resolve(indices.map((i) => facts[i]!)),
    tokens: () => Promise.resolve((tokens ??= buildTokenIndex(facts.map(toDoc)))),
  };
}
