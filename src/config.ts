// The config file: the user's defaults for extra fact paths, colour and the output format of listings.
// run() reads it once per run. A file that is not there costs one stat; one that is there loads the
// YAML reader. Flags and RIF_FACTS always win; a broken file is an error for the commands that use it,
// while `rif config path` and `rif paths` still work, so that it can be found and fixed. A file or
// folder that cannot be read at all (no permission, a file where a folder should be) is a warning, and
// the defaults apply: rif must not stop working because of a home directory it cannot read.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { Format } from './render/format.js';
import { COLOR_MODES, type ColorMode } from './render/color.js';
import { didYouMean } from './suggest.js';

export interface Config {
  /** extra fact files and directories, loaded after --facts and RIF_FACTS */
  readonly facts: readonly string[];
  readonly color?: ColorMode;
  /** the output of listings when no format flag is given; `table` means a table on a terminal, plain lines in a pipe */
  readonly format?: Format;
}

export interface ConfigRead {
  /** where the file is read from; undefined when neither XDG_CONFIG_HOME nor HOME says */
  readonly path: string | undefined;
  readonly exists: boolean;
  readonly config: Config;
  /** why the file could not be used; thrown by configOf, so only commands that need it fail */
  readonly error?: UsageError;
  /** why the file (or a folder on its path) could not be read: run() warns, and the defaults apply */
  readonly unreadable?: string;
}

const CONFIG_FORMATS: readonly Format[] = Object.freeze(['table', 'plain', 'json', 'ndjson', 'csv', 'markdown']);
const KEYS = Object.freeze(['facts', 'color', 'format']);
/** a config file is a few lines; anything bigger is not one */
const MAX_BYTES = 64 * 1024;
const NONE: Config = Object.freeze({ facts: [] });

type Env = Readonly<Record<string, string | undefined>>;

/** RIF_CONFIG, else $XDG_CONFIG_HOME/rif/config.yaml, else ~/.config/rif/config.yaml. */
function configPath(env: Env, cwd: string | undefined): string | undefined {
  // without a working directory a relative RIF_CONFIG cannot be found; it is reported as unreadable
  if (env['RIF_CONFIG']) return cwd === undefined ? env['RIF_CONFIG'] : resolve(cwd, env['RIF_CONFIG']);
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg && isAbsolute(xdg)) return join(xdg, 'rif', 'config.yaml');
  const home = env['HOME'];
  return home && isAbsolute(home) ? join(home, '.config', 'rif', 'config.yaml') : undefined;
}

export async function readConfig(env: Env, cwd: string | undefined): Promise<ConfigRead> {
  const path = configPath(env, cwd);
  if (path === undefined) return { path, exists: false, config: NONE };
  const unreadable = (error: unknown): ConfigRead => ({ path, exists: false, config: NONE, unreadable: reason(error) });
  if (!isAbsolute(path)) return unreadable({ code: 'a relative path, and the working directory no longer exists' });
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return unreadable(error);
  }
  if (stat === undefined) return { path, exists: false, config: NONE };
  const failed = (line: number, col: number, message: string): ConfigRead => ({
    path,
    exists: true,
    config: NONE,
    error: new UsageError(`${path}:${line}:${col}: ${message}`),
  });
  if (!stat.isFile()) return failed(1, 1, 'the config file is not a regular file');
  if (stat.size > MAX_BYTES) return failed(1, 1, `the config file is ${stat.size} bytes; a config file is under ${MAX_BYTES}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return unreadable(error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return failed(1, 1, 'the config file is not valid UTF-8 text');
  }
  const { readYaml, isMap, isScalar } = await import('./facts/read-yaml.js');
  const { doc, counter, issues } = readYaml(text, path);
  const [first] = issues;
  if (first) return failed(first.line, first.col, first.message);
  if (!doc || doc.contents === null) return { path, exists: true, config: NONE };
  if (!isMap(doc.contents)) return failed(1, 1, `the config file must map settings to values (${KEYS.join(', ')})`);

  const config: { facts: string[]; color?: ColorMode; format?: Format } = { facts: [] };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = counter.linePos((isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0);
    const value: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const bad = (message: string) => failed(at.line, at.col, message);
    if (key === 'facts') {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim())) return bad('facts must be a path or a list of paths');
      config.facts = list.map((p: string) => expandPath(p.trim(), dirname(path), env));
    } else if (key === 'color') {
      if (!(COLOR_MODES as readonly unknown[]).includes(value)) return bad(`color must be one of ${COLOR_MODES.join(', ')}`);
      config.color = value as ColorMode;
    } else if (key === 'format') {
      if (!(CONFIG_FORMATS as readonly unknown[]).includes(value)) return bad(`format must be one of ${CONFIG_FORMATS.join(', ')}`);
      config.format = value as Format;
    } else {
      return bad(`unknown setting "${key}"${didYouMean(key, KEYS)}; the settings are ${KEYS.join(', ')}`);
    }
  }
  return { path, exists: true, config };
}

/** Why a file system call failed, in words. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  return code ?? String(error);
}

/** A path from the config file: ~ is the home directory, and a relative path is relative to the file. */
function expandPath(path: string, base: string, env: Env): string {
  const home = env['HOME'];
  if (home && (path === '~' || path.startsWith('~/'))) return join(home, path.slice(1));
  return resolve(base, path);
}

/** The settings a command runs with; throws when the config file cannot be used. */
export function configOf(read: ConfigRead | undefined): Config {
  if (read?.error) throw read.error;
  return read?.config ?? NONE;
}
