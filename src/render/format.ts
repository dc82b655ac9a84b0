// One dispatch over the output formats, for every command that prints rows of records: the same
// records behind JSON, NDJSON, CSV, TSV, plain lines, Markdown and the terminal table.
import type { ChalkInstance } from 'chalk';
import { visible } from '../control.js';
import { cellText } from './cells.js';
import { renderCsv, renderMarkdown, renderTsv } from './delimited.js';
import { renderJson, renderNdjson } from './json.js';
import { pickFields, type FactRecord } from './record.js';
import { highlight, type Column, type Look, type Rows } from './rows.js';

export type { Column, Look, Rows } from './rows.js';

export const FORMATS = Object.freeze(['table', 'plain', 'json', 'ndjson', 'csv', 'tsv', 'markdown'] as const);
/** The widest anything is drawn, in columns (--width, COLUMNS, the terminal): a picture 10,000 pixels wide. */
export const MAX_WIDTH = 1000;
export type Format = (typeof FORMATS)[number];

export type Renderer = (rows: Rows, look: Look) => string;

/**
 * Rows of records: each column's cells from the field it names. With `pick`, JSON prints only those
 * fields (--fields); otherwise the whole records. `records` may be made only when JSON asks for them;
 * the cells then read their fields from `cellsFrom`, objects that hold what the records would (a
 * record is its fact's fields, with null for the fields the fact lacks).
 */
export function recordRows(
  records: readonly object[] | (() => readonly object[]),
  columns: readonly Column[],
  options: { readonly pick: boolean; readonly marks?: Rows['marks']; readonly tint?: Rows['tint']; readonly cellsFrom?: readonly object[] },
): Rows {
  const names = columns.map((c) => c.name);
  const all = (typeof records === 'function' ? records : () => records) as () => readonly FactRecord[];
  let printed: readonly unknown[] | undefined;
  return {
    get records() {
      return (printed ??= options.pick ? all().map((r) => pickFields(r, names)) : all());
    },
    columns,
    cells: (human) => ((options.cellsFrom ?? all()) as readonly FactRecord[]).map((r) => names.map((name) => cellText(r, name, human))),
    marks: options.marks,
    tint: options.tint,
  };
}

/** Plain columns: free text unless named rigid, kept in the order given. */
export function columnsOf(names: readonly string[], rigid: readonly string[] = [], headers: (name: string) => string = (n) => n): Column[] {
  return names.map((name, i) => ({ name, header: headers(name), rigid: rigid.includes(name), keep: names.length - i }));
}

/** A cell on one line: a tab or a line break inside it becomes a space (TSV and tables cannot hold them). */
const oneLine = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/** Every cell of every text format, with control characters escaped: fact text may come from anyone's files. */
const shown = (rows: Rows, human: boolean, lines = oneLine): string[][] => {
  const cells = rows.cells(human);
  // the rows are this call's own: changed in place (a listing of 100,000 facts has thousands)
  for (const row of cells) for (let c = 0; c < row.length; c++) row[c] = visible(lines(row[c]!));
  return cells;
};

/** Cells coloured for people who asked for colour in a pipe: the kind in its colour, search matches highlighted. */
function coloured(rows: Rows, cells: string[][], chalk: ChalkInstance): string[][] {
  if (chalk.level === 0) return cells;
  return cells.map((row, r) =>
    row.map((cell, c) => {
      const marks = rows.marks?.(r, c);
      const text = marks?.length ? highlight(cell, 0, marks, chalk) : cell;
      return rows.tint?.(r, c)?.(text) ?? text;
    }),
  );
}

/** The renderer for a format. cli-table3 is loaded only when a table is wanted: pipes never pay for it. */
export async function rendererFor(format: Format): Promise<Renderer> {
  const renderTable = format === 'table' ? (await import('./table.js')).renderTable : undefined;
  return (rows, look) => {
    const names = rows.columns.map((c) => c.name);
    switch (format) {
      case 'json':
        return renderJson(rows.records);
      case 'ndjson':
        return renderNdjson(rows.records);
      case 'table': {
        const cells = shown(rows, true);
        return cells.length ? renderTable!(rows.columns, cells, { ...look, marks: rows.marks, tint: rows.tint }) : '';
      }
      case 'plain':
        return renderTsv(coloured(rows, shown(rows, false), look.chalk));
      case 'tsv':
        return renderTsv([names, ...shown(rows, false)]);
      case 'csv':
        // RFC 4180 quotes a field that holds a line break: the text stays as written
        return renderCsv(
          names,
          shown(rows, false, (text) => text),
        );
      case 'markdown':
        return renderMarkdown(
          rows.columns.map((c) => c.header),
          shown(rows, true),
        );
    }
  };
}
