// Pure: a query as typed into its parts, after the search syntax of gh and fzf: words; "an exact phrase";
// -word or -"phrase" to leave out the facts that hold it; and scopes, name:value, that look in one field
// (actor:, place:, source:) or filter by what a fact is (kind:, status:, topic:, year:), each of which
// may be negated too (-kind:treaty) and may take a quoted value (actor:"abbas mirza").

/** Scopes whose value is searched for in fields of the fact, like a word. */
export const FIELD_SCOPES = Object.freeze({ actor: ['actors'], place: ['places'], source: ['sources'] } as const);
/** Scopes that filter by what a fact is, as the flags of the same name do. */
const FILTER_SCOPES = Object.freeze(['kind', 'status', 'topic', 'year'] as const);
const SCOPES: readonly string[] = [...Object.keys(FIELD_SCOPES), ...FILTER_SCOPES];

type FieldScope = keyof typeof FIELD_SCOPES;
type FilterScope = (typeof FILTER_SCOPES)[number];

/** Words to find: one word, or a phrase whose words must stand together; in any field or a scope's. */
interface Clause {
  readonly words: readonly string[];
  readonly phrase: boolean;
  readonly scope?: FieldScope;
  readonly negated: boolean;
  /** as typed, for messages */
  readonly text: string;
}

export interface FilterClause {
  readonly scope: FilterScope;
  readonly value: string;
  readonly negated: boolean;
  readonly text: string;
}

export interface Query {
  readonly clauses: readonly Clause[];
  readonly filters: readonly FilterClause[];
}

/** A query that does not parse: what is wrong, and how to put it right. */
export class QuerySyntaxError extends Error {}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '\u201C': '\u201D', '\u201E': '\u201C', '\u00AB': '\u00BB' };

/**
 * The parts of a query. `syntax: false` takes every word as a word (titles and ids given to show and
 * cite may hold colons and quotes).
 */
export function parseQuery(text: string, syntax = true): Query {
  if (!syntax) return { clauses: text.split(/\s+/).flatMap((w) => (w ? [{ words: [w], phrase: false, negated: false, text: w }] : [])), filters: [] };
  const clauses: Clause[] = [];
  const filters: FilterClause[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const negated = text[i] === '-' && i + 1 < text.length && !/[\s-]/.test(text[i + 1]!);
    if (negated) i++;
    let scope: string | undefined;
    const named = /^([A-Za-z]+):/.exec(text.slice(i));
    if (named) {
      scope = named[1]!.toLowerCase();
      i += named[0].length;
      if (!SCOPES.includes(scope)) {
        throw new QuerySyntaxError(
          `unknown scope "${named[1]}:" in the query; the scopes are ${SCOPES.map((s) => `${s}:`).join(', ')} (put "${text.slice(start).split(/\s/)[0]}" in quotes to search for it as written)`,
        );
      }
    }
    let value: string;
    let phrase = false;
    const close = QUOTES[text[i]!];
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      if (end < 0) throw new QuerySyntaxError(`the query has an unclosed quote: ${text.slice(start)} (close it with ${close}, or leave it out)`);
      value = text.slice(i + 1, end).trim();
      i = end + 1;
      phrase = true;
    } else {
      const end = text.slice(i).search(/\s/);
      value = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i = end < 0 ? text.length : i + end;
      if (/["\u201C\u201D\u201E\u00AB\u00BB]/.test(value)) {
        throw new QuerySyntaxError(`the query has a quote inside a word: ${value} (a phrase starts with the quote: "two words")`);
      }
    }
    const typed = text.slice(start, i);
    if (scope !== undefined && !value)
      throw new QuerySyntaxError(`${scope}: needs a value, as in ${scope === 'year' ? 'year:1828' : `${scope}:${EXAMPLES[scope]}`}`);
    if (!value) continue;
    if ((FILTER_SCOPES as readonly string[]).includes(scope ?? '')) {
      filters.push({ scope: scope as FilterScope, value, negated, text: typed });
      continue;
    }
    const words = value.split(/\s+/).filter(Boolean);
    clauses.push({ words, phrase: phrase && words.length > 1, ...(scope ? { scope: scope as FieldScope } : {}), negated, text: typed });
  }
  return { clauses, filters };
}

const EXAMPLES: Readonly<Record<string, string>> = { actor: 'putin', place: 'tabriz', source: 'tass', kind: 'treaty', status: 'denied', topic: 'nuclear' };
