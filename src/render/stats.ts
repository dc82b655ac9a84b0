// `rif stats`: how many facts of each kind, topic, status and decade. Bar charts on a terminal,
// tab-separated lines in a pipe, one JSON document for scripts.
import type { ChalkInstance } from 'chalk';
import { visible } from '../control.js';
import { parsePartialDate } from '../dates.js';
import type { FactHead } from '../facts/head.js';
import { KINDS, STATUSES, type Fact, type Kind, type Status } from '../facts/types.js';
import { countBar, kindColor } from './bars.js';
import { renderJson } from './json.js';
import { MAX_DRAWN_DECADES, moreText, NONE, type Chart } from './stats-by.js';
import type { StatsBy } from './stats-keys.js';
import { width, wrap } from './text.js';

/** The JSON document, keys in the order they print. */
export interface Stats {
  readonly total: number;
  /** the date the bundled record is complete to, when the bundled facts are counted; else null */
  readonly as_of: string | null;
  /** every kind, 0 when none */
  readonly kinds: Readonly<Record<Kind, number>>;
  /** the topics the facts carry, most first, ties by name; a fact counts once under each of its topics */
  readonly topics: Readonly<Record<string, number>>;
  /** every status, 0 when none: allegations only */
  readonly statuses: Readonly<Record<Status, number>>;
  /** "1820s": a span counts where it starts; every decade to the last, 0 for an empty one (see tally) */
  readonly decades: Readonly<Record<string, number>>;
}

const LAYOUT = Object.freeze({ indent: 2, gap: 2, maxBar: 50, minBar: 8, naturalBar: 40 });

const decadeName = (decade: number): string => `${String(decade).padStart(4, '0')}s`;
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The counts. A fact counts in the decade it starts, so each of kinds and decades sums to the total
 * and statuses to the allegations; a span of 30 years is one fact, not three. Empty decades are filled
 * in from `since` (the first year of --from or --in) when given: a war begun in 1828 that --in
 * 20th-century selects counts in the 1820s, without eight empty decades after it.
 */
export function tally(facts: readonly (Fact | FactHead)[], since = -Infinity, asOf: string | null = null): Stats {
  const kinds = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const topics = new Map<string, number>();
  const decades = new Map<number, number>();
  for (const fact of facts) {
    kinds[fact.kind] += 1;
    if (fact.kind === 'allegation') statuses[fact.status] += 1;
    for (const topic of new Set(fact.topics)) topics.set(topic, (topics.get(topic) ?? 0) + 1);
    const decade = Math.floor(parsePartialDate(fact.date.start)!.year / 10) * 10;
    decades.set(decade, (decades.get(decade) ?? 0) + 1);
  }
  const present = [...decades.keys()].sort((a, b) => a - b);
  const fillFrom = Math.max(present[0] ?? Infinity, Math.floor(since / 10) * 10);
  const last = present[present.length - 1] ?? -Infinity;
  const everyDecade: [string, number][] = present.filter((d) => d < fillFrom).map((d) => [decadeName(d), decades.get(d)!]);
  // a decade with no facts is a gap worth seeing, so the range is filled in
  for (let d = fillFrom; d <= last; d += 10) everyDecade.push([decadeName(d), decades.get(d) ?? 0]);
  return {
    total: facts.length,
    as_of: asOf,
    kinds,
    topics: Object.fromEntries([...topics].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))),
    statuses,
    decades: Object.fromEntries(everyDecade),
  };
}

/** What every form of the counts says first: how many facts, and the bundled record's date when it is counted. */
export interface Totals {
  readonly total: number;
  readonly as_of: string | null;
}

/** The document of --by: the counts of the one chart, keys in the order they print. */
export const byJson = (totals: Totals, chart: Chart): string =>
  renderJson({ total: totals.total, as_of: totals.as_of, by: chart.name, counts: Object.fromEntries(chart.counts) });

/** The document of the four counts, its topics as the topic chart has them (the largest, with --top). */
export const statsJson = (stats: Stats, charts: readonly Chart[]): string =>
  renderJson({ ...stats, topics: Object.fromEntries(charts.find((c) => c.name === 'topic')?.counts ?? Object.entries(stats.topics)) });

/** The four charts of a tally, in the order they print. */
export function chartsOf(stats: Stats): Chart[] {
  const chart = (name: StatsBy, counts: Readonly<Record<string, number>>): Chart => ({ name, counts: Object.entries(counts), none: NONE[name] });
  return [chart('kind', stats.kinds), chart('topic', stats.topics), chart('status', stats.statuses), chart('decade', stats.decades)];
}

