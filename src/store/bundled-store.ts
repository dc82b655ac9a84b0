// The bundled facts: the store compiled at build time into dist/bundled/, or, in a checkout that was not
// built yet, the YAML itself, parsed in memory.
import { join, resolve } from 'node:path';
import { findBundledFiles, VOCABULARY_FILE } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { readVocabularies } from '../facts/load.js';
import type { Fact } from '../facts/types.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR } from '../paths.js';
import { checksum } from './checksum.js';
import { openEntry } from './disk-store.js';
import { readManifest, StoreDamaged } from './entry.js';
import { hasher, type Hash } from './hash.js';
import type { Plan } from './plan.js';
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
  const crc = checksum();
  const manifest = readManifest(BUNDLED_STORE_DIR, crc);
  if (manifest) {
    try {
      const entry = openEntry(BUNDLED_STORE_DIR, manifest, crc, BUNDLED_DIR);
      const absolute = absoluteIn(BUNDLED_DIR);
      return {
        store: entry.store,
        key: manifest.key,
        files: () => entry.sources().files.map((f) => absolute(f.file)),
        facts: () => entry.store.facts(Array.from({ length: entry.store.size }, (_, i) => i)),
      };
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
    }
  }
  const plan = await planBundled(BUNDLED_DIR, hasher());
  const facts = plan.kept.map((r) => plan.appended[r]!);
  return {
    store: memoryStore(facts, plan.vocabulary, plan.issues, plan.wordIndex),
    key: plan.key,
    files: () => plan.sources.files.map((f) => f.file),
    facts: () => Promise.resolve(facts),
  };
}

/** The bundled facts as a store plan: at build time (to be written to dist/bundled/), and for an unbuilt checkout. */
export async function planBundled(dir: string, hash: Hash): Promise<Plan> {
  const root = resolve(dir);
  const jobs = findBundledFiles(root);
  const issues: Issue[] = [];
  const vocabulary = readVocabularies([join(root, VOCABULARY_FILE)], issues);
  const { planEntry } = await import('./plan.js');
  const plan = await planEntry({
    key: '',
    bundledVocabulary: vocabulary,
    found: { vocabularies: [], jobs, skipped: [] },
    checkedAt: 0,
    hash,
  });
  // the key names what the facts say, wherever the package is installed
  const key = hash(JSON.stringify([plan.appended.map((f) => ({ ...f, file: f.file.slice(root.length) })), [...plan.vocabulary]]));
  return { ...plan, key, issues: [...issues, ...plan.issues] };
}
