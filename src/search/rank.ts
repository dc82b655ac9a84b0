// Search: the word index finds the facts that hold each query word, then fuse.js ranks them, each word
// on its own; a fact's score is the mean over the words. fuse.js reads every fact it is given, so it is
// given only the candidates, and at most QUERY_LIMITS.rankLimit of them.
import Fuse from 'fuse.js';
import type { Hit } from '../facts/types.js';
import { compareIds } from '../sort.js';
import type { Store } from '../store/store.js';
import { toDoc, type Doc } from './doc.js';
import { foldText } from './normalize.js';
import { FUSE_OPTIONS, QUERY_LIMITS, SEARCH_KEYS, STOPWORDS } from './options.js';
import { factsHolding, matchingWords } from './word-index.js';
import { bare, isShortWord } from './words.js';

type IndexedHit = Hit & { readonly index: number };

export interface SearchResult {
  /** best first */
  readonly hits: IndexedHit[];
  /** how many facts hold enough of the query's words; above hits.length when only the best were ranked */
  readonly matched: number;
}

/** The words of a query worth searching for: folded, edge punctuation dropped, stop words out unless nothing else is left. */
export function queryWords(query: string): string[] {
  const words = foldText(query)
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length > 0);
  const content = words.filter((w) => !STOPWORDS.has(w) && [...w].length >= QUERY_LIMITS.minWordLength);
  return [...new Set(content.length ? content : words)];
}

/** Searches the facts of `store` that `keep` accepts (all by default). */
export async function search(store: Store, query: string, keep: (index: number) => boolean = () => true): Promise<SearchResult> {
  const words = queryWords(query);
  if (!words.length) return { hits: [], matched: 0 };
  const tokens = await store.wordIndex();
  // fact → best field, per word; whether a word is taken as typed or with typos is decided over all facts
  const holding = words.map((word) => factsHolding(tokens, matchingWords(tokens, bare(word))));

  // per fact: how many query words it holds, and the weights of the fields it holds them in
  const count = new Uint16Array(store.size);
  const weight = new Float64Array(store.size);
  const held: number[] = [];
  for (const facts of holding) {
    for (const [fact, field] of facts) {
      if (fact >= store.size || !keep(fact)) continue;
      if (count[fact] === 0) held.push(fact);
      count[fact] = count[fact]! + 1;
      weight[fact] = weight[fact]! + (SEARCH_KEYS[field]?.weight ?? 0);
    }
  }
  const covered = (n: number) => words.length === 1 || n / words.length >= QUERY_LIMITS.minCoverage;
  let candidates = held.filter((fact) => covered(count[fact]!));
  const matched = candidates.length;
  if (candidates.length > QUERY_LIMITS.rankLimit) {
    // the most words, in the best-weighted fields, go forward to be ranked
    const ids = await store.ids();
    candidates = candidates.sort((a, b) => count[b]! - count[a]! || weight[b]! - weight[a]! || compareIds(ids[a]!, ids[b]!)).slice(0, QUERY_LIMITS.rankLimit);
  }
  const indices = candidates.sort((a, b) => a - b);
  const facts = await store.facts(indices);
  const docs = facts.map(toDoc);
  const keys = SEARCH_KEYS.map((k) => ({ ...k }));
  const shared = Fuse.createIndex(keys, docs).toJSON();

  const perDoc = new Map<number, { sum: number; matched: number }>();
  for (const [w, word] of words.entries()) {
    // each word is ranked among the candidates that hold it: fuse.js reads every document it is given
    const holders = new Set(indices.flatMap((fact, d) => (holding[w]!.has(fact) ? [d] : [])));
    const index = Fuse.parseIndex<Doc>({ keys: shared.keys, records: shared.records.filter((r) => holders.has(r.i)) });
    // short words must be whole words anyway; a near-exact ranker keeps their scores from counting near misses elsewhere
    const threshold = isShortWord(word) ? QUERY_LIMITS.shortWordThreshold : FUSE_OPTIONS.threshold;
    const minMatchCharLength = rankingMinMatch(word, threshold);
    for (const result of new Fuse(docs, { ...FUSE_OPTIONS, includeMatches: false, threshold, minMatchCharLength, keys }, index).search(word)) {
      const entry = perDoc.get(result.refIndex) ?? { sum: 0, matched: 0 };
      entry.sum += result.score ?? 1;
      entry.matched += 1;
      perDoc.set(result.refIndex, entry);
    }
  }
  const hits: IndexedHit[] = [];
  for (const [d, entry] of perDoc) {
    if (!covered(entry.matched)) continue;
    // a word that matched nothing counts as the worst score, 1
    const mean = (entry.sum + (words.length - entry.matched)) / words.length;
    hits.push({ fact: facts[d]!, index: indices[d]!, score: Math.round((1 - mean) * 1000) / 1000, titleMatches: [] });
  }
  hits.sort((a, b) => b.score - a.score || compareIds(a.fact.id, b.fact.id));
  return { hits, matched };
}

/**
 * The minMatchCharLength to rank one word with. fuse.js enforces FUSE_OPTIONS.minMatchCharLength (2) by
 * marking the matched characters of every text it searches, in an array as long as the text, even when
 * no match positions are asked for: about 20 ms of a three-word search over 10,000 facts. A word of
 * m characters matched with at most e errors keeps at least m - e matched characters in at most e + 1
 * runs, so when m > 2e + 1 some run has two adjacent characters and the rule never rejects a match:
 * then 1 ranks the same without the arrays. (fuse.js may spell the word longer, never shorter; at the
 * thresholds used, 0.1 and 0.34, the condition holds for every length above one that meets it.)
 */
export function rankingMinMatch(word: string, threshold: number): number {
  const length = [...bare(word)].length;
  const errors = Math.floor(threshold * length + 1e-9);
  return length > 2 * errors + 1 ? 1 : FUSE_OPTIONS.minMatchCharLength;
}

/** Where each query word matched in the titles of these hits, for highlighting: asked only for the rows a table shows. */
export function withTitleMatches<T extends Hit<{ readonly title: string }>>(hits: readonly T[], query: string): T[] {
  const titles = hits.map((h) => ({ title: foldText(h.fact.title) }));
  const keys = [{ name: 'title' }];
  const ranges = hits.map(() => [] as [number, number][]);
  for (const word of queryWords(query)) {
    const threshold = isShortWord(word) ? QUERY_LIMITS.shortWordThreshold : FUSE_OPTIONS.threshold;
    for (const result of new Fuse(titles, { ...FUSE_OPTIONS, threshold, keys }).search(word)) {
      for (const match of result.matches ?? []) ranges[result.refIndex]!.push(...match.indices.map(([a, b]) => [a, b] as [number, number]));
    }
  }
  return hits.map((h, i) => ({ ...h, titleMatches: mergeRanges(ranges[i]!) }));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
