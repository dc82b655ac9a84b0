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

const SEP = ', ';

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

/** A field as single-line text; empty for a missing value. */
export function cellText(record: FactRecord, field: FieldName, human = false): string {
  const value = fieldValue(record, field);
  let text = '';
  if (field === 'date') text = formatDate(value as FactDate, human);
  // a table tells a treaty still in force from one whose end is not recorded; plain output keeps the field empty
  else if (field === 'ended' && value === null && human && record['in_force_now'] === true) text = 'in force';
  else if (Array.isArray(value)) text = listText(value);
  else if (value !== null && value !== undefined) text = typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`;
  return text.replace(/[\t\r\n]+/g, ' ');
}

const HEADERS: Readonly<Partial<Record<FieldName, string>>> = Object.freeze({
  in_force: 'in force',
  alleged_by: 'alleged by',
  denied_by: 'denied by',
  confirmed_by: 'confirmed by',
  date_note: 'date note',
});

export const header = (field: FieldName): string => HEADERS[field] ?? field;
