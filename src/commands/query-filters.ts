// The query's scopes that filter (kind:, status:, topic:, year:) as the filters of the flags of the same
// name, checked as the flags are: a bad value is a usage error with the values it could be.
import { parsePeriod } from '../dates.js';
import { UsageError } from '../errors.js';
import type { Filter } from '../filter.js';
import { KINDS, STATUSES, type Kind, type Status, type Vocabulary } from '../facts/types.js';
import { parseQuery, QuerySyntaxError, type FilterClause, type Query } from '../search/query.js';
import { didYouMean } from '../suggest.js';

/** The query parsed, its syntax errors as usage errors. */
export function parseSearch(query: string): Query {
  try {
    return parseQuery(query);
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new UsageError(error.message);
    throw error;
  }
}

/** A scope that filters, as a filter and the flag it stands for (for "4 facts match without ..."). */
export interface ScopeFilter {
  readonly filter: Filter;
  readonly negated: boolean;
  readonly text: string;
}

/** `today`: asked only for year:today (the local date costs a run its first look at the time zone). */
export function scopeFilters(clauses: readonly FilterClause[], vocabulary: Vocabulary, today: () => string): ScopeFilter[] {
  return clauses.map((clause) => ({ filter: filterOf(clause, vocabulary, today), negated: clause.negated, text: clause.text }));
}

function filterOf({ scope, value, text }: FilterClause, vocabulary: Vocabulary, today: () => string): Filter {
  const values = value.toLowerCase().split(',').filter(Boolean);
  const check = (known: readonly string[], what: string) => {
    for (const v of values)
      if (!known.includes(v)) throw new UsageError(`unknown ${what} "${v}" in ${text}${didYouMean(v, known)}; it is one of ${known.join(', ')}`);
  };
  switch (scope) {
    case 'kind':
      check(KINDS, 'kind');
      return { kinds: values as Kind[] };
    case 'status':
      check(STATUSES, 'status');
      return { statuses: values as Status[] };
    case 'topic':
      for (const v of values)
        if (!vocabulary.has(v)) throw new UsageError(`unknown topic "${v}" in ${text}${didYouMean(v, vocabulary.keys())}; rif topics lists them`);
      return { topics: values };
    case 'year': {
      const range = parsePeriod(value === 'today' ? today() : value);
      if (!range) throw new UsageError(`${text}: a year is 1828, 1828-02, 1820s or 19th-century`);
      return { ranges: [range] };
    }
  }
}

/** `selected` (ascending) narrowed by each scope: the facts that pass it kept, or with -scope: left out. */
export async function narrowed(select: (filter: Filter) => Promise<number[]>, selected: number[], scopes: readonly ScopeFilter[]): Promise<number[]> {
  let out = selected;
  for (const scope of scopes) {
    const passing = new Set(await select(scope.filter));
    out = out.filter((i) => passing.has(i) !== scope.negated);
  }
  return out;
}
