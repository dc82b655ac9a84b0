// Listings in every output format, all built from the same JSON records.
import type { ChalkInstance } from 'chalk';
import type { FactHead } from '../facts/head.js';
import type { Fact, Hit } from '../facts/types.js';
import { cellText, header } from './cells.js';
import type { Rows } from './format.js';
import { pickFields, toRecord, type FieldName } from './record.js';

export type View = 'search' | 'list' | 'event' | 'treaty' | 'allegation';

/** The columns that matter for each view, when --fields does not say. */
const DEFAULT_FIELDS: Readonly<Record<View, readonly FieldName[]>> = Object.freeze({
  search: ['date', 'kind', 'id', 'title'],
  list: ['date', 'kind', 'id', 'title'],
  event: ['date', 'id', 'title', 'topics'],
  treaty: ['signed', 'in_force', 'ended', 'id', 'title'],
  allegation: ['date', 'status', 'alleged_by', 'id', 'title'],
});

/** Columns of short values that people copy whole: shrunk only as a last resort. */
const RIGID: ReadonlySet<FieldName> = new Set(['id', 'kind', 'date', 'start', 'end', 'signed', 'in_force', 'ended', 'status', 'score', 'precision']);

export interface HitsOptions {
  readonly view: View;
  readonly fields?: readonly FieldName[] | undefined;
  readonly withScore: boolean;
  readonly chalk: ChalkInstance;
  readonly columns: number;
}

/** The rows of a listing, for any renderer. */
export function hitRows(hits: readonly Hit<Fact | FactHead>[], options: HitsOptions): Rows {
  const records = hits.map((hit) => toRecord(hit, options.withScore));
  const fields = options.fields ?? DEFAULT_FIELDS[options.view];
  const titleColumn = fields.indexOf('title');
  return {
    records: options.fields ? records.map((r) => pickFields(r, fields)) : records,
    names: fields,
    headers: fields.map(header),
    cells: (human) => records.map((r) => fields.map((f) => cellText(r, f, human))),
    table: {
      columns: options.columns,
      chalk: options.chalk,
      highlights: hits.map((hit) => fields.map((_, c) => (c === titleColumn ? hit.titleMatches : undefined))),
      rigid: fields.map((f) => RIGID.has(f)),
    },
  };
}
