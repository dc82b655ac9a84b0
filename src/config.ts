// The config file: the user's defaults, one table of settings. run() reads it once per run. A file that
// is not there costs one stat; one that is there loads the YAML reader. Flags and environment variables
// always win; a broken file is an error for the commands that use it, while `rif config` and `rif paths`
// still work, so that it can be found and fixed. A file or folder that cannot be read at all (no
// permission, a file where a folder should be) is a warning, and the defaults apply: rif must not stop
// working because of a home directory it cannot read.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { CITE_STYLES, type CiteStyle } from './render/cite-styles.js';
import { COLOR_MODES, type ColorMode } from './render/color.js';
import { FORMATS, type Format } from './render/format.js';
import { SORT_KEYS, type SortKey } from './sort.js';
import { didYouMean } from './suggest.js';

export interface Config {
  /** extra fact files and directories, loaded after --facts and RIF_FACTS */
  readonly facts: readonly string[];
  readonly color?: ColorMode;
  /** the output when no format flag is given; `table` means the form for people on a terminal, plain lines in a pipe */
  readonly format?: Format;
  /** at most this many facts in a listing */
  readonly limit?: number;
  readonly sort?: SortKey;
  /** the pager command, or false for none */
  readonly pager?: string | false;
  /** the width to draw at where no terminal says (a pipe) */
  readonly width?: number;
  readonly cite_style?: CiteStyle;
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

type Env = Readonly<Record<string, string | undefined>>;
type Checked = { readonly value: unknown } | { readonly problem: string };

interface Setting {
  /** what it does, for rif config --help */
  readonly help: string;
  /** the value as rif config set writes it, from the words typed */
  readonly fromWords: (words: readonly string[]) => unknown;
  /** the value checked; paths resolved against the file's folder */
  readonly check: (value: unknown, base: string, env: Env) => Checked;
}

const oneWord = (words: readonly string[]): unknown => words.join(' ');
const number = (words: readonly string[]): unknown => (/^\d+$/.test(words.join(' ').trim()) ? Number(words.join(' ')) : words.join(' '));
const oneOf =
  (name: string, allowed: readonly string[]) =>
  (value: unknown): Checked =>
    typeof value === 'string' && allowed.includes(value)
      ? { value }
      : { problem: `${name} must be one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}` };
const whole =
  (name: string, min: number) =>
  (value: unknown): Checked =>
    typeof value === 'number' && Number.isInteger(value) && value >= min ? { value } : { problem: `${name} must be a whole number of ${min} or more` };

/** Every setting, in the order `rif config get` lists them. */
const SETTINGS = Object.freeze({
  facts: {
    help: 'fact files or directories, loaded after --facts and RIF_FACTS (~ is your home; a relative path is relative to this file)',
    fromWords: (words) => (words.length === 1 ? words[0] : [...words]),
    check: (value, base, env) => {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list) || !list.every((p) => typeof p === 'string' && p.trim())) return { problem: 'facts must be a path or a list of paths' };
      return { value: list.map((p: string) => expandPath(p.trim(), base, env)) };
    },
  },
  format: {
    help: `the output without a format flag: ${FORMATS.join(', ')} (table: the table, card or chart on a terminal, plain lines in a pipe)`,
    fromWords: oneWord,
    check: oneOf('format', FORMATS),
  },
  limit: {
    help: 'at most this many facts in a listing (search, list, events, treaties, allegations); --no-limit undoes it',
    fromWords: number,
    check: whole('limit', 1),
  },
  sort: { help: `the order of listings: ${SORT_KEYS.join(', ')} (relevance only where there is a query)`, fromWords: oneWord, check: oneOf('sort', SORT_KEYS) },
  pager: {
    help: 'the pager for output taller than the terminal (after RIF_PAGER, before PAGER), or false for none',
    fromWords: (words) => (words.join(' ') === 'false' ? false : words.join(' ')),
    check: (value) =>
      value === false ? { value } : typeof value === 'string' && value.trim() ? { value: value.trim() } : { problem: 'pager must be a command or false' },
  },
  width: {
    help: 'the width to draw tables, cards and charts at where no terminal says (a pipe); COLUMNS and --width win',
    fromWords: number,
    check: whole('width', 20),
  },
  cite_style: { help: `the style of rif cite and search --cite: ${CITE_STYLES.join(', ')}`, fromWords: oneWord, check: oneOf('cite_style', CITE_STYLES) },
  color: {
    help: `colour: ${COLOR_MODES.join(', ')} (--color, --no-color, NO_COLOR and FORCE_COLOR decide first)`,
    fromWords: oneWord,
    check: oneOf('color', COLOR_MODES),
  },
} satisfies Record<keyof Config, Setting>);

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.freeze(Object.keys(SETTINGS) as SettingName[]);

export const settingHelp = (name: SettingName): string => SETTINGS[name].help;

/** A setting's name as typed, or a usage error with the closest names. */
export function settingName(key: string): SettingName {
  if ((SETTING_NAMES as readonly string[]).includes(key)) return key as SettingName;
  throw new UsageError(`unknown setting "${key}"${didYouMean(key, SETTING_NAMES)}; the settings are ${SETTING_NAMES.join(', ')}`);
}

/** The value `rif config set NAME WORDS…` writes, checked as the file's value would be; a usage error when it is bad. */
export function settingFromWords(name: SettingName, words: readonly string[], base: string, env: Env): unknown {
  const value = SETTINGS[name].fromWords(words);
  const checked = SETTINGS[name].check(value, base, env);
  if ('problem' in checked) throw new UsageError(checked.problem);
  return value;
}

/** a config file is a few lines; anything bigger is not one */
const MAX_BYTES = 64 * 1024;
const NONE: Config = Object.freeze({ facts: [] });

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
  const [{ readYaml }, { yaml }] = await Promise.all([import('./facts/read-yaml.js'), import('./facts/yaml-lib.js')]);
  const { isMap, isScalar } = yaml();
  const { doc, counter, issues } = readYaml(text, path);
  const [first] = issues;
  if (first) return failed(first.line, first.col, first.message);
  if (!doc || doc.contents === null) return { path, exists: true, config: NONE };
  if (!isMap(doc.contents)) return failed(1, 1, `the config file must map settings to values (${SETTING_NAMES.join(', ')})`);

  const config: Record<string, unknown> = { facts: [] };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = counter.linePos((isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? 0);
    const value: unknown = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    if (!(SETTING_NAMES as readonly string[]).includes(key)) {
      return failed(at.line, at.col, `unknown setting "${key}"${didYouMean(key, SETTING_NAMES)}; the settings are ${SETTING_NAMES.join(', ')}`);
    }
    const checked = SETTINGS[key as SettingName].check(value, dirname(path), env);
    if ('problem' in checked) return failed(at.line, at.col, checked.problem);
    config[key] = checked.value;
  }
  return { path, exists: true, config: config as unknown as Config };
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
