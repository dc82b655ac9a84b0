// A table for the terminal: fitted to its width, every cell wrapped, nothing cut off.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { visible, width, wrap } from './text.js';

export interface TableOptions {
  /** terminal width; 0 means unknown, and the table takes its natural width */
  readonly columns: number;
  readonly chalk: ChalkInstance;
  /** per row, per column: [start, end] index ranges (inclusive) of the cell text to highlight */
  readonly highlights?: readonly (readonly (readonly (readonly [number, number])[] | undefined)[])[];
}

const PADDING = 2;
const MIN_CONTENT = 8;

/** Column widths (content only) that fit `total` columns: the widest columns give way first. */
export function fitWidths(natural: readonly number[], total: number): number[] {
  const widths = [...natural];
  const chrome = widths.length + 1 + widths.length * PADDING;
  if (total <= 0) return widths;
  let excess = widths.reduce((a, b) => a + b, 0) + chrome - total;
  while (excess > 0) {
    const widest = Math.max(...widths);
    if (widest <= MIN_CONTENT) break;
    const second = Math.max(MIN_CONTENT, ...widths.filter((w) => w < widest));
    const count = widths.filter((w) => w === widest).length;
    const cut = Math.min(widest - second, Math.ceil(excess / count));
    for (let i = 0; i < widths.length && excess > 0; i++) {
      if (widths[i] === widest) {
        const step = Math.min(cut, excess);
        widths[i] = widest - step;
        excess -= step;
      }
    }
  }
  return widths;
}

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions): string {
  const { chalk } = options;
  const cells = rows.map((row) => row.map(visible));
  const natural = headers.map((h, c) => Math.max(width(h), 1, ...cells.map((row) => Math.max(...row[c]!.split('\n').map(width)))));
  const widths = fitWidths(natural, options.columns);
  const table = new Table({
    head: headers.map((h, c) => wrap(h, widths[c]!).map((l) => chalk.bold(l.text)).join('\n')),
    colWidths: widths.map((w) => w + PADDING),
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const [r, row] of cells.entries()) {
    table.push(
      row.map((cell, c) => {
        const marks = options.highlights?.[r]?.[c];
        return wrap(cell, widths[c]!)
          .map((line) => (marks?.length && chalk.level > 0 ? highlight(line.text, line.offset, marks, chalk) : line.text))
          .join('\n');
      }),
    );
  }
  return `${table.toString()}\n`;
}

function highlight(text: string, offset: number, marks: readonly (readonly [number, number])[], chalk: ChalkInstance): string {
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
