// `rif timeline`: facts along a time axis, grouped by century, decade or year. People get the drawn form
// (kind letter, date, title, a bar on a shared axis), documents a nested Markdown list; the records
// (with each fact's group and span) print as every listing's do.
import type { ChalkInstance } from 'chalk';
import { visible } from '../control.js';
import { daysInMonth, firstDay, lastDay, parsePartialDate, type DayKey, type DayRange } from '../dates.js';
import type { FactHead } from '../facts/head.js';
import type { Fact, FactDate, Kind } from '../facts/types.js';
import { GLYPHS, kindColor, track, type Placement } from './bars.js';
import { formatDate, type Span } from './cells.js';
import { width, wrap } from './text.js';

import type { Grouping } from './grouping.js';

const YEARS: Readonly<Record<Grouping, number>> = Object.freeze({ century: 100, decade: 10, year: 1 });
/** The most groups an automatic --by makes: about one screen of headings. */
const MAX_GROUPS = 16;
/** Open spans are drawn to the present. The record runs to March 2026; a later date in the facts moves it on. */
const PRESENT_YEAR = 2026;
/** minTitle: the narrowest a title may be beside its date; minTitleBesideBars: and beside a bar, else the bars go */
const LAYOUT = Object.freeze({ indent: 2, gap: 2, barShare: 0.4, minBar: 12, maxBar: 60, naturalBar: 40, minTitle: 12, minTitleBesideBars: 24, tickRoom: 6 });
/** Columns kept after the bars for the last year label, which starts at its year: a four-digit year's last three. */
const LABEL_MARGIN = 3;
/** Years between axis labels: the smallest that leaves `tickRoom` columns per label. */
const TICK_STEPS = Object.freeze([1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]);

const KIND_LETTER: Readonly<Record<Kind, string>> = Object.freeze({ event: 'E', treaty: 'T', allegation: 'A' });

type Shown = Fact | FactHead;

export interface Entry {
  readonly fact: Shown;
  /** its group, named as `--in` names a period: 2015, 1820s, 19th-century */
  readonly group: string;
  readonly span: Span | null;
}

/**
 * The span a fact's bar draws: an event's or allegation's start to its end; a treaty's time in force,
 * from entry into force (signing when that is not recorded) to its end, open while in force now. A
 * treaty whose end is not recorded gets no bar, as with --in-force-at: rif cannot say how long it held.
 */
function spanOf(fact: Shown): Span | null {
  if (fact.kind === 'treaty') return fact.ended === null && !fact.in_force_now ? null : { start: fact.in_force ?? fact.signed, end: fact.ended };
  return fact.date.end === fact.date.start ? null : { start: fact.date.start, end: fact.date.end };
}

/** The year a fact starts, which places it in a group: a span counts where it begins, a treaty where it was signed. */
export const startYear = (fact: Shown): number => parsePartialDate(fact.date.start)!.year;

/** The finest grouping that makes at most MAX_GROUPS groups from the first year to the last, empty ones counted. */
export function chooseGrouping(years: readonly number[]): Grouping {
  const lo = years.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = years.reduce((a, b) => Math.max(a, b), -Infinity);
  return (['year', 'decade'] as const).find((by) => Math.floor(hi / YEARS[by]) - Math.floor(lo / YEARS[by]) < MAX_GROUPS) ?? 'century';
}

const ordinal = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/** The group of a year. A century is 1800–1899 for the 19th, as `--in 19th-century` reads it. */
export function groupOf(year: number, by: Grouping): string {
  const first = Math.floor(year / YEARS[by]) * YEARS[by];
  if (by === 'century') return `${ordinal(first / 100 + 1)}-century`;
  return `${String(first).padStart(4, '0')}${by === 'decade' ? 's' : ''}`;
}

const groupTitle = (group: string): string => group.replace('-century', ' century');

export function timelineEntries(facts: readonly Shown[], by: Grouping): Entry[] {
  return facts.map((fact) => ({ fact, group: groupOf(startYear(fact), by), span: spanOf(fact) }));
}

/** Runs of entries in the same group; the entries arrive in date order, so each group is one run. */
function groups(entries: readonly Entry[]): Entry[][] {
  const runs: Entry[][] = [];
  for (const entry of entries) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.group === entry.group) last.push(entry);
    else runs.push([entry]);
  }
  return runs;
}

const headDate = (fact: Shown): FactDate => ({ ...fact.date, note: null });

/** What a line adds after the title: a treaty's time in force, an allegation's status. */
function noteOf(fact: Shown): string {
  if (fact.kind === 'allegation') return fact.status;
  if (fact.kind !== 'treaty') return '';
  const parts = [
    ...(fact.in_force !== null && fact.in_force !== fact.signed ? [`in force ${fact.in_force}`] : []),
    ...(fact.ended !== null ? [`ended ${fact.ended}`] : fact.in_force_now ? ['in force now'] : []),
  ];
  return parts.join(', ');
}

