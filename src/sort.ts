// Orderings for listings. Pure.
import { factRange } from './filter.js';
import type { Hit } from './facts/types.js';

export const SORT_KEYS = Object.freeze(['date', 'relevance', 'title'] as const);
export type SortKey = (typeof SORT_KEYS)[number];

const byDate = (a: Hit, b: Hit) => {
  const ra = factRange(a.fact);
  const rb = factRange(b.fact);
  return ra.lo - rb.lo || (ra.hi === rb.hi ? 0 : ra.hi < rb.hi ? -1 : 1) || a.fact.id.localeCompare(b.fact.id);
};

const COMPARATORS: Readonly<Record<SortKey, (a: Hit, b: Hit) => number>> = Object.freeze({
  date: byDate,
  // search hits arrive best first; keep that order and break ties by date
  relevance: (a: Hit, b: Hit) => b.score - a.score || byDate(a, b),
  title: (a: Hit, b: Hit) => a.fact.title.localeCompare(b.fact.title, 'en') || byDate(a, b),
});

export function sortHits(hits: readonly Hit[], key: SortKey, reverse = false): Hit[] {
  const sorted = [...hits].sort(COMPARATORS[key]);
  return reverse ? sorted.reverse() : sorted;
}
