// Pure: the words of a text and which of them a query word stands for. A fact counts for a query word
// only when a word of its text is the short query word, begins with the longer one or, when no fact has
// it as typed, is within its typo budget; word forms (forms.ts) add the other forms of a word.
import { withinDistance } from '../suggest.js';
import { isLetter, isNumber, isWordChar, some, trimMarks, wordParts } from './chars.js';
import { isAscii, persianForms } from './normalize.js';
import { plainNumber } from './numbers.js';
import { QUERY_LIMITS } from './options.js';

/** Lower case without diacritics: the form words are compared in. ASCII text has none to take off. */
export const bare = (text: string): string => (isAscii(text) ? text.toLowerCase() : persianForms(text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase());

/**
 * The words of a text: each as written ("s-300", "shahed-136"), split at every mark ("s", "300"), and
 * the other forms a query may take of it (wordForms).
 */
export function wordsOf(text: string): string[] {
  if (isAscii(text)) {
    const out: string[] = [];
    forEachWord(text, (w) => out.push(w));
    return out;
  }
  const { whole, parts } = splitWords(text);
  // for the index, a word without marks is its own only part: it is not listed twice
  const listed = new Set(whole);
  return [...whole, ...parts.filter((p) => !listed.has(p)), ...wordForms(whole)];
}

/**
 * Each word of wordsOf(text), given to `visit` as it is found, in no set order (a word may come twice):
 * indexing 100,000 facts spends most of its time here, so ASCII text is read in one pass over its
 * characters, with no array of its words.
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
  if (!isAscii(text)) {
    for (const word of wordsOf(text)) visit(word);
    return;
  }
  const lower = text.toLowerCase();
  // a word with a digit waits for the word after it, which may be its magnitude ("20" "million")
  let pending: string | undefined;
  forEachSpan(lower, (start, end) => {
    const word = lower.slice(start, end);
    visit(word);
    if (pending !== undefined) visitForms(pending, word, visit);
    pending = /\d/.test(word) ? word : undefined;
    // a word without marks is its own only part: it is not given twice
    forEachPart(lower, start, end, (from, to) => (from === start && to === end ? undefined : visit(lower.slice(from, to))));
  });
  if (pending !== undefined) visitForms(pending, undefined, visit);
}

function visitForms(word: string, next: string | undefined, visit: (word: string) => void): void {
  const forms: string[] = [];
  formsOf(word, next, forms);
  for (const form of forms) visit(form);
}

/** The words of a text as written, lower case, without their parts: what a phrase and closeness compare. */
export function wholeWords(text: string): string[] {
  return isAscii(text) ? asciiWordsOf(text.toLowerCase(), 'whole').whole : splitWords(text).whole;
}

/** The words of a text as written, and their parts split at every mark. */
export function splitWords(text: string): { whole: string[]; parts: string[] } {
  if (isAscii(text)) return asciiWordsOf(text.toLowerCase(), 'split');
  const whole = bare(text).split(/\s+/).map(trimMarks).filter(Boolean);
  return { whole, parts: whole.flatMap(wordParts) };
}

const MODEL_PARTS = 3;

/**
 * The forms a query may take of words written otherwise: a name of letters and digits without its marks
 * ("s-300" as "s300", "Su-35s" as "su35s" and "su35"), and figures as plain numbers ("6,000" as "6000",
 * "$1.7 billion" as "1700000000").
 */
function wordForms(whole: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < whole.length; i++) if (some(whole[i]!, isNumber)) formsOf(whole[i]!, whole[i + 1], out);
  return out;
}

/** The other forms of one word with a digit, given the word after it, added to `out`. */
function formsOf(word: string, next: string | undefined, out: string[]): void {
  const number = plainNumber(word, next);
  if (number !== undefined) out.push(number);
  // a model's name has a part or two beside its number (S-300, Su-35s, S-300PMU-1); an id or a date has more
  else if (some(word, (c) => !isWordChar(c)) && some(word, isLetter)) {
    // the word is trimmed of marks at its ends, so its parts are what its marks split it into
    const parts = wordParts(word);
    if (parts.length > MODEL_PARTS) return;
    const joined = parts.join('');
    out.push(joined);
    // a plural of a model: Su-35s, S-300s
    if (/\ds$/.test(joined)) out.push(joined.slice(0, -1));
  }
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** splitWords for lower-case ASCII in one pass over the characters; `whole`: the words alone. */
function asciiWordsOf(text: string, mode: 'split' | 'whole'): { whole: string[]; parts: string[] } {
  const whole: string[] = [];
  const parts: string[] = [];
  forEachSpan(text, (start, end) => {
    whole.push(text.slice(start, end));
    if (mode === 'split') forEachPart(text, start, end, (from, to) => void parts.push(text.slice(from, to)));
  });
  return { whole, parts };
}

/** Each word of lower-case ASCII text, as where it starts and ends: a run without spaces, less the marks at its ends. */
function forEachSpan(text: string, visit: (start: number, end: number) => void): void {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    let end = i;
    while (start < end && !isAlnum(text.charCodeAt(start))) start++;
    while (end > start && !isAlnum(text.charCodeAt(end - 1))) end--;
    if (start < end) visit(start, end);
  }
}

/** The letters and digits between the marks of the word from `start` to `end` (S-300: s, 300). */
function forEachPart(text: string, start: number, end: number, visit: (from: number, to: number) => void): void {
  for (let j = start; j < end;) {
    while (j < end && !isAlnum(text.charCodeAt(j))) j++;
    const from = j;
    while (j < end && isAlnum(text.charCodeAt(j))) j++;
    if (j > from) visit(from, j);
  }
}

/** How many typos a query word of this length may carry: none below 5 letters, then 1, and 2 from 9. */
export function typoBudget(length: number): number {
  return length < QUERY_LIMITS.fuzzyFromLength ? 0 : length < QUERY_LIMITS.twoTyposFromLength ? 1 : 2;
}

/** Whether a query word needs a whole-word match: it is too short to be the start of a word or to carry a typo, or it is a figure. */
export const isShortWord = (query: string): boolean => [...query].length < QUERY_LIMITS.fuzzyFromLength || /^[\d.,]+$/.test(query);

/** The characters of text[from, to) as a set of 32 bits, each character by its code modulo 32. */
export function charSet(text: string, from = 0, to = text.length): number {
  let set = 0;
  for (let i = from; i < to; i++) set |= 1 << (text.charCodeAt(i) & 31);
  return set;
}

/** How many bits are set. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Whether the text word `w` may be within `typos` edits of a query word whose charSet is `query` and
 * length `length`, or its start may: an edit leaves out at most one of the query's characters, so a
 * word whose first length + typos characters lack more of them than that is neither. A look at every
 * word of the index that costs a fraction of nearWord, which then runs on the few left.
 */
export const mayBeNear = (query: number, length: number, w: string, typos: number): boolean =>
  lacks(query, charSet(w, 0, Math.min(w.length, length + typos))) <= typos;

/** How many characters of the set `query` the set `word` lacks. */
export const lacks = (query: number, word: number): number => bitCount(query & ~word);

/** Whether the text word `w` is within `typos` edits of the (bare) query word, or its start is. */
export function nearWord(query: string, w: string, typos: number): boolean {
  return withinDistance(query, w, typos) || (w.length > query.length && withinDistance(query, w, typos, query.length));
}
