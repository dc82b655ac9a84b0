// A store used before the check of its cache entry ended (user-store.ts): once the check finds the entry
// stale, its reads fail, so that the run on stale facts ends at its next read. That run is dropped and
// started again (held.ts): the failure never shows.
import { through } from './recovering.js';
import type { Store } from './store.js';

/** What a read of a store found stale throws. */
class StaleEntry extends Error {}

/** The store, whose reads fail once `stale` says so. */
export function stopping(store: Store, stale: () => boolean): Store {
  return through(store, (what) => (stale() ? Promise.reject(new StaleEntry('the cache entry was stale')) : what(store)));
}
