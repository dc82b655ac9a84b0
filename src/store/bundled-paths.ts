// Where the user's paths meet the bundled facts: the walk skips bundled files a user path reaches (they
// load once, as bundled facts), and find's list cannot say which those are.
import { realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { BUNDLED_DIR } from '../paths.js';

export /** Whether one of the user's paths is, holds or lies within the bundled facts (whose files the walk skips). */
function overlapsBundled(roots: readonly string[]): boolean {
  let bundled: string;
  try {
    bundled = realpathSync(BUNDLED_DIR);
  } catch {
    return false;
  }
  return roots.some((root) => {
    let real: string;
    try {
      real = realpathSync(root);
    } catch {
      return true;
    }
    return real === bundled || real.startsWith(bundled + sep) || bundled.startsWith(real + sep);
  });
}

/** The real paths of the bundled folder, its kind folders and its files, as the walk of user paths records what it has seen. */
export function bundledPaths(files: readonly string[]): Set<string> {
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