// one line per item, and no character that Markdown would read as markup
const markdownText = (text: string): string => visible(text.replace(/[\t\r\n]+/g, ' ')).replace(/[\\`*_[\]<>#|]/g, '\\$&');

/** A nested list: one item per group, one sub-item per fact with its kind and note in parentheses. */
export function timelineMarkdown(entries: readonly Entry[]): string {
  return groups(entries)
    .map((run) => {
      const items = run.map(({ fact }) => {
        const note = noteOf(fact);
        return `  - ${formatDate(headDate(fact), true)}: ${markdownText(fact.title)} (${fact.kind}${note ? `; ${note}` : ''})\n`;
      });
      return `- **${groupTitle(run[0]!.group)}**\n${items.join('')}`;
    })
    .join('');
}

export interface DrawOptions {
  /** terminal width; 0 when unknown, and lines take their natural width */
  readonly columns: number;
  readonly chalk: ChalkInstance;
  /** the --from/--to/--in range (open sides infinite): the axis is cut to it */
  readonly window: DayRange;
}

/**
 * The axis: the days the facts cover (cut to the window), for telling whether a bar runs past an edge;
 * and the fractional years the columns measure, which start at a round year so the labels read as a ruler.
 */
interface Axis {
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
function makeAxis(entries: readonly Entry[], window: DayRange, cells: number): Axis {
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
  const step = TICK_STEPS.find((s) => (s * cells) / (to - yearsAt(lo)) >= LAYOUT.tickRoom) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  // back to a round year, but not before the window: --in 19th-century starts at 1800, not at its first fact
  const from = Math.max(Number.isFinite(window.lo) ? yearsAt(window.lo) : -Infinity, Math.floor(yearsAt(lo) / step) * step);
  return { lo, hi, from, to, step, present };
}

function placement(entry: Entry, axis: Axis, cells: number): Placement {
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
function ticks(axis: Axis, cells: number): string {
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
const widest = (texts: readonly string[]): number => texts.reduce((a, t) => Math.max(a, width(t)), 0);

/** The drawn timeline: an axis of years, a heading per group, a line per fact, then a legend. */
export function drawTimeline(entries: readonly Entry[], by: Grouping, options: DrawOptions): string {
  const { chalk, columns } = options;
  const { indent, gap } = LAYOUT;
  const dates = entries.map(({ fact }) => formatDate(headDate(fact), true));
  const texts = entries.map(({ fact }) => {
    const note = noteOf(fact);
    const title = visible(fact.title.replace(/[\t\r\n]+/g, ' '));
    return { title, text: `${title}${note ? ` (${note})` : ''}` };
  });
  const dateWidth = widest(dates);
  const left = indent + 2 + dateWidth + gap;
  const free = columns - left;
  const fitted = Math.min(LAYOUT.maxBar, Math.floor(free * LAYOUT.barShare));
  // too narrow for a title beside its date: the title goes under it, and there is no room for bars
  const stacked = columns > 0 && free < LAYOUT.minTitle;
  const roomForBars = fitted >= LAYOUT.minBar && free - fitted - gap - LABEL_MARGIN >= LAYOUT.minTitleBesideBars;
  const cells = columns === 0 ? LAYOUT.naturalBar : !stacked && roomForBars ? fitted : 0;
  const titleLeft = stacked ? indent + 2 : left;
  const titleWidth = columns === 0 ? widest(texts.map((t) => t.text)) : Math.max(1, columns - titleLeft - (cells ? cells + gap + LABEL_MARGIN : 0));
  const axis = cells ? makeAxis(entries, options.window, cells) : undefined;

  const out: string[] = [];
  if (axis) out.push(chalk.dim(' '.repeat(left + titleWidth + gap) + ticks(axis, cells)));
  let k = 0;
  for (const run of groups(entries)) {
    if (out.length) out.push('');
    out.push(`${chalk.bold(groupTitle(run[0]!.group))}${chalk.dim(`  ${run.length} fact${run.length === 1 ? '' : 's'}`)}`);
    for (const entry of run) {
      const paint = kindColor(chalk, entry.fact.kind);
      const { title, text } = texts[k]!;
      const date = dates[k++]!;
      const head = `${' '.repeat(indent)}${paint.bold(KIND_LETTER[entry.fact.kind])} ${date}${' '.repeat(dateWidth - width(date) + gap)}`;
      const lines = columns === 0 ? [{ text, offset: 0 }] : wrap(text, titleWidth);
      if (stacked) out.push(head.trimEnd());
      lines.forEach((line, i) => {
        // the note after the title is dimmed: wrap keeps source offsets, so the title's end can be found on any line
        const cut = Math.max(0, Math.min(line.text.length, title.length - line.offset));
        const shown = line.text.slice(0, cut) + (cut < line.text.length ? chalk.dim(line.text.slice(cut)) : '');
        if (i > 0 || !axis) return out.push(`${i === 0 && !stacked ? head : ' '.repeat(titleLeft)}${shown}`);
        const bar = track(placement(entry, axis, cells), cells);
        const lead = bar.length - bar.trimStart().length;
        out.push(`${head}${shown}${' '.repeat(Math.max(0, titleWidth - width(line.text)) + gap + lead)}${paint(bar.slice(lead))}`);
      });
    }
  }
  out.push('', ...legend(entries.length, by, cells > 0, columns).map((l) => chalk.dim(l)));
  return `${out.join('\n')}\n`;
}

function legend(count: number, by: Grouping, bars: boolean, columns: number): string[] {
  const parts = [
    `${count} fact${count === 1 ? '' : 's'} by ${by}`,
    `${KIND_LETTER.event} event, ${KIND_LETTER.treaty} treaty, ${KIND_LETTER.allegation} allegation`,
    ...(bars
      ? [
          `${GLYPHS.full} span (a treaty's time in force), ${GLYPHS.point} one date, ${GLYPHS.after} not ended or past the axis, ${GLYPHS.before} began before it`,
        ]
      : []),
  ];
  const one = parts.join(' · ');
  return columns === 0 || width(one) <= columns ? [one] : parts.flatMap((part) => wrap(part, columns).map((l) => l.text));
}
