// Rows of records as every output format takes them (format.ts dispatches, table.ts draws), and the
// highlighting of search matches they share.
import type { ChalkInstance } from 'chalk';

/** One column of a listing. */
export interface Column {
  /** the field: the CSV and TSV header, the key --fields names */
  readonly name: string;
  /** the header people read in tables and Markdown */
  readonly header: string;
  /** short values people copy whole (ids, dates, paths): a table never cuts one */
  readonly rigid: boolean;
  /** how long a table keeps the column when it cannot show them all: the lowest goes first */
  readonly keep: number;
}

/** Ranges [start, end] (inclusive) of a cell's text to highlight: where a search matched a title. */
export type Marks = readonly (readonly [number, number])[];

export interface Rows {
  /** what JSON and NDJSON print */
  readonly records: readonly unknown[];
  readonly columns: readonly Column[];
  /** the cells; `human` asks for the forms people read (dates with "–", lists joined by commas) */
  readonly cells: (human: boolean) => string[][];
  /** per row and column: the matches to highlight */
  readonly marks?: (row: number, column: number) => Marks | undefined;
  /** per row and column: a colour for the whole cell (a kind in its colour) */
  readonly tint?: (row: number, column: number) => ChalkInstance | undefined;
}

/** How the forms for people are drawn: colour, the width, and whether table cells wrap or are cut to one line. */
export interface Look {
  readonly chalk: ChalkInstance;
  readonly width: number;
  readonly wrap: boolean;
}

/** `text`, which starts at `offset` of the cell, with the marked characters bold and yellow. */
export function highlight(text: string, offset: number, marks: Marks, chalk: ChalkInstance): string {
  let out = '';
  let run = '';
  let runOn = false;
  let i = 0;
  for (const ch of text) {
    const at = offset + i;
    const on = marks.some(([a, b]) => a <= at && at <= b);
    if (on !== runOn && run) {
      out += runOn ? chalk.bold.yellow(run) : run;
      run = '';
    }
    runOn = on;
    run += ch;
    i += ch.length;
  }
  return out + (runOn ? chalk.bold.yellow(run) : run);
}
