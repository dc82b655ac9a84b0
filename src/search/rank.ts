// Search: the word index says which facts hold each term of the query and in which fields; a fact scores
// by how well and where it holds each term (the title and aliases above a note or a source's title),
// each term weighted by how rare it is, so that the subject of a question outweighs "russia" and "iran".
// Every fact that matches is ranked, from the index alone: only a phrase needs the facts' text.
import type { Store } from '../store/store.js';
import { closeness, termWords } from './closeness.js';
import { toDoc, type Doc } from './doc.js';
import { QUERY_LIMITS, RANKING, SEARCH_FIELDS } from './options.js';
import { parseQuery, type Query } from './query.js';
import { termsOf, type Term } from './terms.js';
import { FIELD_SLOTS, postingsOf, type WordIndex } from './word-index.js';
import { wholeWords } from './words.js';

interface RankedHit {
  /** the fact's place in the store */
  readonly index: number;
  /** 0-1, higher is better */
  readonly score: number;
}

export interface SearchResult {
  /** every fact that matches, best first */
  readonly hits: readonly RankedHit[];
  /** false when the query has no words to rank by, only scopes that filter and words to leave out */
  readonly ranked: boolean;
  /** the index words that the query's words matched: where titles are marked */
  readonly matchedWords: ReadonlySet<string>;
  /** the query's words that no fact holds, for "did you mean" */
  readonly unknown: readonly string[];
}

/** The score of a word held in these fields: the best field's weight and a little of the others', as a share of full marks. */
function fieldScore(bits: number): number {
  let best = 0;
  let sum = 0;
  for (let i = 0; i < SEARCH_FIELDS.length; i++) {
    if (!(bits & (1 << i))) continue;
    const weight = SEARCH_FIELDS[i]!.weight;
    sum += weight;
    if (weight > best) best = weight;
  }
  return Math.min(1, (best + RANKING.otherFields * (sum - best)) / RANKING.fullMarks);
}

/** fieldScore of the combinations of fields a search meets, each worked out when first met (NaN until then). */
const fieldScores = (): Float64Array => new Float64Array(FIELD_SLOTS).fill(NaN);

/**
 * Searches the facts of `store` that `keep` accepts (all by default). A query given as text is parsed
 * as plain words, without the search syntax.
 */
export async function search(store: Store, query: Query | string, keep: (index: number) => boolean = () => true): Promise<SearchResult> {
  const parsed = typeof query === 'string' ? parseQuery(query, false) : query;
  // the postings of the words the terms match are read with the index (where damage in them can still be dealt with)
  let terms: Term[] = [];
  const index = await store.wordIndex((read) => (terms = termsOf(read, parsed)).flatMap((t) => t.matches.map((m) => m.word)));
  const n = store.size;
  const scoreOf = fieldScores();
  const matchedWords = new Set<string>();
  const positive = terms.filter((t) => !t.negated);
  const freeCount = positive.filter((t) => !t.required).length;
  const total = new Float64Array(n);
  const held = new Uint16Array(n);
  const heldRequired = new Uint16Array(n);
  const required = positive.length - freeCount;
  let idfSum = 0;
  const unknown: string[] = [];
  // the facts that hold any term, in the order met: only they are looked at again
  const touched: number[] = [];
  for (const term of positive) {
    const { scores, facts } = termScores(index, term, n, scoreOf);
    if (!facts.length) unknown.push(term.text);
    const idf = Math.log(1 + n / Math.max(1, facts.length));
    idfSum += idf;
    // index loops here and below: these run once a search, interpreted, over up to every fact
    for (let k = 0; k < facts.length; k++) {
      const f = facts[k]!;
      if (held[f] === 0) touched.push(f);
      total[f] = total[f]! + idf * scores[f]!;
      held[f] = held[f]! + 1;
      if (term.required) heldRequired[f] = heldRequired[f]! + 1;
    }
    for (const m of term.matches) matchedWords.add(index.words.at(m.word)!);
  }
  const excluded = new Uint8Array(n);
  for (const term of terms.filter((t) => t.negated && !t.phrase.length)) {
    const facts = termScores(index, term, n, scoreOf).facts;
    for (let k = 0; k < facts.length; k++) excluded[facts[k]!] = 1;
  }
  const passes = (f: number): boolean => {
    if (excluded[f] || !keep(f)) return false;
    if (!positive.length) return true;
    if (heldRequired[f]! < required) return false;
    return freeCount === 0 || (held[f]! - heldRequired[f]!) / freeCount >= QUERY_LIMITS.minCoverage;
  };
  // the facts that pass, in the order of their indices (marked, then read in order: no sort to call back)
  const passing = new Uint8Array(n);
  if (positive.length) for (let k = 0; k < touched.length; k++) passing[touched[k]!] = passes(touched[k]!) ? 1 : 0;
  else for (let f = 0; f < n; f++) passing[f] = passes(f) ? 1 : 0;
  let candidates: number[] = [];
  for (let f = 0; f < n; f++) if (passing[f]) candidates.push(f);
  candidates = await withPhrases(store, terms, candidates);
  const hits = bestFirst(candidates, (f) => (idfSum > 0 ? total[f]! / idfSum : 0));
  const free = positive.filter((t) => !t.required);
  if (free.length) await closer(store, index, free, hits);
  // what the text can add is part of full marks: every score stays within 0-1, the order as summed
  const full = free.length ? 1 + RANKING.together + RANKING.names : 1;
  for (const hit of hits) hit.score = Math.round((hit.score / full) * 1000) / 1000;
  return { hits, ranked: positive.length > 0, matchedWords, unknown };
}

