// Builds the data of a user store from the fact files: parses what changed, takes the rest from the
// previous cache entry, then runs the checks across all facts. Imported only when something must be
// parsed, since it brings the YAML parsers and the schema.
import { checkCorpus } from '../facts/check.js';
import { readText, type FoundFile, type FoundFiles } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import { readVocabularies } from '../facts/load.js';
import { lazilyLocated, parseFactFile } from '../facts/parse-file.js';
import type { Located, ParseContext } from '../facts/parse.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { sameFile, type RecordReader, type SourceEntry, type Sources, type StoreData } from './disk.js';
import type { Progress } from './store.js';

/** Whether two lists name the same files with the same sizes and times, in the same order. */
const sameFiles = (a: readonly FoundFile[], b: readonly FoundFile[]): boolean => a.length === b.length && a.every((f, i) => sameFile(f, b[i]!));

export interface BuildInput {
  readonly key: string;
  /** the bundled facts, or none with --no-bundled */
  readonly bundled: readonly Fact[];
  readonly bundledVocabulary: Vocabulary;
  readonly found: FoundFiles;
  /** the previous cache entry for the same paths: files whose size and mtime are unchanged are not parsed again */
  readonly reuse?: { readonly sources: Sources; readonly reader: RecordReader } | undefined;
  readonly progress?: Progress | undefined;
  /** --max-file-size */
  readonly maxFileBytes?: number | undefined;
}

export function buildStoreData(input: BuildInput): StoreData {
  const issues: Issue[] = [...input.found.skipped];
  const vocabulary = new Map(input.bundledVocabulary);
  for (const [topic, meaning] of readVocabularies(
    input.found.vocabularies.map((v) => v.file),
    issues,
    input.maxFileBytes,
  )) {
    if (!vocabulary.has(topic)) vocabulary.set(topic, meaning);
  }
  // a changed topic list changes what every file's topics mean: then nothing is reused
  const reuse = input.reuse && sameFiles(input.reuse.sources.vocabularyFiles, input.found.vocabularies) ? input.reuse : undefined;
  const previous = new Map(reuse?.sources.sources.map((s) => [s.file, s]));

  const records: Fact[] = [];
  const located: Located[] = [];
  const add = (fact: Fact, entry: Located) => {
    records.push(fact);
    located.push(entry);
  };
  for (const fact of input.bundled)
    add(
      fact,
      lazilyLocated(fact, 0, { file: fact.file, vocabulary }, () => readText(fact.file, [])),
    );

  const sources: SourceEntry[] = [];
  const total = input.found.jobs.length;
  for (const [done, job] of input.found.jobs.entries()) {
    input.progress?.('reading fact files', done, total);
    const ctx: ParseContext = job.expect ? { file: job.file, vocabulary, expect: job.expect } : { file: job.file, vocabulary };
    const reread = () => readText(job.file, [], input.maxFileBytes);
    const first = records.length;
    const old = previous.get(job.file);
    let fileIssues: Issue[] = [];
    if (reuse && old && sameFile(old, job)) {
      reuse.reader.range(old.first, old.first + old.count).forEach((fact, i) => add(fact, lazilyLocated(fact, i, ctx, reread)));
      fileIssues = [...old.issues];
    } else {
      const text = readText(job.file, fileIssues, input.maxFileBytes);
      if (text !== undefined) {
        const result = parseFactFile(text, ctx, reread);
        fileIssues.push(...result.issues);
        for (const entry of result.entries) add(entry.fact, entry);
      }
    }
    issues.push(...fileIssues);
    sources.push({ file: job.file, size: job.size, mtimeMs: job.mtimeMs, first, count: records.length - first, issues: fileIssues });
  }
  input.progress?.('checking facts', 0, 0);

  const corpus = checkCorpus(located);
  issues.push(...corpus.issues);
  const recordOf = new Map(located.map((entry, i) => [entry, i]));
  return {
    key: input.key,
    vocabulary,
    vocabularyFiles: input.found.vocabularies,
    skipped: input.found.skipped,
    sources,
    issues,
    records,
    kept: corpus.entries.map((entry) => recordOf.get(entry)!),
  };
}
