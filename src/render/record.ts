// The JSON record: the one documented contract for scripts. Every other output is built from it.
import type { FactHead } from '../facts/head.js';
import type { Fact, Hit } from '../facts/types.js';

export type FactRecord = Record<string, unknown>;

/** The record's keys in their stable order; a kind's own fields sit between the date and the topics. */
const RECORD_KEYS = Object.freeze([
  'id',
  'kind',
  'title',
  'summary',
  'date',
  'signed',
  'in_force',
  'ended',
  'in_force_now',
  'parties',
  'duration',
  'provisions',
  'status',
  'alleged_by',
  'denied_by',
  'confirmed_by',
  'history',
  'topics',
  'actors',
  'places',
  'aliases',
  'related',
  'quotes',
  'sources',
  'note',
  'file',
] as const);

/**
 * Every field of the record in a stable order, on every kind: a field that does not apply to the fact's
 * kind (a treaty's parties on an event) is null, and so is `score` outside a search. Built from a head,
 * for a listing of head fields only, the fields a head lacks are null too; they are never printed then.
 */
export function toRecord(hit: Hit<Fact | FactHead>, withScore: boolean): FactRecord {
  const fact = hit.fact as unknown as Record<string, unknown>;
  // a copy of a record of nulls, then its fields set: every record one shape, its keys in order (adding
  // 28 keys one at a time left V8 a slow dictionary of each, and a 9,000-row listing copied them all)
  const record: FactRecord = { ...EMPTY };
  for (let k = 0; k < RECORD_KEYS.length; k++) {
    const key = RECORD_KEYS[k]!;
    if (key in fact) record[key] = fact[key];
  }
  if (withScore) record['score'] = hit.score;
  return record;
}

/** The record's keys in the order JSON prints them, `score` last. */
export const RECORD_FIELDS: readonly string[] = Object.freeze([...RECORD_KEYS, 'score']);

/** A record with every field null, made by JSON.parse, which gives an object of one fixed shape. */
const EMPTY: FactRecord = JSON.parse(JSON.stringify(Object.fromEntries(RECORD_FIELDS.map((key) => [key, null])))) as FactRecord;

/** The names --fields accepts: the record's fields, plus `start`/`end` for the date's bounds. */
export const FIELD_NAMES = Object.freeze([
  'id',
  'kind',
  'title',
  'summary',
  'date',
  'start',
  'end',
  'precision',
  'approximate',
  'date_note',
  'signed',
  'in_force',
  'ended',
  'in_force_now',
  'parties',
  'duration',
  'provisions',
  'status',
  'alleged_by',
  'denied_by',
  'confirmed_by',
  'history',
  'topics',
  'actors',
  'places',
  'aliases',
  'related',
  'quotes',
  'sources',
  'note',
  'file',
  'score',
] as const);
export type FieldName = (typeof FIELD_NAMES)[number];

/** The value of one field of the record (null where the kind has no such field); other fields (a timeline's group) as they are. */
export function fieldValue(record: FactRecord, field: string): unknown {
  const date = record['date'] as Fact['date'];
  switch (field) {
    case 'start':
      return date.start;
    case 'end':
      return date.end;
    case 'precision':
      return date.precision;
    case 'approximate':
      return date.approximate;
    case 'date_note':
      return date.note;
    default:
      return field in record ? record[field] : null;
  }
}

export function pickFields(record: FactRecord, fields: readonly string[]): FactRecord {
  return Object.fromEntries(fields.map((f) => [f, fieldValue(record, f)]));
}
