// `rif timeline --format svg`: the timeline as a picture for a document or a web page. An axis of years
// (of months, for a year or two), a heading per group, a row per fact: its kind letter and date in a
// column, its span as a bar or its date as a mark, in the colour of its kind, and its title beside the
// mark, where the row has room; then a legend, wrapped to the width.
import type { DayRange } from '../dates.js';
import type { Kind } from '../facts/types.js';
import { formatDate } from './cells.js';
import { FONT, KIND_FILL, MIN_PICTURE_COLUMNS, PX_PER_COLUMN, fitText, svgDocument, svgText } from './svg.js';
import { makeAxis, placement, type Axis, type Entry } from './timeline-axis.js';

const LAYOUT = Object.freeze({
  margin: 16,
  row: 22,
  heading: 26,
  gap: 12,
  /** the kind-and-date column takes at most this share of the width */
  labelShare: 0.3,
  tickRoom: 48,
  /** pixels between a mark and its title */
  pad: 6,
  legendLine: 15,
});
const KIND_LETTER: Readonly<Record<Kind, string>> = Object.freeze({ event: 'E', treaty: 'T', allegation: 'A' });
const MONTHS = Object.freeze(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
const LEGEND_NOTE = ["bar: a span (a treaty's time in force)", 'dot: one date', 'arrow: not ended, or past the axis'];

export interface TimelineSvgOptions {
  /** --width, in columns */
  readonly columns: number;
  readonly window: DayRange;
  /** the line over the picture: "31 facts by decade" */
  readonly title: string;
}

/** Entries in their groups, in the order they arrive (date order). */
function runs(entries: readonly Entry[]): Entry[][] {
  const out: Entry[][] = [];
  for (const entry of entries) {
    const last = out.at(-1);
    if (last && last[0]!.group === entry.group) last.push(entry);
    else out.push([entry]);
  }
  return out;
}

/** The axis labels as [fractional year, label]: months ("2022", "Feb", "Mar", …) on an axis of a year or two, else years. */
function axisLabels(axis: Axis, barWidth: number): [number, string][] {
  const span = axis.to - axis.from;
  const perLabel = (LAYOUT.tickRoom / barWidth) * span;
  const months = span <= 3 ? [1, 2, 3, 6].find((m) => m / 12 >= perLabel) : undefined;
  const out: [number, string][] = [];
  if (months) {
    for (let m = Math.ceil((axis.from * 12) / months - 1e-9) * months; m <= axis.to * 12 + 1e-9; m += months) {
      out.push([m / 12, m % 12 === 0 ? String(m / 12) : MONTHS[m % 12]!]);
    }
    return out;
  }
  const step = Math.max(axis.step, Math.ceil(perLabel / axis.step) * axis.step);
  for (let year = Math.ceil(axis.from / step) * step; year <= axis.to; year += step) out.push([year, String(year)]);
  return out;
}

/** Half the height of a bar: tall enough to hold a title of the small font. */
const HALF_BAR = 7;
/** The title inside a bar: light on the dark event bars, dark on the lighter treaty and allegation bars. */
const ON_BAR: Readonly<Record<Kind, string>> = Object.freeze({ event: '#ffffff', treaty: '#102a14', allegation: '#2b1d00' });
const SMALL = FONT.size - 2;

interface Mark {
  readonly svg: string;
  /** the pixels it covers, arrow heads included */
  readonly lo: number;
  readonly hi: number;
  /** a bar's own pixels, for a title inside it */
  readonly bar?: { readonly from: number; readonly to: number };
}

/** A bar for a span (an arrow head where it runs on), a dot for one date. */
function mark(entry: Entry, x0: number, y: number, width: number, place: ReturnType<typeof placement>): Mark {
  const fill = KIND_FILL[entry.fact.kind];
  const stroke = entry.fact.kind === 'allegation' ? ' stroke="#7a5a10" stroke-width="1"' : '';
  const from = x0 + Math.max(0, Math.min(width - 1, place.from));
  const to = Math.max(from + 2, x0 + Math.max(0, Math.min(width - 1, place.to)) + 1);
  const mid = y + LAYOUT.row / 2;
  if (!place.span) return { svg: `<circle cx="${from}" cy="${mid}" r="4.5" fill="${fill}"${stroke}/>`, lo: from - 5, hi: from + 5 };
  const h = HALF_BAR;
  const parts = [`<rect x="${from}" y="${mid - h}" width="${to - from}" height="${2 * h}" fill="${fill}"${stroke}/>`];
  if (place.after) parts.push(`<polygon points="${to},${mid - h - 2} ${to + 8},${mid} ${to},${mid + h + 2}" fill="${fill}"${stroke}/>`);
  if (place.before) parts.push(`<polygon points="${from},${mid - h - 2} ${from - 8},${mid} ${from},${mid + h + 2}" fill="${fill}"${stroke}/>`);
  return { svg: parts.join(''), lo: from - (place.before ? 8 : 0), hi: to + (place.after ? 8 : 0), bar: { from, to } };
}

/**
 * A fact's title beside its mark: after it where it fits, else before it; else inside its bar when the
 * bar is longer than either side, else on the side with more room; cut with … to the room it has.
 */
function titleOf(entry: Entry, drawn: Mark, x0: number, right: number, y: number): string {
  const { pad } = LAYOUT;
  const title = entry.fact.title.replace(/\s+/g, ' ');
  const needed = title.length * FONT.charWidth;
  const after = right - (drawn.hi + pad);
  const before = drawn.lo - pad - x0;
  const text = (x: number, room: number, anchor: 'start' | 'end') =>
    `<text x="${x}" y="${y + 15}" fill="#222"${anchor === 'end' ? ' text-anchor="end"' : ''}>${svgText(fitText(title, room))}</text>`;
  if (needed <= after) return text(drawn.hi + pad, after, 'start');
  if (needed <= before) return text(drawn.lo - pad, before, 'end');
  const inside = drawn.bar ? drawn.bar.to - drawn.bar.from - 2 * pad : 0;
  if (drawn.bar && inside > Math.max(after, before)) {
    const shown = fitText(title, (inside * FONT.size) / SMALL);
    return `<text x="${drawn.bar.from + pad}" y="${y + LAYOUT.row / 2 + 4}" font-size="${SMALL}" fill="${ON_BAR[entry.fact.kind]}">${svgText(shown)}</text>`;
  }
  return after >= before ? text(drawn.hi + pad, after, 'start') : text(drawn.lo - pad, before, 'end');
}

/** The legend's note in lines that fit the width, broken between its parts. */
function noteLines(room: number): string[] {
  const charWidth = (FONT.charWidth * SMALL) / FONT.size;
  const lines: string[] = [];
  for (const part of LEGEND_NOTE) {
    const joined = lines.length ? `${lines.at(-1)!} · ${part}` : part;
    if (lines.length && joined.length * charWidth <= room) lines[lines.length - 1] = joined;
    else lines.push(part);
  }
  return lines;
}

export function timelineSvg(entries: readonly Entry[], options: TimelineSvgOptions): string {
  const { margin, row, heading, gap } = LAYOUT;
  const width = Math.max(MIN_PICTURE_COLUMNS, options.columns) * PX_PER_COLUMN;
  const dates = entries.map(({ fact }) => `${KIND_LETTER[fact.kind]}  ${formatDate({ ...fact.date, note: null }, true)}`);
  const longest = dates.reduce((a, d) => Math.max(a, d.length), 0);
  const labelWidth = Math.min(Math.floor((width - 2 * margin) * LAYOUT.labelShare), Math.ceil(longest * FONT.charWidth) + 8);
  const x0 = margin + labelWidth + gap;
  const right = width - margin;
  // room for the arrow heads at either end
  const barWidth = right - 10 - x0;
  const axis = makeAxis(entries, options.window, Math.max(1, Math.floor(barWidth / 8)));
  const groups = runs(entries);
  const note = noteLines(width - 2 * margin);
  const legendHeight = 36 + note.length * LAYOUT.legendLine;
  const top = margin + 24 + 20;
  const height = top + groups.length * heading + entries.length * row + legendHeight;
  const xOf = (year: number) => x0 + ((year - axis.from) / (axis.to - axis.from)) * barWidth;

  const body: string[] = [`<text x="${margin}" y="${margin + 14}" font-size="16" font-weight="bold">${svgText(options.title)}</text>`];
  // the axis: a label and a faint line where each year (or month) begins
  for (const [at, label] of axisLabels(axis, barWidth)) {
    const x = xOf(at).toFixed(1);
    body.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${height - legendHeight + 8}" stroke="#d0d4d8" stroke-width="1"/>`);
    body.push(`<text x="${x}" y="${top - 10}" text-anchor="middle" fill="#444">${label}</text>`);
  }
  let y = top;
  let i = 0;
  for (const run of groups) {
    body.push(
      `<text x="${margin}" y="${y + 18}" font-weight="bold">${svgText(`${run[0]!.group.replace('-century', ' century')}  ·  ${run.length} fact${run.length === 1 ? '' : 's'}`)}</text>`,
    );
    y += heading;
    for (const entry of run) {
      const { fact } = entry;
      const date = formatDate({ ...fact.date, note: null }, true);
      const drawn = mark(entry, x0, y, barWidth, placement(entry, axis, barWidth));
      body.push(
        `<g><title>${svgText(`${fact.title} (${fact.kind}, ${date})`)}</title>` +
          `<text x="${margin}" y="${y + 15}" fill="#222">${svgText(fitText(dates[i++]!, labelWidth))}</text>` +
          `${drawn.svg}${titleOf(entry, drawn, x0, right, y)}</g>`,
      );
      y += row;
    }
  }
  const legendTop = height - legendHeight + 14;
  const legend = (['event', 'treaty', 'allegation'] as const).map((kind, k) => {
    const x = margin + k * 150;
    const stroke = kind === 'allegation' ? ' stroke="#7a5a10" stroke-width="1"' : '';
    return `<rect x="${x}" y="${legendTop}" width="22" height="10" fill="${KIND_FILL[kind]}"${stroke}/><text x="${x + 28}" y="${legendTop + 9}">${KIND_LETTER[kind]} ${kind}</text>`;
  });
  body.push(
    ...legend,
    ...note.map((line, n) => `<text x="${margin}" y="${legendTop + 26 + n * LAYOUT.legendLine}" fill="#444" font-size="${SMALL}">${svgText(line)}</text>`),
  );
  return svgDocument(width, height, options.title, body);
}
