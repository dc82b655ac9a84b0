// The I/O edge that gives a command its facts: the bundled store compiled at build time and, with user
// paths, a cache entry in $XDG_CACHE_HOME/rif that is used only while every file it was built from has
// the same size and modification time (as the fingerprint of the paths, or each file, shows). Anything
// else is parsed (only what changed) and cached again.
import { realpathSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { findUserFiles, type FoundFiles } from '../facts/files.js';
import { packageVersion } from '../package.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR } from '../paths.js';
import { digestOf, openDiskStore, readManifest, readSources, recordFingerprint, RecordReader, StoreDamaged, writeStore, type StoreData } from './disk.js';
import { fingerprint } from './fingerprint.js';
import { hasher } from './hash.js';
import { memoryStore, type Progress, type Speculate, type Store } from './store.js';

export interface OpenOptions {
  readonly includeBundled: boolean;
  /** user files and directories, from --facts and RIF_FACTS */
  readonly userPaths: readonly string[];
  /** the cache directory; undefined with --no-cache or when there is none */
  readonly cacheDir?: string | undefined;
  readonly progress?: Progress | undefined;
  /** --max-file-size; part of the cache key, since it decides which files are read */
  readonly maxFileBytes?: number | undefined;
  /** $PATH, where find is looked up for the fingerprint of the user's paths; without it, none is taken */
  readonly searchPath?: string | undefined;
  /** takes the fingerprint check while it runs (see Speculate); without it, the check is awaited here */
  readonly speculate?: Speculate | undefined;
}

/** The cache entries live here, one folder per set of paths. */
const storesDir = (cacheDir: string): string => join(cacheDir, 'stores');

/**
 * The facts for a command. With user paths and a cache, the entry for those paths is used while the
 * files it was built from are unchanged: known at once when the fingerprint of the paths is the one
 * recorded (while the command runs, when the caller speculates), else by walking the paths and comparing
 * each file's size and time. A walk always starts after the fingerprint is taken, and its fingerprint is
 * recorded with what it found.
 */
export async function openStore(options: OpenOptions): Promise<Store> {
  const bundled = await openBundled();
  if (!options.userPaths.length) return options.includeBundled ? bundled.store : memoryStore([], bundled.store.vocabulary, []);

  const hash = hasher();
  const key = hash(
    JSON.stringify([packageVersion(), options.includeBundled ? bundled.key : null, options.userPaths.map((p) => resolve(p)), options.maxFileBytes ?? null]),
  );
  const dir = options.cacheDir && join(storesDir(options.cacheDir), key);
  const manifest = dir ? readManifest(dir) : undefined;
  const previous = manifest?.key === key ? manifest : undefined;
  const printed =
    options.cacheDir && options.searchPath !== undefined
      ? fingerprint(options.userPaths, { searchPath: options.searchPath, scratch: options.cacheDir, hash })
      : undefined;

  let walked: Promise<{ print: string | undefined; found: FoundFiles }> | undefined;
  const walk = () =>
    (walked ??= (async () => {
      const print = await printed;
      // a user path that is (or holds) the bundled facts adds nothing twice
      const seen = options.includeBundled ? bundledPaths(bundled.files()) : new Set<string>();
      return { print, found: findUserFiles(options.userPaths, seen) };
    })());
  const build = async (reuse: boolean): Promise<Store> => {
    const { print, found } = await walk();
    const { buildStoreData } = await import('./build.js');
    const input = {
      key,
      bundled: options.includeBundled ? await bundled.store.facts(Array.from({ length: bundled.store.size }, (_, i) => i)) : [],
      bundledVocabulary: bundled.store.vocabulary,
      found,
      progress: options.progress,
      maxFileBytes: options.maxFileBytes,
    };
    let data: StoreData | undefined;
    if (reuse && dir) {
      let reader: RecordReader | undefined;
      try {
        reader = new RecordReader(dir);
        data = buildStoreData({ ...input, reuse: { sources: readSources(dir), reader } });
      } catch {
        // whatever went wrong with the old entry, parsing everything gives the answer (and a real bug shows there)
      } finally {
        reader?.close();
      }
    }
    data ??= buildStoreData(input);
    let tokens;
    if (dir) {
      options.progress?.('indexing', 0, 0);
      try {
        tokens = writeStore(dir, data, hash, { fingerprint: print });
      } catch {
        // a cache that cannot be written (read-only home, full disk) only costs speed
      }
    }
    return memoryStore(
      data.kept.map((r) => data.records[r]!),
      data.vocabulary,
      data.issues,
      tokens,
    );
  };
  if (dir && previous) {
    let store: Store;
    try {
      store = recovering(openDiskStore(dir, previous), () => build(false));
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      return build(false);
    }
    if (printed && previous.fingerprint !== undefined) {
      const fresh = printed.then((print) => print === previous.fingerprint);
      if (options.speculate?.(fresh) || (await fresh)) return store;
    }
    const { print, found } = await walk();
    if (previous.digest === digestOf(hash, found.jobs, found.vocabularies, found.skipped)) {
      if (print !== undefined && print !== previous.fingerprint) recordFingerprint(dir, previous, print);
      return store;
    }
  }
  return build(previous !== undefined);
}

interface Bundled {
  readonly store: Store;
  /** identifies the bundled facts in cache keys */
  readonly key: string;
  /** the bundled fact files, so that user paths do not load them again */
  readonly files: () => readonly string[];
}

/** The bundled store compiled at build time; without one (a fresh checkout not yet built), the YAML itself. */
async function openBundled(): Promise<Bundled> {
  const manifest = readManifest(BUNDLED_STORE_DIR, BUNDLED_DIR);
  if (manifest) {
    try {
      const store = openDiskStore(BUNDLED_STORE_DIR, manifest, BUNDLED_DIR);
      return { store, key: manifest.key, files: () => readSources(BUNDLED_STORE_DIR, BUNDLED_DIR).sources.map((s) => s.file) };
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
    }
  }
  const { compileBundled } = await import('./compile.js');
  const data = compileBundled(BUNDLED_DIR, hasher());
  return {
    store: memoryStore(
      data.kept.map((r) => data.records[r]!),
      data.vocabulary,
      data.issues,
    ),
    key: data.key,
    files: () => data.sources.map((s) => s.file),
  };
}

/** The real paths of the bundled folder, its kind folders and its files, as the walk of user paths records what it has seen. */
function bundledPaths(files: readonly string[]): Set<string> {
  let real: string;
  try {
    real = realpathSync(BUNDLED_DIR);
  } catch {
    return new Set();
  }
  const seen = new Set([real]);
  for (const file of files) {
    const rel = relative(BUNDLED_DIR, file);
    seen.add(join(real, rel));
    seen.add(join(real, dirname(rel)));
  }
  return seen;
}

/** A disk store that, should a file turn out damaged halfway through a command, rebuilds and carries on. */
function recovering(store: Store, rebuild: () => Promise<Store>): Store {
  let fresh: Store | undefined;
  const read = async <T>(what: (s: Store) => Promise<T>): Promise<T> => {
    try {
      return await what(fresh ?? store);
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      fresh ??= await rebuild();
      return what(fresh);
    }
  };
  return {
    vocabulary: store.vocabulary,
    issues: store.issues,
    size: store.size,
    ids: () => read((s) => s.ids()),
    select: (filter) => read((s) => s.select(filter)),
    topicCounts: () => read((s) => s.topicCounts()),
    heads: (indices) => read((s) => s.heads(indices)),
    facts: (indices) => read((s) => s.facts(indices)),
    tokens: () => read((s) => s.tokens()),
  };
}
