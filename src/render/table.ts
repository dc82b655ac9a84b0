// A table for people, fitted to a width. Two layouts: a grid whose cells wrap (every word kept), and a
// compact one of a line per row whose free text is cut with "…". Neither ever cuts an id, a date or a
// header: when those cannot all fit, whole columns are left out, the least needed first, and a last
// line says which.
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { highlight, type Column, type Look, type Marks, type Rows } from './rows.js';
import { width, wrap } from './text.js';

export interface TableOptions extends Look {
  readonly marks?: Rows['marks'];
  readonly tint?: Rows['tint'];
}

const FLOOR = Object.freeze({
  /** free text gives way first, down to this */
  comfortable: 24,
  /** the narrowest a free-text column gets in the grid before a column is left out */
  wrapped: 12,
  /** and on a line of its own, cut with "…" */
  compact: 12,
});
/** the grid: a border before every column and after the last, a space each side of a cell */
const GRID = Object.freeze({ border: 1, padding: 2 });
/** the compact layout: two spaces between columns */
const GAP = 2;
const ELLIPSIS = '…';

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const longestWord = (text: string): number => words(text).reduce((a, w) => Math.max(a, width(w)), 0);

interface Measure {
  readonly natural: number;
  /** the narrowest the column may get */
  readonly least: number;
  /** where free text stops giving way before rigid columns start to */
  readonly comfortable: number;
}

/** Each column's natural width and the least it may take in a layout. */
function measure(columns: readonly Column[], cells: readonly (readonly string[])[], wrapped: boolean): Measure[] {
  return columns.map((column, c) => {
    const texts = cells.map((row) => row[c]!);
    const natural = Math.max(1, width(column.header), ...texts.map(width));
    // a header is never cut: in the grid it may wrap between its words, on one line it is whole
    const head = wrapped ? longestWord(column.header) : width(column.header);
    const floor = wrapped ? FLOOR.wrapped : FLOOR.compact;
    // an id or a date is never cut: in the grid it may wrap at its spaces (1804-06 – 1813-10-24)
    const rigid = wrapped ? Math.max(1, ...texts.map(longestWord)) : natural;
    const least = Math.max(head, column.rigid ? rigid : Math.min(natural, floor));
    return { natural, least, comfortable: column.rigid ? natural : Math.max(least, Math.min(natural, FLOOR.comfortable)) };
  });
}

const chrome = (n: number, wrapped: boolean): number => (wrapped ? n * (GRID.border + GRID.padding) + GRID.border : (n - 1) * GAP);

/** Columns kept this much or more (the id, the title) are never left out: free text among them is cut instead. */
const ESSENTIAL = 90;

/**
 * The columns to show: all of them when their least widths fit, else without the least needed ones
 * (lowest `keep`) until the rest fit. Essential columns stay, and the last one standing, however wide.
 */
function chooseColumns(columns: readonly Column[], sizes: readonly Measure[], total: number, wrapped: boolean): number[] {
  const shown = columns.map((_, i) => i);
  const need = () => shown.reduce((a, i) => a + sizes[i]!.least, 0) + chrome(shown.length, wrapped);
  while (shown.length > 1 && need() > total && shown.some((i) => columns[i]!.keep < ESSENTIAL)) {
    const drop = shown.reduce((low, i) => (columns[i]!.keep < columns[low]!.keep ? i : low), shown[0]!);
    shown.splice(shown.indexOf(drop), 1);
  }
  return shown;
}

/**
 * Widths that fit `room` columns of content, shrinking in stages, widest first: free text to a
 * comfortable width, then everything to the least it may take (ids and dates to their longest word in
 * the grid, free text to its floor).
 */
