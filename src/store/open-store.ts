// The one door to the facts: openStore gives a command its Store. It alone knows that a cache exists
// (where it lives, when an entry is current, how it is checked, updated and rebuilt); commands, cli.ts and
// Io never do.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../cache-dir.js';
import { absolutePath } from '../facts/files.js';
import { packageVersion } from '../package.js';
import { BUNDLED_STORE_DIR } from '../paths.js';
import { openBundled, type Bundled } from './bundled-store.js';
import { checksum } from './checksum.js';
import { readManifest } from './entry.js';
import { hasher } from './hash.js';
import { memoryStore, type Progress, type Reads, type Store } from './store.js';
import { openUserStore } from './user-store.js';

type Env = Readonly<Record<string, string | undefined>>;

export interface OpenOptions {
  /** what the command reads first, which a cache entry reads ahead while its files are checked */
  readonly reads?: Reads | undefined;
  /** where a cache entry opened before its check ends sends the check (Io.confirm); absent: checked first */
  readonly confirm?: ((current: Promise<boolean>) => void) | undefined;
  readonly includeBundled: boolean;
  /** the user's fact files and directories (--facts, RIF_FACTS, the config file), as given */
  readonly userPaths: readonly string[];
  /** what relative paths are relative to; undefined when the working directory is gone */
  readonly cwd: string | undefined;
  /** false with --no-cache: the user's facts are parsed in memory every time */
  readonly cache: boolean;
  /** where the cache is ($XDG_CACHE_HOME, $HOME) and where find is ($PATH) */
  readonly env: Env;
  readonly progress?: Progress | undefined;
  /** --max-file-size; part of the cache key, since it decides which files are read */
  readonly maxFileBytes?: number | undefined;
  /** --verbose: one line for what became of the cache entry */
  readonly log?: ((line: string) => void) | undefined;
}

/** Deletes the cache; returns the folder it was, if any. */
export function clearCache(env: Env): string | undefined {
  const dir = cacheDir(env);
  if (dir) rmSync(dir, { recursive: true, force: true });
  return dir;
}

export async function openStore(options: OpenOptions): Promise<Store> {
  if (!options.userPaths.length) {
    const bundled = await openBundled();
    return options.includeBundled ? bundled.store : memoryStore([], bundled.store.vocabulary, []);
  }
  // the bundled store itself is opened only when the user's entry is to be written (or the bundled
  // facts' manifest cannot say what they are): a run whose entry is current reads its key alone
  let opening: Promise<Bundled> | undefined;
  const bundled = () => (opening ??= openBundled());
  const absolute = options.userPaths.map((path) => absolutePath(path, options.cwd));
  const bundledKey = options.includeBundled ? (readManifest(BUNDLED_STORE_DIR, checksum)?.key ?? (await bundled()).key) : null;
  const key = checksum.digest(JSON.stringify([packageVersion(), bundledKey, absolute, options.maxFileBytes ?? null]));
  const root = options.cache ? cacheDir(options.env) : undefined;
  return openUserStore({
    key,
    bundled,
    includeBundled: options.includeBundled,
    userPaths: options.userPaths,
    reads: options.reads ?? 'rows',
    confirm: options.confirm,
    cwd: options.cwd,
    dir: root && join(root, 'stores', key),
    scratch: root,
    searchPath: options.env['PATH'],
    maxFileBytes: options.maxFileBytes,
    progress: options.progress,
    log: (line) => options.log?.(`cache: ${line}`),
    crc: checksum,
    hash: hasher(),
  });
}
