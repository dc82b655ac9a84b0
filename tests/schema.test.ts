// rif schema: JSON Schemas generated from the zod schemas, checked by a JSON Schema validator of its own
// (ajv) against every bundled fact file and every record rif prints, and against files that must fail.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { RECORD_FIELDS } from '../src/render/record.js';
import { FIXTURES, ROOT, rif } from './helpers.js';

const schemaOf = async (name: string) => JSON.parse((await rif(['schema', name])).stdout) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: true, strict: true });
const validator = async (name: string) => ajv.compile(await schemaOf(name));

/** Every bundled fact file, read as YAML 1.2 core (js-yaml's default schema is the core one plus nothing rif refuses). */
const bundled = readdirSync(join(ROOT, 'facts'), { recursive: true, encoding: 'utf8' })
  .filter((f) => /^(event|treaty|allegation)\/.+\.yaml$/.test(f))
  .map((f) => ({ file: f, data: load(readFileSync(join(ROOT, 'facts', f), 'utf8')) }));

describe('rif schema fact', () => {
  it('every bundled fact file passes it', async () => {
    const valid = await validator('fact');
    expect(bundled.length).toBeGreaterThan(150);
    const failing = bundled.filter(({ data }) => !valid(data)).map(({ file }) => `${file}: ${ajv.errorsText(valid.errors)}`);
    expect(failing).toEqual([]);
  });

  it('a user file of several facts passes it too', async () => {
    const valid = await validator('fact');
    expect(valid(load(readFileSync(join(FIXTURES, 'valid', 'user-facts.yaml'), 'utf8')))).toBe(true);
  });

  it.each([
    ['an unknown field', { colour: 'red' }],
    ['an id that is not kebab-case', { id: 'Not_Kebab' }],
    ['an unknown kind', { kind: 'Event' }],
    ['a date that is no date', { date: '1 May 1900' }],
    ['a source that is not http', { sources: [{ url: 'ftp://example.org/x', publisher: 'P' }] }],
    ['no sources', { sources: [] }],
    ['a treaty dated by date', { kind: 'treaty', signed: '1900' }],
  ])('a fact with %s fails it', async (_, change) => {
    const valid = await validator('fact');
    const fact = { id: 'ok', kind: 'event', title: 'T', date: '1900', summary: 'S', sources: [{ url: 'https://example.org/x', publisher: 'P' }] };
    expect(valid(fact)).toBe(true);
    expect(valid({ ...fact, ...change })).toBe(false);
  });

  it('is the file the package ships, which --path names', async () => {
    const path = (await rif(['schema', 'fact', '--path'])).stdout.trim();
    expect(path).toBe(join(ROOT, 'dist', 'schema', 'fact.schema.json'));
    expect(readFileSync(path, 'utf8')).toBe((await rif(['schema', 'fact'])).stdout);
    expect(readFileSync(join(ROOT, 'dist', 'schema', 'record.schema.json'), 'utf8')).toBe((await rif(['schema', 'record'])).stdout);
  });

  it('says what it is and which version made it', async () => {
    const schema = await schemaOf('fact');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(schema).toMatchObject({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'rif fact file',
      $comment: `generated from rif ${version}'s zod schema by rif schema fact`,
    });
  });
});

describe('rif schema record', () => {
  it('every bundled record, as list, search and show print it, passes it; every key on every record', async () => {
    const valid = await validator('record');
    const records = [
      ...(JSON.parse((await rif(['list', '--json'])).stdout) as Record<string, unknown>[]),
      ...(JSON.parse((await rif(['search', 'drone', '--json'])).stdout) as Record<string, unknown>[]),
      ...(JSON.parse((await rif(['show', 'jcpoa-2015', 'treaty-of-gulistan', '--json'])).stdout) as Record<string, unknown>[]),
      ...(JSON.parse((await rif(['list', '--json', '--facts', join(FIXTURES, 'valid'), '--no-bundled', '--no-cache'])).stdout) as Record<string, unknown>[]),
    ];
    expect(records.length).toBeGreaterThan(180);
    for (const record of records) {
      expect(valid(record), `${String(record['id'])}: ${ajv.errorsText(valid.errors)}`).toBe(true);
      expect(Object.keys(record)).toEqual(RECORD_FIELDS);
    }
  });

  it('a record missing a key, or with a treaty field on an event, fails it', async () => {
    const valid = await validator('record');
    const [event] = JSON.parse((await rif(['events', '--json', '--limit', '1'])).stdout) as Record<string, unknown>[];
    expect(valid(event)).toBe(true);
    expect(valid(Object.fromEntries(Object.entries(event!).filter(([key]) => key !== 'note')))).toBe(false);
    expect(valid({ ...event, parties: ['A', 'B'] })).toBe(false);
  });
});

describe('every key, null where it does not apply', () => {
  it.each([
    ['events', { signed: null, parties: null, status: null, history: null, score: null }],
    ['treaties', { status: null, alleged_by: null, history: null }],
    ['allegations', { signed: null, in_force_now: null, provisions: null }],
  ])('%s', async (command, nulls) => {
    for (const record of JSON.parse((await rif([command, '--json'])).stdout) as Record<string, unknown>[]) expect(record).toMatchObject(nulls);
  });
});

it('the record schema has the keys every record has, in order', async () => {
  const { RECORD } = await import('../src/facts/record-schema.js');
  for (const option of RECORD._zod.def.options) expect([...Object.keys(option.shape)].sort()).toEqual([...RECORD_FIELDS].sort());
});
