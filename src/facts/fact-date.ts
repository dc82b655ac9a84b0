// A fact's date from its raw fields, with the date-order checks (RIF010, RIF011, RIF003/RIF004).
import { coarser, firstDay, lastDay, parsePartialDate } from '../dates.js';
import type { Report } from './issues.js';
import type { At, Path } from './locate.js';
import type { RawFact } from './schema.js';
import type { FactDate } from './types.js';

export function factDate(raw: RawFact, path: Path, at: At, report: Report): FactDate | undefined {
  const approximate = raw.approximate ?? false;
  const note = raw.date_note ?? null;
  if (raw.kind === 'treaty') {
    // both problems of a treaty are reported at once: a contradiction about its end, and dates out of order
    const contradicts = raw.in_force_now === true && raw.ended !== undefined;
    if (contradicts) report('RIF004', at([...path, 'in_force_now'], true), `in_force_now says the treaty is still in force, but it ended ${raw.ended}; keep one`);
    const signed = parsePartialDate(raw.signed)!;
    const order: [string, string | undefined][] = [['in_force', raw.in_force], ['ended', raw.ended]];
    let previous: { name: string; last: number } = { name: 'signed', last: firstDay(signed) };
    for (const [name, text] of order) {
      if (text === undefined) continue;
      const date = parsePartialDate(text)!;
      if (lastDay(date) < previous.last) {
        report('RIF011', at([...path, name]), `${name} ${text} comes before ${previous.name} ${String((raw as Record<string, unknown>)[previous.name])}`);
        return undefined;
      }
      previous = { name, last: firstDay(date) };
    }
    return contradicts ? undefined : { start: raw.signed, end: raw.signed, precision: signed.precision, approximate, note };
  }
  if (raw.date !== undefined && (raw.start !== undefined || raw.end !== undefined)) {
    report('RIF004', at([...path, raw.start !== undefined ? 'start' : 'end'], true), 'give either "date" or "start"/"end", not both');
    return undefined;
  }
  if (raw.date !== undefined) {
    return { start: raw.date, end: raw.date, precision: parsePartialDate(raw.date)!.precision, approximate, note };
  }
  if (raw.start === undefined) {
    report('RIF003', at(path), `missing required field "date" (or "start" and "end" for a span)`);
    return undefined;
  }
  const start = parsePartialDate(raw.start)!;
  if (raw.end === undefined) return { start: raw.start, end: null, precision: start.precision, approximate, note };
  const end = parsePartialDate(raw.end)!;
  if (lastDay(end) < firstDay(start)) {
    report('RIF010', at([...path, 'end']), `end ${raw.end} comes before start ${raw.start}`);
    return undefined;
  }
  return { start: raw.start, end: raw.end, precision: coarser(start.precision, end.precision), approximate, note };
}
