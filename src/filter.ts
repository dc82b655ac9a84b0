// Pure predicates over facts: dates, topics, kinds, actors, statuses. Each test takes plain values, so a
// store that keeps facts in columns applies the very same rules without building a fact per row.
import { firstDay, lastDay, overlaps, parsePartialDate, spanRange, type DayRange } from './dates.js';
import type { FactHead } from './facts/head.js';
import type { Kind, Status } from './facts/types.js';

export interface Filter {
  /** inclusive: the facts whose dates overlap every one of these ranges (--from/--to, --in) */
  readonly ranges?: readonly DayRange[];
  /** any of these topics */
  readonly topics?: readonly string[] | undefined;
  readonly kinds?: readonly Kind[] | undefined;
  /** a case-insensitive substring of an actor or a treaty party */
  readonly actor?: string | undefined;
  readonly statuses?: readonly Status[] | undefined;
}

/** The days a fact covers: a single date's whole precision, or a span (open when it has not ended). */
export function factRange(fact: Pick<FactHead, 'date'>): DayRange {
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

export const kindPasses = (kind: Kind, filter: Filter): boolean => !filter.kinds?.length || filter.kinds.includes(kind);

export const statusPasses = (status: Status | undefined, filter: Filter): boolean =>
  !filter.statuses?.length || (status !== undefined && filter.statuses.includes(status));

export const topicsPass = (topics: readonly string[], filter: Filter): boolean => !filter.topics?.length || topics.some((t) => filter.topics!.includes(t));

export const rangePasses = (range: DayRange, filter: Filter): boolean => !filter.ranges?.length || filter.ranges.every((r) => overlaps(range, r));

export function actorPasses(fact: FactHead, filter: Filter): boolean {
  if (filter.actor === undefined) return true;
  const needle = filter.actor.toLowerCase();
  const names = fact.kind === 'treaty' ? [...fact.actors, ...fact.parties] : fact.actors;
  return names.some((name) => name.toLowerCase().includes(needle));
}

export function matchesFilter(fact: FactHead, filter: Filter): boolean {
  return (
    kindPasses(fact.kind, filter) &&
    topicsPass(fact.topics, filter) &&
    statusPasses(fact.kind === 'allegation' ? fact.status : undefined, filter) &&
    actorPasses(fact, filter) &&
    (!filter.ranges?.length || rangePasses(factRange(fact), filter))
  );
}
