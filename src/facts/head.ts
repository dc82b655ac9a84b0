// The part of a fact that filters, sorts and the default listing columns need. A listing of 100,000
// cached facts reads only these; the whole record is read for the rows that print more.
import type { AllegationFact, EventFact, Fact, FactDate, TreatyFact } from './types.js';

type Common = 'id' | 'kind' | 'title' | 'topics' | 'actors';
type HeadDate = Pick<FactDate, 'start' | 'end' | 'precision' | 'approximate'>;

export type FactHead =
  | (Pick<EventFact, Common> & { readonly date: HeadDate })
  | (Pick<TreatyFact, Common | 'signed' | 'in_force' | 'ended' | 'in_force_now' | 'parties'> & { readonly date: HeadDate })
  | (Pick<AllegationFact, Common | 'status' | 'alleged_by'> & { readonly date: HeadDate });

/** The output fields a head can fill; any other field needs the whole fact. */
export const HEAD_FIELDS: ReadonlySet<string> = new Set([
  'id', 'kind', 'title', 'date', 'start', 'end', 'precision', 'approximate', 'topics', 'actors',
  'signed', 'in_force', 'ended', 'in_force_now', 'parties', 'status', 'alleged_by', 'score',
]);

/** The head of a fact. */
export function headOf(fact: Fact): FactHead {
  const { id, title, topics, actors } = fact;
  const date = { start: fact.date.start, end: fact.date.end, precision: fact.date.precision, approximate: fact.date.approximate };
  if (fact.kind === 'treaty') {
    const { signed, in_force, ended, in_force_now, parties } = fact;
    return { id, kind: 'treaty', title, date, topics, actors, signed, in_force, ended, in_force_now, parties };
  }
  if (fact.kind === 'allegation') return { id, kind: 'allegation', title, date, topics, actors, status: fact.status, alleged_by: fact.alleged_by };
  return { id, kind: 'event', title, date, topics, actors };
}
