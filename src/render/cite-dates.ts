// Dates as a sentence writes them: at their own precision, spans closed up the way style guides do
// (Chicago 6.78, 9.64): 18–19 November 1974, 21 June – 3 July 1965, c. 1466–1474.
import { parsePartialDate, type PartialDate } from '../dates.js';
import type { FactDate } from '../facts/types.js';

const MONTHS = Object.freeze(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

const dayMonth = (date: PartialDate): string =>
  `${date.day === undefined ? '' : `${date.day} `}${date.month === undefined ? '' : MONTHS[date.month - 1]!}`.trim();

/** A partial ISO date as people write it, at its own precision: 1828, February 1828, 22 February 1828. */
export function humanDate(iso: string): string {
  const date = parsePartialDate(iso);
  // fact dates are checked when loaded; anything else is printed as it came
  if (!date) return iso;
  return `${dayMonth(date)} ${date.year}`.trim();
}

/**
 * A span with what its ends share written once. An en dash joins single words closed up (1466–1474,
 * 18–19, June–July) and is spaced when either side is more than a word (21 June – 3 July 1965,
 * June 1804 – 24 October 1813).
 */
function spanWords(startIso: string, endIso: string): string {
  const start = parsePartialDate(startIso);
  const end = parsePartialDate(endIso);
  if (
    !start ||
    !end ||
    start.year !== end.year ||
    (start.month === undefined) !== (end.month === undefined) ||
    (start.day === undefined) !== (end.day === undefined)
  )
    return join(humanDate(startIso), humanDate(endIso));
  if (start.month === undefined) return join(String(start.year), String(end.year));
  if (start.month === end.month && start.day !== undefined) return `${join(String(start.day), String(end.day))} ${MONTHS[start.month - 1]} ${start.year}`;
  return `${join(dayMonth(start), dayMonth(end))} ${start.year}`;
}

const join = (from: string, to: string): string => (from === to ? from : /\s/.test(from + to) ? `${from} – ${to}` : `${from}–${to}`);

/** A fact's date in words: "c. 1521", "June 1804 – 24 October 1813", "18–19 November 1974", "since November 2022". */
export function datePhrase(date: FactDate): string {
  const circa = date.approximate ? 'c. ' : '';
  if (date.end === null) return `since ${circa}${humanDate(date.start)}`;
  return `${circa}${spanWords(date.start, date.end)}`;
}
