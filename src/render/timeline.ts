// `rif timeline`: facts along a time axis, grouped by century, decade or year. People get the drawn form
// (kind letter, date, title, a bar on a shared axis), documents a nested Markdown list; the records
// (with each fact's group and span) print as every listing's do.
import type { ChalkInstance } from 'chalk';
import { visible } from '../control.js';
import { parsePartialDate, type DayRange } from '../dates.js';
import type { FactDate, Kind } from '../facts/types.js';
import { GLYPHS, kindColor, track } from './bars.js';
import { formatDate, type Span } from './cells.js';
import { LABEL_MARGIN, makeAxis, placement, ticks, type Entry, type Shown } from './timeline-axis.js';
import { width, wrap } from './text.js';

export type { Entry } from './timeline-axis.js';

import type { Grouping } from './grouping.js';

const YEARS: Readonly<Record<Grouping, number>> = Object.freeze({ century: 100, decade: 10, year: 1 });
/** The most groups an automatic --by makes: about one screen of headings. */
const MAX_GROUPS = 16;
/** minTitle: the narrowest a title may be beside its date; minTitleBesideBars: and beside a bar, else the bars go */
const LAYOUT = Object.freeze({ indent: 2, gap: 2, barShare: 0.4, minBar: 12, maxBar: 60, naturalBar: 40, minTitle: 12, minTitleBesideBars: 24 });

const KIND_LETTER: Readonly<Record<Kind, string>> = Object.freeze({ event: 'E', treaty: 'T', allegation: 'A' });

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
