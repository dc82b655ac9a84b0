// The fuzzy index: fuse.js ranks, each query word on its own, and a fact's score is the mean over words.
import Fuse, { type FuseResult } from 'fuse.js';
import { factRange } from '../filter.js';
import type { Fact, Hit } from '../facts/types.js';
import { foldText } from './normalize.js';
import { FUSE_OPTIONS, QUERY_LIMITS, SEARCH_KEYS, STOPWORDS } from './options.js';
import { holdsWord, typoBudget } from './words.js';

interface Doc {
  id: string;
  title: string;
  aliases: string[];
  actors: string[];
  places: string[];
  years: string;
  topics: string[];
  summary: string;
  quotes: string[];
}

export interface SearchIndex {
  readonly facts: readonly Fact[];
  /** typo-tolerant, for longer words */
  readonly fuse: Fuse<Doc>;
  /** the same index, near-exact, for short words */
  readonly exact: Fuse<Doc>;
}

function toDoc(fact: Fact): Doc {
  const range = factRange(fact);
  const from = Math.floor(range.lo / 10000);
  const to = Number.isFinite(range.hi) ? Math.floor(range.hi / 10000) : from;
  return {
    id: fact.id,
    title: foldText(fact.title),
    aliases: fact.aliases.map(foldText),
    actors: fact.actors.map(foldText),
    places: fact.places.map(foldText),
    years: from === to ? String(from) : `${from} ${to}`,
    topics: [...fact.topics],
    summary: foldText(fact.summary),
    quotes: fact.quotes.map((q) => foldText(q.text)),
  };
}

export function buildIndex(facts: readonly Fact[]): SearchIndex {
  const docs = facts.map(toDoc);
  const keys = SEARCH_KEYS.map((k) => ({ ...k }));
  const shared = Fuse.createIndex(keys, docs);
  return {
    facts,
    fuse: new Fuse(docs, { ...FUSE_OPTIONS, keys }, shared),
    exact: new Fuse(docs, { ...FUSE_OPTIONS, keys, threshold: QUERY_LIMITS.shortWordThreshold }, shared),
  };
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

export function search(index: SearchIndex, query: string): Hit[] {
  const words = queryWords(query);
  if (!words.length) return [];
  const perFact = new Map<number, { sum: number; matched: number; title: [number, number][] }>();
  for (const word of words) {
    const fuse = [...word].length < QUERY_LIMITS.fuzzyFromLength ? index.exact : index.fuse;
    for (const result of wordMatches(fuse, word)) {
      const entry = perFact.get(result.refIndex) ?? { sum: 0, matched: 0, title: [] };
      entry.sum += result.score ?? 1;
      entry.matched += 1;
      for (const match of result.matches ?? []) {
        if (match.key === 'title') entry.title.push(...match.indices.map(([a, b]) => [a, b] as [number, number]));
      }
      perFact.set(result.refIndex, entry);
    }
  }
  const hits: Hit[] = [];
  for (const [i, entry] of perFact) {
    if (words.length > 1 && entry.matched / words.length < QUERY_LIMITS.minCoverage) continue;
    // a word that matched nothing counts as the worst score, 1
    const mean = (entry.sum + (words.length - entry.matched)) / words.length;
    hits.push({ fact: index.facts[i]!, score: Math.round((1 - mean) * 1000) / 1000, titleMatches: mergeRanges(entry.title) });
  }
  return hits.sort((a, b) => b.score - a.score || a.fact.id.localeCompare(b.fact.id));
}

/** fuse.js's candidates for one word that hold it as a word: as typed when any fact does, else with typos. */
function wordMatches(fuse: Fuse<Doc>, word: string): FuseResult<Doc>[] {
  const candidates = fuse.search(word);
  const holding = (typos: number) => candidates.filter((r) => (r.matches ?? []).some((m) => holdsWord(m.value ?? '', word, typos)));
  const exact = holding(0);
  return exact.length ? exact : holding(typoBudget([...word].length));
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
