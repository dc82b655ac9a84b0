// rif stats: counts of the facts a listing selects, by kind, topic, status and decade, or by one key (--by).
import { Command, Option } from 'commander';
import { EXIT, NotFoundError } from '../errors.js';
import { boundsRange } from '../filter.js';
import type { Io } from '../io.js';
import { BUNDLED_STORE_DIR } from '../paths.js';
import { readRecordInfo } from '../record.js';
import type { Kind } from '../facts/types.js';
import { kindColor } from '../render/bars.js';
import { columnsOf, recordRows, rendererFor } from '../render/format.js';
import { STATS_BY, type StatsBy } from '../render/stats-keys.js';
import { oneWord, parseLimit } from '../options.js';
import { selectHits, type ListingOptions } from './listing.js';
import { addOutputOptions, chartFormat, outputLook, pictureWidth } from './output.js';
import { addDataOptions, addFilterOptions } from './shared.js';

type StatsOptions = ListingOptions & { readonly by?: StatsBy; readonly top?: number };

/** How many topics, actors or places a picture shows without --top: 868 actors are not a picture. */
const PICTURE_TOP = 25;

export function statsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('stats')
    .description('counts by kind, topic, status and decade (or --by one of them, a century, a year, an actor or a place): bar charts, SVG, Mermaid, JSON')
    .argument('[query...]', 'optional words to search for')
    .addOption(new Option('--by <key>', 'one count instead of four').choices(STATS_BY).argParser(oneWord(STATS_BY)))
    .addOption(
      new Option('--top <n>', `only the n largest counts of topics, actors and places (SVG and Mermaid: ${PICTURE_TOP} without it)`).argParser(parseLimit),
    );
  addFilterOptions(addOutputOptions(addDataOptions(cmd), { human: 'bar charts', pictures: true }), io).addHelpText(
    'after',
    `
The listing flags choose the facts that are counted; with a query, those the search returns (at most
60). A fact counts in the period it starts, so the periods add up to the total; it counts once under
each of its topics, actors and places. Each chart is scaled to its own largest count. In the charts
(on a terminal, Markdown, SVG and Mermaid) two or more empty periods in a row are one line,
"1530s–1590s 0", and a decade chart of more than 20 lines is drawn by century (--by decade
draws each decade).
--top N keeps the N largest counts of topics, actors and places in every form; SVG and Mermaid keep
${PICTURE_TOP} without it. In a pipe: one line per count, three fields separated by tabs (section, key, count:
"decade", "1820s", "6"), after the total ("total", "facts", N) and, when the bundled facts are counted,
the date the bundled record is complete to ("record", "as_of", date). TSV and CSV are the same rows
under a header (section, key, value), NDJSON one object per row, JSON one document {total, as_of,
kinds, topics, statuses, decades} (with --by: {total, as_of, by, counts}), Markdown a table per chart,
SVG the charts as a picture (--width columns of 10 pixels), Mermaid a bar chart block per count.

Examples:
  rif stats
  rif stats --topic nuclear                how busy was each decade
  rif stats --by century --svg > centuries.svg
  rif stats --kind allegation --json | jq .statuses
  rif stats --by actor --top 10 --csv
  rif stats --in 19th-century | grep ^topic
  rif stats --topic nuclear --markdown >> notes.md`,
  );
  return cmd.action(async (words: string[], options: StatsOptions) => {
    const format = chartFormat(options, io);
    const look = outputLook(options, io);
    const pictureColumns = format === 'svg' ? pictureWidth(options, io) : undefined;
    // places are not in a fact's head: counting them reads the whole facts
    const { query, hits } = await selectHits('list', words, options, io, { format: 'plain', whole: options.by === 'place' });
    const since = Math.max(boundsRange(options.from, options.to).lo, options.in?.lo ?? -Infinity);
    const first = Number.isFinite(since) ? Math.floor(since / 10000) : -Infinity;
    // loaded on demand, like the table renderer: other commands never pay for it
    const [render, { chartBy, drawnDecades, folded, topped }] = await Promise.all([import('../render/stats.js'), import('../render/stats-by.js')]);
    const facts = hits.map((hit) => hit.fact);
    const totals = { total: facts.length, as_of: options.bundled === false ? null : (readRecordInfo(BUNDLED_STORE_DIR)?.as_of ?? null) };
    const stats = options.by ? undefined : render.tally(facts, first, totals.as_of);
    const top = options.top ?? (format === 'svg' || format === 'mermaid' ? PICTURE_TOP : undefined);
    const charts = (stats ? render.chartsOf(stats) : [chartBy(facts, options.by!, first)]).map((chart) => topped(chart, top));
    // the data forms still print their document of zeros, as listings print [], so a script always gets one
    if (format === 'json') io.stdout(stats ? render.statsJson(stats, charts) : render.byJson(totals, charts[0]!));
    else if (format === 'ndjson' || format === 'csv' || format === 'tsv' || (format === 'plain' && totals.total)) {
      const records = render.statsRecords(totals, charts);
      // with --color always, the kinds and statuses in the colours the charts give them
      const tint = (r: number, c: number) =>
        c === 1 && (records[r]!.section === 'kind' || records[r]!.section === 'status')
          ? kindColor(look.chalk, records[r]!.section === 'kind' ? (records[r]!.key as Kind) : 'allegation')
          : undefined;
      const rows = recordRows(records, columnsOf(['section', 'key', 'value'], ['section', 'key', 'value']), { pick: false, tint });
      io.stdout((await rendererFor(format))(rows, look));
    }
    if (!totals.total) throw new NotFoundError(query ? `no facts match "${query}"` : 'no facts match these filters');
    const shown = charts.map((chart) => folded(stats ? drawnDecades(chart, facts, first) : chart));
    if (format === 'markdown') io.stdout(render.statsMarkdown(totals, shown));
    if (format === 'table') io.stdout(render.drawStats(totals, shown, { columns: look.width, chalk: look.chalk }));
    if (format === 'svg') io.stdout((await import('../render/stats-svg.js')).statsSvg(totals, shown, pictureColumns!));
    if (format === 'mermaid')
      io.stdout(
        (await import('../render/mermaid.js')).countsMermaid(
          shown.map((c) => ({
            title: `Facts by ${c.name}${c.more ? ` (the ${c.counts.length} largest of ${c.counts.length + c.more})` : ''}`,
            counts: c.counts,
            horizontal: c.name === 'topic' || c.name === 'actor' || c.name === 'place',
          })),
        ),
      );
    done(EXIT.ok);
  });
}
