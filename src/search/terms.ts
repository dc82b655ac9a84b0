// Pure: the terms of a query, each the words of the index it stands for. Free words become terms one by
// one, question and stop words dropped; a figure with its magnitude ("$800 million") is one term, the
// plain number; two neighbouring words also stand for the word they make together ("hand over" for
// "handover", "s 300" for "s300"), and a word for the two it can be cut into ("abbasmirza").
import { foldText } from './normalize.js';
import { isMagnitude, plainNumber } from './numbers.js';
import { FIELD_SCOPES, type Query } from './query.js';
import { QUERY_LIMITS, RANKING, SEARCH_FIELDS, STOPWORDS } from './options.js';
import { splitsOf, wordMatches, type WordMatch } from './forms.js';
import { matchingWords, wordAt, wordsStarting, type WordIndex } from './word-index.js';
import { bare, splitWords } from './words.js';
import { isWordOnly } from './chars.js';

export interface Term {
  /** as typed, for messages */
  readonly text: string;
  readonly matches: readonly WordMatch[];
  /** pairs of index words that together stand for the term */
  readonly splits: readonly (readonly [number, number])[];
  /** the bits of the fields it may be found in */
  readonly fields: number;
  /** a fact must hold it (a phrase, a scope, a quoted word); free words need only cover half the query */
  readonly required: boolean;
  readonly negated: boolean;
  /** a phrase's words in order, to check they stand together; empty for one word */
  readonly phrase: readonly string[];
}

const ALL_FIELDS = 2 ** SEARCH_FIELDS.length - 1;

const fieldBits = (names: readonly string[]): number => SEARCH_FIELDS.reduce((bits, f, i) => (names.includes(f.name) ? bits | (1 << i) : bits), 0);

/** The words of a query text as the index has them: folded, lower case, without marks at their edges. */
export const queryWordsOf = (text: string): string[] => splitWords(foldText(text)).whole.map(bare);

/** The terms of a parsed query, looked up in `index`. */
export function termsOf(index: WordIndex, query: Query): Term[] {
  const terms: Term[] = [];
  const free: string[] = [];
  for (const clause of query.clauses) {
    const words = clause.words.flatMap(queryWordsOf);
    if (!clause.phrase && !clause.scope && !clause.negated) {
      free.push(...words);
      continue;
    }
    const fields = clause.scope ? fieldBits(FIELD_SCOPES[clause.scope]) : ALL_FIELDS;
    const phrase = clause.phrase && words.length > 1 ? words : [];
    for (const word of words) {
      // a quoted word is taken as written; a scope's or an excluded word in all its forms
      const matches = clause.phrase ? exactly(index, word) : wordMatches(index, word);
      terms.push({ text: clause.text, matches, splits: [], fields, required: !clause.negated, negated: clause.negated, phrase });
    }
  }
  return [
    ...freeTerms(
      index,
      free.flatMap((w) => cut(index, w)),
    ),
    ...terms,
  ];
}

/**
 * A word that no word of the index is, begins or nearly is, cut into the two it is made of when it is
 * ("abbasmirza" is "abbas mirza"), the two as even as they come.
 */
function cut(index: WordIndex, word: string): string[] {
  if (wordsStarting(index, word, 1).length) return [word];
  const at = (w: number) => index.words.at(w)!;
  const splits = splitsOf(index, word).sort(([a, b], [c, d]) => Math.min(at(c).length, at(d).length) - Math.min(at(a).length, at(b).length));
  if (!splits.length || matchingWords(index, word).length) return [word];
  return [at(splits[0]![0]), at(splits[0]![1])];
}

function exactly(index: WordIndex, word: string): WordMatch[] {
  const w = wordAt(index, word);
  return w < 0 ? [] : [{ word: w, quality: RANKING.exact }];
}

/** The terms of the free words, in order. */
function freeTerms(index: WordIndex, words: readonly string[]): Term[] {
  // a figure and its magnitude are one word: "800 million" is 800000000
  const tokens: { text: string; number?: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const number = plainNumber(words[i]!, words[i + 1]);
    const whole = number !== undefined && isMagnitude(words[i + 1] ?? '');
    tokens.push({ text: whole ? `${words[i]} ${words[i + 1]}` : words[i]!, ...(number === undefined ? {} : { number }) });
    if (whole) i++;
  }
  const content = tokens.filter((t) => !STOPWORDS.has(t.text) && ([...t.text].length >= QUERY_LIMITS.minWordLength || /\d/.test(t.text)));
  const kept = new Set(content.length ? content : tokens);
  const terms = new Map<(typeof tokens)[number], { matches: WordMatch[]; splits: (readonly [number, number])[] }>();
  for (const token of kept) {
    if ([...terms.keys()].some((t) => t.text === token.text)) continue;
    const matches = token.number !== undefined ? exactly(index, token.number) : wordMatches(index, token.text);
    if (token.number !== undefined && !token.text.includes(' ')) matches.push(...wordMatches(index, token.text));
    terms.set(token, { matches, splits: token.number === undefined ? splitsOf(index, token.text) : [] });
  }
  // two neighbours written as one word: "hand over" finds "handover"
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (!isWordOnly(a.text) || !isWordOnly(b.text)) continue;
    // as written or as the start of a word only: a joined pair with typos is too far from what was typed
    const joined = wordsStarting(index, a.text + b.text, 50).map((w) => ({
      word: w,
      quality: RANKING.joined * (index.words.at(w) === a.text + b.text ? RANKING.exact : RANKING.prefix),
    }));
    for (const token of [a, b]) terms.get(token)?.matches.push(...joined);
  }
  return [...terms].map(([token, { matches, splits }]) => ({
    text: token.text,
    matches,
    splits,
    fields: ALL_FIELDS,
    required: false,
    negated: false,
    phrase: [],
  }));
}