/**
 * Hits of these facts (in ascending order), best score first and, among equal scores, in the facts'
 * order: grouped by score, the scores sorted as numbers (a comparator called back per comparison ran
 * interpreted, some 60,000 times for a query that thousands of facts hold).
 */
function bestFirst(facts: readonly number[], scoreOf: (fact: number) => number): { index: number; score: number }[] {
  const byScore = new Map<number, number[]>();
  for (let k = 0; k < facts.length; k++) {
    const score = scoreOf(facts[k]!);
    const group = byScore.get(score);
    if (group) group.push(facts[k]!);
    else byScore.set(score, [facts[k]!]);
  }
  const scores = Float64Array.from(byScore.keys()).sort();
  const hits: { index: number; score: number }[] = [];
  for (let s = scores.length - 1; s >= 0; s--) {
    const group = byScore.get(scores[s]!)!;
    for (let k = 0; k < group.length; k++) hits.push({ index: group[k]!, score: scores[s]! });
  }
  return hits;
}

/** The best hits by the index, read, and scored again with what their text adds (closeness.ts); best first again. */
async function closer(store: Store, index: WordIndex, terms: readonly Term[], hits: { index: number; score: number }[]): Promise<void> {
  const top = hits.slice(0, RANKING.closeRead);
  const words = termWords(terms.slice(0, 30).map((t) => new Set(t.matches.map((m) => index.words.at(m.word)!))));
  const docs = await store.docs(top.map((h) => h.index));
  top.forEach((hit, k) => (hit.score += closeness(docs[k]!, words)));
  // a score only grows here, so the hits read stay above the rest
  top.sort((a, b) => b.score - a.score || a.index - b.index);
  hits.splice(0, top.length, ...top);
}

const scoreOf = (scores: Float64Array, bits: number): number => {
  const known = scores[bits]!;
  return known === known ? known : (scores[bits] = fieldScore(bits));
};

/** Per fact, how well it holds the term: how the word matched times where (0 for not at all); and the facts that do. */
function termScores(index: WordIndex, term: Term, n: number, fieldScore: Float64Array): { scores: Float32Array; facts: number[] } {
  const scores = new Float32Array(n);
  const facts: number[] = [];
  const { factOf } = index;
  const each = (w: number, visit: (fact: number, bits: number) => void) => {
    const postings = postingsOf(index, w);
    for (let p = 0; p < postings.length; p++) {
      const posting = postings[p]!;
      const slot = Math.floor(posting / FIELD_SLOTS);
      const fact = factOf ? (factOf[slot] ?? -1) : slot;
      const bits = (posting % FIELD_SLOTS) & term.fields;
      if (fact >= 0 && fact < n && bits) visit(fact, bits);
    }
  };
  for (const { word, quality } of term.matches) {
    each(word, (fact, bits) => {
      const s = quality * scoreOf(fieldScore, bits);
      if (scores[fact] === 0) facts.push(fact);
      if (s > scores[fact]!) scores[fact] = s;
    });
  }
  for (const [a, b] of term.splits) {
    const first = new Map<number, number>();
    each(a, (fact, bits) => first.set(fact, (first.get(fact) ?? 0) | bits));
    each(b, (fact, bits) => {
      const other = first.get(fact);
      if (other === undefined) return;
      const s = RANKING.joined * Math.min(scoreOf(fieldScore, other), scoreOf(fieldScore, bits));
      if (scores[fact] === 0) facts.push(fact);
      if (s > scores[fact]!) scores[fact] = s;
    });
  }
  return { scores, facts };
}

/** The candidates whose text holds each phrase of the query with its words together (and none of the excluded phrases). */
async function withPhrases(store: Store, terms: readonly Term[], candidates: number[]): Promise<number[]> {
  const phrases = new Map<string, Term>();
  for (const term of terms) if (term.phrase.length) phrases.set(`${term.negated ? '-' : '+'}${term.fields}:${term.phrase.join(' ')}`, term);
  if (!phrases.size || !candidates.length) return candidates;
  const kept: number[] = [];
  const BATCH = 500;
  for (let at = 0; at < candidates.length; at += BATCH) {
    const batch = candidates.slice(at, at + BATCH);
    const facts = await store.facts(batch);
    facts.forEach((fact, k) => {
      const doc = toDoc(fact);
      if ([...phrases.values()].every((t) => holdsPhrase(doc, t) !== t.negated)) kept.push(batch[k]!);
    });
  }
  return kept;
}

function holdsPhrase(doc: Doc, term: Term): boolean {
  return SEARCH_FIELDS.some((field, i) => {
    if (!(term.fields & (1 << i))) return false;
    const value = doc[field.name];
    return (typeof value === 'string' ? [value] : value).some((text) => {
      const words = wholeWords(text);
      return words.some((_, k) => term.phrase.every((p, j) => words[k + j] === p));
    });
  });
}
