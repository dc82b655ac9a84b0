// Flag values parsed into typed values at the edge; commander reports the thrown InvalidArgumentError.
import { InvalidArgumentError } from 'commander';
import { parsePeriod, partialDateProblem, type DayRange } from './dates.js';
import { MAX_FILE_BYTES } from './facts/files.js';
import { KINDS, STATUSES, type Kind, type Status } from './facts/types.js';
import { SORT_KEYS, type SortKey } from './sort.js';
import { COLOR_MODES, type ColorMode } from './render/color.js';
import { MAX_WIDTH } from './render/format.js';
import { didYouMean } from './suggest.js';

/** Values of a repeatable, comma-separable flag: --topic a,b --topic c → [a, b, c]. */
function split(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string, previous: T[] = []): T[] => {
    const out = [...previous];
    for (const item of split(value.toLowerCase())) {
      if (!(allowed as readonly string[]).includes(item)) {
        throw new InvalidArgumentError(`unknown ${what} "${item}"; use one of ${allowed.join(', ')}${didYouMean(item, allowed)}`);
      }
      out.push(item as T);
    }
    return out;
  };
}

export const parseKinds = oneOf<Kind>(KINDS, 'kind');
export const parseStatuses = oneOf<Status>(STATUSES, 'status');
/** The --fields parser of a command, which knows the fields its records have. */
export const parseFieldsOf = <T extends string>(names: readonly T[]) => oneOf<T>(names, 'field');

export function parseTopics(value: string, previous: string[] = []): string[] {
  return [...previous, ...split(value.toLowerCase())];
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `today`, whatever its case, is the date `today()` gives; anything else as typed. */
const todayOr = (value: string, today: () => string): string => (value.trim().toLowerCase() === 'today' ? today() : value.trim());

/** A date flag's parser: YYYY, YYYY-MM, YYYY-MM-DD, or `today`. */
export function dateParser(today: () => string): (value: string) => string {
  return (value) => {
    const date = todayOr(value, today);
    const problem = partialDateProblem(date);
    if (problem) throw new InvalidArgumentError(`${problem}, or today`);
    return date;
  };
}

/** --in's parser: a period (2015, 2015-07, 1990s, 19th-century), or `today`. */
export function periodParser(today: () => string): (value: string) => DayRange {
  return (value) => {
    const range = parsePeriod(todayOr(value, today));
    if (!range) throw new InvalidArgumentError(`"${value}" is not a period; try 2015, 2015-07, 1990s, 19th-century or today`);
    return range;
  };
}

function wholeNumber(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new InvalidArgumentError(`"${value}" is not a whole number of ${min} or more`);
    return Number(value);
  };
}

export const parseLimit = wholeNumber(1);
export const parseCount = wholeNumber(0);

/** --width: a number of columns, at most MAX_WIDTH. */
export function parseWidth(value: string): number {
  const columns = parseLimit(value);
  if (columns > MAX_WIDTH) throw new InvalidArgumentError(`use at most ${MAX_WIDTH} columns`);
  return columns;
}

const SIZE = /^(\d+)\s*(?:(k|m|g)(?:i?b)?|b)?$/i;
const UNIT: Readonly<Record<string, number>> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size in bytes: 1048576, 512K, 4M, 2MiB. At most MAX_FILE_BYTES: a fact file is read whole into memory. */
export function parseSize(value: string): number {
  const m = SIZE.exec(value.trim());
  const bytes = m ? Number(m[1]) * (m[2] ? UNIT[m[2].toLowerCase()]! : 1) : NaN;
  if (!(bytes >= 1)) throw new InvalidArgumentError(`"${value}" is not a size; try 1048576, 512K or 4M`);
  if (bytes > MAX_FILE_BYTES) throw new InvalidArgumentError(`${value} is over the ${MAX_FILE_BYTES / 1024 ** 2}M that rif reads into memory at once`);
  return bytes;
}

/**
 * The parser of a flag that takes one of a few words, in any case, with a "did you mean" for a near
 * miss. Declared with commander's `.choices()` first (`.choices(words).argParser(oneWord(words))`), the
 * words also show in the help and complete in the shell.
 */
export function oneWord<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    const word = value.trim().toLowerCase();
    if (!(allowed as readonly string[]).includes(word)) throw new InvalidArgumentError(`use one of ${allowed.join(', ')}${didYouMean(word, allowed)}`);
    return word as T;
  };
}

export const parseSort: (value: string) => SortKey = oneWord(SORT_KEYS);

export function parseColor(value: string): ColorMode {
  const mode = value.trim().toLowerCase();
  if (!(COLOR_MODES as readonly string[]).includes(mode)) throw new InvalidArgumentError(`use one of ${COLOR_MODES.join(', ')}`);
  return mode as ColorMode;
}
