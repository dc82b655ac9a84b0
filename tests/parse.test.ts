import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpus, checkEntryOf } from '../src/facts/check.js';
import { ISSUE_CODES } from '../src/facts/issues.js';
import { lintFacts } from '../src/facts/lint.js';
import { parseFactText, type ParseContext } from '../src/facts/parse.js';
import { loadFacts } from '../src/facts/load.js';
import { FIXTURES, ROOT } from './helpers.js';

const vocabulary = new Map([
  ['nuclear', 'n'],
  ['trade', 't'],
  ['territory', 'x'],
  ['caspian', 'c'],
]);
const INVALID = join(FIXTURES, 'invalid');

// The bundled layout's expectations, for the two codes that only the bundled layout can break.
const EXPECT: Record<string, ParseContext['expect']> = {
  RIF006: { kind: 'event', id: 'RIF006-file-name-differs' },
  RIF007: { kind: 'treaty', id: 'rif007' },
};

function codesOf(file: string): string[] {
  const code = file.slice(0, 6);
  const ctx: ParseContext = { file, vocabulary, ...(EXPECT[code] ? { expect: EXPECT[code] } : {}) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(join(INVALID, file)));
  } catch {
    // reading is the loader's job; see the loadFacts test below
    return ['RIF017'];
  }
  const parsed = parseFactText(text, ctx);
  const corpus = checkCorpus(parsed.entries.map(checkEntryOf));
  return [...parsed.issues, ...corpus.issues, ...lintFacts(corpus.kept.map((i) => parsed.entries[i]!))].map((i) => i.code);
}

describe('each invalid fixture fails with exactly its own code', () => {
  const files = readdirSync(INVALID).filter((f) => /^RIF\d{3}/.test(f));
  it('there is a fixture for every code', () => {
    expect(files.map((f) => f.slice(0, 6))).toEqual(Object.keys(ISSUE_CODES));
  });
  it.each(files)('%s', (file) => {
    expect(new Set(codesOf(file))).toEqual(new Set([file.slice(0, 6)]));
  });
});

describe('positions', () => {
  it('an unknown field is reported at its key', () => {
    const { issues } = parseFactText(readFileSync(join(INVALID, 'RIF002-unknown-field.yaml'), 'utf8'), { file: 'x.yaml', vocabulary });
    expect(issues).toEqual([expect.objectContaining({ code: 'RIF002', file: 'x.yaml', line: 11, col: 1 })]);
    expect(issues[0]!.message).toContain('"colour"');
  });

  it('a bad date inside a list is reported at that item', () => {
    const text =
      'id: a\nkind: event\ntitle: T\ndate: "1900"\nsummary: S\nquotes:\n  - text: Q\n    speaker: P\n    date: "1900-02-29"\nsources:\n  - url: https://example.org/a\n    publisher: P\n';
    const { issues } = parseFactText(text, { file: 'q.yaml', vocabulary });
    expect(issues.map((i) => [i.code, i.line, i.col])).toEqual([['RIF009', 9, 11]]);
  });

  it('a YAML syntax error carries line and column', () => {
    const { issues } = parseFactText('id: a\ntitle: "unclosed\n', { file: 'y.yaml', vocabulary });
    expect(issues[0]).toMatchObject({ code: 'RIF001', line: 2, col: 16 });
  });

  it('an unknown topic suggests the closest', () => {
    const { issues } = parseFactText(readFileSync(join(INVALID, 'RIF012-unknown-topic.yaml'), 'utf8'), { file: 't.yaml', vocabulary });
    expect(issues[0]!.message).toContain('did you mean "nuclear"');
  });
});

describe('normalized facts', () => {
  const text = readFileSync(join(FIXTURES, 'valid', 'user-facts.yaml'), 'utf8');
  const { entries, issues } = parseFactText(text, { file: 'u.yaml', vocabulary });

  it('a sequence file yields each fact, a bare year is accepted', () => {
    expect(issues).toEqual([]);
    expect(entries.map((e) => e.fact.id)).toEqual(['test-border-commission', 'test-fishing-accord']);
    expect(entries[0]!.fact.date).toEqual({ start: '1901', end: '1901', precision: 'year', approximate: false, note: null });
  });

  it('a treaty is dated by its signing and keeps its in-force and end dates', () => {
    const treaty = entries[1]!.fact;
    expect(treaty.kind).toBe('treaty');
    expect(treaty.date).toMatchObject({ start: '1927-10-01', end: '1927-10-01', precision: 'day' });
    expect(treaty).toMatchObject({ signed: '1927-10-01', in_force: '1928-01', ended: '1953', duration: '25 years' });
  });

  it('an open span has a null end', () => {
    const open = parseFactText('id: a\nkind: event\ntitle: T\nstart: "2022-11"\nsummary: S\nsources:\n  - url: https://example.org/a\n    publisher: P\n', {
      file: 'o',
      vocabulary,
    });
    expect(open.entries[0]!.fact.date).toMatchObject({ start: '2022-11', end: null, precision: 'month' });
  });

  it.each([
    ['date and start together', 'date: "1900"\nstart: "1899"', 'RIF004'],
    ['no date at all', '', 'RIF003'],
    ['a treaty given a date', 'date: "1900"', 'RIF002'],
  ])('%s is refused', (_, extra, code) => {
    const kind = code === 'RIF002' ? 'treaty\nsigned: "1900"' : 'event';
    const doc = `id: a\nkind: ${kind}\ntitle: T\nsummary: S\n${extra}\nsources:\n  - url: https://example.org/a\n    publisher: P\n`;
    expect(parseFactText(doc, { file: 'd', vocabulary }).issues.map((i) => i.code)).toEqual([code]);
  });
});

