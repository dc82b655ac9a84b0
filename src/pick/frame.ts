// The picker's screen as one string: the query line, the list, the preview (beside the list on a wide
// terminal, under it on a narrow one) and the status line. Every line is fitted to the terminal's width
// cell by cell (width.ts), so that no text, however wide its characters, can push another line out of place.
import type { ChalkInstance } from 'chalk';
import { highlight } from '../render/rows.js';
import type { PickRow } from './find.js';
import { columnsOf, fit } from './width.js';

/** Under this many columns the preview goes under the list, not beside it. */
const WIDE_FROM = 100;
/** The list's share of a wide terminal. */
const LIST_SHARE = 0.5;
const PROMPT = '> ';

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Layout {
  readonly list: Box;
  readonly preview: Box;
  readonly wide: boolean;
}

/** Where the list and the preview go on a terminal this size: the query line on top, the status line last. */
export function layout(columns: number, rows: number): Layout {
  const body = Math.max(2, rows - 2);
  if (columns >= WIDE_FROM) {
    const width = Math.floor(columns * LIST_SHARE);
    return { wide: true, list: { x: 0, y: 1, width, height: body }, preview: { x: width + 1, y: 1, width: columns - width - 1, height: body } };
  }
  const height = Math.max(1, Math.floor((body - 1) / 2));
  return { wide: false, list: { x: 0, y: 1, width: columns, height }, preview: { x: 0, y: height + 2, width: columns, height: body - height - 1 } };
}

export interface Scene {
  readonly query: string;
  /** where the cursor is in the query, in UTF-16 units */
  readonly cursor: number;
  readonly rows: readonly PickRow[];
  readonly selected: number;
  /** the first row shown */
  readonly top: number;
  /** the store indices marked with Tab */
  readonly marked: ReadonlySet<number>;
  readonly preview: readonly string[];
  readonly previewTop: number;
  /** a search is running for the query as typed */
  readonly searching: boolean;
  /** what the search said, or why the query cannot be read */
  readonly note: string | undefined;
  /** the filters given on the command line, as typed */
  readonly filters: string;
}

const KEYS = 'Enter pick · Tab mark · ^Y cite · ^O open · Esc quit';

/** The widths of the date and kind columns: as wide as the rows on the screen need. */
interface Columns {
  readonly date: number;
  readonly kind: number;
}

/** One row of the list, `width` columns wide. */
function listLine(row: PickRow, scene: Scene, at: number, width: number, chalk: ChalkInstance, columns: Columns): string {
  const current = at === scene.selected;
  const mark = scene.marked.has(row.index) ? '*' : ' ';
  const lead = `${current ? '>' : ' '}${mark} `;
  const date = fit(row.date, columns.date);
  const kind = fit(row.kind, columns.kind);
  const room = width - columnsOf(lead) - columns.date - columns.kind - 2;
  const title = room > 0 ? highlight(fit(row.title, room, true), 0, row.marks, chalk) : '';
  const text = `${chalk.bold(lead)}${chalk.dim(date)} ${chalk.cyan(kind)} ${title}`;
  return current ? chalk.inverse(fit(text, width)) : fit(text, width);
}

function statusLine(scene: Scene, columns: number, chalk: ChalkInstance): string {
  const n = scene.rows.length;
  const count = scene.searching ? 'searching…' : `${n} ${n === 1 ? 'match' : 'matches'}`;
  const marked = scene.marked.size ? ` · ${scene.marked.size} marked` : '';
  const parts = [`${count}${marked}`, ...(scene.note ? [scene.note] : []), ...(scene.filters ? [scene.filters] : []), KEYS];
  return chalk.dim(fit(` ${parts.join(' │ ')}`, columns, true));
}

/** The query line, and the column the cursor stands in. */
function queryLine(scene: Scene, columns: number, chalk: ChalkInstance): { line: string; column: number } {
  const before = scene.query.slice(0, scene.cursor);
  // a query longer than the line shows its end, where the typing is
  let shown = scene.query;
  let column = columnsOf(PROMPT) + columnsOf(before);
  while (column >= columns && shown) {
    const first = [...shown][0]!;
    shown = shown.slice(first.length);
    column -= columnsOf(first);
  }
  return { line: `${chalk.bold(PROMPT)}${fit(shown, columns - columnsOf(PROMPT))}`, column: Math.min(column, columns - 1) };
}

/** The whole screen: escape codes that draw it from the top left, and leave the cursor in the query. */
export function drawFrame(scene: Scene, columns: number, rows: number, chalk: ChalkInstance): string {
  const { list, preview, wide } = layout(columns, rows);
  const lines: string[] = Array.from({ length: rows }, () => '');
  const query = queryLine(scene, columns, chalk);
  lines[0] = query.line;
  const shown = scene.rows.slice(scene.top, scene.top + list.height);
  const widths = { date: Math.max(0, ...shown.map((r) => columnsOf(r.date))), kind: Math.max(0, ...shown.map((r) => columnsOf(r.kind))) };
  for (let r = 0; r < list.height; r++) {
    const at = scene.top + r;
    const row = scene.rows[at];
    const text = row ? listLine(row, scene, at, list.width, chalk, widths) : fit(r === 0 && !scene.searching ? chalk.dim('  no facts match') : '', list.width);
    lines[list.y + r] = text;
  }
  for (let r = 0; r < preview.height; r++) {
    const text = fit(scene.preview[scene.previewTop + r] ?? '', preview.width - (wide ? 1 : 0));
    if (wide) lines[preview.y + r] = `${lines[preview.y + r]}${chalk.dim('│')} ${text}`;
    else lines[preview.y + r] = text;
  }
  if (!wide) {
    const more =
      scene.preview.length > preview.height
        ? ` ${scene.previewTop + 1}–${Math.min(scene.preview.length, scene.previewTop + preview.height)}/${scene.preview.length} `
        : '';
    lines[list.y + list.height] = chalk.dim(fit(`${'─'.repeat(2)}${more}${'─'.repeat(columns)}`, columns));
  }
  lines[rows - 1] = statusLine(scene, columns, chalk);
  // for a rows tall, each line written whole: the cursor never reaches past the last cell, so nothing scrolls
  const body = lines.map((line, r) => `\x1b[${r + 1};1H${line}`).join('');
  return `\x1b[?25l${body}\x1b[1;${query.column + 1}H\x1b[?25h`;
}
