// Pure: advice on facts that load fine but serve readers less well. Only `rif validate` asks for it.
import type { Issue } from './issues.js';
import { fieldAt, type Located } from './parse.js';

const LINT_LIMITS = Object.freeze({
  /** a summary longer than this is a short article, not a summary */
  maxSummaryWords: 80,
});

export function lintFacts(entries: readonly Located[]): Issue[] {
  const issues: Issue[] = [];
  for (const entry of entries) {
    const { fact } = entry;
    const where = (field: string) => fieldAt(entry, field);
    if (!fact.aliases.length) {
      issues.push({ code: 'RIF018', file: fact.file, ...where('id'), message: `"${fact.id}" has no aliases: add the other names and spellings a reader might search for` });
    }
    if (fact.kind === 'treaty' && fact.sources.length < 2) {
      issues.push({ code: 'RIF019', file: fact.file, ...where('sources'), message: `treaty "${fact.id}" cites a single source; cite the text or a second independent source` });
    }
    for (const [i, source] of fact.sources.entries()) {
      const at = { file: fact.file, ...where(`sources.${i}`) };
      if (!source.title) issues.push({ code: 'RIF022', ...at, message: `source ${i + 1} of "${fact.id}" (${source.url}) has no title: give the page's own title, in its language` });
      if (!source.publisher) issues.push({ code: 'RIF023', ...at, message: `source ${i + 1} of "${fact.id}" (${source.url}) has no publisher` });
    }
    const words = fact.summary.split(/\s+/).filter(Boolean).length;
    if (words > LINT_LIMITS.maxSummaryWords) {
      issues.push({ code: 'RIF020', file: fact.file, ...where('summary'), message: `summary of "${fact.id}" has ${words} words, over ${LINT_LIMITS.maxSummaryWords}; move detail to note or provisions` });
    }
  }
  return issues;
}
