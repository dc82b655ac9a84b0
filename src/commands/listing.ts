// search, list, events, treaties, allegations: load → search or list → filter → sort → limit → render.
import { parsePeriod, type DayRange } from '../dates.js';
import { configOf } from '../config.js';
import { openFacts, type ColorOptions, type DataOptions } from '../context.js';
import type { Store } from '../store/store.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import { boundsRange, factRange, inForceRange, type Filter } from '../filter.js';
import { HEAD_FIELDS, type FactHead } from '../facts/head.js';
import type { Fact, Hit, Kind, Status } from '../facts/types.js';
import type { Io } from '../io.js';
import { QUERY_LIMITS } from '../search/options.js';
import { sortHits, type SortKey } from '../sort.js';
import { didYouMean } from '../suggest.js';
import { rendererFor, type Format } from '../render/format.js';
import { hitRows, type View } from '../render/hits.js';
import { outputFormat, outputLook, type OutputOptions } from './output.js';

interface FilterOptions {
  readonly from?: string;
  readonly to?: string;
  readonly in?: DayRange;
  readonly topic?: string[];
  readonly kind?: Kind[];
  readonly actor?: string;
  readonly status?: Status[];
  /** false with --no-limit, which undoes the config file's limit */
  readonly limit?: number | false;
  readonly sort?: SortKey;
  readonly reverse?: boolean;
  /** --in-force-at, on list and treaties */
  readonly inForceAt?: string;
}

export type ListingOptions = DataOptions & ColorOptions & OutputOptions & FilterOptions;

type Row = Hit<Fact | FactHead> & { readonly index: number };

/** What a command wants of the rows it prints: whole facts where its output needs them, title highlights on tables. */
export interface Wanted {
  readonly format: Format;
  readonly fields?: readonly string[] | undefined;
  /** search matches in titles are wanted, to highlight */
  readonly marks?: boolean;
  /** the config file's limit applies (the listings), or not (a timeline, counts) */
  readonly configLimit?: boolean;
  /** whole facts on every row (citations need sources), not only heads */
  readonly whole?: boolean;
  /** the facts, opened already: rif pick searches the same store at every keystroke */
  readonly store?: Store;
}

export interface Selection {
  readonly store: Store;
  readonly query: string;
  /** sorted and limited, as printed */
  readonly hits: Row[];
  /** with --in-force-at: the treaties that pass the other filters and were signed by then, but whose end is not recorded */
  readonly endUnknown: readonly string[];
  /** the rows print as the JSON records the store compiled at build time (the bundled facts): their rows hold heads only */
  readonly compiled: boolean;
}

export async function runListing(view: View, words: readonly string[], options: ListingOptions, io: Io): Promise<number> {
  const format = outputFormat(options, io);
  const look = outputLook(options, io);
  const marks = format === 'table' || (format === 'plain' && look.chalk.level > 0);
  const { store, query, hits, endUnknown, compiled } = await selectHits(view, words, options, io, { format, fields: options.fields, configLimit: true, marks });
  if (compiled) {
    io.stdout(await store.recordsJson!(hits.map((h) => h.index)));
  } else {
    const render = await rendererFor(format);
    // only treaties are in force: they print with their signed, in force and ended dates
    const shown: View = options.inForceAt !== undefined ? 'treaty' : view;
    io.stdout(render(hitRows(hits, { view: shown, fields: options.fields, withScore: Boolean(query), chalk: look.chalk }), look));
  }
  if (endUnknown.length) {
    const [n, one] = [endUnknown.length, endUnknown.length === 1];
    const some = `${endUnknown.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`;
    io.stderr(
      `rif: ${n} more ${one ? 'treaty was' : 'treaties were'} signed by then with no recorded end, so ${one ? 'it is' : 'they are'} not listed: ${some}\n`,
    );
  }
  if (!hits.length) throw new NotFoundError(query ? `no facts match "${query}"` : 'no facts match these filters');
  return EXIT.ok;
}

/**
 * The facts a listing shows, the one pipeline behind every command that takes the listing filters
 * (search, list and its views, timeline, stats): flags checked, facts loaded, filtered, searched
 * when there is a query, sorted and limited.
 */
