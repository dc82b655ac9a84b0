// What every command starts from: the loaded facts (problems reported on stderr) and how to print.
import { delimiter, isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChalkInstance } from 'chalk';
import { DataError } from './errors.js';
import { formatIssue } from './facts/issues.js';
import { loadFacts, type LoadResult } from './facts/load.js';
import type { Io } from './io.js';
import { colorLevel, makeChalk, type ColorMode } from './render/color.js';

export interface DataOptions {
  readonly facts?: string[];
  /** false with --no-bundled */
  readonly bundled?: boolean;
  readonly strict?: boolean;
}

export interface ColorOptions {
  /** false with --no-color */
  readonly color?: ColorMode | false;
}

export const BUNDLED_DIR = fileURLToPath(new URL('../facts/', import.meta.url));

/** A path as the user will want to read it: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

export function openFacts(options: DataOptions, io: Io): LoadResult {
  const fromEnv = (io.env['RIF_FACTS'] ?? '').split(delimiter).filter(Boolean);
  const result = loadFacts({
    bundledDir: BUNDLED_DIR,
    includeBundled: options.bundled !== false,
    userPaths: [...(options.facts ?? []), ...fromEnv],
  });
  if (result.issues.length) {
    for (const issue of result.issues) io.stderr(`${formatIssue(issue, (f) => displayPath(f, io.cwd))}\n`);
    const count = `${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in fact files`;
    if (options.strict) throw new DataError(`${count} (--strict)`);
    io.stderr(`rif: warning: ${count}, listed above (--strict makes this an error)\n`);
  }
  return result;
}

export function chalkFor(options: ColorOptions, io: Io): ChalkInstance {
  const mode: ColorMode = options.color === false ? 'never' : (options.color ?? 'auto');
  return makeChalk(colorLevel(mode, io.env, io.stdoutIsTTY));
}
