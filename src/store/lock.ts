// The lock an update of a cache entry holds, so that two runs never write one entry at once. A run
// that finds it taken does not wait: it keeps its parse of the files to itself.
import { closeSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** A lock older than this was left by a run that was killed. */
const LOCK_STALE_MS = 30_000;

export /** Takes the entry's lock; undefined when another run holds it. Returns the release. */
function takeLock(dir: string): (() => void) | undefined {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(dirname(file), { recursive: true });
      closeSync(openSync(file, 'wx'));
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
      const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age < LOCK_STALE_MS) return undefined;
      // left by a run that was killed
      rmSync(file, { force: true });
    }
  }
  return undefined;
}
