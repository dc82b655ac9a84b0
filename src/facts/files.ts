// The I/O edge that finds fact files: walk the user's paths, and read each file as UTF-8 text.
import { accessSync, constants, readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { RECORD_FILE } from '../record.js';
import type { Issue } from './issues.js';
import type { ParseContext } from './parse.js';
import { KINDS } from './types.js';

/** A fact file larger than this is refused unread, unless --max-file-size raises it (up to MAX_FILE_BYTES). */
const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export const VOCABULARY_FILE = 'topics.yaml';

/**
 * What a file was when it was found. The cache takes a file as unchanged only while all five are: a
 * change time moves on every write, rename or chmod and cannot be set back, and the inode and device
 * change when a file is swapped for another (a link pointed elsewhere, a copy moved over it).
 */
export interface FileState {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

/** A file to read, with what it was when found. */
export interface FoundFile extends FileState {
  readonly file: string;
}

const stateOf = (s: Stats): FileState => ({ size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, dev: s.dev });

export interface FactJob extends FoundFile {
  /** for the bundled layout <kind>/<id>.yaml: what the folder and file name say */
  readonly expect?: ParseContext['expect'];
}

export interface FoundFiles {
  /** the topics.yaml at the root of each user directory that has one, in path order */
  readonly vocabularies: FoundFile[];
  readonly jobs: FactJob[];
  /** RIF017 for what the walk could not use: a folder it cannot read, a .yaml name that is a broken link, a loop, a FIFO or a device */
  readonly skipped: Issue[];
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** A byte-order mark of UTF-16, or ASCII text with every other byte zero (UTF-16 without a mark). */
function utf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  return bytes.length >= 4 && (bytes[0] === 0) !== (bytes[1] === 0) && (bytes[2] === 0) !== (bytes[3] === 0) && (bytes[0] === 0) === (bytes[2] === 0);
}
/** Made when first needed: a decoder costs every run 0.1 ms to make, and only runs that read fact files use it. */
let decoder: InstanceType<typeof TextDecoder> | undefined;

/** Why a path cannot be used, in words, from the error a file system call gave. */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'a loop of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return `cannot be read (${code ?? String(error)})`;
}

/** A file system call on a path the user named; when it fails, a usage error saying why. */
function onNamed<T>(path: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw new UsageError(`${path}: ${why(error)}`);
  }
}

/** A path the user gave, made absolute against the working directory, which a relative path needs. */
export function absolutePath(path: string, cwd: string | undefined): string {
  if (isAbsolute(path)) return path;
  if (cwd === undefined) throw new UsageError(`${path}: a relative path, but the working directory no longer exists; give an absolute path`);
  return resolve(cwd, path);
}

/** The fact files under the user's paths (relative ones against `cwd`), each real file once, in a stable order. */
export function findUserFiles(paths: readonly string[], cwd: string | undefined, seen = new Set<string>()): FoundFiles {
  const vocabularies: FoundFile[] = [];
  const jobs: FactJob[] = [];
  const skipped: Issue[] = [];
  for (const path of paths) {
    const root = absolutePath(path, cwd);
    const stat = onNamed(path, () => statSync(root));
    if (stat.isDirectory()) {
      onNamed(path, () => accessSync(root, constants.R_OK | constants.X_OK));
      const local = join(root, VOCABULARY_FILE);
      const vocabulary = statSync(local, { throwIfNoEntry: false });
      if (vocabulary?.isFile()) vocabularies.push({ file: local, ...stateOf(vocabulary) });
      const repeated = seen.has(realpathSync(root));
      const found = walk(root, seen, skipped);
      // record.yaml says how current a record is (see record.ts); like topics.yaml, it is not a fact
      const files = found.filter((f) => f.file !== local && f.file !== join(root, RECORD_FILE));
      if (!files.length && !repeated && !skipped.length) throw new UsageError(`${path}: no .yaml fact files in this directory`);
      jobs.push(...files);
    } else {
      const real = realpathSync(root);
      const kind = kindFolder(dirname(root));
      if (!seen.has(real)) jobs.push({ file: root, ...stateOf(stat), ...(kind ? { expect: expectIn(kind, basename(root)) } : {}) });
      seen.add(real);
    }
  }
  return { vocabularies, jobs, skipped };
}

