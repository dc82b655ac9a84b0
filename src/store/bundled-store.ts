// The bundled facts: the store compiled at build time into dist/bundled/, or, in a checkout that was not
// built yet, the YAML itself, parsed in memory.
import type { Fact } from '../facts/types.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR } from '../paths.js';
import { checksum } from './checksum.js';
import { hasher } from './hash.js';
import { openEntry } from './disk-store.js';
import { readManifest, StoreDamaged } from './entry.js';
import { recovering } from './recovering.js';
import { memoryStore, type Store } from './store.js';
import { absoluteIn } from './write-entry.js';

export interface Bundled {
  readonly store: Store;
  /** identifies the bundled facts in cache keys */
  readonly key: string;
  /** the bundled fact files, so that user paths do not load them again */
  readonly files: () => readonly string[];
  /** every bundled fact, for a new cache entry that includes them */
  readonly facts: () => Promise<readonly Fact[]>;
}

export async function openBundled(): Promise<Bundled> {
  const crc = checksum;
  const manifest = readManifest(BUNDLED_STORE_DIR, crc);
  if (manifest) {
    try {
      const entry = openEntry(BUNDLED_STORE_DIR, manifest, crc, BUNDLED_DIR);
      const absolute = absoluteIn(BUNDLED_DIR);
      // a file found damaged later in the command (the installed package changed on disk): the YAML it
      // was compiled from is parsed instead, as for a checkout not built yet
      const store = recovering(entry.store, async () => {
        entry.close();
        return (await parsed()).store;
      });
      return {
        store,
        key: manifest.key,
        files: () => entry.sources().files.map((f) => absolute(f.file)),
        facts: () => store.facts(Array.from({ length: store.size }, (_, i) => i)),
      };
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
    }
  }
  return parsed();
}

/** The bundled facts parsed from their YAML, in memory (a checkout not built yet; a damaged build). */
async function parsed(): Promise<Bundled> {
  // the YAML parsers, loaded only then
  const { planBundled } = await import('./bundled-plan.js');
  const plan = await planBundled(BUNDLED_DIR, hasher());
  const facts = plan.kept.map((r) => plan.appended[r]!);
  return {
    store: memoryStore(facts, plan.vocabulary, plan.issues, plan.wordIndex),
    key: plan.key,
    files: () => plan.sources.files.map((f) => f.file),
    facts: () => Promise.resolve(facts),
  };
}
