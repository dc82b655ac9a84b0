// A validated raw entry → the normalized fact record: every field present, [] or null when absent.
import type { RawFact } from './schema.js';
import type { Fact, FactDate } from './types.js';

export function toFact(raw: RawFact, date: FactDate, file: string): Fact {
  const base = {
    id: raw.id,
    title: raw.title,
    summary: raw.summary,
    date,
    note: raw.note ?? null,
    topics: raw.topics ?? [],
    actors: raw.actors ?? [],
    places: raw.places ?? [],
    aliases: raw.aliases ?? [],
    related: raw.related ?? [],
    quotes: (raw.quotes ?? []).map((q) => ({ text: q.text, speaker: q.speaker, date: q.date ?? null, note: q.note ?? null })),
    sources: raw.sources.map((s) => ({
      url: s.url,
      title: s.title ?? null,
      title_en: s.title_en ?? null,
      publisher: s.publisher ?? null,
      published: s.published ?? null,
      accessed: s.accessed ?? null,
    })),
    file,
  };
  switch (raw.kind) {
    case 'event':
      return { ...base, kind: 'event' };
    case 'treaty':
      return {
        ...base,
        kind: 'treaty',
        signed: raw.signed,
        in_force: raw.in_force ?? null,
        ended: raw.ended ?? null,
        in_force_now: raw.in_force_now ?? false,
        parties: raw.parties ?? [],
        duration: raw.duration ?? null,
        provisions: raw.provisions ?? [],
      };
    case 'allegation':
      return {
        ...base,
        kind: 'allegation',
        status: raw.status,
        alleged_by: raw.alleged_by,
        denied_by: raw.denied_by ?? [],
        confirmed_by: raw.confirmed_by ?? [],
        history: (raw.history ?? []).map((h) => ({ date: h.date, status: h.status, by: h.by, note: h.note ?? null })),
      };
  }
}
