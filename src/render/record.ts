// The JSON record: the one documented contract for scripts. Every other output is built from it.
import type { Fact, Hit } from '../facts/types.js';

export type FactRecord = Record<string, unknown>;

/** All fields of the fact in a stable order; `score` only on search results. */
export function toRecord(hit: Hit, withScore: boolean): FactRecord {
  const f: Fact = hit.fact;
  const head = { id: f.id, kind: f.kind, title: f.title, summary: f.summary, date: f.date };
  const byKind =
    f.kind === 'treaty'
      ? { signed: f.signed, in_force: f.in_force, ended: f.ended, parties: f.parties, duration: f.duration, provisions: f.provisions }
      : f.kind === 'allegation'
        ? { status: f.status, alleged_by: f.alleged_by, denied_by: f.denied_by, confirmed_by: f.confirmed_by, history: f.history }
        : {};
  const tail = {
    topics: f.topics,
    actors: f.actors,
    places: f.places,
    aliases: f.aliases,
    related: f.related,
    quotes: f.quotes,
    sources: f.sources,
    note: f.note,
    file: f.file,
  };
  return withScore ? { ...head, ...byKind, ...tail, score: hit.score } : { ...head, ...byKind, ...tail };
}

/** The names --fields accepts: the record's fields, plus `start`/`end` for the date's bounds. */
export const FIELD_NAMES = Object.freeze([
  'id', 'kind', 'title', 'summary', 'date', 'start', 'end', 'precision', 'approximate', 'date_note',
  'signed', 'in_force', 'ended', 'parties', 'duration', 'provisions',
  'status', 'alleged_by', 'denied_by', 'confirmed_by', 'history',
  'topics', 'actors', 'places', 'aliases', 'related', 'quotes', 'sources', 'note', 'file', 'score',
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
