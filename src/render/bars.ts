// Bars for the two charts rif draws on a terminal: counts against the largest count (rif stats) and
// spans on a shared time axis (rif timeline), with the colour each kind of fact is drawn in.
import type { ChalkInstance } from 'chalk';
import type { Kind } from '../facts/types.js';

/**
 * Block characters, one display column each (string-width counts them so, and terminals draw them so
 * outside East Asian "ambiguous wide" settings). They read without colour: a bar is its shape.
 */
export const GLYPHS = Object.freeze({ full: '█', point: '•', before: '◀', after: '▶' });

/** Eighths of a cell, so that 49 and 51 of 107 do not draw the same bar. */
const EIGHTHS = Object.freeze(['', '▏', '▎', '▍', '▌', '▋', '▊', '▉']);

/** A bar of `value / max` of `width` cells, to the eighth of a cell; any count above zero shows. */
export function countBar(value: number, max: number, width: number): string {
  if (value <= 0 || max <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((Math.min(value, max) / max) * width * 8));
  return GLYPHS.full.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** Where a fact sits on a track: cells `from` to `to` for a span, with marks where it runs past an edge. */
export interface Placement {
  readonly from: number;
  readonly to: number;
  /** a span: drawn as a bar; otherwise a single date, drawn as a point */
  readonly span: boolean;
  /** the span began before the track's left edge */
  readonly before: boolean;
  /** the span goes on past the right edge, or has not ended */
  readonly after: boolean;
}

/** A track of `width` cells with one fact placed on it; trailing blanks are left off. */
export function track(place: Placement, width: number): string {
  const clamp = (n: number) => Math.min(width - 1, Math.max(0, n));
  const from = clamp(place.from);
  const to = Math.max(from, clamp(place.to));
  const cells = Array.from({ length: to + 1 }, (_, i): string => (i < from ? ' ' : place.span ? GLYPHS.full : GLYPHS.point));
  if (place.span && place.before) cells[from] = GLYPHS.before;
  // a one-cell span that runs past both edges cannot show both: that it goes on matters more
  if (place.span && place.after) cells[to] = GLYPHS.after;
  return cells.join('');
}

/** The colour of each kind, the same in every chart; the kind letter or name says it without colour. */
export function kindColor(chalk: ChalkInstance, kind: Kind): ChalkInstance {
  switch (kind) {
    case 'event':
      return chalk.cyan;
    case 'treaty':
      return chalk.green;
    case 'allegation':
      return chalk.magenta;
  }
}