export async function selectHits(view: View, words: readonly string[], options: ListingOptions, io: Io, wanted: Wanted): Promise<Selection> {
  const query = words.join(' ').trim();
  if (view === 'search' && !query) throw new UsageError('search needs a query, e.g. rif search shahed');
  if (query.length > QUERY_LIMITS.maxLength) throw new UsageError(`the query is ${query.length} characters long; the limit is ${QUERY_LIMITS.maxLength}`);
  const bounds = boundsRange(options.from, options.to);
  if (bounds.lo > bounds.hi) throw new UsageError(`--from ${options.from} is after --to ${options.to}`);
  const fixedKind = view === 'event' || view === 'treaty' || view === 'allegation' ? view : undefined;
  if (fixedKind && options.kind?.some((k) => k !== fixedKind)) {
    throw new UsageError(`this command lists only ${fixedKind} facts; drop --kind or use rif list --kind ${options.kind.join(',')}`);
  }
  if (options.sort === 'relevance' && !query) throw new UsageError('--sort relevance needs a query');
  const settings = configOf(io.config);
  // the config file's order applies where it can: relevance only to a query
  const configured = settings.sort === 'relevance' && !query ? undefined : settings.sort;
  const sortKey: SortKey = options.sort ?? configured ?? (query ? 'relevance' : 'date');
  const limit = options.limit === false ? undefined : (options.limit ?? (wanted.configLimit ? settings.limit : undefined));

  // the ranker loads while the store opens (with many user files, while find lists them)
  const ranker = query ? import('../search/rank.js') : undefined;
  const store = wanted.store ?? (await openFacts(options, io));
  for (const topic of options.topic ?? []) {
    if (!store.vocabulary.has(topic)) throw new UsageError(`unknown topic "${topic}"${didYouMean(topic, store.vocabulary.keys())}; rif topics lists them`);
  }
  const filter: Filter = {
    // the open range of no --from and no --to filters nothing, and costs a date parse per fact
    ranges: [...(options.from !== undefined || options.to !== undefined ? [bounds] : []), ...(options.in ? [options.in] : [])],
    topics: options.topic,
    kinds: fixedKind ? [fixedKind] : options.kind,
    actor: options.actor,
    statuses: options.status,
    inForceAt: options.inForceAt === undefined ? undefined : parsePeriod(options.inForceAt),
  };
  const compiled = compiledJson(store, query, wanted);
  const whole = needsWhole(wanted) && !compiled;
  const { rows, highlight } = await findRows(store, query, ranker, filter, { whole, marks: wanted.marks === true, limit }, io);
  const hits = highlight(await wholeWhereNeeded(store, sortHits(rows, sortKey, options.reverse).slice(0, limit ?? Infinity), whole));
  return {
    store,
    query,
    hits,
    compiled,
    endUnknown: filter.inForceAt ? await endsNotRecorded(store, { ...filter, inForceAt: undefined }, filter.inForceAt) : [],
  };
}

/** The ids of treaties that pass `filter`, were signed by the end of `at`, and have no recorded end (no in-force range). */
async function endsNotRecorded(store: Store, filter: Filter, at: DayRange): Promise<string[]> {
  const heads = await store.heads(await store.select({ ...filter, kinds: ['treaty'] }));
  // a treaty is dated by its signing, so its fact range starts there
  return heads.flatMap((h) => (inForceRange(h) === undefined && factRange(h).lo <= at.hi ? [h.id] : []));
}

/**
 * The facts that pass the filters, or with a query the best of them by relevance (the filters apply
 * first, so they narrow what is ranked). Also how to mark title matches on the rows a table shows.
 */
async function findRows(
  store: Store,
  query: string,
  ranker: Promise<typeof import('../search/rank.js')> | undefined,
  filter: Filter,
  need: { whole: boolean; marks: boolean; limit: number | undefined },
  io: Io,
) {
  const selected = await store.select(filter);
  if (!query) {
    // when every row prints whole, read the whole facts at once rather than heads first
    const direct = need.whole && (need.limit ?? Infinity) >= selected.length;
    const facts = await (direct ? store.facts(selected) : store.heads(selected));
    const rows: Row[] = facts.map((fact, k) => ({ fact, index: selected[k]!, score: 0, titleMatches: [] }));
    return { rows, highlight: (shown: Row[]) => shown };
  }
  // fuse.js loads with the search only: listings without a query (list --json) go without it
  const { search, withTitleMatches } = await (ranker ?? import('../search/rank.js'));
  const kept = new Uint8Array(store.size);
  for (const i of selected) kept[i] = 1;
  const result = await search(store, query, (i) => kept[i] === 1);
  if (result.matched > result.hits.length && result.matched > QUERY_LIMITS.rankLimit) {
    io.stderr(`rif: ${result.matched} facts match; showing the best ${QUERY_LIMITS.rankLimit}. Add words or filters to narrow the search\n`);
  }
  const rows: Row[] = result.hits;
  return { rows, highlight: (shown: Row[]) => (need.marks ? withTitleMatches(shown, query) : shown) };
}

/** JSON of whole records without scores prints as the store compiled it, where it did: no record is read and printed again. */
const compiledJson = (store: Store, query: string, { format, fields, whole }: Wanted): boolean =>
  format === 'json' && !fields && !whole && !query && store.recordsJson !== undefined;

/** Rows print from heads when every field shown is a head field; JSON records and other fields need the whole fact. */
const needsWhole = ({ format, fields, whole }: Wanted): boolean =>
  whole === true || (fields ? fields.some((f) => !HEAD_FIELDS.has(f)) : format === 'json' || format === 'ndjson');

async function wholeWhereNeeded(store: Store, rows: Row[], whole: boolean): Promise<Row[]> {
  if (!whole || rows.every((r) => 'summary' in r.fact)) return rows;
  const facts = await store.facts(rows.map((r) => r.index));
  return rows.map((r, i) => ({ ...r, fact: facts[i]! }));
}
