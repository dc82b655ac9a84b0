// The counts of `rif stats` as charts: a name and its keys with their counts, in the order they print.
// The four charts of a whole tally, one chart for --by, and empty stretches of time folded into one line.
import { parsePartialDate } from '../dates.js';
import type { FactHead } from '../facts/head.js';
import { KINDS, STATUSES, type Fact } from '../facts/types.js';
import type { StatsBy } from './stats-keys.js';

export interface Chart {
  /** the section: kind, topic, status, decade, … */
  readonly name: string;
  readonly counts: readonly (readonly [key: string, count: number])[];
  /** what the chart says when every count is 0 */
  readonly none: string;
  /** how many keys --top left out (the smaller counts of topics, actors or places) */
  readonly more?: number;
}

export const NONE: Readonly<Record<StatsBy, string>> = Object.freeze({
  kind: 'no facts',
  topic: 'no topics',
  status: 'no allegations',
  decade: 'no dates',
  century: 'no dates',
  year: 'no dates',
  actor: 'no actors',
  place: 'no places',
});

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const SPAN: Readonly<Partial<Record<StatsBy, number>>> = Object.freeze({ year: 1, decade: 10, century: 100 });

const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
/** A period as `--in` names it: 1828, 1820s, 19th-century. */
function periodName(first: number, by: StatsBy): string {
  if (by === 'century') return `${ordinal(first / 100 + 1)}-century`;
  return `${String(first).padStart(4, '0')}${by === 'decade' ? 's' : ''}`;
}

/** The keys a fact counts under for --by: a fact counts once under each of its topics, actors and places. */
function keysOf(fact: Fact | FactHead, by: StatsBy): string[] {
  switch (by) {
    case 'kind':
      return [fact.kind];
    case 'status':
      return fact.kind === 'allegation' ? [fact.status] : [];
    case 'topic':
      return [...new Set(fact.topics)];
    case 'actor':
      return [...new Set(fact.actors)];
    case 'place':
      return 'places' in fact ? [...new Set(fact.places)] : [];
    default:
      return [];
  }
}

/**
 * The one chart of --by. Kinds and statuses are all listed, 0 where none; topics, actors and places most
 * first, ties by name; years, decades and centuries in order with every period between the first and
 * the last (from `since`, the first year of --from or --in, when given), a fact counting where it starts.
 */
export function chartBy(facts: readonly (Fact | FactHead)[], by: StatsBy, since = -Infinity): Chart {
  const span = SPAN[by];
  if (span !== undefined) {
    const counts = new Map<number, number>();
    for (const fact of facts) {
      const first = Math.floor(parsePartialDate(fact.date.start)!.year / span) * span;
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
    const present = [...counts.keys()].sort((a, b) => a - b);
    const fillFrom = Math.max(present[0] ?? Infinity, Math.floor(since / span) * span);
    const out: [string, number][] = present.filter((p) => p < fillFrom).map((p) => [periodName(p, by), counts.get(p)!]);
    for (let p = fillFrom; p <= (present.at(-1) ?? -Infinity); p += span) out.push([periodName(p, by), counts.get(p) ?? 0]);
    return { name: by, counts: out, none: NONE[by] };
  }
  const counts = new Map<string, number>(by === 'kind' ? KINDS.map((k) => [k, 0]) : by === 'status' ? STATUSES.map((s) => [s, 0]) : []);
  for (const fact of facts) for (const key of keysOf(fact, by)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const fixed = by === 'kind' || by === 'status';
  return { name: by, counts: fixed ? [...counts] : [...counts].sort((a, b) => b[1] - a[1] || byName(a[0], b[0])), none: NONE[by] };
}

/** The charts --top cuts: their keys are open-ended, most first; kinds, statuses and periods are whole. */
const NAMED: ReadonlySet<string> = new Set(['topic', 'actor', 'place']);

/** A chart of topics, actors or places with its `top` largest counts, and how many keys that leaves out; other charts whole. */
export function topped(chart: Chart, top: number | undefined): Chart {
  if (top === undefined || !NAMED.has(chart.name) || chart.counts.length <= top) return chart;
  return { ...chart, counts: chart.counts.slice(0, top), more: chart.counts.length - top };
}

/** What a chart cut by --top says under its bars: "and 843 more actors". */
export const moreText = (chart: Chart): string | undefined => (chart.more ? `and ${chart.more} more ${chart.name}${chart.more === 1 ? '' : 's'}` : undefined);

/** Past this many lines, the decade chart of the four is drawn by century: the whole record would be over 40. */
export const MAX_DRAWN_DECADES = 20;

/**
 * The decade chart of the four (rif stats without --by) as the drawn forms show it: by century when its
 * decades, runs of empty ones folded, would still be more than MAX_DRAWN_DECADES lines; the data forms
 * keep every decade, and --by decade draws them.
 */
export function drawnDecades(chart: Chart, facts: readonly (Fact | FactHead)[], since = -Infinity): Chart {
  return chart.name === 'decade' && folded(chart).counts.length > MAX_DRAWN_DECADES ? chartBy(facts, 'century', since) : chart;
}

/** Runs of this many empty periods or more are one line: a chart of the whole record is not 51 rows, mostly zeros. */
const FOLD_FROM = 2;

/** A chart of periods with each long run of empty ones folded into one line, "1530s–1590s 0"; other charts as they are. */
export function folded(chart: Chart): Chart {
  if (!['decade', 'century', 'year'].includes(chart.name)) return chart;
  const out: (readonly [string, number])[] = [];
  for (let i = 0; i < chart.counts.length;) {
    let j = i;
    while (j < chart.counts.length && chart.counts[j]![1] === 0) j++;
    if (j - i >= FOLD_FROM) {
      out.push([`${chart.counts[i]![0]}–${chart.counts[j - 1]![0]}`, 0]);
      i = j;
    } else out.push(chart.counts[i++]!);
  }
  return { ...chart, counts: out };
}
