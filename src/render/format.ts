// One dispatch over the output formats, for every command that prints rows of records.
import { visible } from '../control.js';
import { renderCsv, renderMarkdown, renderTsv } from './delimited.js';
import { renderJson, renderNdjson } from './json.js';
import type { TableOptions } from './table.js';

export type Format = 'table' | 'plain' | 'json' | 'ndjson' | 'csv' | 'markdown';

export interface Rows {
  /** what JSON and NDJSON print */
  readonly records: readonly unknown[];
  /** the machine names of the columns: the CSV header */
  readonly names: readonly string[];
  /** the column headers people read: tables and Markdown */
  readonly headers: readonly string[];
  /** the cells, one line of text each; `human` asks for the table's forms (dates with "–", "c.") */
  readonly cells: (human: boolean) => string[][];
  readonly table: TableOptions;
}

export type Renderer = (data: Rows) => string;

/** Rows of plain records whose field names are also the column headers (rif topics, rif paths). */
export function namedRows<T>(records: readonly T[], names: readonly string[], cells: (record: T) => string[], table: TableOptions): Rows {
  return { records, names, headers: names, cells: () => records.map(cells), table };
}

/** Every cell of every text format, with control characters escaped: fact text may come from anyone's files. */
const visibleCells = (data: Rows, human: boolean): string[][] => data.cells(human).map((row) => row.map(visible));

/** The renderer for a format. cli-table3 is loaded only when a table is wanted: pipes never pay for it. */
export async function rendererFor(format: Format): Promise<Renderer> {
  const renderTable = format === 'table' ? (await import('./table.js')).renderTable : undefined;
  return (data) => {
    switch (format) {
      case 'json':
        return renderJson(data.records);
      case 'ndjson':
        return renderNdjson(data.records);
      case 'table': {
        const rows = visibleCells(data, true);
        return rows.length ? renderTable!(data.headers, rows, data.table) : '';
      }
      case 'plain':
        return renderTsv(visibleCells(data, false));
      case 'csv':
        return renderCsv(data.names, visibleCells(data, false));
      case 'markdown':
        return renderMarkdown(data.headers, visibleCells(data, false));
    }
  };
}
