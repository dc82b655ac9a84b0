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
  /** treaties in force on some day of this range (--in-force-at); other kinds never pass */
  readonly inForceAt?: DayRange | undefined;
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

/**
 * The days a treaty binds its parties: from its entry into force (its signing when that date is not
 * known) to the day before it ended, open while it is in force now; undefined when its end is not
 * recorded (rif cannot say it was in force) and for other kinds. An end known only to the month or year
 * counts to that period's last day: the treaty may have held until then.
 */
export function inForceRange(head: FactHead): DayRange | undefined {
  if (head.kind !== 'treaty') return undefined;
  const start = parsePartialDate(head.in_force ?? head.signed)!;
  if (head.ended === null) return head.in_force_now ? { lo: firstDay(start), hi: Infinity } : undefined;
  const end = parsePartialDate(head.ended)!;
  // a DayKey minus one compares as the day before, even across a month's end (18280301 - 1 sorts after 18280229)
  return { lo: firstDay(start), hi: end.precision === 'day' ? firstDay(end) - 1 : lastDay(end) };
}

export function inForcePasses(head: FactHead, filter: Filter): boolean {
  if (!filter.inForceAt) return true;
  const range = inForceRange(head);
  return range !== undefined && overlaps(range, filter.inForceAt);
}

/** Whether the filter lets every fact pass. */
export const passesAll = (filter: Filter): boolean =>
  !filter.ranges?.length && !filter.topics?.length && !filter.kinds?.length && filter.actor === undefined && !filter.statuses?.length && !filter.inForceAt;

export const kindPasses = (kind: Kind, filter: Filter): boolean => !filter.kinds?.length || filter.kinds.includes(kind);

export const statusPasses = (status: Status | undefined, filter: Filter): boolean =>
  !filter.statuses?.length || (status !== undefined && filter.statuses.includes(status));

const topicsPass = (topics: readonly string[], filter: Filter): boolean => !filter.topics?.length || topics.some((t) => filter.topics!.includes(t));

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
    inForcePasses(fact, filter) &&
    (!filter.ranges?.length || rangePasses(factRange(fact), filter))
  );
}
