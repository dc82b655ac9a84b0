// The rows of a listing with a query: the facts that pass the filters and the query's scopes, searched,
// ordered and cut to the limit (heads are read only for the rows kept when the order is relevance); and,
// when nothing matches, the way out: which filter or excluded word left out how many facts, and the
// indexed words nearest those no fact holds.
import { passesAll, type Filter } from '../filter.js';
import type { Fact, Hit } from '../facts/types.js';
import type { FactHead } from '../facts/head.js';
import type { Query } from '../search/query.js';
import type { SearchResult } from '../search/rank.js';
import type { Store } from '../store/store.js';
import { sortHits, type SortKey } from '../sort.js';
import { narrowed, type ScopeFilter } from './query-filters.js';

export type Row = Hit<Fact | FactHead> & { readonly index: number };

export interface Order {
  readonly sortKey: SortKey;
  readonly reverse: boolean | undefined;
  readonly limit: number | undefined;
  /** what each row holds: the whole fact, its head, or nothing (the listing prints compiled records by index) */
  readonly read: 'whole' | 'heads' | 'none';
}

export interface Found {
  /** ordered and cut to the limit; none when the order asks to read nothing */
  readonly rows: Row[];
  /** the facts kept, in order: the rows' indices, also where the rows were not read */
  readonly indices: readonly number[];
  /** how many facts match */
  readonly matched: number;
  readonly ranked: boolean;
  readonly matchedWords: ReadonlySet<string>;
  /** when nothing matched: what would have, and the words that might have been meant */
  readonly deadEnd: () => Promise<string>;
}

/** The facts that pass `filter` and the scopes, searched for the query. */
async function matching(store: Store, query: Query, filter: Filter, scopes: readonly ScopeFilter[]): Promise<SearchResult> {
  const { search } = await import('../search/rank.js');
  if (passesAll(filter) && !scopes.length) return search(store, query);
  const selected = await narrowed((f) => store.select(f), await store.select(filter), scopes);
  const kept = new Uint8Array(store.size);
  // an index loop: for…of runs interpreted here, and makes an object a fact (10,000 facts: 400 KB of garbage)
  for (let k = 0; k < selected.length; k++) kept[selected[k]!] = 1;
  return search(store, query, (i) => kept[i] === 1);
}

/** A filter the listing applies, and the filter without it: for "4 facts match without --kind treaty". */
export interface Dropped {
  readonly flag: string;
  readonly filter: Filter;
}

export async function searchRows(
  store: Store,
  query: Query,
  filter: Filter,
  scopes: readonly ScopeFilter[],
  flags: readonly Dropped[],
  order: Order,
): Promise<Found> {
  const result = await matching(store, query, filter, scopes);
  const { hits, ranked } = result;
  let rows: Row[];
  const read = (indices: number[]) => (order.read === 'whole' ? store.facts(indices) : store.heads(indices));
  if (ranked && order.sortKey === 'relevance') {
    // the best, or with --reverse the worst, up to the limit: only their heads are read, and those of
    // the hits tied with the last, since ties go by date
    const ordered = order.reverse ? [...hits].reverse() : hits;
    let end = Math.min(ordered.length, order.limit ?? Infinity);
    while (end > 0 && end < ordered.length && ordered[end]!.score === ordered[end - 1]!.score) end++;
    const picked = ordered.slice(0, end);
    const facts = await read(picked.map((h) => h.index));
    rows = sortHits(
      picked.map((h, k) => ({ fact: facts[k]!, index: h.index, score: h.score, titleMatches: [] })),
      'relevance',
      order.reverse,
    ).slice(0, order.limit ?? Infinity);
  } else {
    const facts = await read(hits.map((h) => h.index));
    const all = hits.map((h, k) => ({ fact: facts[k]!, index: h.index, score: h.score, titleMatches: [] }));
    rows = sortHits(all, ranked ? order.sortKey : order.sortKey === 'relevance' ? 'date' : order.sortKey, order.reverse).slice(0, order.limit ?? Infinity);
  }
  return {
    rows,
    indices: rows.map((r) => r.index),
    matched: hits.length,
    ranked,
    matchedWords: result.matchedWords,
    deadEnd: () => deadEnd(store, query, filter, scopes, flags, result),
  };
}

/** "; 4 facts match without --kind treaty; did you mean griboyedov?", or nothing to add. */
async function deadEnd(
  store: Store,
  query: Query,
  filter: Filter,
  scopes: readonly ScopeFilter[],
  flags: readonly Dropped[],
  result: SearchResult,
): Promise<string> {
  const ways: string[] = [];
  const count = async (q: Query, f: Filter, s: readonly ScopeFilter[]) => (await matching(store, q, f, s)).hits.length;
  for (const { flag, filter: without } of flags) {
    const n = await count(query, without, scopes);
    if (n) ways.push(`${n} ${n === 1 ? 'fact matches' : 'facts match'} without ${flag}`);
  }
  for (const scope of scopes) {
    const n = await count(
      query,
      filter,
      scopes.filter((s) => s !== scope),
    );
    if (n) ways.push(`${n} ${n === 1 ? 'fact matches' : 'facts match'} without ${scope.text}`);
  }
  for (const clause of query.clauses.filter((c) => c.negated)) {
    const n = await count({ ...query, clauses: query.clauses.filter((c) => c !== clause) }, filter, scopes);
    if (n) ways.push(`${n} ${n === 1 ? 'fact matches' : 'facts match'} without ${clause.text}`);
  }
  if (result.unknown.length) {
    const { nearestWords } = await import('../search/forms.js');
    const { queryWordsOf } = await import('../search/terms.js');
    const index = await store.wordIndex();
    const near = [...new Set(result.unknown.flatMap((u) => queryWordsOf(u).flatMap((w) => nearestWords(index, w, 3))))];
    if (near.length) ways.push(`did you mean ${near.slice(0, 3).join(', ')}?`);
  }
  return ways.length ? `; ${ways.join('; ')}` : '';
}
