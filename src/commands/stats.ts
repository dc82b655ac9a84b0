// rif stats: counts of the facts a listing selects, by kind, topic, status and decade.
import { Command } from 'commander';
import { EXIT, NotFoundError } from '../errors.js';
import { boundsRange } from '../filter.js';
import type { Io } from '../io.js';
import { BUNDLED_STORE_DIR } from '../paths.js';
import { readRecordInfo } from '../record.js';
import type { Kind } from '../facts/types.js';
import { kindColor } from '../render/bars.js';
import { columnsOf, recordRows, rendererFor } from '../render/format.js';
import { selectHits, type ListingOptions } from './listing.js';
import { addOutputOptions, outputFormat, outputLook } from './output.js';
import { addDataOptions, addFilterOptions } from './shared.js';

type StatsOptions = ListingOptions;

export function statsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('stats')
    .description('counts by kind, topic, status and decade: bar charts on a terminal, --json for scripts')
    .argument('[query...]', 'optional words to search for');
  addFilterOptions(addOutputOptions(addDataOptions(cmd), { human: 'bar charts' }), io).addHelpText(
    'after',
    `
The listing flags choose the facts that are counted; with a query, those the search returns (at most
60). A fact counts in the decade it starts, so the decades add up to the total. Each chart is scaled
to its own largest count. In a pipe: one line per count, three fields separated by tabs (section,
key, count: "decade", "1820s", "6"), after the total ("total", "facts", N) and, when the bundled facts
are counted, the date the bundled record is complete to ("record", "as_of", date). TSV and CSV
are the same rows under a header (section, key, value), NDJSON one object per row, JSON one document
{total, as_of, kinds, topics, statuses, decades}, Markdown a table per chart.

Examples:
  rif stats
  rif stats --topic nuclear                how busy was each decade
  rif stats --kind allegation --json | jq .statuses
  rif stats --in 19th-century | grep ^topic
  rif stats --topic nuclear --markdown >> notes.md`,
  );
  return cmd.action(async (words: string[], options: StatsOptions) => {
    const format = outputFormat(options, io);
    const look = outputLook(options, io);
    const { query, hits } = await selectHits('list', words, options, io, { format: 'plain' });
    const since = Math.max(boundsRange(options.from, options.to).lo, options.in?.lo ?? -Infinity);
    // loaded on demand, like the table renderer: other commands never pay for it
    const { drawStats, statsJson, statsMarkdown, statsRecords, tally } = await import('../render/stats.js');
    const stats = tally(
      hits.map((hit) => hit.fact),
      Number.isFinite(since) ? Math.floor(since / 10000) : -Infinity,
      options.bundled === false ? null : (readRecordInfo(BUNDLED_STORE_DIR)?.as_of ?? null),
    );
    // the data forms still print their document of zeros, as listings print [], so a script always gets one
    if (format === 'json') io.stdout(statsJson(stats));
    else if (format === 'ndjson' || format === 'csv' || format === 'tsv' || (format === 'plain' && stats.total)) {
      const records = statsRecords(stats);
      // with --color always, the kinds and statuses in the colours the charts give them
      const tint = (r: number, c: number) =>
        c === 1 && (records[r]!.section === 'kind' || records[r]!.section === 'status')
          ? kindColor(look.chalk, records[r]!.section === 'kind' ? (records[r]!.key as Kind) : 'allegation')
          : undefined;
      const rows = recordRows(records, columnsOf(['section', 'key', 'value'], ['section', 'key', 'value']), { pick: false, tint });
      io.stdout((await rendererFor(format))(rows, look));
    }
    if (!stats.total) throw new NotFoundError(query ? `no facts match "${query}"` : 'no facts match these filters');
    if (format === 'markdown') io.stdout(statsMarkdown(stats));
    if (format === 'table') io.stdout(drawStats(stats, { columns: look.width, chalk: look.chalk }));
    done(EXIT.ok);
  });
}
