// The cache entry of the user's facts, in $XDG_CACHE_HOME/rif/stores/<key>: used only while every file it
// was built from is unchanged, by one rule (size, modification and change time, inode and device all as
// recorded). A fingerprint of the paths tells that at once for a large collection; else, or when the
// fingerprint differs, the files are walked and compared one by one, and what changed is parsed and
// written into the entry. Damage found in the entry at any point means a rebuild from the fact files.
import { rmSync } from 'node:fs';
import { absolutePath, findUserFiles, type FoundFiles } from '../facts/files.js';
import { bundledPaths, overlapsBundled } from './bundled-paths.js';
import type { Bundled } from './bundled-store.js';
import type { Checksum } from './checksum.js';
import { openEntry, type DiskEntry } from './disk-store.js';
import { readManifest, StoreDamaged, type Manifest } from './entry.js';
import { fingerprint, type Fingerprint } from './fingerprint.js';
import type { Hash } from './hash.js';
import { filesFromListing } from './listed-files.js';
import { takeLock } from './lock.js';
import type { Plan } from './plan.js';
import { unchanged } from './sources.js';
import { recovering } from './recovering.js';
import { stopping } from './stopping.js';
import { memoryStore, type Progress, type Reads, type Store } from './store.js';
import { recordFingerprint, writeEntry } from './write-entry.js';

export interface UserStoreOptions {
  readonly key: string;
  /** the bundled facts, opened when first asked for: a run whose entry is current does not */
  readonly bundled: () => Promise<Bundled>;
  /** whether the entry holds the bundled facts too */
  readonly includeBundled: boolean;
  /** what the command reads first (open-store.ts) */
  readonly reads: Reads;
  /** where to send the check of an entry used before its check ends; without it, the check comes first */
  readonly confirm?: ((current: Promise<boolean>) => void) | undefined;
  /** as given, relative ones against cwd */
  readonly userPaths: readonly string[];
  readonly cwd: string | undefined;
  /** the entry's folder; undefined without a cache (everything is parsed in memory) */
  readonly dir: string | undefined;
  /** a folder rif may write to, for the fingerprint's scratch file */
  readonly scratch: string | undefined;
  /** $PATH, where find is looked up; without it, no fingerprint */
  readonly searchPath: string | undefined;
  readonly maxFileBytes: number | undefined;
  readonly progress: Progress | undefined;
  readonly log: (line: string) => void;
  /** checks store files; its digest gives the fingerprint */
  readonly crc: Checksum;
  /** digests of fact files' bytes */
  readonly hash: Hash;
  /** FINGERPRINT_FROM and RACY_MS, lowered by tests that check the fingerprint on a few files just written */
  readonly fingerprintFrom?: number;
  readonly racyMs?: number;
}

/**
 * Below this many fact files, a walk costs less than starting find, and an entry's fingerprint is not
 * used (10,000 files: a walk 60-70 ms, find 20 ms; 1,000 files: a walk 7 ms, find and its start 8 ms).
 */
const FINGERPRINT_FROM = 500;

/** The fingerprint a run took of an entry found stale after it was used, for the run that starts again (held.ts). */
let retaken: { readonly key: string; readonly printed: Promise<Fingerprint | undefined>; readonly listedAt: number } | undefined;

export async function openUserStore(options: UserStoreOptions): Promise<Store> {
  const { dir, crc } = options;
  const manifest = dir ? readManifest(dir, crc) : undefined;
  const current = manifest?.key === options.key ? manifest : undefined;
  // find runs in a process of its own while the entry is opened here; a run started again over an
  // entry found stale uses the fingerprint taken a moment ago, before anything it reads
  const again = retaken?.key === options.key ? retaken : undefined;
  retaken = undefined;
  const listedAt = again?.listedAt ?? Date.now();
  const roots = options.userPaths.map((path) => absolutePath(path, options.cwd));
  const printed =
    again?.printed ??
    (dir && options.scratch && options.searchPath !== undefined && (!current || current.factFiles >= (options.fingerprintFrom ?? FINGERPRINT_FROM))
      ? fingerprint(roots, { searchPath: options.searchPath, scratch: options.scratch, hash: crc.digest })
      : undefined);
  let entry: DiskEntry | undefined;
  if (manifest && !current) options.log('the cache entry is foreign; rebuilding it');
  else if (dir && current) {
    try {
      entry = openEntry(dir, current, crc);
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      options.log(`the cache entry is damaged (${error.message}); rebuilding it`);
    }
  } else if (dir) {
    options.log('no cache entry for these paths yet; building it');
  }
  if (entry && printed && options.confirm && !again) {
    // the entry is used now, while find still looks at the files: the run's output waits for the answer.
    // When the fingerprint differs, the run starts again with it (what changed is found then, once), and
    // this store stops short, so that the run on stale facts ends at its next read
    let stale = false;
    options.confirm(
      printed.then((printedList) => {
        if (printedList !== undefined && printedList.digest === manifest!.fingerprint) {
          options.log('the cache entry is current (the fingerprint of the paths is unchanged)');
          return true;
        }
        stale = true;
        retaken = { key: options.key, printed: Promise.resolve(printedList), listedAt };
        return false;
      }),
    );
    return stopping(rebuilding(entry, options), () => stale);
  }
  if (printed) entry?.prefetch(options.reads);
  const printedList = await printed;
  const print = printedList?.digest;
  if (entry && print !== undefined && print === current!.fingerprint) {
    options.log('the cache entry is current (the fingerprint of the paths is unchanged)');
    return rebuilding(entry, options);
  }

  // find's listing is the walk, where it can tell what the walk would find; else a walk starts after the
  // fingerprint is taken, so what it finds is what the fingerprint describes, or newer
  const listed = printedList && filesFromListing(printedList.listing, roots, options.includeBundled && overlapsBundled(roots));
  const checkedAt = listed ? listedAt : Date.now();
  const found =
    listed ?? findUserFiles(options.userPaths, options.cwd, options.includeBundled ? bundledPaths((await options.bundled()).files()) : new Set<string>());
  if (entry) {
    try {
      if (unchanged(entry.sources(), found, checkedAt, options.racyMs)) {
        if (print !== undefined && print !== current!.fingerprint && current!.factFiles >= (options.fingerprintFrom ?? FINGERPRINT_FROM))
          recordFingerprint(dir!, manifest!, print, crc);
        options.log('the cache entry is current (every file is as recorded)');
        return rebuilding(entry, options);
      }
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      options.log(`the cache entry is damaged (${error.message}); rebuilding it`);
      entry = undefined;
    }
  }
  return update(options, found, checkedAt, print, entry, current);
}

