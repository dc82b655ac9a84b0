// Where rif finds its own files and keeps its cache. Kept at the top of src/ so that the same relative
// URLs hold in src/ (tests) and in the one-file build in dist/.
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled fact files (facts/ in the package). */
export const BUNDLED_DIR = fileURLToPath(new URL('../facts/', import.meta.url));

/** The JSON Schemas of a fact file and of a record, written by the build (rif schema prints them). */
export const SCHEMA_DIR = fileURLToPath(new URL('../dist/schema/', import.meta.url));

/** The bundled facts compiled at build time (npm run build). */
export const BUNDLED_STORE_DIR = fileURLToPath(new URL('../dist/bundled/', import.meta.url));

/** $XDG_CACHE_HOME/rif, else ~/.cache/rif; undefined when neither can be known (then nothing is cached). */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'rif');
  const home = env['HOME'];
  return home && isAbsolute(home) ? join(home, '.cache', 'rif') : undefined;
}