/** The bundled facts: facts/<kind>/<id>.yaml, the folder naming the kind and the file name the id. */
export function findBundledFiles(dir: string, seen = new Set<string>()): FactJob[] {
  const root = resolve(dir);
  return walk(root, seen, []).filter((found) => dirname(found.file) !== root); // topics.yaml and other root files are not facts
}

/** A file in a folder named after a kind follows the bundled layout: the folder is the kind and the file name the id. */
export function kindFolder(folder: string): string | undefined {
  const kind = basename(folder);
  return (KINDS as readonly string[]).includes(kind) ? kind : undefined;
}

/** What the layout expects of a file `name` in a `kind` folder; the id is the name without its extension (as path.extname finds it). */
export function expectIn(kind: string, name: string): NonNullable<ParseContext['expect']> {
  const dot = name.lastIndexOf('.');
  return { kind, id: dot > 0 ? name.slice(0, dot) : name };
}

/**
 * Every .yaml/.yml file under `dir`, sorted, each real file once; dot folders and node_modules skipped.
 * What cannot be used is reported in `skipped`: an unreadable folder, and .yaml names that are not
 * regular files (a FIFO is never opened, so it cannot hang the walk). Only symbolic links are resolved:
 * a regular file's real path is its real folder's plus its name, which spares a realpath (one system
 * call per path component) for each of many thousand files.
 */
function walk(dir: string, seen: Set<string>, skipped: Issue[]): FactJob[] {
  const out: FactJob[] = [];
  const skip = (file: string, message: string) => skipped.push({ code: 'RIF017', file, line: 1, col: 1, message });
  const visit = (current: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      return void skip(current, `folder ${why(error)}; its facts are not loaded`);
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
        } catch (error) {
          if (isYaml(name)) skip(full, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'a broken symbolic link: its target does not exist' : why(error));
          continue;
        }
      }
      if (entry.isDirectory()) {
        visit(full, realFull);
        continue;
      }
      // a link may lead to a folder whatever its name
      if (!entry.isSymbolicLink() && !isYaml(name)) continue;
      let stat: Stats | undefined;
      try {
        stat = statSync(full);
      } catch (error) {
        if (isYaml(name)) skip(full, why(error));
        continue;
      }
      if (stat.isDirectory()) visit(full, realFull);
      else if (!isYaml(name) || seen.has(realFull)) continue;
      else if (!stat.isFile()) skip(full, 'not a regular file (a FIFO, socket or device); skipped');
      else {
        seen.add(realFull);
        out.push(kind ? { file: full, ...stateOf(stat), expect: expectIn(kind, name) } : { file: full, ...stateOf(stat) });
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
export function readText(file: string, issues: Issue[], maxBytes = DEFAULT_MAX_FILE_BYTES): string | undefined {
  const bytes = readBytes(file, issues, maxBytes);
  return bytes && decodeText(bytes, file, issues);
}

const unreadable = (file: string, issues: Issue[], message: string): undefined => void issues.push({ code: 'RIF017', file, line: 1, col: 1, message });

/** A fact file's bytes, or undefined with a RIF017 issue saying why it cannot be read. */
export function readBytes(file: string, issues: Issue[], maxBytes = DEFAULT_MAX_FILE_BYTES): Buffer | undefined {
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return unreadable(file, issues, 'not a regular file');
    if (stat.size > maxBytes) return unreadable(file, issues, `file is ${stat.size} bytes, over the ${maxBytes}-byte limit for a fact file (--max-file-size raises it)`);
    const bytes = readFileSync(file);
    if (bytes.length > maxBytes) return unreadable(file, issues, `file is over the ${maxBytes}-byte limit for a fact file (--max-file-size raises it)`);
    return bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(file, issues, code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? String(error)})`);
  }
}

/** A fact file's bytes as text, or undefined with a RIF017 issue when they are not UTF-8. */
export function decodeText(bytes: Buffer, file: string, issues: Issue[]): string | undefined {
  if (utf16(bytes)) return unreadable(file, issues, 'file is UTF-16 text; save it as UTF-8');
  try {
    return (decoder ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);
  } catch {
    return unreadable(file, issues, 'file is not valid UTF-8 text');
  }
}