export function fitWidths(sizes: readonly Measure[], room: number): number[] {
  const widths = sizes.map((s) => s.natural);
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  for (const floor of [sizes.map((s) => s.comfortable), sizes.map((s) => s.least)]) {
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

/** `text` cut to `max` columns, ending in "…" when anything was cut. */
export function truncate(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return out + ELLIPSIS;
}

export function renderTable(columns: readonly Column[], cells: readonly (readonly string[])[], options: TableOptions): string {
  const { chalk, wrap: wrapped } = options;
  const measured = measure(columns, cells, wrapped);
  const shown = chooseColumns(columns, measured, options.width, wrapped);
  // what is left for essential free text once the rest is placed, however little: cut, never left out
  const fixed = shown.reduce((a, i) => a + (columns[i]!.rigid ? measured[i]!.least : 0), 0) + chrome(shown.length, wrapped);
  const free = shown.filter((i) => !columns[i]!.rigid).length;
  const squeeze = Math.max(2, Math.floor((options.width - fixed) / Math.max(1, free)));
  const sizes = measured.map((m, i) => (columns[i]!.rigid ? m : { ...m, least: Math.min(m.least, Math.max(squeeze, width(columns[i]!.header))) }));
  const widths = fitWidths(
    shown.map((i) => sizes[i]!),
    options.width - chrome(shown.length, wrapped),
  );
  const paint = (r: number, c: number, text: string, offset: number): string => {
    const marks: Marks | undefined = options.marks?.(r, c);
    const marked = marks?.length && chalk.level > 0 ? highlight(text, offset, marks, chalk) : text;
    return options.tint?.(r, c)?.(marked) ?? marked;
  };
  const layout = wrapped ? grid : compact;
  const table = layout(
    shown.map((i) => columns[i]!),
    cells.map((row) => shown.map((i) => row[i]!)),
    widths,
    chalk,
    (r, k, text, offset) => paint(r, shown[k]!, text, offset),
  );
  const left = columns.filter((_, i) => !shown.includes(i)).map((c) => c.header);
  if (!left.length) return table;
  const note = `${left.join(', ')}: not shown at ${options.width} columns (--fields chooses)`;
  return `${table}${wrap(note, Math.max(20, options.width))
    .map((l) => chalk.dim(l.text))
    .join('\n')}\n`;
}

type Paint = (row: number, column: number, text: string, offset: number) => string;

/** The grid: borders round every cell, cells wrapped to their column, every word kept. */
function grid(columns: readonly Column[], cells: readonly (readonly string[])[], widths: readonly number[], chalk: ChalkInstance, paint: Paint): string {
  const table = new Table({
    head: columns.map((column, c) =>
      wrap(column.header, widths[c]!)
        .map((l) => chalk.bold(l.text))
        .join('\n'),
    ),
    colWidths: widths.map((w) => w + GRID.padding),
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
  });
  for (const [r, row] of cells.entries()) {
    table.push(
      row.map((cell, c) =>
        wrap(cell, widths[c]!)
          .map((line) => paint(r, c, line.text, line.offset))
          .join('\n'),
      ),
    );
  }
  return `${table.toString()}\n`;
}

/** One line per row under a ruled header, columns two spaces apart; free text cut with "…" to its column. */
function compact(columns: readonly Column[], cells: readonly (readonly string[])[], widths: readonly number[], chalk: ChalkInstance, paint: Paint): string {
  const last = columns.length - 1;
  const line = (texts: readonly string[], style: (text: string, c: number) => string): string =>
    texts
      .map((text, c) => {
        const fitted = truncate(text, widths[c]!);
        const pad = c === last ? '' : ' '.repeat(widths[c]! - width(fitted) + GAP);
        return style(fitted, c) + pad;
      })
      .join('')
      .trimEnd();
  const head = line(
    columns.map((c) => c.header),
    (text) => chalk.bold(text),
  );
  const rule = chalk.dim(widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP)));
  const rows = cells.map((row, r) => line(row, (text, c) => (text ? paint(r, c, text, 0) : text)));
  return `${[head, rule, ...rows].join('\n')}\n`;
}
