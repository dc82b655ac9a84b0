// How many columns text takes on a terminal, and text cut or padded to a number of columns, escape codes
// and all. A screen drawn cell by cell must never measure a line wider or narrower than the terminal draws
// it, or every line after it shifts: a character is measured as a grapheme (a letter with its marks, an
// emoji with its modifiers and joiners is one), its width from the Unicode East Asian Width table
// (get-east-asian-width, which follows each Unicode release) and two for an emoji shown as a picture.
import { eastAsianWidth } from 'get-east-asian-width';

const segmenter = new Intl.Segmenter();
/** nothing drawn: combining marks (Persian vowel signs), joiners, direction marks, variation selectors, controls */
const ZERO = /^[\p{M}\p{Cf}\p{Cc}\uFE00-\uFE0F]+$/u;
/** drawn as a picture, two columns: an emoji presented as one, or any character followed by VS16, or a flag */
const PICTURE = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}/u;
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\))/y;

/** The columns of one grapheme. */
function graphemeWidth(grapheme: string): number {
  const code = grapheme.codePointAt(0)!;
  if (code < 0x7f) return code < 0x20 ? 0 : 1;
  if (ZERO.test(grapheme)) return 0;
  if (PICTURE.test(grapheme)) return 2;
  return eastAsianWidth(code);
}

/** The columns `text` takes; escape codes take none. */
export function columnsOf(text: string): number {
  let total = 0;
  for (const piece of pieces(text)) total += piece.width;
  return total;
}

interface Piece {
  readonly text: string;
  /** an escape code: no columns */
  readonly escape: boolean;
  /** a run of printable ASCII (one column a character, cut anywhere), else one grapheme */
  readonly ascii: boolean;
  readonly width: number;
}

const ASCII_RUN = /[\x20-\x7e]+/y;

/** `text` as escape codes, runs of printable ASCII and graphemes, in order: most text is ASCII, and segmenting it costs. */
function* pieces(text: string): Generator<Piece> {
  let other = 0;
  const flush = function* (end: number): Generator<Piece> {
    if (other < end)
      for (const s of segmenter.segment(text.slice(other, end))) yield { text: s.segment, escape: false, ascii: false, width: graphemeWidth(s.segment) };
  };
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    const pattern = code === 0x1b ? ESCAPE : code >= 0x20 && code < 0x7f ? ASCII_RUN : undefined;
    if (pattern) pattern.lastIndex = i;
    const m = pattern?.exec(text);
    // an ASCII letter just before a combining mark belongs to the mark's grapheme: left to the segmenter
    const next = m ? text.charCodeAt(i + m[0].length) : 0;
    if (!m || (pattern === ASCII_RUN && next >= 0x300 && m[0].length === 1)) {
      i += 1;
      continue;
    }
    let run = m[0];
    if (pattern === ASCII_RUN && next >= 0x300) run = run.slice(0, -1);
    yield* flush(i);
    yield pattern === ESCAPE ? { text: run, escape: true, ascii: false, width: 0 } : { text: run, escape: false, ascii: true, width: run.length };
    i += run.length;
    other = i;
  }
  yield* flush(text.length);
}

/**
 * `text` in exactly `columns` columns: cut where it is wider (with … as its last column when `ellipsis`),
 * padded with spaces where it is narrower. A wide character that would straddle the edge is left out
 * and its column padded. Escape codes are kept, and a line cut short ends with a reset.
 */
export function fit(text: string, columns: number, ellipsis = false): string {
  if (columns <= 0) return '';
  let out = '';
  let used = 0;
  let styled = false;
  const all = [...pieces(text)];
  const total = all.reduce((n, p) => n + p.width, 0);
  const cut = total > columns;
  const room = ellipsis && cut ? columns - 1 : columns;
  for (const piece of all) {
    if (piece.escape) {
      // OSC sequences (links) are dropped: a cut line could leave one open
      if (piece.text.startsWith('\x1b[')) {
        out += piece.text;
        styled = true;
      }
      continue;
    }
    if (piece.ascii) {
      const take = Math.min(piece.width, room - used);
      out += piece.text.slice(0, take);
      used += take;
      if (take < piece.width) break;
      continue;
    }
    if (used + piece.width > room) break;
    // controls would move the cursor: drawn as nothing
    if (piece.width === 0 && piece.text.codePointAt(0)! < 0x20) continue;
    out += piece.text;
    used += piece.width;
  }
  // a line cut inside a style would carry it on: a reset ends it (an uncut line closes its own styles)
  if (cut && styled) out += '\x1b[0m';
  if (room < columns && cut) {
    out += '…';
    used += 1;
  }
  return `${out}${' '.repeat(Math.max(0, columns - used))}`;
}
