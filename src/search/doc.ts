// What search reads of a fact: every text that `rif show` prints of it, folded, in the fields of
// SEARCH_FIELDS. People and bodies (actors, treaty parties, who alleged, denied or confirmed an
// allegation, who moved its status, who said a quote) are all actors; a fact's notes are its note, date
// note, the notes of its status history and quotes, and a treaty's duration.
import { factRange } from '../filter.js';
import type { Fact } from '../facts/types.js';
import { foldText } from './normalize.js';
import { RANKING, SEARCH_FIELDS, type FieldName } from './options.js';

export type Doc = Readonly<Record<FieldName, string | readonly string[]>> & {
  readonly id: string;
  readonly title: string;
  readonly years: string;
  readonly summary: string;
};

export const toDoc = (fact: Fact): Doc => docOf(fact);

/** The fields closeness.ts may read: those whose words standing together count (RANKING.closeFrom). */
export const CLOSE_FIELDS: ReadonlySet<FieldName> = new Set(SEARCH_FIELDS.filter((f) => f.weight >= RANKING.closeFrom).map((f) => f.name));

/**
 * What closeness.ts reads of a fact: the doc with only CLOSE_FIELDS folded, the others empty. A store
 * keeps it for each fact, so that a search reads it rather than the whole fact and folds nothing.
 */
export const closeDoc = (fact: Fact): Doc => docOf(fact, CLOSE_FIELDS);

function docOf(fact: Fact, only?: ReadonlySet<FieldName>): Doc {
  const fold = (name: FieldName, texts: readonly string[]): string[] => (only && !only.has(name) ? [] : texts.map(foldText));
  const one = (name: FieldName, text: string): string => (only && !only.has(name) ? '' : foldText(text));
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
    title: one('title', fact.title),
    aliases: fold('aliases', fact.aliases),
    actors: fold('actors', [...new Set(actors)]),
    places: fold('places', fact.places),
    years: from === to ? String(from) : `${from} ${to}`,
    topics: fact.topics,
    summary: one('summary', fact.summary),
    quotes: fold(
      'quotes',
      fact.quotes.map((q) => q.text),
    ),
    provisions: fold('provisions', provisions),
    notes: fold(
      'notes',
      notes.filter((n): n is string => Boolean(n)),
    ),
    sources: fold(
      'sources',
      fact.sources.flatMap((s) => [s.title, s.title_en, s.publisher].filter((t): t is string => Boolean(t))),
    ),
  };
}
