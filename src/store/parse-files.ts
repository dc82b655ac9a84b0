// Reads and parses the fact files a plan needs, on both cores when there are many: a worker thread takes
// the second half of the files while this thread parses the first. The worker posts its results a few
// hundred files at a time, as it goes, and indexes its facts; this thread then indexes its own half, so
// that little is left to do after the two meet. A file whose digest is still the one recorded is not
// parsed again (it was touched, or copied with its times, and says what it said).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { summaryKey } from '../facts/check.js';
import { decodeText, readBytes } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { parseFactFile } from '../facts/parse-file.js';
import type { ParseContext } from '../facts/parse.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { toDoc, type Doc } from '../search/doc.js';
import { buildWordIndex, type BuiltWordIndex, type WordIndex } from '../search/word-index.js';
import type { Hash } from './hash.js';
import type { Progress } from './store.js';

export interface ParseTask {
  readonly file: string;
  readonly expect?: ParseContext['expect'] | undefined;
  /** the digest of the file when it was last parsed */
  readonly hash?: string | undefined;
}

export interface Parsed {
  /** SHA-1 of the file's bytes, or "" when they could not be read */
  readonly hash: string;
  readonly issues: Issue[];
  /** undefined when the bytes still give the recorded digest: the facts are what they were */
  readonly facts?: Fact[];
  /** a digest of each fact's summary as the checks compare it (summaryDigest) */
  readonly summaries?: string[];
}

/** What the checks across files compare of a summary, as an entry keeps it. */
export const summaryDigest = (summary: string, hash: Hash): string => hash(summaryKey(summary)).slice(0, 16);

/** The word index of the facts of `parsed`, numbered in order from 0. */
export function indexParsed(parsed: Iterable<Parsed>): BuiltWordIndex {
  function* docs(): Generator<Doc> {
    for (const p of parsed) for (const fact of p.facts ?? []) yield toDoc(fact);
  }
  return buildWordIndex(docs());
}

export interface ParseSettings {
  readonly vocabulary: Vocabulary;
  readonly maxFileBytes?: number | undefined;
}

/** Below this many files, starting a worker thread (30-40 ms) costs more than it saves. */
const WORKER_FROM = 400;
/** How many results the worker posts at a time. */
export const WORKER_PART = 256;
/**
 * What the worker posts: the next results of its share, in order; last, the word index of its share's
 * facts, numbered in order.
 */
export type WorkerMessage = { readonly parsed: readonly Parsed[] } | { readonly index: BuiltWordIndex };

export interface ParsedTasks {
  /** one per task, in order */
  readonly parsed: readonly Parsed[];
  /**
   * With a worker, the word index of the facts of each half: `from` is the half's first task, and its
   * facts are numbered in order from 0. Without one, the facts are indexed by the plan.
   */
  readonly indexed?: readonly { readonly from: number; readonly index: WordIndex }[];
}

export function parseTask(task: ParseTask, settings: ParseSettings, hash: Hash): Parsed {
  const issues: Issue[] = [];
  const bytes = readBytes(task.file, issues, settings.maxFileBytes);
  const digest = bytes ? hash(bytes) : '';
  if (bytes && task.hash !== undefined && digest === task.hash) return { hash: digest, issues };
  const text = bytes && decodeText(bytes, task.file, issues);
  if (text === undefined) return { hash: digest, issues, facts: [] };
  const ctx: ParseContext = { file: task.file, vocabulary: settings.vocabulary, ...(task.expect ? { expect: task.expect } : {}) };
  // positions of a clean file are not wanted here: a check that needs one parses the file again
  const result = parseFactFile(text, ctx, () => undefined);
  issues.push(...result.issues);
  const facts = result.entries.map((e) => e.fact);
  return { hash: digest, issues, facts, summaries: facts.map((f) => summaryDigest(f.summary, hash)) };
}

/**
 * `value`, each of its strings replaced in place by a copy. A string the YAML parser cut out of a
 * file's text is a slice that keeps the whole text alive (two bytes a character when the file has any
 * Cyrillic or Persian in it): this thread's half of 100,000 facts in files of ten kept 140 MB of text.
 * Shorter strings than V8 slices are copies already. The facts a worker parses are copied on their way
 * to this thread.
 */
function detached<T>(value: T): T {
  if (typeof value === 'string') return (value.length < 13 ? value : Buffer.from(value, 'utf8').toString('utf8')) as T;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) value[i] = detached<unknown>(value[i]);
  else if (value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    for (const key in fields) fields[key] = detached(fields[key]);
  }
  return value;
}

/** The built worker beside the bundle; absent when rif runs from its sources (tests), which then parse in one thread. */
const workerFile = (): string | undefined => {
  const file = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
};

export async function parseTasks(tasks: readonly ParseTask[], settings: ParseSettings, hash: Hash, progress?: Progress): Promise<ParsedTasks> {
  const file = tasks.length >= WORKER_FROM ? workerFile() : undefined;
  const half = file ? Math.ceil(tasks.length / 2) : tasks.length;
  const theirs: Parsed[] = [];
  let worker: Promise<WordIndex> | undefined;
  if (file) {
    const { Worker } = await import('node:worker_threads');
    const thread = new Worker(file, { workerData: { tasks: tasks.slice(half), settings } });
    worker = new Promise((resolve, reject) => {
      thread.on('message', (message: WorkerMessage) => {
        if ('parsed' in message) theirs.push(...message.parsed);
        else resolve(message.index);
      });
      thread.once('error', reject);
      thread.once('exit', (code) => reject(new Error(`the parse worker stopped (exit code ${code})`)));
    });
  }
  const mine: Parsed[] = [];
  for (let i = 0; i < half; i++) {
    progress?.('reading fact files', i + theirs.length, tasks.length);
    const parsed = parseTask(tasks[i]!, settings, hash);
    mine.push(worker ? detached(parsed) : parsed);
    // let the worker's results in now and then
    if (worker && i % WORKER_PART === WORKER_PART - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  if (!worker) return { parsed: mine };
  // while the worker finishes its half, this thread indexes its own
  progress?.('indexing', 0, 0);
  const index = indexParsed(mine);
  const theirIndex = await worker;
  return {
    parsed: [...mine, ...theirs],
    indexed: [
      { from: 0, index },
      { from: half, index: theirIndex },
    ],
  };
}
