// Pure: whether a field's text holds a word the query word stands for. fuse.js finds candidates by
// character patterns, which also match inside other words ("sco" in "Moscow", "shhad" in "Mashhad");
// this keeps a match only when a word of the text is the short query word, begins with the longer one
// or, when no fact has it as typed, is within its typo budget.
import { distance } from '../suggest.js';
import { QUERY_LIMITS } from './options.js';

const bare = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words of a text, both as written ("s-300", "shahed-136") and split at every mark ("s", "300"). */
function wordsOf(text: string): string[] {
  const spaced = bare(text)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  return [...spaced, ...spaced.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))].filter(Boolean);
}

/** How many typos a query word of this length may carry: none below 5 letters, then 1, and 2 from 9. */
export function typoBudget(length: number): number {
  return length < QUERY_LIMITS.fuzzyFromLength ? 0 : length < QUERY_LIMITS.twoTyposFromLength ? 1 : 2;
}

/** Whether `text` has `word` as a whole word (a short word), or a word beginning with it or within `typos` edits of it (or of its start). */
export function holdsWord(text: string, word: string, typos: number): boolean {
  const query = bare(word);
  const budget = Math.min(typos, typoBudget([...query].length));
  if ([...query].length < QUERY_LIMITS.fuzzyFromLength) return wordsOf(text).includes(query);
  return wordsOf(text).some(
    (w) => w.startsWith(query) || (budget > 0 && (distance(query, w) <= budget || (w.length > query.length && distance(query, w.slice(0, query.length)) <= budget))),
  );
}
