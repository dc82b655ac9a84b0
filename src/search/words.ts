// Pure: the words of a text and which of them a query word stands for. fuse.js matches character
// patterns, also inside other words ("sco" in "Moscow", "shhad" in "Mashhad"); search counts a fact for a
// word only when a word of its text is the short query word, begins with the longer one or, when no
// fact has it as typed, is within its typo budget (see tokens.ts).
import { withinDistance } from '../suggest.js';
import { isAscii } from './normalize.js';
import { QUERY_LIMITS } from './options.js';

/** Lower case without diacritics: the form words are compared in. ASCII text has none to take off. */
export const bare = (text: string): string => (isAscii(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());

const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const MARKS = /[^\p{L}\p{N}]+/u;

/** The words of a text, both as written ("s-300", "shahed-136") and split at every mark ("s", "300"). */
export function wordsOf(text: string): string[] {
  if (isAscii(text)) return asciiWordsOf(text.toLowerCase());
  const spaced = bare(text)
    .split(/\s+/)
    .map((w) => w.replace(EDGES, ''));
  return [...spaced, ...spaced.flatMap((w) => w.split(MARKS))].filter(Boolean);
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** wordsOf for lower-case ASCII in one pass over the characters: indexing 100,000 facts spends most of its time here. */
function asciiWordsOf(text: string): string[] {
  const whole: string[] = [];
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    let end = i;
    while (start < end && !isAlnum(text.charCodeAt(start))) start++;
    while (end > start && !isAlnum(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    whole.push(text.slice(start, end));
    for (let j = start; j < end;) {
      while (j < end && !isAlnum(text.charCodeAt(j))) j++;
      const from = j;
      while (j < end && isAlnum(text.charCodeAt(j))) j++;
      if (j > from) parts.push(text.slice(from, j));
    }
  }
  return [...whole, ...parts];
}

/** How many typos a query word of this length may carry: none below 5 letters, then 1, and 2 from 9. */
export function typoBudget(length: number): number {
  return length < QUERY_LIMITS.fuzzyFromLength ? 0 : length < QUERY_LIMITS.twoTyposFromLength ? 1 : 2;
}

/** Whether a query word needs a whole-word match: it is too short to be the start of a word or to carry a typo. */
export const isShortWord = (query: string): boolean => [...query].length < QUERY_LIMITS.fuzzyFromLength;

/** Whether the text word `w` is within `typos` edits of the (bare) query word, or its start is. */
export function nearWord(query: string, w: string, typos: number): boolean {
  return withinDistance(query, w, typos) || (w.length > query.length && withinDistance(query, w, typos, query.length));
}
