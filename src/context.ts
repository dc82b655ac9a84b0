// What every command starts from: the loaded facts (problems reported on stderr) and how to print.
import { existsSync } from 'node:fs';
import { delimiter, isAbsolute, relative } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { configOf } from './config.js';
import { visible } from './control.js';
import { DataError } from './errors.js';
import { formatIssue } from './facts/issues.js';
import type { Io } from './io.js';
import { colorLevel, makeChalk, type ColorMode } from './render/color.js';
import { openStore } from './store/open-store.js';
import type { Progress, Reads, Store } from './store/store.js';

export interface DataOptions {
  readonly facts?: string[];
  /** false with --no-bundled */
  readonly bundled?: boolean;
  /** false with --no-cache */
  readonly cache?: boolean;
  readonly strict?: boolean;
  /** --max-file-size, in bytes */
  readonly maxFileSize?: number;
  /** --verbose: say on stderr how the facts were loaded */
  readonly verbose?: boolean;
}

export interface ColorOptions {
  /** false with --no-color */
  readonly color?: ColorMode | false;
}

/** A path as the user will want to read it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string | undefined): string {
  if (cwd === undefined) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** The fact paths RIF_FACTS lists. */
export const envFactPaths = (env: Io['env']): string[] => (env['RIF_FACTS'] ?? '').split(delimiter).filter(Boolean);

/** The config file's fact paths that exist; each one that does not is a warning naming the config file, and is left out. */
function configFactPaths(io: Io): readonly string[] {
  const paths = configOf(io.config).facts;
  return paths.filter((path) => {
    if (existsSync(path)) return true;
    io.stderr(`rif: warning: ${visible(io.config?.path ?? 'the config file')}: facts path ${visible(path)} does not exist; going on without it\n`);
    return false;
  });
}

/**
 * The io for a command whose doings go beyond its output (a browser opened, a screen drawn as it goes):
 * its stores are checked before it starts, never confirmed afterwards.
 */
export function checkedFirst(io: Io): Io {
  const { confirm, ...rest } = io;
  void confirm;
  return rest;
}

/** The user's fact paths, in the order they load: --facts, RIF_FACTS, the config file's. */
export const userFactPaths = (options: DataOptions, io: Io): string[] => [...(options.facts ?? []), ...envFactPaths(io.env), ...configFactPaths(io)];

/**
 * The facts a command reads: the bundled ones and the user's. `reads` says what it reads first (the ids
 * of a look-up by id, a search's word index, or else rows), which a cache entry may read ahead.
 */
export async function openFacts(options: DataOptions, io: Io, reads: Reads = 'rows', userPaths = userFactPaths(options, io)): Promise<Store> {
  const bar = progressBar(io);
  const store = await openStore({
    reads,
    confirm: io.confirm,
    includeBundled: options.bundled !== false,
    userPaths,
    cwd: io.cwd,
    cache: options.cache !== false,
    env: io.env,
    progress: bar?.update,
    maxFileBytes: options.maxFileSize,
    log: options.verbose ? (line) => io.stderr(`rif: ${visible(line)}\n`) : undefined,
  });
  bar?.done();
  if (store.issues.length) {
    for (const issue of store.issues) io.stderr(`${visible(formatIssue(issue, (f) => displayPath(f, io.cwd)))}\n`);
    const count = `${store.issues.length} problem${store.issues.length === 1 ? '' : 's'} in fact files`;
    if (options.strict) throw new DataError(`${count} (--strict)`);
    io.stderr(`rif: warning: ${count}, listed above (--strict makes this an error)\n`);
  }
  return store;
}

export function chalkFor(options: ColorOptions, io: Io): ChalkInstance {
  const mode: ColorMode = options.color === false ? 'never' : (options.color ?? configOf(io.config).color ?? 'auto');
  return makeChalk(colorLevel(mode, io.env, io.stdoutIsTTY));
}

const BAR = Object.freeze({ width: 30, delayMs: 300, everyMs: 100 });

/**
 * A progress bar on stderr while user fact files are loaded, for people at a terminal: it appears only
 * once loading has taken a moment, names each stage, and is wiped when done. Pipes and logs get nothing.
 */
function progressBar(io: Io): { update: Progress; done: () => void } | undefined {
  if (!io.stderrIsTTY) return undefined;
  const start = io.now();
  let last = 0;
  let stage = '';
  let shown = false;
  return {
    update(now, done, total) {
      const time = io.now();
      if (time - start < BAR.delayMs || (now === stage && time - last < BAR.everyMs)) return;
      last = time;
      stage = now;
      shown = true;
      const filled = total ? Math.round((done / total) * BAR.width) : 0;
      const bar = total ? ` [${'#'.repeat(filled)}${' '.repeat(BAR.width - filled)}] ${done}/${total}` : '…';
      io.stderr(`\r\x1b[2K${stage}${bar}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
