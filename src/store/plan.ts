// What a store entry holds after a walk of the user's files: each file that changed is parsed, each that
// did not keeps its records, and the checks across files, the columns and the word index follow. A first
// run is the same plan with nothing to reuse. Imported only when something must be parsed, since it
// brings the YAML parsers and the schema.
import { checkCorpus } from '../facts/check.js';
import { decodeText, readBytes, type FactJob, type FoundFile, type FoundFiles } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';
import type { Fact, Vocabulary } from '../facts/types.js';
import { parseVocabulary } from '../facts/vocabulary.js';
import type { WordIndex } from '../search/word-index.js';
import type { Columns } from './columns.js';
import type { Hash } from './hash.js';
import { layFacts, type Previous } from './lay.js';
import { parseTasks, summaryDigest, type ParseTask } from './parse-files.js';
import { RecordCheck, type Reparse } from './record-check.js';
import { isRacy, sameState, type FileEntry, type Sources, type StoredCheck, type VocabularyEntry } from './sources.js';
import type { Progress } from './store.js';

export interface PlanInput {
  readonly key: string;
  /** the bundled facts when the entry includes them; read only for an entry made from nothing */
  readonly bundled?: () => Promise<readonly Fact[]>;
  readonly bundledVocabulary: Vocabulary;
  readonly found: FoundFiles;
  readonly previous?: Previous | undefined;
  /** when the walk began (ms since the epoch): files changed just before it are racy */
  readonly checkedAt: number;
  /** RACY_MS, or less in tests */
  readonly racyMs?: number | undefined;
  readonly maxFileBytes?: number | undefined;
  readonly progress?: Progress | undefined;
  readonly hash: Hash;
}

export interface Plan {
  readonly key: string;
  readonly vocabulary: Map<string, string>;
  readonly sources: Sources;
  readonly issues: Issue[];
  /** new records, numbered from firstNew */
  readonly appended: readonly Fact[];
  readonly firstNew: number;
  readonly checks: (StoredCheck | null)[];
  /** the record number of each fact kept, in listing order */
  readonly kept: readonly number[];
  readonly columns: Columns;
  readonly ids: readonly string[];
  readonly wordIndex: WordIndex;
  /** bytes of the growing files no record uses any more */
  readonly dead: number;
  /** some file changed too close to the walk to be trusted next time */
  readonly racy: boolean;
  /** whether records, facts or problems changed (else only the files' states did) */
  readonly changed: boolean;
}

export async function planEntry(input: PlanInput): Promise<Plan> {
  const { hash } = input;
  const issues: Issue[] = [...input.found.skipped];
  const vocabularies = readVocabularyFiles(input.found.vocabularies, issues, input.maxFileBytes, hash);
  const vocabulary = new Map(input.bundledVocabulary);
  for (const [topic, meaning] of vocabularies.merged) if (!vocabulary.has(topic)) vocabulary.set(topic, meaning);
  // a changed topic list changes what every file's topics mean: then nothing is reused, and the entry is made anew
  const reuse = input.previous && sameVocabularies(input.previous.sources.vocabularies, vocabularies.entries) ? input.previous : undefined;
  const firstNew = reuse?.records ?? 0;
  const appended: Fact[] = [];
  const checks: (StoredCheck | null)[] = reuse ? [...reuse.checks] : [];
  const reparse: Reparse = { vocabulary, maxFileBytes: input.maxFileBytes };
  const order: RecordCheck[] = [];
  const add = (fact: Fact, index: number, expect: FactJob['expect'], summary = summaryDigest(fact.summary, hash)): number => {
    const record = firstNew + appended.length;
    appended.push(fact);
    const stored: StoredCheck = { id: fact.id, file: fact.file, index, related: fact.related, summary };
    checks[record] = stored;
    order.push(new RecordCheck(stored, expect, reparse));
    return record;
  };
  const recordOrder: number[] = [];

  // the bundled facts come first: copied into a new entry, kept as they are by an edit
  const bundledCount = reuse ? reuse.sources.bundled : 0;
  if (reuse) {
    for (let r = 0; r < bundledCount; r++) {
      recordOrder.push(r);
      order.push(new RecordCheck(reuse.checks[r]!, undefined, reparse));
    }
  }
  const bundledFacts = reuse ? [] : ((await input.bundled?.()) ?? []);
  for (const fact of bundledFacts) recordOrder.push(add(fact, 0, undefined));

  const previousFiles = new Map(reuse?.sources.files.map((f) => [f.file, f]));
  const files: FileEntry[] = [];
  let dead = reuse?.dead ?? 0;
  const dies = (entry: FileEntry) => {
    for (let r = entry.first; r < entry.first + entry.count; r++) {
      dead += reuse!.recordsAt.length[r]! + reuse!.headsAt.length[r]! + reuse!.docsAt.length[r]!;
      checks[r] = null;
    }
  };
  // first the files that must be read: new ones, and those whose state changed or was racy
  const old = input.found.jobs.map((job) => previousFiles.get(job.file));
  const unchanged = input.found.jobs.map((job, i) => Boolean(old[i] && sameState(old[i], job) && !old[i].racy));
  const tasks: ParseTask[] = [];
  input.found.jobs.forEach((job, i) => {
    if (!unchanged[i]) tasks.push({ file: job.file, expect: job.expect, hash: old[i]?.hash || undefined });
  });
  const { parsed, indexed = [] } = await parseTasks(tasks, { vocabulary, maxFileBytes: input.maxFileBytes }, hash, input.progress);
  // the record of the first fact of each part the parse indexed (its facts' records follow in order)
  const firstRecord: (number | undefined)[] = indexed.map(() => undefined);
  let next = 0;
  for (const [i, job] of input.found.jobs.entries()) {
    const before = old[i];
    previousFiles.delete(job.file);
    const racy = isRacy(job, input.checkedAt, input.racyMs);
    const part = unchanged[i] ? -1 : indexed.findLastIndex((p) => p.from <= next);
    const result = unchanged[i] ? undefined : parsed[next++]!;
    // unchanged by its state; or changed in state only (touched, copied with its times, made readable
    // again): the same bytes give the same facts
    if (before && (!result || !result.facts)) {
      const entry = keep(before, job, racy);
      files.push(entry);
      for (let r = entry.first; r < entry.first + entry.count; r++) {
        recordOrder.push(r);
        order.push(new RecordCheck(reuse!.checks[r]!, job.expect, reparse));
      }
      continue;
    }
    if (before) dies(before);
    const first = firstNew + appended.length;
    for (const [index, fact] of result!.facts!.entries()) {
      const record = add(fact, index, job.expect, result!.summaries?.[index]);
      recordOrder.push(record);
      if (part >= 0) firstRecord[part] ??= record;
    }
    files.push(fileEntry(job, result!.hash, racy, first, firstNew + appended.length - first, result!.issues));
  }
  for (const gone of previousFiles.values()) dies(gone);
  for (const entry of files) issues.push(...entry.issues);
  input.progress?.('checking facts', 0, 0);

  const corpus = checkCorpus(order);
  issues.push(...corpus.issues);
  const kept = corpus.kept.map((i) => recordOrder[i]!);

  const { columns, ids, wordIndex } = layFacts(
    kept,
    checks,
    vocabulary,
    { facts: appended, first: firstNew },
    reuse,
    indexed.flatMap((p, k) => (firstRecord[k] === undefined ? [] : [{ index: p.index, first: firstRecord[k] }])),
  );
  const sources: Sources = { bundled: reuse ? bundledCount : bundledFacts.length, vocabularies: vocabularies.entries, files, skipped: input.found.skipped };
  const changed = !reuse || appended.length > 0 || dead !== reuse.dead || kept.length !== reuse.facts || !sameIssues(reuse, sources);
  return {
    key: input.key,
    vocabulary,
    sources,
    issues,
    appended,
    firstNew,
    checks,
    kept,
    columns,
    ids,
    wordIndex,
    dead,
    racy: files.some((f) => f.racy),
    changed,
  };
}

