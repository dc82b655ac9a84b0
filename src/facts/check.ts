// Pure checks across all loaded facts: duplicate ids, dangling `related` ids, repeated summaries. They
// read only what each fact is checked by, so that a cache can keep that much of each fact and check
// the whole collection again without the facts themselves.
import type { Issue } from './issues.js';
import type { Position } from './locate.js';
import { fieldAt, type Located } from './parse.js';

export type CheckedField = 'id' | 'related' | 'summary';

export interface CheckEntry {
  readonly id: string;
  readonly file: string;
  readonly related: readonly string[];
  /** the summary as compared (see summaryKey), or a digest of that */
  readonly summary: string;
  /** where a field is written; asked only for a problem, since finding it may mean parsing a file again */
  at(field: CheckedField): Position;
}

export interface CorpusResult {
  /** the indices of the entries kept, ascending: the first of each duplicate id wins */
  readonly kept: number[];
  readonly issues: Issue[];
}

/** A summary as two summaries are compared: case and runs of white space do not count. */
export const summaryKey = (summary: string): string => summary.toLowerCase().replace(/\s+/g, ' ').trim();

export const checkEntryOf = (entry: Located): CheckEntry => ({
  id: entry.fact.id,
  file: entry.fact.file,
  related: entry.fact.related,
  summary: summaryKey(entry.fact.summary),
  at: (field) => fieldAt(entry, field),
});

/**
 * The checks across facts. `partial` are entries with problems of their own (rif validate): they are not
 * loaded, but what they name in `related` is checked too, so that every problem shows in one run.
 */
export function checkCorpus(all: readonly CheckEntry[], partial: readonly CheckEntry[] = []): CorpusResult {
  const issues: Issue[] = [];
  const byId = new Map<string, CheckEntry>();
  const kept: number[] = [];
  for (const [i, entry] of all.entries()) {
    const first = byId.get(entry.id);
    if (first) {
      issues.push({
        code: 'RIF008',
        file: entry.file,
        ...entry.at('id'),
        message: `duplicate id "${entry.id}"; this one is skipped`,
        also: { file: first.file, ...first.at('id') },
      });
      continue;
    }
    byId.set(entry.id, entry);
    kept.push(i);
  }
  for (const entry of partial) {
    for (const id of entry.related) {
      if (!byId.has(id)) issues.push({ code: 'RIF013', file: entry.file, ...entry.at('related'), message: `related id "${id}" is not a loaded fact` });
    }
  }
  const summaries = new Map<string, CheckEntry>();
  for (const i of kept) {
    const entry = all[i]!;
    for (const id of entry.related) {
      if (!byId.has(id)) issues.push({ code: 'RIF013', file: entry.file, ...entry.at('related'), message: `related id "${id}" is not a loaded fact` });
    }
    const twin = summaries.get(entry.summary);
    if (twin) issues.push({ code: 'RIF016', file: entry.file, ...entry.at('summary'), message: `summary repeats the summary of "${twin.id}"` });
    else summaries.set(entry.summary, entry);
  }
  return { kept, issues };
}
