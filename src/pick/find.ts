// The picker's search: the one pipeline of rif search and the listings (selectHits), over a store opened
// once, with the same filters, ranking and query syntax. An empty query lists the facts the filters pass.
import { RifError } from '../errors.js';
import type { Io } from '../io.js';
import type { Marks } from '../render/rows.js';
import type { Store } from '../store/store.js';
import { selectHits, type ListingOptions } from '../commands/listing.js';

/** One line of the list. */
export interface PickRow {
  /** the fact's index in the store */
  readonly index: number;
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly kind: string;
  /** where the query matched the title */
  readonly marks: Marks;
}

export interface Found {
  readonly rows: readonly PickRow[];
  /** what the search said on the side ("135 facts match; showing the best 60"), or why the query cannot be read */
  readonly note: string | undefined;
}

/** Searches kept for typing back (Backspace): a query seen again is not searched again. */
const REMEMBERED = 64;

/** The search of one picker: a query in, its rows out, as `rif search QUERY` (or the listing, for no query) would list them. */
export function finder(store: Store, options: ListingOptions, io: Io): (query: string, strict?: boolean) => Promise<Found> {
  const seen = new Map<string, Found>();
  return async (query, strict = false) => {
    const key = query.trim();
    const known = seen.get(key);
    if (known) return known;
    const said: string[] = [];
    // what a search says on stderr would land on the picker's screen: it is shown on the status line instead
    const quiet: Io = { ...io, stderr: (text) => void said.push(text.replace(/^rif: /, '').trim()), stderrIsTTY: false };
    let found: Found;
    try {
      const { hits } = await selectHits(key ? 'search' : 'list', key ? [key] : [], options, quiet, { format: 'plain', marks: true, store });
      const rows = hits.map((h) => ({
        index: h.index,
        id: h.fact.id,
        title: h.fact.title,
        // where a fact begins: a span's end is in its card
        date: `${h.fact.date.start}${h.fact.date.approximate ? '~' : ''}`,
        kind: h.fact.kind,
        marks: h.titleMatches,
      }));
      found = { rows, note: said.join(' ') || undefined };
    } catch (error) {
      // a query that cannot be read (too long, an unknown scope) is said on the status line while typing goes on
      // (`strict`: the query and flags given on the command line, checked before the screen opens)
      if (!(error instanceof RifError) || strict) throw error;
      found = { rows: [], note: error.message };
    }
    if (seen.size >= REMEMBERED) seen.delete(seen.keys().next().value!);
    seen.set(key, found);
    return found;
  };
}
