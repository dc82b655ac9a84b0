// search, list, events, treaties, allegations: load → search or list → filter → sort → limit → render.
import { parsePeriod, type DayRange } from '../dates.js';
import { configOf } from '../config.js';
import { openFacts, type ColorOptions, type DataOptions } from '../context.js';
import type { Store } from '../store/store.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import { boundsRange, factRange, inForceRange, type Filter } from '../filter.js';
import { HEAD_FIELDS } from '../facts/head.js';
import { Option, type Command } from 'commander';
import type { Kind, Status } from '../facts/types.js';
import type { Io } from '../io.js';
import { QUERY_LIMITS } from '../search/options.js';
import { sortHits, type SortKey } from '../sort.js';
import { didYouMean } from '../suggest.js';
import { rendererFor, type Format } from '../render/format.js';
import { hitRows, type View } from '../render/hits.js';
import { outputFormat, outputLook, type OutputOptions } from './output.js';
import { parseSearch, scopeFilters } from './query-filters.js';
import { searchRows, type Dropped, type Found, type Order, type Row } from './search-rows.js';
import { todayOf } from './shared.js';

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
  /** every match, however many (search) */
  readonly all?: boolean;
  /** print only how many facts match (search) */
  readonly count?: boolean;
  readonly sort?: SortKey;
  readonly reverse?: boolean;
  /** --in-force-at, on list and treaties */
  readonly inForceAt?: string;
}

export type ListingOptions = DataOptions & ColorOptions & OutputOptions & FilterOptions;

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
  /** only how many facts match is printed (--count): a listing reads no row (a search still reads its best rows' heads) */
  readonly count?: boolean | undefined;
}

export interface Selection {
  readonly store: Store;
  readonly query: string;
  /** sorted and limited, as printed; none when `compiled` (the records print from `indices`) */
  readonly hits: Row[];
  /** the facts printed, in order */
  readonly indices: readonly number[];
  /** with --in-force-at: the treaties that pass the other filters and were signed by then, but whose end is not recorded */
  readonly endUnknown: readonly string[];
  /** the rows print as the JSON records the store compiled at build time (the bundled facts): their rows hold heads only */
  readonly compiled: boolean;
  /** how many facts match, before the limit */
  readonly matched: number;
  /** the order the rows are cut in, for the count line */
  readonly sortKey: SortKey;
  /** when nothing matched: the rest of the message, which says what would have ("; 4 facts match without --kind treaty") */
  readonly deadEnd: () => Promise<string>;
}

/** --all and --count, on the commands that list search results. */
export function addCountOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--all', `every match, however many (a search shows the best ${QUERY_LIMITS.shown} unless --limit or the config file says)`))
    .option('--count', 'print only how many facts match (0, and exit 1, when none do)');
}

export async function runListing(view: View, words: readonly string[], options: ListingOptions, io: Io): Promise<number> {
  const format = outputFormat(options, io);
  const look = outputLook(options, io);
  const marks = format === 'table' || (format === 'plain' && look.chalk.level > 0);
  const selection = await selectHits(view, words, options, io, { format, fields: options.fields, configLimit: true, marks, count: options.count });
  const { store, query, indices, endUnknown, compiled, matched } = selection;
  if (options.count) {
    io.stdout(`${matched}\n`);
    return matched ? EXIT.ok : EXIT.noMatch;
  }
  if (compiled) {
    io.stdout(await store.recordsJson!(indices));
  } else {
    const render = await rendererFor(format);
    // only treaties are in force: they print with their signed, in force and ended dates
    const shown: View = options.inForceAt !== undefined ? 'treaty' : view;
    io.stdout(render(hitRows(selection.hits, { view: shown, fields: options.fields, withScore: Boolean(query), chalk: look.chalk }), look));
  }
  if (endUnknown.length) {
    const [n, one] = [endUnknown.length, endUnknown.length === 1];
    const some = `${endUnknown.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}`;
    io.stderr(
      `rif: ${n} more ${one ? 'treaty was' : 'treaties were'} signed by then with no recorded end, so ${one ? 'it is' : 'they are'} not listed: ${some}\n`,
    );
  }
  // the count line follows the rows it counts, for a person at a terminal; a script asks with --count
  if (io.stdoutIsTTY && matched > indices.length) {
    const which = selection.sortKey === 'relevance' ? `the best ${indices.length}` : `the first ${indices.length} by ${selection.sortKey}`;
    io.stderr(`rif: ${matched} facts match; showing ${which} (--limit N for more, --all for every one)\n`);
  }
  if (!indices.length) throw new NotFoundError(`${query ? `no facts match "${query}"` : 'no facts match these filters'}${await selection.deadEnd()}`);
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
  const parsed = query ? parseSearch(query) : undefined;
  if (view === 'search' && !parsed?.clauses.length && !parsed?.filters.length) throw new UsageError('search needs a query, e.g. rif search shahed');
  // a query of scopes and excluded words alone has nothing to rank by: it lists in date order
  const ranked = parsed?.clauses.some((c) => !c.negated) === true;
  const sortKey: SortKey = options.sort ?? configured ?? (ranked ? 'relevance' : 'date');
  if (options.all && typeof options.limit === 'number') throw new UsageError('--all shows every match and --limit caps them: give one of the two');
  const capped = options.all || options.limit === false ? undefined : (options.limit ?? (wanted.configLimit ? settings.limit : undefined));
  // search results are capped unless asked for more: a common word matches most of the record
  const limit = capped ?? (wanted.configLimit && parsed && !options.all && options.limit !== false ? QUERY_LIMITS.shown : undefined);

  // the ranker loads while the store opens (with many user files, while find lists them); searchRows imports it again
  if (parsed) void import('../search/rank.js');
  const store = wanted.store ?? (await openFacts(options, io, parsed ? 'search' : 'rows'));
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
  const order: Order = { sortKey, reverse: options.reverse, limit, read: compiled || wanted.count ? 'none' : whole ? 'whole' : 'heads' };
  const found = parsed
    ? await searchRows(store, parsed, filter, scopeFilters(parsed.filters, store.vocabulary, todayOf(io)), droppable(filter, options), order)
    : await listRows(store, filter, order);
  const rows = wanted.marks && found.ranked ? await marked(found.rows, found.matchedWords) : found.rows;
  return {
    store,
    query,
    hits: await wholeWhereNeeded(store, rows, whole),
    indices: found.indices,
    compiled,
    matched: found.matched,
    sortKey,
    deadEnd: found.deadEnd,
    endUnknown: filter.inForceAt ? await endsNotRecorded(store, { ...filter, inForceAt: undefined }, filter.inForceAt) : [],
  };
}

