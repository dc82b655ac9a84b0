// Listings in every output format, all built from the same JSON records.
import type { ChalkInstance } from 'chalk';
import type { FactHead } from '../facts/head.js';
import type { Fact, Hit } from '../facts/types.js';
import { kindColor } from './bars.js';
import { header } from './cells.js';
import { recordRows, type Column, type Rows } from './format.js';
import { toRecord, type FactRecord, type FieldName } from './record.js';

export type View = 'search' | 'list' | 'event' | 'treaty' | 'allegation';

/** The columns that matter for each view, when --fields does not say. */
const DEFAULT_FIELDS: Readonly<Record<View, readonly FieldName[]>> = Object.freeze({
  search: ['date', 'kind', 'id', 'title'],
  list: ['date', 'kind', 'id', 'title'],
  event: ['date', 'id', 'title', 'topics'],
  treaty: ['signed', 'in_force', 'ended', 'id', 'title'],
  allegation: ['date', 'status', 'alleged_by', 'id', 'title'],
});

/** Columns of short values that people copy whole: never cut. */
const RIGID: ReadonlySet<string> = new Set([
  'id',
  'kind',
  'date',
  'start',
  'end',
  'signed',
  'in_force',
  'ended',
  'status',
  'score',
  'precision',
  'group',
  'span',
  'file',
]);

/**
 * What a narrow table keeps longest: the id (to copy into rif show) and the title (to read), then the
 * date. A field not named here goes before all of these.
 */
const KEEP: Readonly<Partial<Record<string, number>>> = Object.freeze({
  id: 100,
  title: 90,
  date: 80,
  signed: 80,
  status: 70,
  group: 65,
  kind: 60,
  ended: 50,
  alleged_by: 40,
  in_force: 30,
});

/** The columns for these fields: rigid where values are copied whole, kept in the order above. */
export function factColumns(fields: readonly string[]): Column[] {
  return fields.map((name) => ({ name, header: header(name), rigid: RIGID.has(name), keep: KEEP[name] ?? 0 }));
}

export interface HitsOptions {
  readonly view: View;
  readonly fields?: readonly string[] | undefined;
  readonly withScore: boolean;
  readonly chalk: ChalkInstance;
  /** fields a command adds to each record (a timeline's group and span) */
  readonly extra?: (hit: Hit<Fact | FactHead>, index: number) => Readonly<Record<string, unknown>>;
}

/** The rows of a listing, for any renderer: the title's search matches marked, the kind in its colour. */
export function hitRows(hits: readonly Hit<Fact | FactHead>[], options: HitsOptions): Rows {
  const { extra, withScore } = options;
  const records = (): FactRecord[] =>
    extra ? hits.map((hit, i) => ({ ...toRecord(hit, withScore), ...extra(hit, i) })) : hits.map((hit) => toRecord(hit, withScore));
  const fields = options.fields ?? DEFAULT_FIELDS[options.view];
  const title = fields.indexOf('title');
  const kind = fields.indexOf('kind');
  return recordRows(records, factColumns(fields), {
    pick: options.fields !== undefined,
    marks: (r, c) => (c === title ? hits[r]!.titleMatches : undefined),
    tint: (r, c) => (c === kind ? kindColor(options.chalk, hits[r]!.fact.kind) : undefined),
    // without a score or added fields, a record holds its fact's fields: the cells read the facts
    ...(extra || withScore ? {} : { cellsFrom: hits.map((hit) => hit.fact) }),
  });
}
