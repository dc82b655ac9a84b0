// Pure predicates over facts: dates, topics, kinds, actors, statuses.
import { firstDay, lastDay, overlaps, parsePartialDate, spanRange, type DayRange } from './dates.js';
import type { FactHead } from './facts/head.js';
import type { Kind, Status } from './facts/types.js';

export interface Filter {
  /** inclusive: the facts whose dates overlap every one of these ranges (--from/--to, --in) */
  readonly ranges?: readonly DayRange[];
  /** any of these topics */
  readonly topics?: readonly string[];
  readonly kinds?: readonly Kind[];
  /** a case-insensitive substring of an actor or a treaty party */
  readonly actor?: string;
  readonly statuses?: readonly Status[];
}

/** The days a fact covers: a single date's whole precision, or a span (open when it has not ended). */
export function factRange(fact: FactHead): DayRange {
  const start = parsePartialDate(fact.date.start)!;
  const end = fact.date.end === null ? null : parsePartialDate(fact.date.end)!;
  return spanRange(start, end);
}

/** --from and --to as one range; either side may be open. */
export function boundsRange(from: string | undefined, to: string | undefined): DayRange {
  const lo = from === undefined ? -Infinity : firstDay(parsePartialDate(from)!);
  const hi = to === undefined ? Infinity : lastDay(parsePartialDate(to)!);
  return { lo, hi };
}

export function matchesFilter(fact: FactHead, filter: Filter): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(fact.kind)) return false;
  if (filter.topics?.length && !fact.topics.some((t) => filter.topics!.includes(t))) return false;
  if (filter.statuses?.length && !(fact.kind === 'allegation' && filter.statuses.includes(fact.status))) return false;
  if (filter.actor !== undefined) {
    const needle = filter.actor.toLowerCase();
    const names = fact.kind === 'treaty' ? [...fact.actors, ...fact.parties] : fact.actors;
    if (!names.some((name) => name.toLowerCase().includes(needle))) return false;
  }
  if (filter.ranges?.length) {
    const range = factRange(fact);
    if (!filter.ranges.every((r) => overlaps(range, r))) return false;
  }
  return true;
}

export function applyFilter<T extends { readonly fact: FactHead }>(items: readonly T[], filter: Filter): T[] {
  return items.filter((item) => matchesFilter(item.fact, filter));
}
