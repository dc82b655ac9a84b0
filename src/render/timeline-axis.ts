// The time axis of a drawn timeline: the span it covers, where each fact's bar falls in the columns, and
// the year labels, each starting in the column where its year begins.
import { daysInMonth, firstDay, lastDay, parsePartialDate, type DayKey, type DayRange } from '../dates.js';
import type { FactHead } from '../facts/head.js';
import type { Fact } from '../facts/types.js';
import type { Placement } from './bars.js';
import type { Span } from './cells.js';

/** Years between axis labels: the smallest that leaves `tickRoom` columns per label. */
const TICK_STEPS = Object.freeze([1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]);

/** Columns kept after the bars for the last year label, which starts at its year: a four-digit year's last three. */
export const LABEL_MARGIN = 3;

/** Columns a year label needs: the labels are at least this far apart. */
const TICK_ROOM = 6;

/** Open spans are drawn to the present. The record runs to March 2026; a later date in the facts moves it on. */
const PRESENT_YEAR = 2026;

export type Shown = Fact | FactHead;

export interface Entry {
  readonly fact: Shown;
  /** its group, named as `--in` names a period: 2015, 1820s, 19th-century */
  readonly group: string;
  readonly span: Span | null;
}

/**
 * The axis: the days the facts cover (cut to the window), for telling whether a bar runs past an edge;
 * and the fractional years the columns measure, which start at a round year so the labels read as a ruler.
 */
export interface Axis {
  readonly lo: DayKey;
  readonly hi: DayKey;
  readonly from: number;
  readonly to: number;
  /** years between labels */
  readonly step: number;
  readonly present: DayKey;
}

/** A day as a fractional year: its start, or its end with `after`. Only for scaling to columns. */
function yearsAt(day: DayKey, after = false): number {
  const year = Math.floor(day / 10000);
  const month = Math.floor(day / 100) % 100;
  const days = (day % 100) - (after ? 0 : 1);
  return year + (month - 1 + days / daysInMonth(year, month)) / 12;
}

/** The days a fact covers on the axis: its bar's span (to the present when open), or its one date. */
function reach(entry: Entry, present: DayKey): DayRange {
  const { span, fact } = entry;
  if (!span) return { lo: firstDay(parsePartialDate(fact.date.start)!), hi: lastDay(parsePartialDate(fact.date.start)!) };
  return { lo: firstDay(parsePartialDate(span.start)!), hi: span.end === null ? present : lastDay(parsePartialDate(span.end)!) };
}

/** From the first day to the last any fact covers, cut to the window the filters asked for. */
export function makeAxis(entries: readonly Entry[], window: DayRange, cells: number): Axis {
  const known = entries.flatMap(({ fact, span }) => [fact.date.start, fact.date.end, span?.end ?? null]).filter((d): d is string => d !== null);
  const present = known.reduce((a, d) => Math.max(a, lastDay(parsePartialDate(d)!)), lastDay({ year: PRESENT_YEAR, precision: 'year' }));
  const reaches = entries.map((e) => reach(e, present));
  const lo = Math.max(
    window.lo,
    reaches.reduce((a, r) => Math.min(a, r.lo), Infinity),
  );
  const hi = Math.max(
    lo,
    Math.min(
      window.hi,
      reaches.reduce((a, r) => Math.max(a, r.hi), -Infinity),
    ),
  );
  const to = yearsAt(hi, true);
  const step = TICK_STEPS.find((s) => (s * cells) / (to - yearsAt(lo)) >= TICK_ROOM) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  // back to a round year, but not before the window: --in 19th-century starts at 1800, not at its first fact
  const from = Math.max(Number.isFinite(window.lo) ? yearsAt(window.lo) : -Infinity, Math.floor(yearsAt(lo) / step) * step);
  return { lo, hi, from, to, step, present };
}

export function placement(entry: Entry, axis: Axis, cells: number): Placement {
  const r = reach(entry, axis.present);
  const scale = cells / (axis.to - axis.from);
  const from = Math.floor((yearsAt(Math.max(r.lo, axis.lo)) - axis.from) * scale);
  const to = entry.span ? Math.ceil((yearsAt(Math.min(r.hi, axis.hi), true) - axis.from) * scale) - 1 : from;
  const span = entry.span !== null;
  return { from, to, span, before: span && r.lo < axis.lo, after: span && (entry.span.end === null || r.hi > axis.hi) };
}

/**
 * Year labels over the bars, each starting in the column where its year begins, never moved to fit: the
 * last may run on into the margin kept after the bars. One that would touch the label before it, or run
 * past the margin, is left out.
 */
export function ticks(axis: Axis, cells: number): string {
  const perYear = cells / (axis.to - axis.from);
  let line = '';
  for (let year = Math.ceil(axis.from / axis.step) * axis.step; year <= axis.to; year += axis.step) {
    const label = String(year);
    const at = Math.floor((year - axis.from) * perYear);
    if (at >= (line ? line.length + 1 : 0) && at + label.length <= cells + LABEL_MARGIN) line = line.padEnd(at) + label;
  }
  return line || String(Math.floor(axis.from));
}

// reduce, not Math.max(...): a spread of 100,000 arguments overflows the stack
