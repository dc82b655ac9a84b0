// The JSON record that listings and `rif show` print, as a zod schema: `rif schema record` is generated
// from it, and the tests check every bundled record against that JSON Schema. One object per kind, so
// that the schema says which fields are null for which kind. The keys are those of RECORD_FIELDS
// (render/record.ts), which a test holds equal.
import * as z from 'zod/mini';
import { KINDS, STATUSES } from './types.js';

const date = z.string().check(z.meta({ pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$', description: 'a partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD' }));
const text = z.string();
const texts = z.array(text);

const common = {
  id: z.string().check(z.meta({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'kebab-case, unique' })),
  title: text,
  summary: text,
  date: z
    .strictObject({
      start: date,
      end: z.nullable(date).check(z.meta({ description: 'equal to start for a single date; null for a span that has not ended' })),
      precision: z.enum(['year', 'month', 'day']),
      approximate: z.boolean(),
      note: z.nullable(text),
    })
    .check(z.meta({ description: 'when it happened: a date, a span, or for a treaty its signing' })),
  topics: texts,
  actors: texts,
  places: texts,
  aliases: texts,
  related: texts.check(z.meta({ description: 'ids of other facts' })),
  quotes: z.array(z.strictObject({ text, speaker: text, date: z.nullable(date), note: z.nullable(text) })),
  sources: z
    .array(
      z.strictObject({ url: text, title: z.nullable(text), title_en: z.nullable(text), publisher: z.nullable(text), published: z.nullable(date), accessed: z.nullable(date) }),
    )
    .check(z.minLength(1)),
  note: z.nullable(text),
  file: text.check(z.meta({ description: 'the absolute path of the file the fact was loaded from' })),
  score: z.nullable(z.number().check(z.gte(0), z.lte(1))).check(z.meta({ description: 'search results only: relevance from 0 to 1; null elsewhere' })),
};

const none = z.null();
const noTreaty = { signed: none, in_force: none, ended: none, in_force_now: none, parties: none, duration: none, provisions: none };
const noAllegation = { status: none, alleged_by: none, denied_by: none, confirmed_by: none, history: none };

const treaty = {
  signed: date,
  in_force: z.nullable(date),
  ended: z.nullable(date).check(z.meta({ description: 'null when the treaty has not ended (in_force_now) or its end is not recorded' })),
  in_force_now: z.boolean(),
  parties: texts,
  duration: z.nullable(text),
  provisions: texts,
};
const status = z.enum(STATUSES);
const allegation = {
  status,
  alleged_by: texts,
  denied_by: texts,
  confirmed_by: texts,
  history: z.array(z.strictObject({ date, status, by: texts, note: z.nullable(text) })),
};

/** The record of each kind: every key on every record, null where it does not apply. */
export const RECORD = z.discriminatedUnion('kind', [
    z.strictObject({ ...common, kind: z.literal(KINDS[0]), ...noTreaty, ...noAllegation }).check(z.meta({ title: 'an event' })),
    z.strictObject({ ...common, kind: z.literal(KINDS[1]), ...treaty, ...noAllegation }).check(z.meta({ title: 'a treaty or agreement' })),
    z.strictObject({ ...common, kind: z.literal(KINDS[2]), ...noTreaty, ...allegation }).check(z.meta({ title: 'an allegation' })),
  ]);