describe('field rules, in the words a writer reads', () => {
  const event = (fields: string) => `id: a-fact\nkind: event\ntitle: T\ndate: "1900"\nsummary: S\n${fields}`;
  const allegation = (fields: string) =>
    `id: a-claim\nkind: allegation\ntitle: T\ndate: "1900"\nsummary: S\nstatus: alleged\n${fields}sources: [{ url: "https://example.org/a", publisher: P }]\n`;
  const SOURCES = 'sources: [{ url: "https://example.org/a", publisher: P }]\n';
  const problems = (text: string) => parseFactText(text, { file: 'f.yaml', vocabulary }).issues.map((i) => `${i.code} ${i.message}`);

  it.each([
    [
      'an id with an underscore',
      event(SOURCES).replace('a-fact', 'a_fact'),
      'RIF005 id "a_fact" must be kebab-case: lower-case letters and digits joined by single hyphens',
    ],
    ['an id with a trailing symbol', event(SOURCES).replace('a-fact', 'a-fact!'), 'RIF005 id "a-fact!" must be kebab-case'],
    ['an id with capitals after a valid start', event(SOURCES).replace('a-fact', 'a-Fact'), 'RIF005 id "a-Fact" must be kebab-case'],
    [
      'a url after other text',
      event('sources: [{ url: "see https://example.org/a", publisher: P }]\n'),
      'RIF014 source url "see https://example.org/a" must be an http(s) address',
    ],
    [
      'a url followed by other text',
      event('sources: [{ url: "https://example.org/a and more", publisher: P }]\n'),
      'RIF014 source url "https://example.org/a and more" must be an http(s) address',
    ],
    [
      'a control character in a title',
      event(SOURCES).replace('title: T', 'title: "T \\e[2J"'),
      'RIF021 contains the control character U+001B; fact text must be plain text (no terminal escapes or bidi overrides)',
    ],
    ['a title of spaces', event(SOURCES).replace('title: T', 'title: "   "'), 'RIF004 field "title": must not be empty'],
    ['no sources', event('sources: []\n'), 'RIF003 field "sources" needs at least one source'],
    [
      'an allegation nobody made',
      allegation('alleged_by: []\n'),
      'RIF015 field "alleged_by" needs at least one accuser: an allegation states its status and who alleged it',
    ],
    [
      'a status change by nobody',
      allegation('alleged_by: [X]\nhistory: [{ date: "1901", status: denied, by: [] }]\n'),
      'RIF003 field "history.0.by" needs at least one name',
    ],
  ])('%s', (_, text, expected) => {
    expect(problems(text).map((p) => p.slice(0, expected.length))).toEqual([expected]);
  });

  it('a title is trimmed', () => {
    const [entry] = parseFactText(event(SOURCES).replace('title: T', 'title: "  Padded  "'), { file: 'f.yaml', vocabulary }).entries;
    expect(entry!.fact.title).toBe('Padded');
  });
});

describe('loading files', () => {
  it('loads a user directory recursively, .yaml and .yml, and reports unreadable files without stopping', () => {
    const result = loadFacts({
      bundledDir: join(ROOT, 'facts'),
      includeBundled: false,
      userPaths: [join(FIXTURES, 'valid'), join(INVALID, 'RIF017-not-utf8.yaml')],
      cwd: ROOT,
    });
    expect(result.facts.map((f) => f.id).sort()).toEqual(['test-border-commission', 'test-fishing-accord', 'test-smuggled-samovars']);
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([['RIF017', 'file is not valid UTF-8 text']]);
  });

  it('the bundled corpus loads without a single problem', () => {
    const result = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [], cwd: ROOT });
    expect(result.issues).toEqual([]);
    expect(result.facts.length).toBeGreaterThanOrEqual(35);
  });
});
