// A store that, should one of its files turn out damaged halfway through a command (a byte changed on
// disk, a file cut short), turns to another store made for the purpose and carries on: a user's cache
// entry is rebuilt from the files, the bundled store is parsed from the YAML it was compiled from.
// Damage is never shown as data, and never a stack trace.
import { StoreDamaged } from './entry.js';
import { listingParts } from './listing.js';
import type { Store } from './store.js';

/** `instead`: the store to turn to, told what was damaged; made once, the first time damage shows. */
export function recovering(store: Store, instead: (damage: StoreDamaged) => Promise<Store>): Store {
  let fresh: Promise<Store> | undefined;
  const read = async <T>(what: (s: Store) => Promise<T>): Promise<T> => {
    if (fresh) return what(await fresh);
    try {
      return await what(store);
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      fresh ??= instead(error);
      return what(await fresh);
    }
  };
  return through(store, read);
}

/** A read of a store, made of whichever store `read` decides. */
type Read = <T>(what: (s: Store) => Promise<T>) => Promise<T>;

/** The store with each of its reads made through `read` (a store that recovers, or stops). */
export function through(store: Store, read: Read): Store {
  return {
    vocabulary: store.vocabulary,
    issues: store.issues,
    size: store.size,
    ids: () => read((s) => s.ids()),
    select: (filter) => read((s) => s.select(filter)),
    byDate: (indices) => read((s) => s.byDate(indices)),
    topicCounts: () => read((s) => s.topicCounts()),
    heads: (indices) => read((s) => s.heads(indices)),
    docs: (indices) => read((s) => s.docs(indices)),
    facts: (indices) => read((s) => s.facts(indices)),
    wordIndex: (needs) => read((s) => s.wordIndex(needs)),
    // a store turned to prints the same records through the renderer the build compiled them with
    ...(store.recordsJson
      ? { recordsJson: (indices) => read(async (s) => (s.recordsJson ? s.recordsJson(indices) : listingParts(await s.facts(indices)))) }
      : {}),
  };
}
