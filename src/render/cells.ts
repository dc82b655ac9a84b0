// A record's fields as one line of text each, for tables, tab-separated lines, CSV and Markdown.
import type { FactDate, Quote, Source, StatusChange } from '../facts/types.js';
import { fieldValue, type FactRecord, type FieldName } from './record.js';

/**
 * A date as text. Plain form follows ISO 8601 and its extension EDTF: `1804-06-22/1813-10-24` for a
 * span, `2022-11/..` for one that has not ended, `1521~` for an approximate date. The human form
 * uses an en dash, "present" and "c.".
 */
export function formatDate(date: FactDate, human = false): string {
  const mark = date.approximate ? (human ? 'c. ' : '') : '';
  const tilde = date.approximate && !human ? '~' : '';
  if (date.end === date.start) return `${mark}${date.start}${tilde}`;
  const end = date.end ?? (human ? 'present' : '..');
  return human ? `${mark}${date.start} – ${end}` : `${date.start}${tilde}/${end}`;
}

/** What a timeline draws as a bar: a span's start and end, `end` null while it goes on. */
export interface Span {
  readonly start: string;
  readonly end: string | null;
}

/** A span as text: `1814-09-27/1828-02-22` and `2022-11/..` (EDTF), or for people `1814-09-27 – 1828-02-22`. */
const spanText = (span: Span, human = false): string => (human ? `${span.start} – ${span.end ?? 'present'}` : `${span.start}/${span.end ?? '..'}`);

const SEP = ', ';

/** A list as people read it: items joined with commas, a source by its address, a quote with its speaker. */
function listText(value: readonly unknown[]): string {
  return value
    .map((item) => {
      if (typeof item === 'string') return item;
      const o = item as Partial<Source & Quote & StatusChange>;
      if (o.url !== undefined) return o.url;
      if (o.speaker !== undefined) return `"${o.text}" (${o.speaker}${o.date ? `, ${o.date}` : ''})`;
      if (o.status !== undefined) return `${o.date} ${o.status}`;
      return JSON.stringify(item);
    })
    .join(SEP);
}

/**
 * A field as text; empty for a missing value. The human form (tables, cards, Markdown) joins a list with
 * commas and writes dates with "–" and "present"; the data form (plain lines, TSV, CSV) writes a list or
 * an object as JSON, which splits back whatever its items hold (as sqlite-utils writes them), and dates
 * in ISO 8601/EDTF. Line breaks and tabs are left in: each format decides what to do with them.
 */
export function cellText(record: FactRecord, field: string, human = false): string {
  const value = fieldValue(record, field);
  if (field === 'date') return formatDate(value as FactDate, human);
  if (field === 'span') return value === null ? '' : spanText(value as Span, human);
  // a table tells a treaty still in force from one whose end is not recorded; data keeps the field empty, as in the record
  if (field === 'ended' && value === null && human && record['in_force_now'] === true) return 'in force';
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return human ? listText(value) : JSON.stringify(value);
  return typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`;
}

const HEADERS: Readonly<Partial<Record<FieldName, string>>> = Object.freeze({
  in_force: 'in force',
  alleged_by: 'alleged by',
  denied_by: 'denied by',
  confirmed_by: 'confirmed by',
  date_note: 'date note',
});

export const header = (field: string): string => HEADERS[field as FieldName] ?? field;
