import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../src/facts/issues.js';
import { FIXTURES, rif, tempDir, tempFacts } from './helpers.js';

const INVALID = join(FIXTURES, 'invalid');
const fact = (id: string, extra = '') =>
  `id: ${id}\nkind: event\ntitle: Title of ${id}\ndate: "1900"\nsummary: Summary of ${id}.\naliases: [other ${id}]\nsources: [{ url: "https://example.org/${id}", publisher: P, title: T }]\n${extra}`;
const LINE = /^\S+:\d+:\d+ RIF\d{3} \S/;

interface JsonReport {
  ok: boolean;
  files: number;
  facts: number;
  errors: number;
  warnings: number;
  issues: { file: string; line: number; col: number; code: string; severity: string; message: string; also?: object }[];
}

describe('rif validate', () => {
  it('the bundled corpus is clean: no errors and no warnings', async () => {
    const out = await rif(['validate']);
    expect(out.stdout).toMatch(/^\d+ facts in \d+ files: 0 errors, 0 warnings\n$/);
    expect(out.code).toBe(0);
  });

  it('prints every problem as file:line:col CODE message, then a summary, and exits 3', async () => {
    const out = await rif(['validate', INVALID]);
    const lines = out.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    expect(out.code).toBe(3);
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines[0]).toMatch(/^tests\/fixtures\/invalid\/RIF001-yaml-syntax\.yaml:3:16 RIF001 /);
    const codes = new Set(lines.map((l) => l.split(' ')[1]));
    // RIF006 and RIF007 need the <kind>/<id>.yaml layout; see below
    const expected = Object.keys(ISSUE_CODES).filter((c) => c !== 'RIF006' && c !== 'RIF007');
    expect([...codes].sort()).toEqual(expected);
    expect(summary).toMatch(new RegExp(`^\\d+ facts in ${Object.keys(ISSUE_CODES).length} files: \\d+ errors, 5 warnings$`));
    expect(out.stderr).toBe('');
  });

  it('in a folder named after a kind, the folder is the kind and the file name is the id', async () => {
    const dir = tempFacts({ 'event/right.yaml': fact('wrong'), 'treaty/moved.yaml': fact('moved') });
    const out = await rif(['validate', '--no-bundled', dir], { cwd: dir });
    expect(out.stdout).toContain('event/right.yaml:1:5 RIF006 id "wrong" differs from the file name "right.yaml"');
    expect(out.stdout).toMatch(/^treaty\/moved\.yaml:2:7 RIF007 /m);
    expect(out.code).toBe(3);
  });

  it('--format json gives one document with counts and located issues', async () => {
    const out = await rif(['validate', '--format', 'json', join(INVALID, 'RIF009-impossible-date.yaml'), join(INVALID, 'RIF018-no-aliases.yaml')]);
    const report = JSON.parse(out.stdout) as JsonReport;
    expect(report).toMatchObject({ ok: false, files: 2, facts: 1, errors: 1, warnings: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({ file: 'tests/fixtures/invalid/RIF009-impossible-date.yaml', line: 4, col: 7, code: 'RIF009', severity: 'error' }),
      expect.objectContaining({ file: 'tests/fixtures/invalid/RIF018-no-aliases.yaml', line: 1, col: 1, code: 'RIF018', severity: 'warning' }),
    ]);
    expect(Object.keys(report.issues[0]!)).toEqual(['file', 'line', 'col', 'code', 'severity', 'message']);
    expect(out.code).toBe(3);
    expect((await rif(['validate', '--json', join(INVALID, 'RIF018-no-aliases.yaml')])).stdout).toMatch(/^\{\n {2}"ok": true,/);
  });

  it('warnings alone exit 0, unless --max-warnings is exceeded', async () => {
    const file = join(INVALID, 'RIF020-long-summary.yaml');
    const out = await rif(['validate', file]);
    expect(out.stdout).toMatch(/RIF020 warning: summary of "rif020" has 81 words, over 80/);
    expect(out.stdout).toMatch(/^1 fact in 1 file: 0 errors, 1 warning$/m);
    expect(out.code).toBe(0);
    expect((await rif(['validate', '--max-warnings', '1', file])).code).toBe(0);
    expect((await rif(['validate', '--max-warnings', '0', file])).code).toBe(3);
  });

  it('a source without a title or publisher is a warning at that source; a malformed source date is an error', async () => {
    const out = await rif([
      'validate',
      join(INVALID, 'RIF022-source-without-title.yaml'),
      join(INVALID, 'RIF023-source-without-publisher.yaml'),
      join(INVALID, 'RIF024-invalid-source-date.yaml'),
    ]);
    expect(out.stdout.split('\n').slice(0, 3)).toEqual([
      'tests/fixtures/invalid/RIF022-source-without-title.yaml:8:5 RIF022 warning: source 1 of "rif022" (https://example.org/x) has no title: give the page\'s own title, in its language',
      'tests/fixtures/invalid/RIF023-source-without-publisher.yaml:8:5 RIF023 warning: source 1 of "rif023" (https://example.org/x) has no publisher',
      'tests/fixtures/invalid/RIF024-invalid-source-date.yaml:11:16 RIF024 "2015-02-30" does not exist: 2015-02 has 28 days',
    ]);
    expect(out.code).toBe(3);
  });

  it('a placeholder rif new wrote is an error of its own (RIF025) at each value, and nothing else there', async () => {
    const out = await rif(['validate', join(INVALID, 'RIF025-placeholder.yaml')]);
    expect(out.stdout.split('\n')).toEqual([
      'tests/fixtures/invalid/RIF025-placeholder.yaml:3:8 RIF025 field "title" is still the placeholder "<a neutral headline>": replace it, or delete the line if the field is optional',
      'tests/fixtures/invalid/RIF025-placeholder.yaml:7:5 RIF025 field "parties.0" is still the placeholder "<first party, e.g. Russian Federation>": replace it, or delete the line if the field is optional',
      'tests/fixtures/invalid/RIF025-placeholder.yaml:17:16 RIF025 field "sources.1.published" is still the placeholder "<YYYY-MM-DD>": replace it, or delete the line if the field is optional',
      '0 facts in 1 file: 3 errors, 0 warnings',
      '',
    ]);
    expect(out.code).toBe(3);
  });

  it('a template with only its dates, topic and url filled in does not pass: every text placeholder is named', async () => {
    const dir = tempDir('rif-placeholder-');
    expect((await rif(['new', 'treaty', 'half-done', '--dir', dir], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'half-done.yaml');
    const text = readFileSync(file, 'utf8')
      .replace(/"<YYYY-MM-DD>"/g, '"2020-01-01"')
      .replace('"<topic>"', 'diplomacy')
      .replace('"<https://… the page>"', 'https://example.org/page');
    writeFileSync(file, text);
    const out = await rif(['validate', dir], { cwd: dir });
    const lines = out.stdout.trimEnd().split('\n');
    const values = text.split('\n').filter((l) => !/^\s*#/.test(l));
    const placeholders = values.flatMap((l) => [...l.matchAll(/"(<[^"]*>)"/g)].map((m) => m[1]));
    expect(placeholders.length).toBeGreaterThan(10);
    expect(lines.filter((l) => / RIF025 /.test(l)).map((l) => /"(<[^"]*>)"/.exec(l)![1])).toEqual(placeholders);
    expect(lines.some((l) => /title" is still the placeholder "<a neutral headline>"/.test(l))).toBe(true);
    expect(lines.some((l) => /parties\.0" is still the placeholder "<first party/.test(l))).toBe(true);
    expect(out.code).toBe(3);
  });

  it('user facts are checked against the bundled ones, and only the given paths are reported', async () => {
    const dir = tempFacts({ 'mine.yaml': fact('my-note', 'related: [treaty-of-turkmenchay]\n') });
    const out = await rif(['validate', dir], { cwd: dir });
    expect(out.stdout).toBe('1 fact in 1 file: 0 errors, 0 warnings\n');
    expect(out.code).toBe(0);
    const alone = await rif(['validate', '--no-bundled', dir], { cwd: dir });
    expect(alone.stdout).toMatch(/^mine\.yaml:8:1 RIF013 related id "treaty-of-turkmenchay" is not a loaded fact$/m);
    expect(alone.code).toBe(3);
  });

  it('an id that repeats a bundled id names both locations', async () => {
    const dir = tempFacts({ 'copy.yaml': fact('treaty-of-turkmenchay') });
    const out = await rif(['validate', dir], { cwd: dir });
    expect(out.stdout).toMatch(
      /^copy\.yaml:1:1 RIF008 duplicate id "treaty-of-turkmenchay"; this one is skipped \(first at \S+facts\/treaty\/treaty-of-turkmenchay\.yaml:1:1\)$/m,
    );
    expect(out.code).toBe(3);
  });

  it('a single bundled file can be checked on its own', async () => {
    const out = await rif(['validate', 'facts/treaty/treaty-of-gulistan.yaml']);
    expect(out.stdout).toBe('1 fact in 1 file: 0 errors, 0 warnings\n');
  });

  it.each([
    [['validate', 'no/such/dir'], /^rif: no\/such\/dir: no such file or directory\n$/],
    [['validate', '--no-bundled'], /^rif: --no-bundled needs paths to check\n$/],
    [['validate', '--format', 'xml'], /^rif: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, json\.\n$/],
    [['validate', '--max-warnings', 'many'], /^rif: .*"many" is not a whole number of 0 or more\n$/],
  ])('usage errors exit 2 with one line: %j', async (argv, stderr) => {
    const out = await rif(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(stderr);
    expect(out.stdout).toBe('');
  });
});

describe('rif validate reports every problem in one run', () => {
  const codes = async (dir: string) => {
    const out = await rif(['validate', '--no-bundled', dir], { cwd: dir });
    return { code: out.code, lines: out.stdout.trimEnd().split('\n').slice(0, -1) };
  };

  it('nine mistakes in one file: all nine codes at once, each at its own line', async () => {
    const dir = tempFacts({
      'many.yaml': [
        'id: Many_Mistakes',
        'kind: event',
        'title: ""',
        'start: "1900-05"',
        'end: "1899"',
        'summary: A fact with many mistakes.',
        'topics: [nuclar]',
        'related: [nowhere-fact]',
        'colour: red',
        'sources:',
        '  - url: ftp://example.org/x',
        '    publisher: P',
        '',
      ].join('\n'),
    });
    const { code, lines } = await codes(dir);
    expect(code).toBe(3);
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual([
      'many.yaml:1:1 RIF018',
      'many.yaml:1:5 RIF005',
      'many.yaml:3:8 RIF004',
      'many.yaml:5:6 RIF010',
      'many.yaml:7:10 RIF012',
      'many.yaml:8:1 RIF013',
      'many.yaml:9:1 RIF002',
      'many.yaml:11:5 RIF022',
      'many.yaml:11:10 RIF014',
    ]);
  });

  it('an unknown kind is reported, and the fields every kind shares are still checked', async () => {
    const dir = tempFacts({
      'event.yaml': [
        'id: kind-event',
        'kind: Event',
        'title: A fact of no known kind',
        'date: "1900-02-30"',
        'topics: [nuclar]',
        'related: [nowhere-fact]',
        'colour: red',
        'sources:',
        '  - url: ftp://example.org/x',
        '    publisher: P',
        '    title: T',
        '',
      ].join('\n'),
    });
    const { lines } = await codes(dir);
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['RIF003', 'RIF018', 'RIF004', 'RIF009', 'RIF012', 'RIF013', 'RIF002', 'RIF014']);
    expect(lines[2]).toBe('event.yaml:2:7 RIF004 kind "Event" must be one of event, treaty, allegation (did you mean "event"?)');
    expect(lines[0]).toBe('event.yaml:1:1 RIF003 missing required field "summary"');
  });

  it('in the bundled layout, a wrong folder and file name are reported beside the schema problems', async () => {
    const dir = tempFacts({
      'treaty/right.yaml':
        'id: wrong\nkind: event\ntitle: T\ndate: "1900-13"\nsummary: S\naliases: [A]\nsources: [{ url: "https://example.org/x", publisher: P, title: T }]\n',
    });
    const { lines } = await codes(dir);
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['RIF006', 'RIF007', 'RIF009']);
  });

  it('a treaty whose dates are out of order and whose in_force_now contradicts its end: both, with the other problems', async () => {
    const dir = tempFacts({
      't.yaml':
        'id: t\nkind: treaty\ntitle: T\nsigned: "1900"\nin_force: "1899"\nended: "1950"\nin_force_now: true\nsummary: S\naliases: [A]\nduration: 5\nsources: [{ url: "https://example.org/x", publisher: P, title: T }, { url: "https://example.org/y", publisher: P, title: T }]\n',
    });
    const { lines } = await codes(dir);
    expect(lines.map((l) => l.split(' ')[1]).sort()).toEqual(['RIF004', 'RIF004', 'RIF011']);
    expect(lines.join('\n')).toMatch(/in_force 1899 comes before signed 1900/);
  });
});
