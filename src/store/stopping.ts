// A store used before the check of its cache entry ended (user-store.ts): once the check finds the entry
// stale, its reads fail, so that the run on stale facts ends at its next read. That run is dropped and
// started again (held.ts): the failure never shows.
import type { Store } from './store.js';

/** What a read of a store found stale throws. */
class StaleEntry extends Error {}

/** The store, whose reads fail once `stale` says so. */
export function stopping(store: Store, stale: () => boolean): Store {
  const read = <T>(what: () => Promise<T>): Promise<T> => (stale() ? Promise.reject(new StaleEntry('the cache entry was stale')) : what());
  return {
    ...store,
    ids: () => read(() => store.ids()),
    select: (filter) => read(() => store.select(filter)),
    byDate: (indices) => read(() => store.byDate(indices)),
    topicCounts: () => read(() => store.topicCounts()),
    heads: (indices) => read(() => store.heads(indices)),
    facts: (indices) => read(() => store.facts(indices)),
    docs: (indices) => read(() => store.docs(indices)),
    wordIndex: (needs) => read(() => store.wordIndex(needs)),
    ...(store.recordsJson ? { recordsJson: (indices: readonly number[]) => read(() => store.recordsJson!(indices)) } : {}),
  };
}
