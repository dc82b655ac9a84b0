// Tunables of the fuzzy search, in one frozen table. Weights were tuned against ../shared/queries.yaml.
import type { IFuseOptions } from 'fuse.js';

export const SEARCH_KEYS = Object.freeze([
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2.5 },
  { name: 'id', weight: 1.5 },
  { name: 'actors', weight: 1 },
  { name: 'places', weight: 1 },
  { name: 'years', weight: 1 },
  { name: 'topics', weight: 0.7 },
  { name: 'summary', weight: 0.7 },
  { name: 'quotes', weight: 0.5 },
] as const);

export const FUSE_OPTIONS = Object.freeze({
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  ignoreDiacritics: true,
  threshold: 0.34,
  minMatchCharLength: 2,
} satisfies IFuseOptions<unknown>);

export const QUERY_LIMITS = Object.freeze({
  /** longer queries are refused: they are slow and never what a person meant */
  maxLength: 200,
  /** a hit must match at least this share of the query's words */
  minCoverage: 0.5,
  /** shorter words ("us", "of") match inside almost anything; they count only when nothing longer is given */
  minWordLength: 3,
  /** words shorter than this (SCO, IRGC, lst) must match exactly: one typo in four letters is another word */
  fuzzyFromLength: 5,
  /** words this long may carry two typos ("turkmanchai" for "turkmenchay"); shorter ones one */
  twoTyposFromLength: 9,
  /** the fuse.js threshold for those short words */
  shortWordThreshold: 0.1,
  /**
   * fuse.js ranks at most this many candidates, those holding the most query words in the best-weighted
   * fields: it reads all of every document it is given, about 0.15 ms each per word in a short-lived process
   */
  rankLimit: 60,
});

/** Words too common to search for on their own. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by did do does for from had has have how in into is it its of on or over the their to was were what when where which who why with'.split(
    ' ',
  ),
);
