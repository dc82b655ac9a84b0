// What a store was built from, kept beside it: each fact file with its state and content digest and the
// records it gave, each topic list, and what the walk could not use; and, per record, what the checks
// across files read of it. An edit is then parsed file by file, and the checks run again on these alone.
// sources-file.ts keeps both on disk.
import type { CheckedField } from '../facts/check.js';
import type { FileState, FoundFile, FoundFiles } from '../facts/files.js';
import type { Issue } from '../facts/issues.js';

export interface VocabularyEntry extends FoundFile {
  /** SHA-1 of the file's bytes, or "" when it could not be read */
  readonly hash: string;
}

export interface FileEntry extends VocabularyEntry {
  /** its state was taken so soon after it changed that a second change in the same clock tick would not show */
  readonly racy?: true;
  /** its records are [first, first + count) */
  readonly first: number;
  readonly count: number;
  readonly issues: readonly Issue[];
}

export interface Sources {
  /** records [0, bundled) are the bundled facts, when the entry includes them */
  readonly bundled: number;
  readonly vocabularies: readonly VocabularyEntry[];
  readonly files: readonly FileEntry[];
  /** RIF017 for what the walk could not use */
  readonly skipped: readonly Issue[];
}

/** What the checks across files read of one record, and the positions of its fields once a check needed them. */
export interface StoredCheck {
  readonly id: string;
  readonly file: string;
  /** its place among the facts of its file */
  readonly index: number;
  readonly related: readonly string[];
  /** a digest of summaryKey(summary) */
  readonly summary: string;
  readonly at?: Partial<Record<CheckedField, readonly [number, number]>>;
}

export const sameState = (a: FileState, b: FileState): boolean =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;

/**
 * How close to the walk a change may be and still be missed. File systems keep times in ticks of a
 * coarse clock (milliseconds, or up to two seconds on FAT and old macOS volumes): a file that changes
 * again within the tick its state was taken in keeps that state. Such a file is read again next time.
 */
const RACY_MS = 2000;

export const isRacy = (state: FileState, checkedAt: number, racyMs = RACY_MS): boolean =>
  state.mtimeMs >= checkedAt - racyMs || state.ctimeMs >= checkedAt - racyMs;

/** Whether the walk found exactly the files the entry was built from, each in the state recorded and none racy. */
export function unchanged(sources: Sources, found: FoundFiles, checkedAt: number, racyMs: number | undefined): boolean {
  const { files, vocabularies } = sources;
  return (
    files.length === found.jobs.length &&
    files.every((x, i) => x.file === found.jobs[i]!.file && !x.racy && sameState(x, found.jobs[i]!)) &&
    vocabularies.length === found.vocabularies.length &&
    vocabularies.every((x, i) => x.file === found.vocabularies[i]!.file && sameState(x, found.vocabularies[i]!) && !isRacy(x, checkedAt, racyMs)) &&
    JSON.stringify(sources.skipped) === JSON.stringify(found.skipped)
  );
}
