// The zod schema of a fact file entry, one strict object per kind. Pure: semantic checks that need the
// whole corpus or the topic vocabulary live in check.ts.
import * as z from 'zod/mini';
import { firstControl } from '../control.js';
import { partialDateProblem } from '../dates.js';
import { STATUSES } from './types.js';
import type { IssueCode } from './issues.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function coded(code: IssueCode, message: string) {
  return { code: 'custom' as const, message, params: { code } };
}

/** Terminal escapes, bidi overrides and other control characters have no place in fact text: see control.ts. */
const plain = (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const found = firstControl(value);
  if (found) ctx.addIssue(coded('RIF021', `contains the control character ${found}; fact text must be plain text (no terminal escapes or bidi overrides)`));
};

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.superRefine(plain));
const list = z.array(text);

/** The patterns the JSON Schemas carry (rif schema), for editors; the checks with their own codes stay in the refinements. */
const PATTERNS = Object.freeze({ date: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$', id: ID.source, url: '^https?://[^\\s/]+\\.[^\\s]+$' });

// YAML 1.2 reads an unquoted 1828 as a number; a bare year is common enough to accept.
const partialDate = z
  .pipe(z.union([z.string().check(z.meta({ pattern: PATTERNS.date })), z.int()]), z.transform(String))
  .check(
    z.superRefine((value, ctx) => {
      const problem = partialDateProblem(value);
      if (problem) ctx.addIssue(coded('RIF009', problem));
    }),
    z.meta({ description: 'a date to the precision the sources give: YYYY, YYYY-MM or YYYY-MM-DD' }),
  );

const id = z.string().check(
  z.superRefine((value, ctx) => {
    if (!ID.test(value)) ctx.addIssue(coded('RIF005', `id "${value}" must be kebab-case: lower-case letters and digits joined by single hyphens`));
  }),
  z.meta({ pattern: PATTERNS.id, description: 'kebab-case and unique: lower-case letters and digits joined by single hyphens; the file name in the bundled layout' }),
);

const url = z.string().check(
  z.superRefine((value, ctx) => {
    if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value)) ctx.addIssue(coded('RIF014', `source url "${value}" must be an http(s) address`));
    else plain(value, ctx);
  }),
  z.meta({ pattern: PATTERNS.url, description: 'the address of the page, http or https' }),
);

// A source's dates say when the page was published and when it was checked against the fact; a malformed one
// is an error of its own (RIF024), since a citation would print it.
const sourceDate = z.pipe(z.union([z.string(), z.int()]), z.transform(String)).check(
  z.superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem) ctx.addIssue(coded('RIF024', problem));
  }),
);

// Title and publisher may be missing in a user's file (RIF022 and RIF023 are warnings), so it still loads.
const source = z.strictObject({
  url,
  title: z.optional(text),
  title_en: z.optional(text),
  publisher: z.optional(text),
  published: z.optional(sourceDate),
  accessed: z.optional(sourceDate),
});
const quote = z.strictObject({ text, speaker: text, date: z.optional(partialDate), note: z.optional(text) });
const status = z.enum(STATUSES);

const common = {
  id,
  title: text,
  summary: text,
  approximate: z.optional(z.boolean()),
  date_note: z.optional(text),
  note: z.optional(text),
  topics: z.optional(list),
  actors: z.optional(list),
  places: z.optional(list),
  aliases: z.optional(list),
  related: z.optional(list),
  quotes: z.optional(z.array(quote)),
  sources: z.array(source).check(z.minLength(1, 'needs at least one source')),
};

const when = {
  date: z.optional(partialDate),
  start: z.optional(partialDate),
  end: z.optional(partialDate),
};

const eventSchema = z.strictObject({ ...common, ...when, kind: z.literal('event') });

const treatySchema = z.strictObject({
  ...common,
  kind: z.literal('treaty'),
  signed: partialDate,
  in_force: z.optional(partialDate),
  ended: z.optional(partialDate),
  /** no `ended` because the sources say it is still in force (without it, a missing end is not recorded) */
  in_force_now: z.optional(z.boolean()),
  parties: z.optional(list),
  duration: z.optional(text),
  provisions: z.optional(list),
});

const allegationSchema = z.strictObject({
  ...common,
  ...when,
  kind: z.literal('allegation'),
  status,
  alleged_by: list.check(z.minLength(1, 'needs at least one accuser')),
  denied_by: z.optional(list),
  confirmed_by: z.optional(list),
  history: z.optional(z.array(z.strictObject({ date: partialDate, status, by: list.check(z.minLength(1, 'needs at least one name')), note: z.optional(text) }))),
});

export const SCHEMAS = Object.freeze({ event: eventSchema, treaty: treatySchema, allegation: allegationSchema });

/** One fact of any kind, as a fact file holds it (one, or a list of them): `rif schema fact` is generated from it. */
export const FACT = z.discriminatedUnion('kind', [eventSchema, treatySchema, allegationSchema]);

/**
 * What a fact whose kind is missing or unknown is checked against, so that its other problems are found
 * in the same run: the fields every kind shares, and every date field any kind has. Fields of one kind
 * or another pass here; a field no kind has is reported as unknown (see ALL_FIELDS).
 */
export const SHARED_SCHEMA = z.object({ ...common, ...when, signed: z.optional(partialDate), in_force: z.optional(partialDate), ended: z.optional(partialDate) });

/** Every field some kind has. */
export const ALL_FIELDS: ReadonlySet<string> = new Set(Object.values(SCHEMAS).flatMap((schema) => Object.keys(schema.shape)));

type RawEvent = z.output<typeof eventSchema>;
type RawTreaty = z.output<typeof treatySchema>;
type RawAllegation = z.output<typeof allegationSchema>;
export type RawFact = RawEvent | RawTreaty | RawAllegation;
