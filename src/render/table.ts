// A table for the terminal: fitted to its width, every cell wrapped, nothing cut off.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { width, wrap } from './text.js';

export interface TableOptions {
  /** terminal width; 0 means unknown, and the table takes its natural width */
  readonly columns: number;
  readonly chalk: ChalkInstance;
  /** per row, per column: [start, end] index ranges (inclusive) of the cell text to highlight */
  readonly highlights?: readonly (readonly (readonly (readonly [number, number])[] | undefined)[])[];
  /** per column: keep it whole while other columns can still give way */
  readonly rigid?: readonly boolean[];
}

const PADDING = 2;
const FLOOR = Object.freeze({ comfortable: 24, text: 12, last: 4 });

/**
 * Column widths (content only) that fit `total` columns, shrinking in stages, widest columns first:
 * free text down to a comfortable width; then rigid columns (ids, dates: what people copy) down to
 * their longest word; then free text down to a readable floor; then anything, to a few characters.
 */
export function fitWidths(natural: readonly number[], total: number, rigid: readonly boolean[] = [], longestWord: readonly number[] = []): number[] {
  const widths = [...natural];
  if (total <= 0) return widths;
  const chrome = widths.length + 1 + widths.length * PADDING;
  let excess = widths.reduce((a, b) => a + b, 0) + chrome - total;
  const floorFor = (text: number, rigidFloor: (i: number) => number) => widths.map((w, i) => Math.min(w, rigid[i] ? rigidFloor(i) : text));
  const stages = [
    floorFor(FLOOR.comfortable, (i) => natural[i]!),
    floorFor(FLOOR.comfortable, (i) => Math.max(FLOOR.last, longestWord[i] ?? 0)),
    floorFor(FLOOR.text, (i) => Math.max(FLOOR.last, longestWord[i] ?? 0)),
    floorFor(FLOOR.last, () => FLOOR.last),
  ];
  for (const floor of stages) {
    while (excess > 0) {
      const open = widths.map((w, i) => w > floor[i]!);
      if (!open.includes(true)) break;
      const widest = Math.max(...widths.filter((_, i) => open[i]));
      const next = Math.max(0, ...widths.filter((w, i) => open[i] && w < widest));
      for (let i = 0; i < widths.length && excess > 0; i++) {
        if (open[i] && widths[i] === widest) {
          const cut = Math.max(1, Math.min(widest - next, widest - floor[i]!, excess));
          widths[i] = widest - cut;
          excess -= cut;
        }
      }
    }
  }
  return widths;
}

export function renderTable(headers: readonly string[], cells: readonly (readonly string[])[], options: TableOptions): string {
  const { chalk } = options;
  const natural = headers.map((h, c) => Math.max(width(h), 1, ...cells.map((row) => Math.max(...row[c]!.split('\n').map(width)))));
  const longest = headers.map((_, c) => Math.max(1, ...cells.flatMap((row) => row[c]!.split(/\s+/).map(width))));
  const widths = fitWidths(natural, options.columns, options.rigid, longest);
  const table = new Table({
    head: headers.map((h, c) =>
      wrap(h, widths[c]!)
        .map((l) => chalk.bold(l.text))
        .join('\n'),
    ),
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
