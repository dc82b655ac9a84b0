// The I/O edge: find fact files, read them, and hand their text to the pure parser.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkCorpus } from './check.js';
import type { Issue } from './issues.js';
import { parseFactText, type Located, type ParseContext } from './parse.js';
import { KINDS, type Fact, type Vocabulary } from './types.js';
import { parseVocabulary } from './vocabulary.js';

export const LIMITS = Object.freeze({
  /** a fact file larger than this is refused unread */
  maxFileBytes: 1024 * 1024,
});

export interface LoadOptions {
  /** the bundled facts directory (facts/ in the package) */
  readonly bundledDir: string;
  readonly includeBundled: boolean;
  /** user files and directories, from --facts and RIF_FACTS */
  readonly userPaths: readonly string[];
}

export interface LoadResult {
  readonly facts: Fact[];
  readonly vocabulary: Vocabulary;
  readonly issues: Issue[];
  /** positions of each loaded fact, for validation reports */
  readonly entries: Located[];
  /** every fact file read, in load order */
  readonly files: string[];
}

const VOCABULARY_FILE = 'topics.yaml';
const isYaml = (name: string) => ['.yaml', '.yml'].includes(extname(name).toLowerCase());
const decoder = new TextDecoder('utf-8', { fatal: true });

export function loadFacts(options: LoadOptions): LoadResult {
  const issues: Issue[] = [];
  const vocabulary = new Map<string, string>();
  const addVocabulary = (file: string) => {
    const text = readText(file, issues);
    if (text === undefined) return;
    const parsed = parseVocabulary(text, file);
    issues.push(...parsed.issues);
    for (const [topic, meaning] of parsed.vocabulary) if (!vocabulary.has(topic)) vocabulary.set(topic, meaning);
  };

  const bundledDir = resolve(options.bundledDir);
  addVocabulary(join(bundledDir, VOCABULARY_FILE));
  const jobs: { file: string; expect?: ParseContext['expect'] }[] = [];
  const seen = new Set<string>();
  if (options.includeBundled) {
    for (const file of walk(bundledDir, seen)) {
      if (dirname(file) === bundledDir) continue; // topics.yaml and other root files are not facts
      jobs.push({ file, expect: layout(file) });
    }
  }
  for (const path of options.userPaths) {
    const root = resolve(path);
    const stat = statSync(root, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`${path}: no such file or directory`);
    if (stat.isDirectory()) {
      const local = join(root, VOCABULARY_FILE);
      if (statSync(local, { throwIfNoEntry: false })?.isFile()) addVocabulary(local);
      const repeated = seen.has(realpathSync(root));
      const files = walk(root, seen).filter((f) => f !== local);
      if (!files.length && !repeated) throw new UsageError(`${path}: no .yaml fact files in this directory`);
      for (const file of files) jobs.push(withLayout(file));
    } else {
      const real = realpathSync(root);
      if (!seen.has(real)) jobs.push(withLayout(root));
      seen.add(real);
    }
  }

  const located: Located[] = [];
  for (const job of jobs) {
    const text = readText(job.file, issues);
    if (text === undefined) continue;
    const ctx: ParseContext = job.expect ? { file: job.file, vocabulary, expect: job.expect } : { file: job.file, vocabulary };
    const result = parseFactText(text, ctx);
    issues.push(...result.issues);
    located.push(...result.entries);
  }
  const corpus = checkCorpus(located);
  issues.push(...corpus.issues);
  return { facts: corpus.entries.map((e) => e.fact), vocabulary, issues, entries: corpus.entries, files: jobs.map((j) => j.file) };
}

/** The bundled layout, <kind>/<id>.yaml: the folder names the kind and the file name is the id. */
const layout = (file: string) => ({ kind: basename(dirname(file)), id: basename(file, extname(file)) });

/** A user file follows the bundled layout when it sits in a folder named after a kind. */
function withLayout(file: string): { file: string; expect?: ParseContext['expect'] } {
  return (KINDS as readonly string[]).includes(basename(dirname(file))) ? { file, expect: layout(file) } : { file };
}

/** Every .yaml/.yml file under `dir`, sorted, each real file once; dot folders and node_modules skipped. */
function walk(dir: string, seen: Set<string>): string[] {
  const out: string[] = [];
  const visit = (current: string) => {
    let real: string;
    try {
      real = realpathSync(current);
    } catch {
      return; // a broken link
    }
    if (seen.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(current).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(current, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) visit(full);
      else if (stat.isFile() && isYaml(name)) {
        const realFile = realpathSync(full);
        if (!seen.has(realFile)) {
          seen.add(realFile);
          out.push(full);
        }
      }
    }
  };
  visit(dir);
  return out;
}

function readText(file: string, issues: Issue[]): string | undefined {
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