async function marked(rows: Row[], matchedWords: ReadonlySet<string>): Promise<Row[]> {
  const { withTitleMatches } = await import('../search/highlight.js');
  return withTitleMatches(rows, matchedWords);
}

/** The listing's own filters, each with the filter that leaves it out: what a search that found nothing tries. */
function droppable(filter: Filter, options: ListingOptions): Dropped[] {
  const out: Dropped[] = [];
  const add = (flag: string, without: Partial<Filter>) => out.push({ flag, filter: { ...filter, ...without } });
  const dated = [options.from !== undefined && `--from ${options.from}`, options.to !== undefined && `--to ${options.to}`].filter(Boolean).join(' ');
  if (dated) add(dated, { ranges: options.in ? [options.in] : [] });
  if (options.in) add('--in', { ranges: filter.ranges?.filter((r) => r !== options.in) ?? [] });
  if (options.topic?.length) add(`--topic ${options.topic.join(',')}`, { topics: undefined });
  if (options.kind?.length) add(`--kind ${options.kind.join(',')}`, { kinds: undefined });
  if (options.actor !== undefined) add(`--actor ${options.actor}`, { actor: undefined });
  if (options.status?.length) add(`--status ${options.status.join(',')}`, { statuses: undefined });
  if (options.inForceAt !== undefined) add(`--in-force-at ${options.inForceAt}`, { inForceAt: undefined });
  return out;
}

/** The ids of treaties that pass `filter`, were signed by the end of `at`, and have no recorded end (no in-force range). */
async function endsNotRecorded(store: Store, filter: Filter, at: DayRange): Promise<string[]> {
  const heads = await store.heads(await store.select({ ...filter, kinds: ['treaty'] }));
  // a treaty is dated by its signing, so its fact range starts there
  return heads.flatMap((h) => (inForceRange(h) === undefined && factRange(h).lo <= at.hi ? [h.id] : []));
}

/**
 * The facts that pass the filters, in order and cut to the limit: a listing without a query. In date
 * order (a listing's own), the store orders them and only the rows kept are read; in title order,
 * every head is.
 */
async function listRows(store: Store, filter: Filter, order: Order): Promise<Found> {
  const selected = await store.select(filter);
  let rows: Row[];
  let indices: number[];
  if (order.sortKey === 'title') {
    // when every row prints whole, read the whole facts at once rather than heads first
    const direct = order.read === 'whole' && (order.limit ?? Infinity) >= selected.length;
    const facts = await (direct ? store.facts(selected) : store.heads(selected));
    rows = sortHits(
      facts.map((fact, k) => ({ fact, index: selected[k]!, score: 0, titleMatches: [] })),
      'title',
      order.reverse,
    ).slice(0, order.limit ?? Infinity);
    indices = rows.map((r) => r.index);
  } else {
    const dated = await store.byDate(selected);
    indices = (order.reverse ? dated.reverse() : dated).slice(0, order.limit ?? Infinity);
    const facts = order.read === 'none' ? [] : await (order.read === 'whole' ? store.facts(indices) : store.heads(indices));
    rows = facts.map((fact, k) => ({ fact, index: indices[k]!, score: 0, titleMatches: [] }));
  }
  return {
    rows,
    indices,
    matched: selected.length,
    ranked: false,
    matchedWords: new Set<string>(),
    deadEnd: () => Promise.resolve(''),
  };
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
