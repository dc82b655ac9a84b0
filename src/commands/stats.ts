// rif stats: counts of the facts a listing selects, by kind, topic, status and decade.
import { Command } from 'commander';
import { chalkFor } from '../context.js';
import { EXIT, NotFoundError } from '../errors.js';
import { boundsRange } from '../filter.js';
import type { Io } from '../io.js';
import { BUNDLED_STORE_DIR } from '../paths.js';
import { readRecordInfo } from '../record.js';
import { selectHits, type ListingOptions } from './listing.js';
import { addDataOptions, addFilterOptions } from './shared.js';

type StatsOptions = ListingOptions & { readonly json?: boolean };

export function statsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('stats')
    .description('counts by kind, topic, status and decade: bar charts on a terminal, --json for scripts')
    .argument('[query...]', 'optional words to search for')
    .option('--json', 'print one JSON document: {total, as_of, kinds, topics, statuses, decades}');
  addFilterOptions(addDataOptions(cmd)).addHelpText(
    'after',
    `
The listing flags choose the facts that are counted; with a query, those the search returns (at most
60). A fact counts in the decade it starts, so the decades add up to the total. Each chart is scaled
to its own largest count. In a pipe: one line per count, three fields separated by tabs (section,
key, count: "decade", "1820s", "6"), after the total ("total", "facts", N) and, when the bundled facts
are counted, the date the bundled record is complete to ("record", "as_of", date).

Examples:
  rif stats
  rif stats --topic nuclear                how busy was each decade
  rif stats --kind allegation --json | jq .statuses
  rif stats --in 19th-century | grep ^topic`,
  );
  return cmd.action(async (words: string[], options: StatsOptions) => {
    const { query, hits } = await selectHits('list', words, options, io, { format: 'plain' });
    const since = Math.max(boundsRange(options.from, options.to).lo, options.in?.lo ?? -Infinity);
    // loaded on demand, like the table renderer: other commands never pay for it
    const { drawStats, statsJson, statsPlain, tally } = await import('../render/stats.js');
    const stats = tally(
      hits.map((hit) => hit.fact),
      Number.isFinite(since) ? Math.floor(since / 10000) : -Infinity,
      options.bundled === false ? null : (readRecordInfo(BUNDLED_STORE_DIR)?.as_of ?? null),
    );
    // JSON still prints its document of zeros, as the listings print [], so a script always gets one
    if (options.json) io.stdout(statsJson(stats));
    if (!stats.total) throw new NotFoundError(query ? `no facts match "${query}"` : 'no facts match these filters');
    if (!options.json) io.stdout(io.stdoutIsTTY ? drawStats(stats, { columns: io.columns, chalk: chalkFor(options, io) }) : statsPlain(stats));
    done(EXIT.ok);
  });
}
