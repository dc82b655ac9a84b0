// JSON Schemas generated from the zod schemas, never written by hand: of a fact file (what editors check
// YAML against, through a yaml-language-server line) and of the JSON record rif prints. The build ships
// both in dist/schema/; `rif schema` prints them.
import * as z from 'zod/mini';
import { RECORD } from './record-schema.js';
import { FACT } from './schema.js';

export type SchemaName = 'fact' | 'record';

const ABOUT: Readonly<Record<SchemaName, { title: string; description: string }>> = Object.freeze({
  fact: {
    title: 'rif fact file',
    description: 'A fact file of rif, the Russia–Iran fact explorer: one fact (a mapping) or a list of facts. rif validate checks more than this schema can say (real dates, date order, topics, ids across files).',
  },
  record: {
    title: 'rif fact record',
    description: 'One record of the JSON that rif prints (rif list --json, rif show --json): every key on every record, null where it does not apply.',
  },
});

const DRAFT_7 = { target: 'draft-7', unrepresentable: 'any' } as const;

/** A generated schema without its own `$schema`: the document's head says it once. */
const withoutDraft = (schema: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'));

/** The JSON Schema (draft-07, which editors read) of a fact file or a record, for this version of rif. */
export function jsonSchema(name: SchemaName, version: string): Record<string, unknown> {
  const head = { $schema: 'http://json-schema.org/draft-07/schema#', ...ABOUT[name], $comment: `generated from rif ${version}'s zod schema by rif schema ${name}` };
  if (name === 'record') {
    return { ...head, ...withoutDraft(z.toJSONSchema(RECORD, { ...DRAFT_7, io: 'output' })) };
  }
  // a fact as written (a year may be a number), once; the file is one fact or a list of them
  const fact = withoutDraft(z.toJSONSchema(FACT, { ...DRAFT_7, io: 'input' }));
  const ref = { $ref: '#/definitions/fact' };
  return { ...head, anyOf: [ref, { type: 'array', minItems: 1, items: ref }], definitions: { fact: { title: 'A fact: an event, a treaty or an allegation', ...fact } } };
}
