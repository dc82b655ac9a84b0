// The facts that `rif show` and `rif cite` name: ids, or titles and names that clearly point to one fact,
// typed or read from standard input with `-`. Every argument is looked up; those that name no fact are
// reported on stderr, one line each, and the rest still print.
import { visible } from '../control.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Store } from '../store/store.js';
import { noSuchId } from './shared.js';

/** How far the best title match must lead the next for a title to pick it without asking. */
const CLEAR_LEAD = 0.1;
/** How many candidates an ambiguous title lists. */
/** how many of the best matches are looked at for an exact title */
const TITLES = 60;
const CANDIDATES = 5;

/** The arguments with `-` replaced by the lines of standard input (blank lines and surrounding spaces dropped). */
export async function expandStdin(args: readonly string[], io: Io): Promise<string[]> {
  if (!args.includes('-')) return args.map((a) => a.trim());
  if (!io.readStdin) throw new UsageError('"-" reads ids from standard input, which this run has none of');
  const lines = (await io.readStdin())
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const out = args.flatMap((a) => (a === '-' ? lines : [a.trim()]));
  if (!out.length) throw new UsageError('no ids on standard input: give one id (or title) per line');
  return out;
}

export interface Resolved {
  /** the index of each argument's fact, in the order given; an argument that names none is left out */
  readonly indices: number[];
  /** how many arguments named no fact (each reported on stderr) */
  readonly missing: number;
}

/** Looks up every argument; each one that names no fact gets a line on stderr, and is counted. */
export async function resolveFacts(store: Store, args: readonly string[], io: Io): Promise<Resolved> {
  const ids = await store.ids();
  const indices: number[] = [];
  let missing = 0;
  for (const arg of args) {
    try {
      indices.push(await resolve(store, ids, arg));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      io.stderr(`rif: ${visible(error.message)}\n`);
      missing++;
    }
  }
  return { indices, missing };
}

/**
 * The index of the fact an argument names: its id; else the one fact whose title it is (case aside), of
 * those the search finds; else the one title match that clearly leads.
 */
async function resolve(store: Store, ids: readonly string[], arg: string): Promise<number> {
  const exact = ids.indexOf(arg);
  if (exact >= 0) return exact;
  const { search } = await import('../search/rank.js');
  // the title is among the best matches, when it is one: their heads are read, not every match's
  const hits = (await search(store, arg)).hits.slice(0, TITLES);
  const heads = await store.heads(hits.map((h) => h.index));
  const titled = hits.filter((_, k) => heads[k]!.title.toLowerCase() === arg.trim().toLowerCase());
  if (titled.length === 1) return titled[0]!.index;
  const [best, next] = hits;
  if (best && (!next || best.score - next.score >= CLEAR_LEAD)) return best.index;
  if (best) {
    const listed = heads.slice(0, CANDIDATES).map((h) => `${h.id} (${h.title})`);
    throw new NotFoundError(`"${arg}" matches several facts: ${listed.join('; ')}; give one id`);
  }
  throw noSuchId(arg, ids);
}
