// Listings in every output format, all built from the same JSON records.
import type { ChalkInstance } from 'chalk';
import type { Hit } from '../facts/types.js';
import { cellText, header } from './cells.js';
import { renderCsv, renderMarkdown, renderTsv } from './delimited.js';
import { renderJson, renderNdjson } from './json.js';
import { pickFields, toRecord, type FieldName } from './record.js';
import { renderTable } from './table.js';

export type View = 'search' | 'list' | 'event' | 'treaty' | 'allegation';

/** The columns that matter for each view, when --fields does not say. */
export const DEFAULT_FIELDS: Readonly<Record<View, readonly FieldName[]>> = Object.freeze({
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
  readonly format: 'table' | 'plain' | 'json' | 'ndjson' | 'csv' | 'markdown';
  readonly fields?: readonly FieldName[] | undefined;
  readonly withScore: boolean;
  readonly chalk: ChalkInstance;
  readonly columns: number;
}

export function renderHits(hits: readonly Hit[], options: HitsOptions): string {
  const records = hits.map((hit) => toRecord(hit, options.withScore));
  if (options.format === 'json' || options.format === 'ndjson') {
    const shaped = options.fields ? records.map((r) => pickFields(r, options.fields!)) : records;
    return options.format === 'json' ? renderJson(shaped) : renderNdjson(shaped);
  }
  const fields = options.fields ?? DEFAULT_FIELDS[options.view];
  const human = options.format === 'table';
  const rows = records.map((r) => fields.map((f) => cellText(r, f, human)));
  const headers = fields.map(header);
  switch (options.format) {
    case 'table': {
      if (!rows.length) return '';
      const titleColumn = fields.indexOf('title');
      const highlights = hits.map((hit) => fields.map((_, c) => (c === titleColumn ? hit.titleMatches : undefined)));
      return renderTable(headers, rows, { columns: options.columns, chalk: options.chalk, highlights, rigid: fields.map((f) => RIGID.has(f)) });
    }
    case 'plain':
      return renderTsv(rows);
    case 'csv':
      return renderCsv(fields, rows);
    case 'markdown':
      return renderMarkdown(headers, rows);
  }
}