const stateOf = (f: FoundFile): FoundFile => ({ file: f.file, size: f.size, mtimeMs: f.mtimeMs, ctimeMs: f.ctimeMs, ino: f.ino, dev: f.dev });

/** A file's entry: its state as found, what its bytes hash to and the records it gave. One shape, no spreads: there are 10,000 of these. */
function fileEntry(job: FoundFile, hash: string, racy: boolean, first: number, count: number, issues: readonly Issue[]): FileEntry {
  const { file, size, mtimeMs, ctimeMs, ino, dev } = job;
  return racy
    ? { file, size, mtimeMs, ctimeMs, ino, dev, hash, racy: true, first, count, issues }
    : { file, size, mtimeMs, ctimeMs, ino, dev, hash, first, count, issues };
}

/** An unchanged file's entry with its state as now found. */
const keep = (old: FileEntry, job: FactJob, racy: boolean): FileEntry => fileEntry(job, old.hash, racy, old.first, old.count, old.issues);

/** Whether the files gave the same records and problems as before (only their states changed). */
function sameIssues(previous: Previous, sources: Sources): boolean {
  const [a, b] = [previous.sources, sources];
  const same = (x: readonly Issue[], y: readonly Issue[]) => x === y || (x.length === 0 && y.length === 0) || JSON.stringify(x) === JSON.stringify(y);
  return (
    same(a.skipped, b.skipped) &&
    a.files.length === b.files.length &&
    a.files.every((f, i) => f.file === b.files[i]!.file && f.first === b.files[i]!.first && f.count === b.files[i]!.count && same(f.issues, b.files[i]!.issues))
  );
}

function sameVocabularies(a: readonly VocabularyEntry[], b: readonly VocabularyEntry[]): boolean {
  return a.length === b.length && a.every((v, i) => v.file === b[i]!.file && v.hash === b[i]!.hash);
}

/** The user's topics.yaml files, read and hashed every time (there are few), merged in path order. */
function readVocabularyFiles(found: readonly FoundFile[], issues: Issue[], maxBytes: number | undefined, hash: Hash) {
  const merged = new Map<string, string>();
  const entries = found.map((file): VocabularyEntry => {
    const bytes = readBytes(file.file, issues, maxBytes);
    const text = bytes && decodeText(bytes, file.file, issues);
    if (text !== undefined) {
      const parsed = parseVocabulary(text, file.file);
      issues.push(...parsed.issues);
      for (const [topic, meaning] of parsed.vocabulary) if (!merged.has(topic)) merged.set(topic, meaning);
    }
    return { ...stateOf(file), hash: bytes ? hash(bytes) : '' };
  });
  return { merged, entries };
}
