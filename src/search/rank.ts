// Search: the word index says which facts hold each term of the query and in which fields; a fact scores
// by how well and where it holds each term (the title and aliases above a note or a source's title),
// each term weighted by how rare it is, so that the subject of a question outweighs "russia" and "iran".
// Every fact that matches is ranked, from the index alone: only a phrase needs the facts' text.
import type { Store } from '../store/store.js';
import { closeness } from './closeness.js';
import { toDoc, type Doc } from './doc.js';
import { QUERY_LIMITS, RANKING, SEARCH_FIELDS } from './options.js';
import { parseQuery, type Query } from './query.js';
import { termsOf, type Term } from './terms.js';
import { FIELD_SLOTS, type WordIndex } from './word-index.js';
import { splitWords } from './words.js';

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

/** Per field bits: the best field's weight and a little of the others', as a share of full marks. */
const FIELD_SCORE = (() => {
  const scores = new Float64Array(FIELD_SLOTS);
  for (let bits = 1; bits < FIELD_SLOTS; bits++) {
    const weights = SEARCH_FIELDS.flatMap((f, i) => (bits & (1 << i) ? [f.weight] : []));
    const best = Math.max(...weights);
    const rest = weights.reduce((a, b) => a + b, 0) - best;
    scores[bits] = Math.min(1, (best + RANKING.otherFields * rest) / RANKING.fullMarks);
  }
  return scores;
})();

/**
 * Searches the facts of `store` that `keep` accepts (all by default). A query given as text is parsed
 * as plain words, without the search syntax.
 */
export async function search(store: Store, query: Query | string, keep: (index: number) => boolean = () => true): Promise<SearchResult> {
  const parsed = typeof query === 'string' ? parseQuery(query, false) : query;
  const index = await store.wordIndex();
  const terms = termsOf(index, parsed);
  const n = store.size;
  const matchedWords = new Set<string>();
  const positive = terms.filter((t) => !t.negated);
  const freeCount = positive.filter((t) => !t.required).length;
  const total = new Float64Array(n);
  const held = new Uint16Array(n);
  const heldRequired = new Uint16Array(n);
  const required = positive.length - freeCount;
  let idfSum = 0;
  const unknown: string[] = [];
  for (const term of positive) {
    const scores = termScores(index, term, n);
    let df = 0;
    for (let f = 0; f < n; f++) if (scores[f]! > 0) df++;
    if (!df) unknown.push(term.text);
    const idf = Math.log(1 + n / Math.max(1, df));
    idfSum += idf;
    for (let f = 0; f < n; f++) {
      const s = scores[f]!;
      if (s === 0) continue;
      total[f] = total[f]! + idf * s;
      held[f] = held[f]! + 1;
      if (term.required) heldRequired[f] = heldRequired[f]! + 1;
    }
    for (const m of term.matches) matchedWords.add(index.words.at(m.word)!);
  }
  const excluded = new Uint8Array(n);
  for (const term of terms.filter((t) => t.negated && !t.phrase.length)) {
    const scores = termScores(index, term, n);
    for (let f = 0; f < n; f++) if (scores[f]! > 0) excluded[f] = 1;
  }
  const passes = (f: number): boolean => {
    if (excluded[f] || !keep(f)) return false;
    if (!positive.length) return true;
    if (heldRequired[f]! < required) return false;
    return freeCount === 0 || (held[f]! - heldRequired[f]!) / freeCount >= QUERY_LIMITS.minCoverage;
  };
  let candidates: number[] = [];
  for (let f = 0; f < n; f++) if ((held[f]! > 0 || !positive.length) && passes(f)) candidates.push(f);
  candidates = await withPhrases(store, terms, candidates);
  const hits = candidates.map((f) => ({ index: f, score: idfSum > 0 ? total[f]! / idfSum : 0 }));
  hits.sort((a, b) => b.score - a.score || a.index - b.index);
  const free = positive.filter((t) => !t.required);
  if (free.length) await closer(store, index, free, hits);
  // what the text can add is part of full marks: every score stays within 0-1, the order as summed
  const full = free.length ? 1 + RANKING.together + RANKING.names : 1;
  for (const hit of hits) hit.score = Math.round((hit.score / full) * 1000) / 1000;
  return { hits, ranked: positive.length > 0, matchedWords, unknown };
}

/** The best hits by the index, read, and scored again with what their text adds (closeness.ts); best first again. */
async function closer(store: Store, index: WordIndex, terms: readonly Term[], hits: { index: number; score: number }[]): Promise<void> {
  const top = hits.slice(0, RANKING.closeRead);
  const words = terms.map((t) => new Set(t.matches.map((m) => index.words.at(m.word)!)));
  const facts = await store.facts(top.map((h) => h.index));
  top.forEach((hit, k) => (hit.score += closeness(toDoc(facts[k]!), words)));
  // a score only grows here, so the hits read stay above the rest
  top.sort((a, b) => b.score - a.score || a.index - b.index);
  hits.splice(0, top.length, ...top);
}

/** Per fact, how well it holds the term: how the word matched times where (0 for not at all). */
function termScores(index: WordIndex, term: Term, n: number): Float32Array {
  const scores = new Float32Array(n);
  const { factOf } = index;
  const each = (w: number, visit: (fact: number, bits: number) => void) => {
    for (let p = index.starts[w]!; p < index.starts[w + 1]!; p++) {
      const posting = index.postings[p]!;
      const slot = Math.floor(posting / FIELD_SLOTS);
      const fact = factOf ? (factOf[slot] ?? -1) : slot;
      const bits = (posting % FIELD_SLOTS) & term.fields;
      if (fact >= 0 && fact < n && bits) visit(fact, bits);
    }
  };
  for (const { word, quality } of term.matches) {
    each(word, (fact, bits) => {
      const s = quality * FIELD_SCORE[bits]!;
      if (s > scores[fact]!) scores[fact] = s;
    });
  }
  for (const [a, b] of term.splits) {
    const first = new Map<number, number>();
    each(a, (fact, bits) => first.set(fact, (first.get(fact) ?? 0) | bits));
    each(b, (fact, bits) => {
      const other = first.get(fact);
      if (other === undefined) return;
      const s = RANKING.joined * Math.min(FIELD_SCORE[other]!, FIELD_SCORE[bits]!);
      if (s > scores[fact]!) scores[fact] = s;
    });
  }
  return scores;
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
      const words = splitWords(text).whole.map((w) => w.toLowerCase());
      return words.some((_, k) => term.phrase.every((p, j) => words[k + j] === p));
    });
  });
}
