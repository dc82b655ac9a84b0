// A fact entry that failed its schema still has fields that can be checked: its dates against each
// other, its related ids, what the warnings look at. These read the raw entry, taking only the fields
// of the right type, so that `rif validate` reports every problem of a file in one run.
import { partialDateProblem } from '../dates.js';
import { factDate } from './fact-date.js';
import type { Report } from './issues.js';
import type { At, Path } from './locate.js';
import type { RawFact } from './schema.js';
import type { Fact, Kind } from './types.js';

type Fields = Readonly<Record<string, unknown>>;

const DATE_FIELDS: Readonly<Record<Kind, readonly string[]>> = Object.freeze({
  event: ['date', 'start', 'end'],
  allegation: ['date', 'start', 'end'],
  treaty: ['signed', 'in_force', 'ended'],
});

const isDate = (value: unknown): boolean => (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) && !partialDateProblem(String(value));

/**
 * The date checks of a fact whose other fields failed (end before start, treaty dates out of order, no
 * date at all), when every date field it has is a date: a malformed one was reported already.
 */
export function checkDates(fields: Fields, kind: Kind, path: Path, at: At, report: Report): void {
  const given = DATE_FIELDS[kind].filter((name) => fields[name] !== undefined);
  if (!given.every((name) => isDate(fields[name]))) return;
  // a treaty without `signed` was reported as missing it; there is nothing to order against
  if (kind === 'treaty' && fields['signed'] === undefined) return;
  const raw = Object.fromEntries([
    ['kind', kind],
    ...given.map((name) => [name, String(fields[name])]),
    ...(typeof fields['in_force_now'] === 'boolean' ? [['in_force_now', fields['in_force_now']]] : []),
  ]) as unknown as RawFact;
  factDate(raw, path, at, report);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
/** A list of text, or when the field holds something else, a stand-in that draws no warning: its problem was reported. */
const texts = (value: unknown, fallback: string[]): string[] =>
  value === undefined ? [] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;

/**
 * The entry as a fact for the checks across facts and the warnings: each field as given where it has
 * the right type, else a neutral value that draws no second report. Never loaded, never printed.
 */
export function lenientFact(fields: Fields, kind: Kind | undefined, file: string): Fact {
  const sources = Array.isArray(fields['sources'])
    ? fields['sources'].map((s: unknown) => {
        const o = (typeof s === 'object' && s !== null ? s : {}) as Fields;
        return { url: text(o['url']) ?? '', title: text(o['title']), title_en: null, publisher: text(o['publisher']), published: null, accessed: null };
      })
    : [];
  return {
    id: text(fields['id']) ?? '',
    title: text(fields['title']) ?? '',
    summary: text(fields['summary']) ?? '',
    date: { start: '', end: '', precision: 'year', approximate: false, note: null },
    note: null,
    topics: texts(fields['topics'], []),
    actors: [],
    places: [],
    aliases: texts(fields['aliases'], ['(not a list)']),
    related: texts(fields['related'], []),
    quotes: [],
    // a treaty's sources counted only when they are a list: a single-source warning on a malformed list says nothing new
    sources: kind === 'treaty' && !Array.isArray(fields['sources']) ? [{ url: '', title: '-', title_en: null, publisher: '-', published: null, accessed: null }, { url: '', title: '-', title_en: null, publisher: '-', published: null, accessed: null }] : sources,
    file,
    ...(kind === 'treaty'
      ? { kind: 'treaty', signed: '', in_force: null, ended: null, in_force_now: false, parties: [], duration: null, provisions: [] }
      : kind === 'allegation'
        ? { kind: 'allegation', status: 'alleged', alleged_by: [], denied_by: [], confirmed_by: [], history: [] }
        : { kind: 'event' }),
  };
}
