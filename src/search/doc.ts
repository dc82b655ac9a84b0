// What search reads of a fact: every text that `rif show` prints of it, folded, in the fields of
// SEARCH_FIELDS. People and bodies (actors, treaty parties, who alleged, denied or confirmed an
// allegation, who moved its status, who said a quote) are all actors; a fact's notes are its note, date
// note, the notes of its status history and quotes, and a treaty's duration.
import { factRange } from '../filter.js';
import type { Fact } from '../facts/types.js';
import { foldText } from './normalize.js';
import type { FieldName } from './options.js';

export type Doc = Readonly<Record<FieldName, string | readonly string[]>> & {
  readonly id: string;
  readonly title: string;
  readonly years: string;
  readonly summary: string;
};

export const toDoc = (fact: Fact): Doc => docOf(fact, false);

/** The doc without the notes and sources, which closeness.ts does not read. */
export const briefDoc = (fact: Fact): Doc => docOf(fact, true);

function docOf(fact: Fact, brief: boolean): Doc {
  const range = factRange(fact);
  const from = Math.floor(range.lo / 10000);
  const to = Number.isFinite(range.hi) ? Math.floor(range.hi / 10000) : from;
  const actors: string[] = [...fact.actors, ...fact.quotes.map((q) => q.speaker)];
  const notes: (string | null)[] = [fact.note, fact.date.note, ...fact.quotes.map((q) => q.note)];
  let provisions: readonly string[] = [];
  if (fact.kind === 'treaty') {
    actors.push(...fact.parties);
    notes.push(fact.duration);
    provisions = fact.provisions;
  } else if (fact.kind === 'allegation') {
    actors.push(...fact.alleged_by, ...fact.denied_by, ...fact.confirmed_by, ...fact.history.flatMap((h) => h.by));
    notes.push(...fact.history.map((h) => h.note));
  }
  return {
    id: fact.id,
    title: foldText(fact.title),
    aliases: fact.aliases.map(foldText),
    actors: [...new Set(actors)].map(foldText),
    places: fact.places.map(foldText),
    years: from === to ? String(from) : `${from} ${to}`,
    topics: fact.topics,
    summary: foldText(fact.summary),
    quotes: fact.quotes.map((q) => foldText(q.text)),
    provisions: provisions.map(foldText),
    notes: brief ? [] : notes.filter((n): n is string => Boolean(n)).map(foldText),
    sources: brief ? [] : fact.sources.flatMap((s) => [s.title, s.title_en, s.publisher].filter((t): t is string => Boolean(t)).map(foldText)),
  };
}
