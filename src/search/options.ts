// Tunables of the search, in frozen tables. Weights were tuned against tests/fixtures/queries.yaml and
// queries-2.yaml (the queries users type), on the bundled facts.

/**
 * The fields of a fact that search reads, best first: a word's postings say which of them hold it (one
 * bit each), and a fact scores by the best of them with a little for each other one. Title, aliases and
 * id stay above everything a fact says in passing: notes, provisions and the titles of its sources.
 */
export const SEARCH_FIELDS = Object.freeze([
  { name: 'title', weight: 3 },
  { name: 'aliases', weight: 2.6 },
  { name: 'id', weight: 1.6 },
  { name: 'actors', weight: 1.1 },
  { name: 'places', weight: 1 },
  { name: 'years', weight: 1 },
  { name: 'topics', weight: 0.8 },
  { name: 'summary', weight: 0.9 },
  { name: 'quotes', weight: 0.55 },
  { name: 'provisions', weight: 0.55 },
  { name: 'notes', weight: 0.4 },
  { name: 'sources', weight: 0.3 },
] as const);

export type FieldName = (typeof SEARCH_FIELDS)[number]['name'];

export const RANKING = Object.freeze({
  /** what each field other than the best adds, as a share of its weight: a word in title and summary beats one in the title alone */
  otherFields: 0.15,
  /** a fact scores 1 when it holds every query word, exactly, in its title and in this much more */
  fullMarks: 3.6,
  /** how much a word counts by how it matched: as typed, as the start of a longer word, in another form... */
  exact: 1,
  prefix: 0.9,
  /** vote/votes/voted: the same stem (Porter2) */
  stem: 0.9,
  /** deliver/delivery: stems one of which begins the other */
  relatedStem: 0.75,
  /** "abbasmirza" as "abbas mirza", "hand over" as "handover" */
  joined: 0.85,
  /** Russian adjective endings: "kaspiyskoe" as "kaspiyskaya" */
  ending: 0.75,
  /** added when the query's words stand together in one field (all of them: the whole of it) */
  together: 0.15,
  /** added when a title, alias, actor or place begins with the query's words: the query names it */
  names: 0.35,
  /** added to names by the share of a fact's id the query's words make: the fact whose subject it is */
  subject: 0.4,
  /** how many of the best facts by the index are read to add those two: only a fact's text tells */
  closeRead: 30,
  /** the fields, by weight, whose words standing together count (not notes or sources) */
  closeFrom: 0.5,
  /** within one typo, two typos */
  oneTypo: 0.75,
  twoTypos: 0.6,
  /** the share of a typo match's quality that fuse.js's closeness decides (the rest is the number of typos) */
  fuzzySpread: 0.1,
});

export const QUERY_LIMITS = Object.freeze({
  /** longer queries are refused: they are slow and never what a person meant */
  maxLength: 200,
  /** a hit must match at least this share of the query's words */
  minCoverage: 0.5,
  /** one-letter words ("a", the "s" of "s 300") count only when nothing longer is given */
  minWordLength: 2,
  /** words shorter than this (SCO, IRGC, lst) must match exactly: one typo in four letters is another word */
  fuzzyFromLength: 5,
  /** words this long may carry two typos ("turkmanchai" for "turkmenchay"); shorter ones one */
  twoTyposFromLength: 9,
  /** a stem this short is too general to match other words by ("be", "us") */
  minStemLength: 3,
  /** a stem must be this long to match the stems it begins (deliv → deliveri) */
  minRelatedStem: 5,
  /** how many results a listing of search results shows when no --limit, --all or config limit says */
  shown: 60,
});

/** Words too common to search for on their own, question words among them: "when did russia hand over bushehr". */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be by can could did do does for from had has have how i in into is it its me of on or over should than that the their them then there these they this those to was were what when where which who whom whose why will with would'.split(
    ' ',
  ),
);
