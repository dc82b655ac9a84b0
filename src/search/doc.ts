// What search reads of a fact: its searchable fields, folded, in the order of SEARCH_KEYS (best weight first).
import { factRange } from '../filter.js';
import type { Fact } from '../facts/types.js';
import { foldText } from './normalize.js';

export interface Doc {
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

export function toDoc(fact: Fact): Doc {
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
