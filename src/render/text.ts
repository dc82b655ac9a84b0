// Measuring and wrapping display text. Wrapping happens on plain text, before any colour is added.
import stringWidth from 'string-width';

/**
 * Text whose every UTF-16 unit string-width counts as one column: printable ASCII, then Latin, Greek,
 * Cyrillic, Armenian, Hebrew, Arabic and Persian letters up to U+10FF, without what string-width treats
 * apart (controls, the combining marks U+0300–U+036F, © and ®, which an emoji variation can follow).
 * Wide and emoji characters all come later. Most text is such text, and is measured without compiling
 * string-width's emoji pattern, a millisecond or two of a run.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u0370-\u10ff]*$/;

export const width = (text: string): number => (NARROW.test(text) ? text.length : stringWidth(text));

/** One wrapped line and the offset in the source text where it starts. */
export interface Line {
  readonly text: string;
  readonly offset: number;
}

/**
 * Wraps `text` to `max` columns at spaces; a word longer than a line is broken inside (nothing is cut).
 * Existing line breaks are kept.
 */
export function wrap(text: string, max: number): Line[] {
  const limit = Math.max(1, max);
  const lines: Line[] = [];
  let base = 0;
  for (const paragraph of text.split('\n')) {
    let line = '';
    let start = base;
    const flush = () => lines.push({ text: line, offset: start });
    for (const m of paragraph.matchAll(/\S+/g)) {
      let word = m[0];
      let at = base + m.index;
      if (line && width(line) + 1 + width(word) <= limit) {
        line += ` ${word}`;
        continue;
      }
      if (line) flush();
      while (width(word) > limit) {
        let take = '';
        for (const ch of word) {
          if (take && width(take + ch) > limit) break;
          take += ch;
        }
        // break after a hyphen where one falls in the line: treaty-of- / turkmenchay
        const hyphen = take.lastIndexOf('-');
        if (hyphen > 0 && hyphen < take.length - 1) take = take.slice(0, hyphen + 1);
        line = take;
        start = at;
        flush();
        word = word.slice(take.length);
        at += take.length;
      }
      line = word;
      start = at;
    }
    if (line || !lines.length || paragraph === '') flush();
    base += paragraph.length + 1;
  }
  return lines;
}