/** One record per line of the counts: ("total", "facts", N), ("record", "as_of", date) when the bundled facts are counted, then each count. */
export function statsRecords(totals: Totals, charts: readonly Chart[]): { section: string; key: string; value: number | string }[] {
  return [
    { section: 'total', key: 'facts', value: totals.total },
    ...(totals.as_of ? [{ section: 'record', key: 'as_of', value: totals.as_of }] : []),
    ...charts.flatMap((c) => c.counts.map(([key, n]) => ({ section: c.name, key, value: n }))),
  ];
}

const mdCell = (text: string): string => visible(text).replace(/[\\|]/g, '\\$&');

/** A line saying how many facts, then a Markdown table per section, as the charts show them. */
export function statsMarkdown(totals: Totals, charts: readonly Chart[]): string {
  const out = [`**${totals.total} fact${totals.total === 1 ? '' : 's'}**${totals.as_of ? ` (the bundled record is complete to ${totals.as_of})` : ''}`];
  for (const chart of charts) {
    out.push('', `| ${chart.name} | facts |`, '| --- | ---: |', ...chart.counts.map(([key, n]) => `| ${mdCell(key)} | ${n} |`));
    const more = moreText(chart);
    if (more) out.push('', `${more[0]!.toUpperCase()}${more.slice(1)}.`);
  }
  return `${out.join('\n')}\n`;
}

export interface DrawOptions {
  /** terminal width; 0 when unknown, and bars take a natural width */
  readonly columns: number;
  readonly chalk: ChalkInstance;
}

/** A bar chart per section, each scaled to its own largest count; labels and counts aligned across all. */
export function drawStats(totals: Totals, charts: readonly Chart[], options: DrawOptions): string {
  const { chalk, columns } = options;
  const { indent, gap } = LAYOUT;
  const all = charts.flatMap((c) => c.counts);
  const labelWidth = all.reduce((a, [key]) => Math.max(a, width(visible(key))), 0);
  const countWidth = String(all.reduce((a, [, n]) => Math.max(a, n), 0)).length;
  const room = columns - (indent + labelWidth + gap + countWidth + gap);
  const cells = columns === 0 ? LAYOUT.naturalBar : Math.min(LAYOUT.maxBar, room) >= LAYOUT.minBar ? Math.min(LAYOUT.maxBar, room) : 0;
  const paint = (chart: Chart, key: string): ChalkInstance =>
    chart.name === 'kind' ? kindColor(chalk, key as Kind) : chart.name === 'status' ? kindColor(chalk, 'allegation') : chalk.blue;

  const fitted = (text: string): string[] => (columns > 0 ? wrap(text, columns).map((l) => l.text) : [text]).map((l) => chalk.dim(l));
  const out = [
    chalk.bold(`${totals.total} fact${totals.total === 1 ? '' : 's'}`),
    ...(totals.as_of ? fitted(`The bundled record is complete to ${totals.as_of}.`) : []),
  ];
  for (const chart of charts) {
    const max = chart.counts.reduce((a, [, n]) => Math.max(a, n), 0);
    out.push('', chalk.bold(`by ${chart.name}`));
    if (max === 0) {
      out.push(chalk.dim(`${' '.repeat(indent)}${chart.none}`));
      continue;
    }
    for (const [key, n] of chart.counts) {
      const label = visible(key);
      const bar = cells ? paint(chart, key)(countBar(n, max, cells)) : '';
      out.push(
        `${' '.repeat(indent)}${label}${' '.repeat(labelWidth - width(label) + gap)}${String(n).padStart(countWidth)}${bar ? ' '.repeat(gap) + bar : ''}`,
      );
    }
    const more = moreText(chart);
    if (more) out.push(chalk.dim(`${' '.repeat(indent)}${more}`));
  }
  const footnote = footnoteOf(charts);
  if (footnote) out.push('', ...fitted(footnote));
  return `${out.join('\n')}\n`;
}

/** What the charts need said: where a span counts, how multiple topics count, what a folded line is. */
function footnoteOf(charts: readonly Chart[]): string {
  const names = charts.map((c) => c.name);
  const period = names.find((n) => n === 'decade' || n === 'century' || n === 'year');
  const many = names.filter((n) => n === 'topic' || n === 'actor' || n === 'place');
  const folded = charts.some((c) => c.counts.some(([key, n]) => n === 0 && key.includes('–')));
  const parts = [
    ...(period ? [`A span counts in the ${period} it starts`] : []),
    ...(many.length ? [`a fact counts once under each of its ${many.map((n) => `${n}s`).join(' and ')}`] : []),
    ...(folded ? [`a range of ${period}s with no facts is one line`] : []),
    // the four charts draw their decades by century past MAX_DRAWN_DECADES (drawnDecades)
    ...(charts.length > 1 && period === 'century'
      ? [`more than ${MAX_DRAWN_DECADES} lines of decades are drawn by century (--by decade draws each decade)`]
      : []),
  ];
  return parts.length ? `${parts.join('; ').replace(/^a/, 'A')}.` : '';
}
