// rif timeline: the facts a listing selects, along a time axis.
import { Command, Option } from 'commander';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import { boundsRange } from '../filter.js';
import type { Io } from '../io.js';
import type { ChalkInstance } from 'chalk';
import type { DayRange } from '../dates.js';
import { rendererFor, type Format } from '../render/format.js';
import { GROUPINGS, type Grouping } from '../render/grouping.js';
import { hitRows } from '../render/hits.js';
import { FIELD_NAMES } from '../render/record.js';
import { sortHits } from '../sort.js';
import { oneWord } from '../options.js';
import { selectHits, type ListingOptions } from './listing.js';
import type { Entry } from '../render/timeline-axis.js';
import { addOutputOptions, chartFormat, outputLook, pictureWidth, type PictureFormat } from './output.js';
import { addDataOptions, addFilterOptions } from './shared.js';

/** What each fact's record adds in a timeline, and the fields its lines print by default. */
const OWN_FIELDS = Object.freeze(['group', 'span'] as const);
const TIMELINE_FIELDS = Object.freeze(['group', 'kind', 'date', 'span', 'status', 'id', 'title']);

type TimelineOptions = ListingOptions & { readonly by?: Grouping };

export function timelineCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('timeline')
    .description('facts along a time axis, grouped by century, decade or year; spans drawn as bars')
    .argument('[query...]', 'optional words to search for')
    .addOption(
      new Option('--by <unit>', 'how to group the facts (default: the finest that makes at most 16 groups)').choices(GROUPINGS).argParser(oneWord(GROUPINGS)),
    );
  addFilterOptions(addOutputOptions(addDataOptions(cmd), { fields: [...FIELD_NAMES, ...OWN_FIELDS], human: 'drawn timeline', pictures: true }), io).addHelpText(
    'after',
    `
The listing flags choose the facts (with a query, --limit keeps the most relevant); the timeline
always runs in date order, newest first with --reverse. A fact falls in the group of the year it
starts. Without --by, the grouping is the finest of year, decade and century that puts the first and
the last of those years at most 16 groups apart (counting from --from or --in when given).
On a terminal: E event, T treaty, A allegation; a bar for each span (a treaty's time in force) on
one axis, cut to --from/--to/--in; ▶ marks a span that has not ended or runs on past the axis, ◀ one
that began before it. In a pipe: tab-separated group, kind, date, span, status, id, title. JSON:
each fact's record with its group and span. Markdown: a nested list to paste. SVG: the timeline as a
picture, --width columns of 10 pixels wide (800 by default). Mermaid: a gantt chart block for
GitHub, GitLab and Obsidian.

Examples:
  rif timeline --topic nuclear
  rif timeline --in 19th-century --by decade
  rif timeline caspian --markdown > caspian.md
  rif timeline --kind treaty | cut -f1,3,6
  rif timeline --topic nuclear --format table --width 120 | less -R
  rif timeline --kind treaty --in 19th-century --svg > treaties.svg
  rif timeline --topic caspian --mermaid >> notes.md`,
  );
  return cmd.action(async (words: string[], options: TimelineOptions) => {
    const format = chartFormat(options, io);
    const look = outputLook(options, io);
    const width = format === 'svg' ? pictureWidth(options, io) : look.width;
    // the drawn form and the Markdown list need what a head holds; records, the fields they print
    const picture = format === 'svg' || format === 'mermaid';
    if (picture && options.fields) throw new UsageError(`--fields chooses the fields of records; --format ${format} draws the timeline: drop --fields`);
    const listed = options.fields ?? (format === 'json' || format === 'ndjson' ? undefined : TIMELINE_FIELDS);
    const drawn = picture || (!options.fields && (format === 'table' || format === 'markdown'));
    const fields = drawn ? undefined : listed?.filter((f) => !(OWN_FIELDS as readonly string[]).includes(f));
    // whole records for JSON: not the bundled listing compiled at build time, which has no group or span
    const { query, hits } = await selectHits('list', words, options, io, { format: drawn || picture ? 'plain' : format, fields, whole: !drawn && !listed });
    // loaded on demand, like the table renderer: other commands never pay for it
    const { chooseGrouping, startYear, timelineEntries } = await import('../render/timeline.js');
    // the flags chose the facts (by relevance, with a query); a timeline shows them in date order
    const sorted = sortHits(hits, 'date', options.reverse);
    const facts = sorted.map((hit) => hit.fact);
    const bounds = boundsRange(options.from, options.to);
    const window = options.in ? { lo: Math.max(bounds.lo, options.in.lo), hi: Math.min(bounds.hi, options.in.hi) } : bounds;
    // the grouping fits the period asked for: under --in 2015, a war from 2011 must not make it decades
    const first = Number.isFinite(window.lo) ? Math.floor(window.lo / 10000) : -Infinity;
    const by = options.by ?? chooseGrouping(facts.map((fact) => Math.max(first, startYear(fact))));
    const entries = timelineEntries(facts, by);
    if (drawn) {
      if (entries.length) io.stdout(await drawnTimeline(format, { entries, by, window, width, chalk: look.chalk }));
    } else if (!picture) {
      const extra = (_: unknown, i: number) => ({ group: entries[i]!.group, span: entries[i]!.span });
      // JSON still prints its empty array, as the listings do, so a script always gets a document
      io.stdout((await rendererFor(format))(hitRows(sorted, { view: 'list', fields: listed, withScore: Boolean(query), chalk: look.chalk, extra }), look));
    }
    if (!entries.length) throw new NotFoundError(query ? `no facts match "${query}"` : 'no facts match these filters');
    done(EXIT.ok);
  });
}

interface Drawing {
  readonly entries: readonly Entry[];
  readonly by: Grouping;
  readonly window: DayRange;
  readonly width: number;
  readonly chalk: ChalkInstance;
}

/** The timeline drawn: on the terminal, as a Markdown list, as an SVG picture or a Mermaid block (each renderer loaded only for its form). */
async function drawnTimeline(format: Format | PictureFormat, { entries, by, window, width, chalk }: Drawing): Promise<string> {
  const title = `${entries.length} fact${entries.length === 1 ? '' : 's'} by ${by}`;
  if (format === 'svg') return (await import('../render/timeline-svg.js')).timelineSvg(entries, { columns: width, window, title });
  if (format === 'mermaid') return (await import('../render/mermaid.js')).timelineMermaid(entries, by, title);
  const { drawTimeline, timelineMarkdown } = await import('../render/timeline.js');
  return format === 'markdown' ? timelineMarkdown(entries) : drawTimeline(entries, by, { columns: width, chalk, window });
}
