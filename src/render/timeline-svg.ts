// `rif timeline --format svg`: the timeline as a picture for a document or a web page. An axis of years,
// a heading per group, a row per fact (kind letter, date, title) with its span as a bar or its date as a
// mark, in the colour of its kind, and a legend.
import type { DayRange } from '../dates.js';
import type { Kind } from '../facts/types.js';
import { formatDate } from './cells.js';
import { FONT, KIND_FILL, PX_PER_COLUMN, fitText, svgDocument, svgText } from './svg.js';
import { makeAxis, placement, type Entry } from './timeline-axis.js';

const LAYOUT = Object.freeze({ margin: 16, row: 22, heading: 26, gap: 12, minWidth: 480, labelShare: 0.45, tickRoom: 48 });
const KIND_LETTER: Readonly<Record<Kind, string>> = Object.freeze({ event: 'E', treaty: 'T', allegation: 'A' });

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

/** A bar for a span (an arrow head where it runs on), a dot for one date. */
function mark(entry: Entry, x0: number, y: number, width: number, place: ReturnType<typeof placement>): string {
  const fill = KIND_FILL[entry.fact.kind];
  const stroke = entry.fact.kind === 'allegation' ? ' stroke="#7a5a10" stroke-width="1"' : '';
  const from = x0 + Math.max(0, Math.min(width - 1, place.from));
  const to = x0 + Math.max(0, Math.min(width - 1, place.to)) + 1;
  const mid = y + LAYOUT.row / 2;
  if (!place.span) return `<circle cx="${from}" cy="${mid}" r="4.5" fill="${fill}"${stroke}/>`;
  const parts = [`<rect x="${from}" y="${mid - 5}" width="${Math.max(2, to - from)}" height="10" fill="${fill}"${stroke}/>`];
  if (place.after) parts.push(`<polygon points="${to},${mid - 7} ${to + 8},${mid} ${to},${mid + 7}" fill="${fill}"${stroke}/>`);
  if (place.before) parts.push(`<polygon points="${from},${mid - 7} ${from - 8},${mid} ${from},${mid + 7}" fill="${fill}"${stroke}/>`);
  return parts.join('');
}

export function timelineSvg(entries: readonly Entry[], options: TimelineSvgOptions): string {
  const { margin, row, heading, gap } = LAYOUT;
  const width = Math.max(LAYOUT.minWidth, options.columns * PX_PER_COLUMN);
  const labelWidth = Math.floor((width - 2 * margin) * LAYOUT.labelShare);
  const x0 = margin + labelWidth + gap;
  // room for the arrow heads at either end
  const barWidth = width - margin - 10 - x0;
  const axis = makeAxis(entries, options.window, Math.max(1, Math.floor(barWidth / 8)));
  const groups = runs(entries);
  const top = margin + 24 + 20;
  const height = top + groups.length * heading + entries.length * row + 60;
  const xOf = (year: number) => x0 + ((year - axis.from) / (axis.to - axis.from)) * barWidth;

  const body: string[] = [`<text x="${margin}" y="${margin + 14}" font-size="16" font-weight="bold">${svgText(options.title)}</text>`];
  // the axis: a label and a faint line for each step, where each year begins
  const perLabel = (LAYOUT.tickRoom / barWidth) * (axis.to - axis.from);
  const step = Math.max(axis.step, Math.ceil(perLabel / axis.step) * axis.step);
  for (let year = Math.ceil(axis.from / step) * step; year <= axis.to; year += step) {
    const x = xOf(year).toFixed(1);
    body.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${height - 52}" stroke="#d0d4d8" stroke-width="1"/>`);
    body.push(`<text x="${x}" y="${top - 10}" text-anchor="middle" fill="#444">${year}</text>`);
  }
  let y = top;
  for (const run of groups) {
    body.push(
      `<text x="${margin}" y="${y + 18}" font-weight="bold">${svgText(`${run[0]!.group.replace('-century', ' century')}  ·  ${run.length} fact${run.length === 1 ? '' : 's'}`)}</text>`,
    );
    y += heading;
    for (const entry of run) {
      const { fact } = entry;
      const date = formatDate({ ...fact.date, note: null }, true);
      const label = `${KIND_LETTER[fact.kind]}  ${date}  ${fact.title.replace(/\s+/g, ' ')}`;
      body.push(
        `<g><title>${svgText(`${fact.title} (${fact.kind}, ${date})`)}</title>` +
          `<text x="${margin}" y="${y + 15}" fill="#222">${svgText(fitText(label, labelWidth))}</text>` +
          `${mark(entry, x0, y, barWidth, placement(entry, axis, barWidth))}</g>`,
      );
      y += row;
    }
  }
  const legend = (['event', 'treaty', 'allegation'] as const).map((kind, i) => {
    const x = margin + i * 150;
    const stroke = kind === 'allegation' ? ' stroke="#7a5a10" stroke-width="1"' : '';
    return `<rect x="${x}" y="${height - 36}" width="22" height="10" fill="${KIND_FILL[kind]}"${stroke}/><text x="${x + 28}" y="${height - 27}">${KIND_LETTER[kind]} ${kind}</text>`;
  });
  body.push(
    ...legend,
    `<text x="${margin}" y="${height - 10}" fill="#444" font-size="${FONT.size - 2}">${svgText("bar: a span (a treaty's time in force) · dot: one date · arrow: not ended, or past the axis")}</text>`,
  );
  return svgDocument(width, height, options.title, body);
}
