// search, list, events, treaties, allegations: load → search or list → filter → sort → limit → render.
import type { DayRange } from '../dates.js';
import { chalkFor, openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import { boundsRange, applyFilter } from '../filter.js';
import type { Hit, Kind, Status } from '../facts/types.js';
import type { Io } from '../io.js';
import { buildIndex, search } from '../search/index.js';
import { QUERY_LIMITS } from '../search/options.js';
import { sortHits, type SortKey } from '../sort.js';
import { closest, didYouMean, distance } from '../suggest.js';
import { COMMAND_NAMES } from './shared.js';
import type { FieldName } from '../render/record.js';
import type { Format } from '../render/format.js';
import { renderHits, type View } from '../render/hits.js';

export interface OutputOptions {
  readonly json?: boolean;
  readonly ndjson?: boolean;
  readonly csv?: boolean;
  readonly markdown?: boolean;
  readonly fields?: FieldName[];
}

export interface FilterOptions {
  readonly from?: string;
  readonly to?: string;
  readonly in?: DayRange;
  readonly topic?: string[];
  readonly kind?: Kind[];
  readonly actor?: string;
  readonly status?: Status[];
  readonly limit?: number;
  readonly sort?: SortKey;
  readonly reverse?: boolean;
}

export type ListingOptions = DataOptions & ColorOptions & OutputOptions & FilterOptions;

export function outputFormat(options: OutputOptions, io: Io): Format {
  const chosen = (['json', 'ndjson', 'csv', 'markdown'] as const).filter((f) => options[f]);
  if (chosen.length > 1) throw new UsageError(`choose one output format, not ${chosen.map((f) => `--${f}`).join(' and ')}`);
  return chosen[0] ?? (io.stdoutIsTTY ? 'table' : 'plain');
}

export function runListing(view: View, words: readonly string[], options: ListingOptions, io: Io): number {
  const format = outputFormat(options, io);
  const query = words.join(' ').trim();
  if (view === 'search' && !query) throw new UsageError('search needs a query, e.g. rif search shahed');
  if (query.length > QUERY_LIMITS.maxLength) throw new UsageError(`the query is ${query.length} characters long; the limit is ${QUERY_LIMITS.maxLength}`);
  const bounds = boundsRange(options.from, options.to);
  if (bounds.lo > bounds.hi) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  const fixedKind = view === 'event' || view === 'treaty' || view === 'allegation' ? view : undefined;
  if (fixedKind && options.kind?.some((k) => k !== fixedKind)) {
    throw new UsageError(`this command lists only ${fixedKind} facts; drop --kind or use rif list --kind ${options.kind.join(',')}`);
  }
  const sortKey: SortKey = options.sort ?? (query ? 'relevance' : 'date');
  if (sortKey === 'relevance' && !query) throw new UsageError('--sort relevance needs a query');

  const { facts, vocabulary } = openFacts(options, io);
  for (const topic of options.topic ?? []) {
    if (!vocabulary.has(topic)) throw new UsageError(`unknown topic "${topic}"${didYouMean(topic, vocabulary.keys())}; rif topics lists them`);
  }
  const candidates: Hit[] = query ? search(buildIndex(facts), query) : facts.map((fact) => ({ fact, score: 0, titleMatches: [] }));
  const filtered = applyFilter(candidates, {
    ranges: [bounds, ...(options.in ? [options.in] : [])],
    topics: options.topic,
    kinds: fixedKind ? [fixedKind] : options.kind,
    actor: options.actor,
    statuses: options.status,
  });
  const hits = sortHits(filtered, sortKey, options.reverse).slice(0, options.limit ?? Infinity);
  io.stdout(renderHits(hits, { view, format, fields: options.fields, withScore: Boolean(query), chalk: chalkFor(options, io), columns: io.columns }));
  if (!hits.length) throw new NotFoundError(query ? `no facts match "${query}"${commandHint(view, words)}` : 'no facts match these filters');
  return EXIT.ok;
}

/** `rif lst` searches for "lst"; when that finds nothing, the user probably meant a command. */
function commandHint(view: View, words: readonly string[]): string {
  if (view !== 'search' || words.length === 0) return '';
  const [first] = words;
  const near = closest(first!, COMMAND_NAMES, 1).filter((name) => distance(first!, name) <= 2);
  return near.length ? `; did you mean the command "rif ${near[0]}"?` : '';
}
