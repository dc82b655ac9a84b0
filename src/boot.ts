// The start of every run. bin/rif.js asks loadMain() for rif's main(): the CommonJS copy of the bundle
// (dist/cjs/, made by the build) compiled with the V8 code cache of an earlier run, so that a run does not
// compile the code it runs again. Compiling dist/ as ES modules costs a look-up more than all its own work.
// Anything amiss (no copies, a cache V8 rejects, an unwritable folder) costs only speed: a damaged or
// foreign cache file is not used, and without the copies bin/rif.js imports dist/main.js as before.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { codeCacheDir, sealed, unsealed } from './code-cache.js';

/** The build's id (scripts/build.mjs): a hash of dist/cjs/, part of the code cache's folder name. */
declare const RIF_BUILD: string;
/** The names of rif's commands (scripts/build.mjs, from the program): each, with each set of flags, has a code cache of its own. */
declare const RIF_COMMANDS: readonly string[];

type Main = () => Promise<void>;
/** What a copy has of import.meta: its URL, made when asked for, and its folder. */
interface Meta {
  readonly url: () => string;
  readonly dirname: string;
}
type Factory = (exports: object, require: (id: string) => unknown, module: { exports: object }, meta: Meta) => void;

/** The cached data of a file, when it is there and whole. */
function readCache(dir: string | undefined, name: string): Buffer | undefined {
  if (!dir) return undefined;
  try {
    return unsealed(readFileSync(join(dir, `${name}.v8`)));
  } catch {
    return undefined;
  }
}

/** A folder of another build or Node untouched this long is deleted when a build writes its own. */
const UNUSED = 7 * 24 * 3600 * 1000;

/** When a build's folder or one of its commands' folders was last written. */
function lastWritten(path: string): number {
  const own = statSync(path);
  if (!own.isDirectory()) return own.mtimeMs;
  return Math.max(own.mtimeMs, ...readdirSync(path).map((name) => statSync(join(path, name)).mtimeMs));
}

/**
 * Writes the code of the scripts that had no usable cache, once the run is over (so the data holds what
 * the run compiled), in the folder of the command and flags that ran. Each file is written whole under another
 * name and renamed, so that a run beside this one reads the old file or the new, never half of one. The
 * first write of a folder deletes the folders of other builds and Node versions that no run has
 * written for a week (two installs used in turn keep theirs).
 */
function writeCache(dir: string, scripts: ReadonlyMap<string, Script>): void {
  try {
    if (mkdirSync(dir, { recursive: true }) !== undefined) {
      const [build, builds] = [dirname(dir), dirname(dirname(dir))];
      for (const other of readdirSync(builds)) {
        const path = join(builds, other);
        try {
          if (other !== basename(build) && Date.now() - lastWritten(path) > UNUSED) rmSync(path, { recursive: true, force: true });
        } catch {
          // another run deleted it first, or it cannot be read: left as it is
        }
      }
    }
    for (const [name, script] of scripts) {
      const file = join(dir, `${name}.v8`);
      const temp = `${file}.${process.pid}`;
      try {
        writeFileSync(temp, sealed(script.createCachedData()));
        renameSync(temp, file);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
    }
  } catch {
    // a cache that cannot be written only costs the next run some speed
  }
}

/** rif's main() from the CommonJS copies and the code cache, or undefined when the copies cannot be run. */
export function loadMain(dist: string): Main | undefined {
  const dir = codeCacheDir(process.env, process.argv.slice(2), RIF_BUILD, process.version, process.arch, RIF_COMMANDS);
  const modules = new Map<string, { exports: object }>();
  const uncached = new Map<string, Script>();
  // every copy stands for a file of dist/, whose names (main.js, chunk-ABC123.js) need no escaping in a
  // URL; the URL is made only when a copy asks (a run that only reads the store never does: 0.3 ms)
  let distUrl: string | undefined;
  const urlOf = (name: string) => () => (distUrl ??= pathToFileURL(join(dist, '/')).href) + name;
  // Node's modules and the packages, required as this file requires them (it sits in dist/ beside
  // main.js): node:module's createRequire costs a run 0.4 ms to load
  const outside = require;
  const load = (name: string): object => {
    const known = modules.get(name);
    if (known) return known.exports;
    const file = join(dist, name);
    const source = readFileSync(join(dist, 'cjs', name), 'utf8');
    const cachedData = readCache(dir, name);
    // the copy is `(function (exports, require, module, __rifMeta) {…})`, as the build wrote it
    const script = new Script(source, { filename: file, cachedData });
    if (!cachedData || script.cachedDataRejected) uncached.set(name, script);
    const module = { exports: {} };
    modules.set(name, module);
    // the copies require each other by the names the bundle gave them; anything else is Node's or a package's
    const require = (id: string): unknown => (id.startsWith('./') && id.endsWith('.js') ? load(id.slice(2)) : outside(id));
    (script.runInThisContext() as Factory)(module.exports, require, module, { url: urlOf(name), dirname: dist });
    return module.exports;
  };
  try {
    const { main } = load('main.js') as { main: Main };
    if (dir) process.once('exit', () => uncached.size && writeCache(dir, uncached));
    return main;
  } catch {
    return undefined;
  }
}
