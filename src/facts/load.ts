// The exact loader, for `rif validate` and the build: every file through the position-keeping parser.
import { join, resolve } from 'node:path';
import { checkCorpus, checkEntryOf } from './check.js';
import { findBundledFiles, findUserFiles, readText, VOCABULARY_FILE, type FactJob } from './files.js';
import type { Issue } from './issues.js';
import { parseFactText, type Located, type ParseContext } from './parse.js';
import type { Fact, Vocabulary } from './types.js';
import { parseVocabulary } from './vocabulary.js';

export interface LoadOptions {
  /** the bundled facts directory (facts/ in the package) */
  readonly bundledDir: string;
  readonly includeBundled: boolean;
  /** user files and directories, from --facts and RIF_FACTS; relative ones against cwd */
  readonly userPaths: readonly string[];
  readonly cwd: string | undefined;
  /** --max-file-size */
  readonly maxFileBytes?: number | undefined;
}

export interface LoadResult {
  readonly facts: Fact[];
  readonly vocabulary: Vocabulary;
  readonly issues: Issue[];
  /** positions of each loaded fact, for validation reports */
  readonly entries: Located[];
  /** the entries that had problems, as far as they can be checked further (warnings) */
  readonly partial: Located[];
  /** every fact file read, in load order */
  readonly files: string[];
}

/** Reads topics.yaml files into one vocabulary: the first meaning given for a topic wins. */
export function readVocabularies(files: readonly string[], issues: Issue[], maxBytes?: number): Map<string, string> {
  const vocabulary = new Map<string, string>();
  for (const file of files) {
    const text = readText(file, issues, maxBytes);
    if (text === undefined) continue;
    const parsed = parseVocabulary(text, file);
    issues.push(...parsed.issues);
    for (const [topic, meaning] of parsed.vocabulary) if (!vocabulary.has(topic)) vocabulary.set(topic, meaning);
  }
  return vocabulary;
}

export function loadFacts(options: LoadOptions): LoadResult {
  const issues: Issue[] = [];
  const bundledDir = resolve(options.bundledDir);
  const seen = new Set<string>();
  const jobs: FactJob[] = options.includeBundled ? findBundledFiles(bundledDir, seen) : [];
  const user = findUserFiles(options.userPaths, options.cwd, seen);
  jobs.push(...user.jobs);
  issues.push(...user.skipped);
  const vocabulary = readVocabularies([join(bundledDir, VOCABULARY_FILE), ...user.vocabularies.map((v) => v.file)], issues, options.maxFileBytes);

  const located: Located[] = [];
  const partial: Located[] = [];
  for (const job of jobs) {
    const text = readText(job.file, issues, options.maxFileBytes);
    if (text === undefined) continue;
    const ctx: ParseContext = job.expect ? { file: job.file, vocabulary, expect: job.expect } : { file: job.file, vocabulary };
    const result = parseFactText(text, ctx);
    issues.push(...result.issues);
    located.push(...result.entries);
    partial.push(...result.partial);
  }
  const corpus = checkCorpus(located.map(checkEntryOf), partial.map(checkEntryOf));
  issues.push(...corpus.issues);
  const entries = corpus.kept.map((i) => located[i]!);
  return { facts: entries.map((e) => e.fact), vocabulary, issues, entries, partial, files: jobs.map((j) => j.file) };
}
