// Pure: whether a character is a letter or a number of any script, as \p{L} and \p{N} say, asked of
// two one-class patterns once per character met. Patterns that split and trim words with \p{…} classes
// cost V8 about 3 ms to compile on their first use, more than the rest of a search over the bundled facts.

// made when first needed: a pattern with a \p{…} class is parsed into its ranges when it is made
let letter: RegExp | undefined;
let number: RegExp | undefined;
const LETTER_CLASS = 1;
const NUMBER_CLASS = 2;
const classes = new Map<number, number>();

/** LETTER_CLASS, NUMBER_CLASS or 0 for the code point `c`. */
function classOf(c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER_CLASS : c >= 48 && c <= 57 ? NUMBER_CLASS : 0;
  let known = classes.get(c);
  if (known === undefined) {
    const char = String.fromCodePoint(c);
    known = (letter ??= /\p{L}/u).test(char) ? LETTER_CLASS : (number ??= /\p{N}/u).test(char) ? NUMBER_CLASS : 0;
    classes.set(c, known);
  }
  return known;
}

/** \p{L} */
export const isLetter = (c: number): boolean => classOf(c) === LETTER_CLASS;

/** \p{N} */
export const isNumber = (c: number): boolean => classOf(c) === NUMBER_CLASS;

/** Whether any character of the text passes `test`. */
export function some(text: string, test: (c: number) => boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (test(c)) return true;
    if (c > 0xffff) i++;
  }
  return false;
}

/** [\p{L}\p{N}] */
export const isWordChar = (c: number): boolean => classOf(c) !== 0;

/** How many UTF-16 units the code point takes. */
const width = (c: number): number => (c > 0xffff ? 2 : 1);

/** The code point that ends at `end` (a surrogate pair read whole). */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(end - 2)!;
  }
  return low;
}

/** The text less the characters that are neither letters nor numbers at its two ends: text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''). */
export function trimMarks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end) {
    const c = text.codePointAt(start)!;
    if (isWordChar(c)) break;
    start += width(c);
  }
  while (end > start) {
    const c = codePointBefore(text, end);
    if (isWordChar(c)) break;
    end -= width(c);
  }
  return text.slice(start, end);
}

/** The runs of letters and numbers in a text ("s-300": s, 300): text.split(/[^\p{L}\p{N}]+/u) without the empty strings. */
export function wordParts(text: string): string[] {
  const parts: string[] = [];
  let from = -1;
  for (let i = 0; i < text.length;) {
    const c = text.codePointAt(i)!;
    if (isWordChar(c)) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      parts.push(text.slice(from, i));
      from = -1;
    }
    i += width(c);
  }
  if (from >= 0) parts.push(text.slice(from));
  return parts;
}

/** Whether the text is one run of letters and numbers: /^[\p{L}\p{N}]+$/u. */
export const isWordOnly = (text: string): boolean => text.length > 0 && wordParts(text)[0] === text;
