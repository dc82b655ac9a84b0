// Partial ISO dates (1828, 1828-02, 1828-02-22) and the ranges they cover.
// Pure integer arithmetic on purpose: JS Date parses in local time and shifts days across time zones.

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
  readonly precision: Precision;
}

/** A day as a sortable integer, YYYYMMDD; comparisons on it are calendar comparisons. */
export type DayKey = number;

/** An inclusive range of days; `hi` is Infinity for a span that has not ended. */
export interface DayRange {
  readonly lo: DayKey;
  readonly hi: DayKey;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const PRECISION_RANK: Readonly<Record<Precision, number>> = Object.freeze({ year: 0, month: 1, day: 2 });

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `text` is not a partial date, or undefined when it is one. */
export function partialDateProblem(text: string): string | undefined {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (m[2] === undefined) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return `"${text}" has month ${m[2]}; months run from 01 to 12`;
  if (m[3] === undefined) return undefined;
  const day = Number(m[3]);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" does not exist: ${year}-${m[2]} has ${last} days`;
  return undefined;
}

export function parsePartialDate(text: string): PartialDate | undefined {
  if (partialDateProblem(text) !== undefined) return undefined;
  const [y, m, d] = text.split('-').map(Number);
  if (d !== undefined) return { year: y!, month: m!, day: d, precision: 'day' };
  if (m !== undefined) return { year: y!, month: m, precision: 'month' };
  return { year: y!, precision: 'year' };
}

export function formatPartialDate(date: PartialDate): string {
  const parts = [String(date.year).padStart(4, '0')];
  if (date.month !== undefined) parts.push(String(date.month).padStart(2, '0'));
  if (date.day !== undefined) parts.push(String(date.day).padStart(2, '0'));
  return parts.join('-');
}

export function firstDay(date: PartialDate): DayKey {
  return date.year * 10000 + (date.month ?? 1) * 100 + (date.day ?? 1);
}

export function lastDay(date: PartialDate): DayKey {
  const month = date.month ?? 12;
  return date.year * 10000 + month * 100 + (date.day ?? daysInMonth(date.year, month));
}

/** The coarser of two precisions: a span from 1804-06 to 1813-10-24 is known to the month. */
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

/** The days covered from the first day of `start` to the last day of `end` (open when end is null). */
export function spanRange(start: PartialDate, end: PartialDate | null): DayRange {
  return { lo: firstDay(start), hi: end === null ? Infinity : lastDay(end) };
}

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}

const DECADE = /^(\d{3})0s$/;
const CENTURY = /^(\d{1,2})(?:st|nd|rd|th)[- ]century$/i;

/**
 * A named period as a day range: 2015, 2015-07, 2015-07-04, 1990s, 19th-century.
 * Returns undefined when the text names no period.
 */
export function parsePeriod(text: string): DayRange | undefined {
  const trimmed = text.trim();
  const date = parsePartialDate(trimmed);
  if (date) return spanRange(date, date);
  const decade = DECADE.exec(trimmed);
  if (decade) {
    const from = Number(decade[1]) * 10;
    return { lo: from * 10000 + 101, hi: (from + 9) * 10000 + 1231 };
  }
  const century = CENTURY.exec(trimmed);
  if (century) {
    const n = Number(century[1]);
    if (n < 1) return undefined;
    // The 19th century is 1801-1900 strictly, but readers mean the 1800s; we follow the readers.
    const from = (n - 1) * 100;
    return { lo: from * 10000 + 101, hi: (from + 99) * 10000 + 1231 };
  }
  return undefined;
}
