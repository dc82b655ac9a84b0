// Pure checks across all loaded facts: duplicate ids, dangling `related` ids, repeated summaries.
import type { Issue } from './issues.js';
import { fieldAt, type Located } from './parse.js';

export interface CorpusResult {
  /** the entries kept: the first of each duplicate id wins */
  readonly entries: Located[];
  readonly issues: Issue[];
}

const normalizeSummary = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The checks across facts. `partial` are entries with problems of their own (rif validate): they are not
 * loaded, but what they name in `related` is checked too, so that every problem shows in one run.
 */
export function checkCorpus(all: readonly Located[], partial: readonly Located[] = []): CorpusResult {
  const issues: Issue[] = [];
  const byId = new Map<string, Located>();
  const entries: Located[] = [];
  for (const entry of all) {
    const first = byId.get(entry.fact.id);
    if (first) {
      const pos = fieldAt(entry, 'id');
      const firstPos = fieldAt(first, 'id');
      issues.push({
        code: 'RIF008',
        file: entry.fact.file,
        ...pos,
        message: `duplicate id "${entry.fact.id}"; this one is skipped`,
        also: { file: first.fact.file, ...firstPos },
      });
      continue;
    }
    byId.set(entry.fact.id, entry);
    entries.push(entry);
  }
  for (const entry of partial) {
    for (const id of entry.fact.related) {
      if (!byId.has(id)) issues.push({ code: 'RIF013', file: entry.fact.file, ...fieldAt(entry, 'related'), message: `related id "${id}" is not a loaded fact` });
    }
  }
  const summaries = new Map<string, Located>();
  for (const entry of entries) {
    // positions only for problems: finding one may mean parsing a file again
    for (const id of entry.fact.related) {
      if (!byId.has(id)) issues.push({ code: 'RIF013', file: entry.fact.file, ...fieldAt(entry, 'related'), message: `related id "${id}" is not a loaded fact` });
    }
    const key = normalizeSummary(entry.fact.summary);
    const twin = summaries.get(key);
    if (twin) {
      issues.push({ code: 'RIF016', file: entry.fact.file, ...fieldAt(entry, 'summary'), message: `summary repeats the summary of "${twin.fact.id}"` });
    } else {
      summaries.set(key, entry);
    }
  }
  return { entries, issues };
}
