// What rif's SVG pictures share: escaped text, the page around a drawing, and the colours of the kinds,
// which differ in lightness as well as hue so that a picture printed in grey still tells them apart.
import { visible } from '../control.js';
import type { Kind } from '../facts/types.js';

/** Text as SVG character data or an attribute value: control characters as \u escapes, then XML's five escaped. */
export const svgText = (text: string): string =>
  visible(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Dark, middle and light: in grey the three kinds are still three shades. The letter or legend says the kind too. */
export const KIND_FILL: Readonly<Record<Kind, string>> = Object.freeze({ event: '#1f4e79', treaty: '#4a9a5b', allegation: '#f0b44c' });
/** Bars in the colour of no kind (topics, decades, years). */
export const NEUTRAL_FILL = '#5b6b7b';

/** Pixels a --width column stands for; the font's average character is a little narrower. */
export const PX_PER_COLUMN = 10;
/** The narrowest picture, in columns: its legend and a chart's labels need 480 pixels. */
export const MIN_PICTURE_COLUMNS = 48;
export const FONT = Object.freeze({ size: 13, family: 'DejaVu Sans, Verdana, Arial, sans-serif', charWidth: 7.8 });

/** A label cut to `px` pixels of text, with … where it was cut. */
export function fitText(text: string, px: number): string {
  const chars = Math.max(1, Math.floor(px / FONT.charWidth));
  return text.length <= chars ? text : `${text.slice(0, Math.max(0, chars - 1)).trimEnd()}…`;
}

/** A whole SVG document: its size, a title for screen readers and tab names, a white page, and the drawing. */
export function svgDocument(width: number, height: number, title: string, body: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT.family}" font-size="${FONT.size}">`,
    `<title>${svgText(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
