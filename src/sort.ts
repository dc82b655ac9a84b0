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

type Compare = (a: Keyed<Hit<FactHead>>, b: Keyed<Hit<FactHead>>) => number;

/**
 * Ids are kebab-case (a-z, 0-9, "-"), where code-unit order is collation order; comparing them directly
 * spares the collator that String#localeCompare builds per call, which shows on 100,000 rows.
 */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date order: by start, then by end (an open end last), then by id. */
const compareDated = (loA: number, hiA: number, idA: string, loB: number, hiB: number, idB: string): number =>
  loA - loB || (hiA === hiB ? 0 : hiA < hiB ? -1 : 1) || compareIds(idA, idB);

/** The facts of these columns in date order (their starts, ends and ids): what a store keeps, so that a listing sorts nothing. */
export function dateOrder(lo: Float64Array, hi: Float64Array, ids: readonly string[]): Uint32Array {
  const order = Uint32Array.from(ids, (_, i) => i);
  return order.sort((a, b) => compareDated(lo[a]!, hi[a]!, ids[a]!, lo[b]!, hi[b]!, ids[b]!));
}

const byDate: Compare = (a, b) => compareDated(a.range.lo, a.range.hi, a.hit.fact.id, b.range.lo, b.range.hi, b.hit.fact.id);

function comparator(key: SortKey): Compare {
  switch (key) {
    case 'date':
      return byDate;
    case 'relevance':
      // search hits arrive best first; keep that order and break ties by date
      return (a, b) => b.hit.score - a.hit.score || byDate(a, b);
    case 'title': {
      const titles = new Intl.Collator('en').compare;
      return (a, b) => titles(a.hit.fact.title, b.hit.fact.title) || byDate(a, b);
    }
  }
}

export function sortHits<T extends Hit<FactHead>>(hits: readonly T[], key: SortKey, reverse = false): T[] {
  const sorted = hits
    .map((hit) => ({ hit, range: factRange(hit.fact) }))
    .sort(comparator(key))
    .map((k) => k.hit);
  return reverse ? sorted.reverse() : sorted;
}
