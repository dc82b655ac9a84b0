// Where rif keeps what it can rebuild: the parsed user facts (src/store/open-store.ts) and the compiled
// code of rif itself (src/boot.ts).
import { isAbsolute, join } from 'node:path';

/** $XDG_CACHE_HOME/rif, else ~/.cache/rif; undefined when neither can be known (then nothing is cached). */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'rif');
  const home = env['HOME'];
  return home && isAbsolute(home) ? join(home, '.cache', 'rif') : undefined;
}
