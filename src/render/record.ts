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

/** All fields of the fact (or of the head, for a listing of head fields) in a stable order; `score` only on search results. */
export function toRecord(hit: Hit<Fact | FactHead>, withScore: boolean): FactRecord {
  const fact: object = hit.fact;
  const record: FactRecord = {};
  for (const key of RECORD_KEYS) if (key in fact) record[key] = (fact as Record<string, unknown>)[key];
  if (withScore) record['score'] = hit.score;
  return record;
}

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

/** The value of one field of the record (null where the kind has no such field). */
export function fieldValue(record: FactRecord, field: FieldName): unknown {
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

export function pickFields(record: FactRecord, fields: readonly FieldName[]): FactRecord {
  return Object.fromEntries(fields.map((f) => [f, fieldValue(record, f)]));
}