/** Parses what changed, writes it into the entry (or a new one) and opens the result. */
async function update(
  options: UserStoreOptions,
  found: FoundFiles,
  checkedAt: number,
  print: string | undefined,
  entry: DiskEntry | undefined,
  manifest: Manifest | undefined,
): Promise<Store> {
  const { dir, crc } = options;
  const { planEntry } = await import('./plan.js');
  const bundled = await options.bundled();
  const plan = async (reuse: boolean): Promise<Plan> => {
    let previous;
    try {
      previous = reuse ? entry?.previous() : undefined;
    } catch (error) {
      if (!(error instanceof StoreDamaged)) throw error;
      options.log(`the cache entry is damaged (${error.message}); rebuilding it`);
    }
    return planEntry({
      key: options.key,
      ...(options.includeBundled ? { bundled: bundled.facts } : {}),
      bundledVocabulary: bundled.store.vocabulary,
      found,
      previous,
      checkedAt,
      racyMs: options.racyMs,
      maxFileBytes: options.maxFileBytes,
      progress: options.progress,
      hash: options.hash,
    });
  };
  const inMemory = (p: Plan): Store =>
    memoryStore(
      p.kept.map((r) => p.appended[r]!),
      p.vocabulary,
      p.issues,
      p.wordIndex,
    );
  const lock = dir ? takeLock(dir) : undefined;
  if (!dir || !lock) {
    entry?.close();
    // no cache, or another run is writing this entry: this run keeps its parse to itself
    return inMemory(await plan(false));
  }
  try {
    const next = await plan(true);
    options.progress?.('indexing', 0, 0);
    const updating =
      entry && manifest && next.firstNew > 0 ? { manifest, recordsAt: entry.recordsAt(), headsAt: entry.headsAt(), docsAt: entry.docsAt() } : undefined;
    entry?.close();
    // dead items outweigh live ones: the entry is written anew, which drops them
    const grown = manifest ? manifest.grown.records + manifest.grown.heads + manifest.grown.docs : 0;
    const compact = next.dead > 1 << 20 && next.dead > grown - next.dead;
    const written = compact ? await plan(false) : next;
    try {
      writeEntry(dir, written, compact ? undefined : updating, { fingerprint: print }, crc);
    } catch {
      // a cache that cannot be written (read-only home, full disk) only costs speed
      return written.firstNew === 0 ? inMemory(written) : inMemory(await plan(false));
    }
    const fresh = readManifest(dir, crc);
    if (!fresh) throw new StoreDamaged('the entry just written has no manifest');
    const parsed = written.appended.length - (written.firstNew === 0 ? written.sources.bundled : 0);
    options.log(
      written.changed
        ? `${updating && !compact ? 'updated' : 'wrote'} the cache entry: ${parsed} fact${parsed === 1 ? '' : 's'} parsed, ${fresh.facts} in all`
        : 'the cache entry is current (files changed too recently to trust their times were read again)',
    );
    return rebuilding(openEntry(dir, fresh, crc, undefined, written), options);
  } finally {
    lock();
  }
}

/** An entry's store that, should a file turn out damaged halfway through a command, rebuilds and carries on. */
function rebuilding(entry: DiskEntry, options: UserStoreOptions): Store {
  return recovering(entry.store, async (damage) => {
    options.log(`the cache entry is damaged (${damage.message}); rebuilding it`);
    entry.close();
    if (options.dir) rmSync(options.dir, { recursive: true, force: true });
    return openUserStore({ ...options, log: () => {} });
  });
}
