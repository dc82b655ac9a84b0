// The I/O edge that finds fact files: walk the user's paths, and read each file as UTF-8 text.
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Issue } from './issues.js';
import type { ParseContext } from './parse.js';
import { KINDS } from './types.js';

export const LIMITS = Object.freeze({
  /** a fact file larger than this is refused unread */
  maxFileBytes: 1024 * 1024,
});

export const VOCABULARY_FILE = 'topics.yaml';

/** A file to read, with what it was when found: the cache compares size and mtime. */
export interface FoundFile {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface FactJob extends FoundFile {
  /** for the bundled layout <kind>/<id>.yaml: what the folder and file name say */
  readonly expect?: ParseContext['expect'];
}

export interface FoundFiles {
  /** the topics.yaml at the root of each user directory that has one, in path order */
  readonly vocabularies: FoundFile[];
  readonly jobs: FactJob[];
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The fact files under the user's paths, each real file once, in a stable order. */
export function findUserFiles(paths: readonly string[], seen = new Set<string>()): FoundFiles {
  const vocabularies: FoundFile[] = [];
  const jobs: FactJob[] = [];
  for (const path of paths) {
    const root = resolve(path);
    const stat = statSync(root, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`${path}: no such file or directory`);
    if (stat.isDirectory()) {
      const local = join(root, VOCABULARY_FILE);
      const vocabulary = statSync(local, { throwIfNoEntry: false });
      if (vocabulary?.isFile()) vocabularies.push({ file: local, size: vocabulary.size, mtimeMs: vocabulary.mtimeMs });
      const repeated = seen.has(realpathSync(root));
      const files = walk(root, seen).filter((f) => f.file !== local);
      if (!files.length && !repeated) throw new UsageError(`${path}: no .yaml fact files in this directory`);
      jobs.push(...files);
    } else {
      const real = realpathSync(root);
      const kind = kindFolder(dirname(root));
      if (!seen.has(real)) jobs.push({ file: root, size: stat.size, mtimeMs: stat.mtimeMs, ...(kind ? { expect: expectIn(kind, basename(root)) } : {}) });
      seen.add(real);
    }
  }
  return { vocabularies, jobs };
}

/** The bundled facts: facts/<kind>/<id>.yaml, the folder naming the kind and the file name the id. */
export function findBundledFiles(dir: string, seen = new Set<string>()): FactJob[] {
  const root = resolve(dir);
  return walk(root, seen).filter((found) => dirname(found.file) !== root); // topics.yaml and other root files are not facts
}

/** A file in a folder named after a kind follows the bundled layout: the folder is the kind and the file name the id. */
function kindFolder(folder: string): string | undefined {
  const kind = basename(folder);
  return (KINDS as readonly string[]).includes(kind) ? kind : undefined;
}

/** What the layout expects of a file `name` in a `kind` folder; the id is the name without its extension (as path.extname finds it). */
function expectIn(kind: string, name: string): NonNullable<ParseContext['expect']> {
  const dot = name.lastIndexOf('.');
  return { kind, id: dot > 0 ? name.slice(0, dot) : name };
}

/**
 * Every .yaml/.yml file under `dir`, sorted, each real file once; dot folders and node_modules skipped.
 * Only symbolic links are resolved: a regular file's real path is its real folder's plus its name,
 * which spares a realpath (one system call per path component) for each of many thousand files.
 */
function walk(dir: string, seen: Set<string>): FactJob[] {
  const out: FactJob[] = [];
  const visit = (current: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    // once per folder, not per file
    const kind = kindFolder(current);
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      // plain concatenation: both sides are already normal paths, and path.join's normalising shows on 100,000 files
      const full = current + sep + name;
      let realFull = real + sep + name;
      if (entry.isSymbolicLink()) {
        try {
          realFull = realpathSync(full);
        } catch {
          continue; // a broken link
        }
      }
      if (entry.isDirectory()) {
        visit(full, realFull);
        continue;
      }
      // a link may lead to a folder whatever its name
      if (!entry.isSymbolicLink() && !isYaml(name)) continue;
      const stat = statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory()) visit(full, realFull);
      else if (stat?.isFile() && isYaml(name) && !seen.has(realFull)) {
        seen.add(realFull);
        out.push(
          kind
            ? { file: full, size: stat.size, mtimeMs: stat.mtimeMs, expect: expectIn(kind, name) }
            : { file: full, size: stat.size, mtimeMs: stat.mtimeMs },
        );
      }
    }
  };
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return out;
  }
  visit(dir, real);
  return out;
}

/** A file's text, or undefined with a RIF017 issue saying why it cannot be read. */
export function readText(file: string, issues: Issue[]): string | undefined {
  const fail = (message: string) => {
    issues.push({ code: 'RIF017', file, line: 1, col: 1, message });
    return undefined;
  };
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return fail('not a regular file');
    if (stat.size > LIMITS.maxFileBytes) return fail(`file is ${stat.size} bytes, over the ${LIMITS.maxFileBytes}-byte limit for a fact file`);
    return decoder.decode(readFileSync(file));
  } catch (error) {
    if (error instanceof TypeError) return fail('file is not valid UTF-8 text');
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? String(error)})`);
  }
}
