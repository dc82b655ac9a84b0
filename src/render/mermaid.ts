// `--format mermaid`: Markdown's diagram blocks, which GitHub, GitLab and Obsidian draw where they show
// the Markdown. A timeline is a gantt chart (spans as bars, single dates as milestones, a section per
// group); each count of `rif stats` is a bar chart.
import { firstDay, lastDay, parsePartialDate, type DayKey } from '../dates.js';
import type { Grouping } from './grouping.js';
import { makeAxis, type Entry } from './timeline-axis.js';

const fence = (lines: readonly string[]): string => `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\`\n`;

/**
 * Text on one line that Mermaid reads as text: a colon ends a gantt task's name and a semicolon a
 * statement, "#" starts an entity and "%%" a comment, quotes end a label, and angle brackets would be
 * read as HTML where labels allow it.
 */
const mermaidText = (text: string): string =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s*:\s*/g, ' – ')
    .replace(/%%+/g, '%')
    .replace(/[;#"<>]/g, (c) => ({ ';': ',', '#': 'no. ', '"': "'", '<': '‹', '>': '›' })[c]!)
    .replace(/\s+/g, ' ')
    .trim();

const isoDay = (day: DayKey): string =>
  `${String(Math.floor(day / 10000)).padStart(4, '0')}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;

/** The gantt tags that colour a kind: treaties as active tasks, allegations as critical ones, events plain. */
const TAGS = Object.freeze({ event: '', treaty: 'active, ', allegation: 'crit, ' });

export function timelineMermaid(entries: readonly Entry[], by: Grouping, title: string): string {
  // a span that has not ended runs to the present the drawn timeline uses, so nothing depends on today
  const present = makeAxis(entries, { lo: -Infinity, hi: Infinity }, 1).present;
  const lines = ['gantt', `    title ${mermaidText(title)}`, '    dateFormat YYYY-MM-DD', `    axisFormat %Y`];
  let group: string | undefined;
  for (const { fact, group: name, span } of entries) {
    if (name !== group) lines.push(`    section ${mermaidText(by === 'century' ? name.replace('-century', ' century') : name)}`);
    group = name;
    const tags = TAGS[fact.kind];
    const start = firstDay(parsePartialDate(span?.start ?? fact.date.start)!);
    if (!span) lines.push(`    ${mermaidText(fact.title)} :${tags}milestone, ${isoDay(start)}, 0d`);
    else lines.push(`    ${mermaidText(fact.title)} :${tags}${isoDay(start)}, ${isoDay(span.end === null ? present : lastDay(parsePartialDate(span.end)!))}`);
  }
  return fence(lines);
}

export interface CountsChart {
  readonly title: string;
  readonly counts: readonly (readonly [string, number])[];
  /** names (topics, actors, places) down the side, where long ones can be read; else along the bottom */
  readonly horizontal?: boolean;
}

/** A bar chart per count: its keys along the bottom (or down the side), the facts up the side (or along). */
export function countsMermaid(charts: readonly CountsChart[]): string {
  return charts
    .filter((chart) => chart.counts.length)
    .map(({ title, counts, horizontal }) =>
      fence([
        horizontal ? 'xychart-beta horizontal' : 'xychart-beta',
        `    title "${mermaidText(title)}"`,
        `    x-axis [${counts.map(([key]) => `"${mermaidText(key)}"`).join(', ')}]`,
        `    y-axis "facts" 0 --> ${Math.max(1, ...counts.map(([, n]) => n))}`,
        `    bar [${counts.map(([, n]) => n).join(', ')}]`,
      ]),
    )
    .join('\n');
}
