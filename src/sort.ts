// Orderings for listings. Pure.
import type { DayRange } from './dates.js';
import { factRange } from './filter.js';
import type { FactHead } from './facts/head.js';
import type { Hit } from './facts/types.js';

export const SORT_KEYS = Object.freeze(['date', 'relevance', 'title'] as const);
export type SortKey = (typeof SORT_KEYS)[number];

/** A hit with its date range, parsed once before sorting rather than at every comparison. */
interface Keyed<T> {
  readonly hit: T;
  readonly range: DayRange;
}

const byDate = (a: Keyed<Hit<FactHead>>, b: Keyed<Hit<FactHead>>) =>
  a.range.lo - b.range.lo || (a.range.hi === b.range.hi ? 0 : a.range.hi < b.range.hi ? -1 : 1) || a.hit.fact.id.localeCompare(b.hit.fact.id);

const COMPARATORS: Readonly<Record<SortKey, (a: Keyed<Hit<FactHead>>, b: Keyed<Hit<FactHead>>) => number>> = Object.freeze({
  date: byDate,
  // search hits arrive best first; keep that order and break ties by date
  relevance: (a: Keyed<Hit<FactHead>>, b: Keyed<Hit<FactHead>>) => b.hit.score - a.hit.score || byDate(a, b),
  title: (a: Keyed<Hit<FactHead>>, b: Keyed<Hit<FactHead>>) => a.hit.fact.title.localeCompare(b.hit.fact.title, 'en') || byDate(a, b),
});

export function sortHits<T extends Hit<FactHead>>(hits: readonly T[], key: SortKey, reverse = false): T[] {
  const sorted = hits
    .map((hit) => ({ hit, range: factRange(hit.fact) }))
    .sort(COMPARATORS[key])
    .map((k) => k.hit);
  return reverse ? sorted.reverse() : sorted;
}
