// The part of a fact that filters, sorts and the default listing columns need. A listing of 100,000
// cached facts reads only these; the whole record is read for the rows that print more.
import type { FieldName } from '../render/record.js';
import type { AllegationFact, EventFact, FactDate, TreatyFact } from './types.js';

type Common = 'id' | 'kind' | 'title' | 'topics' | 'actors';
type HeadDate = Pick<FactDate, 'start' | 'end' | 'precision' | 'approximate'>;

export type FactHead =
  | (Pick<EventFact, Common> & { readonly date: HeadDate })
  | (Pick<TreatyFact, Common | 'signed' | 'in_force' | 'ended' | 'in_force_now' | 'parties'> & { readonly date: HeadDate })
  | (Pick<AllegationFact, Common | 'status' | 'alleged_by'> & { readonly date: HeadDate });

/** The output fields a head can fill; any other field needs the whole fact. */
export const HEAD_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>([
  'id', 'kind', 'title', 'date', 'start', 'end', 'precision', 'approximate', 'topics', 'actors',
  'signed', 'in_force', 'ended', 'in_force_now', 'parties', 'status', 'alleged_by', 'score',
]);
