// run(argv, io) in-process: every command, output format and exit code, as a user meets them.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, rif, rifJson, tempFacts } from './helpers.js';

const USER = join(FIXTURES, 'valid');
const ESC = '\u001b[';

describe('exit codes', () => {
  it.each([
    ['a search with results', ['search', 'gulistan'], 0],
    ['no command name: the words are a search', ['turkmenchay'], 0],
    ['a search with no results', ['search', 'qqqzzzxxx'], 1],
    ['an unknown id', ['show', 'treaty-of-nowhere'], 1],
    ['filters that match nothing', ['treaties', '--in', '1650s'], 1],
    ['an unknown flag', ['list', '--colour', 'red'], 2],
    ['a malformed date', ['list', '--from', '2015-02-30'], 2],
    ['--from after --to', ['list', '--from', '1900', '--to', '1800'], 2],
    ['an unknown topic', ['list', '--topic', 'nuclar'], 2],
    ['an unknown kind', ['list', '--kind', 'treatise'], 2],
    ['an unknown status', ['allegations', '--status', 'proven'], 2],
    ['a bad --limit', ['list', '--limit', '0'], 2],
    ['two output formats', ['list', '--json', '--csv'], 2],
    ['search without a query', ['search'], 2],
    ['a missing --facts directory', ['list', '--facts', '/no/such/dir'], 2],
    ['a broken user file with --strict', ['list', '--strict', '--facts', join(FIXTURES, 'invalid', 'RIF001-yaml-syntax.yaml')], 3],
    ['--help', ['--help'], 0],
    ['--version', ['--version'], 0],
    ['a command --help', ['treaties', '--help'], 0],
    ['no arguments prints help', [], 0],
  ])('%s → %i', async (_, argv, code) => {
    const out = await rif(argv);
    expect(out.code).toBe(code);
    expect(out.stderr).not.toMatch(/\n\s+at /); // never a stack trace
  });

  it.each([
    [['list', '--from', '2015-02-30'], /--from.*2015-02-30.*does not exist/],
    [['list', '--topic', 'nuclar'], /unknown topic "nuclar" \(did you mean "nuclear"\?\)/],
    [['list', '--kind', 'treatise'], /did you mean "treaty"/],
    [['list', '--colour', 'red'], /unknown option '--colour'.*Did you mean --color\?/],
    [['show', 'treaty-of-nowhere'], /no fact with id "treaty-of-nowhere"; did you mean: treaty-of-/],
    [['show', 'bushehr'], /"bushehr" matches several facts: bushehr-[a-z0-9-]+ \(.*\); give one id/],
    [['events', '--in-force-at', '1950'], /unknown option '--in-force-at'/],
    [['list', '--from', '1900', '--to', '1800'], /--from 1900 is after --to 1800/],
    [['lst'], /^rif: unknown command "lst", and no facts match "lst"; did you mean rif list\?\n$/],
    [
      ['shwo', 'treaty-of-nowhere-at-all'],
      /^rif: unknown command "shwo", and no facts match "shwo treaty-of-nowhere-at-all"; did you mean rif show treaty-of-nowhere-at-all\?\n$/,
    ],
    [['lsit', 'qqqzzz', '--json'], /^rif: unknown command "lsit", and no facts match "lsit qqqzzz"; did you mean rif list qqqzzz --json\?\n$/],
    [['valdte'], /unknown command "valdte", and no facts match "valdte"; did you mean rif validate\?/],
    [['list', '--in', '2020-13'], /2020-13/],
  ])('%j explains itself in one line', async (argv, message) => {
    const out = await rif(argv);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stdout).toBe('');
  });
});

describe('help lists', () => {
  it.each([
    [['cite', '--help'], 'Styles:'],
    [['config', '--help'], 'Settings (flags and environment variables always win):'],
  ])('%j: under %s, every wrapped description keeps the column of its first line, the longest name too', async (argv, heading) => {
    const out = await rif(argv, { env: { COLUMNS: '80' } });
    const block = out.stdout.split(`${heading}\n`)[1]!.split('\n\n')[0]!.split('\n');
    const column = /^ {2}\S+ {2,}/.exec(block[0]!)![0].length;
    for (const line of block) expect(/^ {2}\S+ {2,}\S/.test(line) || new RegExp(`^ {${column}}\\S`).test(line)).toBe(true);
  });
});

describe('a flag given twice', () => {
  it.each([
    [
      'a list flag adds to its list',
      ['list', '--kind', 'treaty', '--kind', 'event', '--fields', 'kind'],
      ['list', '--kind', 'treaty,event', '--fields', 'kind'],
    ],
    ['--fields too', ['list', '--limit', '2', '--fields', 'id', '--fields', 'kind'], ['list', '--limit', '2', '--fields', 'id,kind']],
    ['--sources too', ['cite', 'treaty-of-turkmenchay', '--sources', '1', '--sources', '3'], ['cite', 'treaty-of-turkmenchay', '--sources', '1,3']],
    [
      'all among --sources is all',
      ['cite', 'treaty-of-turkmenchay', '--sources', '2', '--sources', 'all'],
      ['cite', 'treaty-of-turkmenchay', '--sources', 'all'],
    ],
    ['any other flag: the last value', ['list', '--limit', '3', '--limit', '1'], ['list', '--limit', '1']],
    ['--style: the last', ['cite', 'treaty-of-gulistan', '--style', 'apa', '--style', 'mla'], ['cite', 'treaty-of-gulistan', '--style', 'mla']],
    ['--by: the last', ['stats', '--by', 'kind', '--by', 'topic'], ['stats', '--by', 'topic']],
    ['--format: the last', ['list', '--limit', '1', '--format', 'json', '--format', 'csv'], ['list', '--limit', '1', '--format', 'csv']],
  ])('%s', async (_, twice, once) => {
    const [a, b] = await Promise.all([rif(twice), rif(once)]);
    expect(a.code).toBe(0);
    expect([a.stdout, a.stderr]).toEqual([b.stdout, b.stderr]);
  });
});

describe('listings', () => {
  it('treaties --from 1810 --to 1830 lists Gulistan and the two treaties of Turkmenchay, in date order', async () => {
    const ids = (await rifJson(['treaties', '--from', '1810', '--to', '1830'])).map((r) => r['id']);
    expect(ids).toEqual(['treaty-of-gulistan', 'treaty-of-turkmenchay', 'turkmenchay-commercial-treaty-1828']);
  });

  it('a span matches by overlap: the 1804-1813 war is in --from 1810', async () => {
    const ids = (await rifJson(['events', '--from', '1810', '--to', '1812'])).map((r) => r['id']);
    expect(ids).toContain('russo-persian-war-1804-1813');
  });

  it.each([
    ['events', 'event'],
    ['treaties', 'treaty'],
    ['allegations', 'allegation'],
  ])('%s lists only %s facts, in date order', async (command, kind) => {
    const records = await rifJson([command]);
    expect(records.length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r['kind']))).toEqual(new Set([kind]));
    const starts = records.map((r) => (r['date'] as { start: string }).start);
    expect(starts).toEqual([...starts].sort());
  });

  it('list covers every kind; --reverse turns the order round; --limit cuts it', async () => {
    const all = await rifJson(['list']);
    expect(new Set(all.map((r) => r['kind']))).toEqual(new Set(['event', 'treaty', 'allegation']));
    const reversed = await rifJson(['list', '--reverse', '--limit', '3']);
    expect(reversed.map((r) => r['id'])).toEqual(
      all
        .slice(-3)
        .reverse()
        .map((r) => r['id']),
    );
  });

  it('--sort title orders by title', async () => {
    const titles = (await rifJson(['treaties', '--sort', 'title'])).map((r) => String(r['title']));
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('a query on a listing ranks by relevance', async () => {
    const ids = (await rifJson(['treaties', 'caspian'])).map((r) => r['id']);
    // two treaties are named after the Caspian; by date the 1927 fisheries agreement would come first
    expect(['caspian-sea-convention-2018', 'caspian-security-agreement-2010']).toContain(ids[0]);
  });

  it('--sort relevance without a query is a usage error', async () => {
    expect((await rif(['list', '--sort', 'relevance'])).code).toBe(2);
  });

  it.each([
    [['--topic', 'nuclear,sanctions'], (r: Record<string, unknown>) => (r['topics'] as string[]).some((t) => t === 'nuclear' || t === 'sanctions')],
    [['--topic', 'nuclear', '--topic', 'syria'], (r: Record<string, unknown>) => (r['topics'] as string[]).some((t) => t === 'nuclear' || t === 'syria')],
    [['--actor', 'PUTIN'], (r: Record<string, unknown>) => (r['actors'] as string[]).some((a) => /putin/i.test(a))],
    [['--status', 'alleged'], (r: Record<string, unknown>) => r['status'] === 'alleged'],
    [
      ['--in', '1990s'],
      (r: Record<string, unknown>) =>
        (r['date'] as { start: string; end: string | null }).start <= '1999-12-31' && ((r['date'] as { end: string | null }).end ?? '9999') >= '1990',
    ],
    [['--kind', 'treaty,allegation'], (r: Record<string, unknown>) => r['kind'] !== 'event'],
  ])('list %j returns only matching facts', async (flags, holds) => {
    const records = await rifJson(['list', ...flags]);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(holds(r), String(r['id'])).toBe(true);
  });
});

describe('output formats', () => {
  it('--json: an array of full records with the documented date shape, file and (on search) score', async () => {
    const [hit] = await rifJson(['search', 'turkmenchay', '--limit', '1']);
    expect(hit).toMatchObject({
      id: 'treaty-of-turkmenchay',
      kind: 'treaty',
      date: { start: '1828-02-22', end: '1828-02-22', precision: 'day', approximate: false },
      signed: '1828-02-22',
    });
    expect(Object.keys(hit!)).toEqual(
      expect.arrayContaining([
        'title',
        'summary',
        'topics',
        'actors',
        'places',
        'aliases',
        'related',
        'quotes',
        'sources',
        'note',
        'file',
        'score',
        'provisions',
        'parties',
        'in_force',
        'ended',
        'duration',
      ]),
    );
    expect(String(hit!['file'])).toMatch(/facts[\\/]treaty[\\/]treaty-of-turkmenchay\.yaml$/);
    expect(hit!['score']).toBeGreaterThan(0.8);
  });

  it('listings without a query have a score of null: every record has every key', async () => {
    const [first] = await rifJson(['list', '--limit', '1']);
    expect(first).toHaveProperty('score', null);
  });

  it('--ndjson: one parseable record per line', async () => {
    const out = await rif(['treaties', '--ndjson', '--limit', '4']);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('kind', 'treaty');
  });

  it('--fields picks and orders the fields in JSON and text', async () => {
    expect(await rifJson(['show-not-a-command-so-search', '--limit', '0'].slice(0, 0).concat(['treaties', '--fields', 'signed,id', '--limit', '1']))).toEqual([
      { signed: expect.any(String), id: expect.any(String) },
    ]);
    const out = await rif(['treaties', '--fields', 'id,signed', '--limit', '1']);
    expect(out.stdout).toMatch(/^[a-z0-9-]+\t\d{4}(-\d\d){0,2}\n$/);
  });

  it('in a pipe: tab-separated lines, no header, no colour, no borders', async () => {
    const out = await rif(['treaties', '--from', '1810', '--to', '1828-02-22', '--limit', '2'], { env: { FORCE_COLOR: '3' } });
    expect(out.stdout).toBe(
      '1813-10-24\t1814-09-27\t1828-02-22\ttreaty-of-gulistan\tTreaty of Gulistan\n1828-02-22\t\t1921-02-26\ttreaty-of-turkmenchay\tTreaty of Turkmenchay\n',
    );
  });

  it('--csv: a header row, quoted fields, lists as JSON arrays', async () => {
    const out = await rif(['treaties', '--csv', '--limit', '1', '--fields', 'id,parties', '--in', '1828']);
    expect(out.stdout).toBe('id,parties\r\ntreaty-of-turkmenchay,"[""Russian Empire"",""Qajar Iran""]"\r\n');
  });

  it('--markdown: a table to paste', async () => {
    const out = await rif(['treaties', '--markdown', '--from', '1813', '--to', '1813']);
    expect(out.stdout).toBe(
      '| signed | in force | ended | id | title |\n| --- | --- | --- | --- | --- |\n| 1813-10-24 | 1814-09-27 | 1828-02-22 | treaty-of-gulistan | Treaty of Gulistan |\n',
    );
  });

  it('no match prints an empty JSON array, and says so on stderr', async () => {
    const out = await rif(['search', 'qqqzzzxxx', '--json']);
    expect([out.code, out.stdout, out.stderr]).toEqual([1, '[]\n', 'rif: no facts match "qqqzzzxxx"\n']);
  });
});

describe('terminal output', () => {
  it('a table fitted to the terminal width, with every word of every cell kept (--wrap)', async () => {
    const out = await rif(['allegations', '--wrap'], { tty: true, columns: 72, env: { NO_COLOR: '1' } });
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^┌/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
    const records = await rifJson(['allegations']);
    const cellWords = new Set(out.stdout.split(/[│┌┐└┘├┤┬┴┼─\s]+/));
    for (const r of records) for (const word of String(r['title']).split(' ')) expect(cellWords).toContain(word);
  });

  it.each([
    ['a terminal', {}, true],
    ['NO_COLOR', { NO_COLOR: '1' }, false],
    ['TERM=dumb', { TERM: 'dumb' }, false],
  ])('colour on %s: %s', async (_, env, coloured) => {
    const out = await rif(['search', 'gulistan'], { tty: true, env });
    expect(out.stdout.includes(ESC)).toBe(coloured);
  });

  it.each([
    [['--no-color'], false],
    [['--color', 'never'], false],
    [['--color', 'always'], true],
  ])('%j decides over the environment', async (flags, coloured) => {
    const out = await rif(['search', 'gulistan', ...flags], { tty: true, env: { NO_COLOR: '1' } });
    expect(out.stdout.includes(ESC)).toBe(coloured);
  });

  it('FORCE_COLOR=0 turns colour off on a terminal', async () => {
    const out = await rif(['search', 'gulistan'], { tty: true, env: { FORCE_COLOR: '0' } });
    expect(out.stdout.includes(ESC)).toBe(false);
  });

  it('search highlights the matched words in the title', async () => {
    const out = await rif(['search', 'gulistan', '--limit', '1'], { tty: true });
    expect(out.stdout).toContain(`${ESC}33mGulistan`);
  });
});

describe('show', () => {
  it('prints the fact in full', async () => {
    const out = await rif(['show', 'treaty-of-turkmenchay']);
    expect(out.code).toBe(0);
    for (const part of ['Treaty of Turkmenchay', 'Signed', '1828-02-22', 'Provisions', 'Sources', '[1]', 'Related', 'Treaty of Gulistan']) {
      expect(out.stdout).toContain(part);
    }
  });

  it('a source heading puts an English title beside the title it renders, with no dash before the bracket', async () => {
    const out = await rif(['show', 'treaty-of-turkmenchay']);
    expect(out.stdout).toContain('  [2] Wikipedia (Russian) — Туркманчайский мирный договор (Treaty of Turkmenchay)\n');
    const markdown = await rif(['show', 'treaty-of-turkmenchay', '--format', 'markdown']);
    expect(markdown.stdout).toContain('\n2. Wikipedia (Russian) — Туркманчайский мирный договор (Treaty of Turkmenchay) <https://');
    for (const text of [out.stdout, markdown.stdout]) expect(text).not.toContain('— (');
  });

  it('shows an allegation with its status, accusers and history', async () => {
    const out = await rif(['show', 'test-smuggled-samovars', '--facts', USER, '--no-bundled']);
    for (const part of [
      'Status        disputed',
      'Alleged by    Test Customs Service',
      'Denied by     Test Samovar Guild',
      'Status history',
      '2001-06-02',
      'the court found the evidence incomplete',
      '“No samovar crossed the border.”',
      '— Test Guild Chair, 2000-01-15',
    ]) {
      expect(out.stdout).toContain(part);
    }
  });

  it('--json prints an array of records, even of one', async () => {
    const records = await rifJson<Record<string, unknown>[]>(['show', 'jcpoa-2015']);
    expect(records).toEqual([expect.objectContaining({ id: 'jcpoa-2015', kind: 'treaty' })]);
  });

  it('a title or name instead of an id shows the fact it clearly points to', async () => {
    for (const name of ['treaty of gulistan', 'Gulistan', 'Golestan treaty']) {
      const out = await rif(['show', name]);
      expect([out.code, out.stdout.split('\n')[0]]).toEqual([0, 'Treaty of Gulistan']);
    }
  });

  it('several ids print one card each; --json prints an array of records in the order asked', async () => {
    const out = await rif(['show', 'treaty-of-turkmenchay', 'treaty-of-gulistan']);
    expect(out.stdout.indexOf('Treaty of Turkmenchay')).toBeLessThan(out.stdout.indexOf('Treaty of Gulistan\n'));
    const records = await rifJson<{ id: string }[]>(['show', 'treaty-of-turkmenchay', 'treaty-of-gulistan']);
    expect(records.map((r) => r.id)).toEqual(['treaty-of-turkmenchay', 'treaty-of-gulistan']);
  });

  it('an unknown id among several is named on stderr, exit 1; the others still print', async () => {
    const out = await rif(['show', 'treaty-of-gulistan', 'zzz', '--json']);
    expect([out.code, out.stderr]).toEqual([1, 'rif: no fact with id "zzz"\n']);
    expect((JSON.parse(out.stdout) as { id: string }[]).map((r) => r.id)).toEqual(['treaty-of-gulistan']);
    const none = await rif(['show', 'zzz', 'yyy', '--json']);
    expect([none.code, none.stdout, none.stderr]).toEqual([1, '[]\n', 'rif: no fact with id "zzz"\nrif: no fact with id "yyy"\n']);
    const cards = await rif(['show', 'zzz', 'treaty-of-gulistan']);
    expect([cards.code, cards.stdout.split('\n')[0]]).toEqual([1, 'Treaty of Gulistan']);
  });

  it('related ids that are not loaded say so', async () => {
    const out = await rif(['show', 'test-fishing-accord', '--facts', join(USER, 'user-facts.yaml'), '--no-bundled']);
    expect(out.stdout).toMatch(/test-border-commission\s+Test border commission meets in Astara/);
  });
});

describe('treaties in force on a date', () => {
  const treaty = (id: string, dates: string) =>
    `- { id: ${id}, kind: treaty, title: ${id}, ${dates}, summary: s ${id}, aliases: [x], sources: [{ url: "https://example.org/${id}", publisher: P }, { url: "https://example.org/2/${id}", publisher: Q }] }`;
  const dir = tempFacts({
    'treaties.yaml': [
      treaty('ended-by-day', 'signed: "1900-01-01", in_force: "1900-06-01", ended: "1950-03-01"'),
      treaty('ended-in-a-year', 'signed: "1900", ended: "1950"'),
      treaty('in-force-now', 'signed: "1940-05", in_force_now: true'),
      treaty('end-not-recorded', 'signed: "1930"'),
      treaty('signed-later', 'signed: "1960", in_force_now: true'),
      // not a treaty: never in force, whatever its dates
      `- { id: an-event, kind: event, title: an-event, start: "1900", summary: s an-event, aliases: [x], sources: [{ url: "https://example.org/e", publisher: P }] }`,
    ].join('\n'),
  });
  const inForce = async (date: string, command = 'treaties') => {
    const out = await rif([command, '--in-force-at', date, '--facts', dir, '--no-bundled', '--json']);
    return { ids: (JSON.parse(out.stdout) as { id: string }[]).map((r) => r.id), stderr: out.stderr };
  };

  it('signed and in force on that date and not yet ended', async () => {
    expect((await inForce('1900-03')).ids).toEqual(['ended-in-a-year']);
    expect((await inForce('1950-02-28')).ids).toEqual(['ended-by-day', 'ended-in-a-year', 'in-force-now']);
    expect((await inForce('1950-03-01')).ids).toEqual(['ended-in-a-year', 'in-force-now']);
    expect((await inForce('1951')).ids).toEqual(['in-force-now']);
    expect((await inForce('2026', 'list')).ids).toEqual(['in-force-now', 'signed-later']);
  });

  it('treaties whose end is not recorded are named on stderr, not listed', async () => {
    expect((await inForce('1951')).stderr).toBe('rif: 1 more treaty was signed by then with no recorded end, so it is not listed: end-not-recorded\n');
    expect((await inForce('1920')).stderr).toBe('');
  });

  it('on the bundled facts: Gulistan until the day Turkmenchay was signed', async () => {
    const on = async (date: string) => (await rifJson<{ id: string }[]>(['treaties', '--in-force-at', date])).map((r) => r.id);
    expect(await on('1828-02-21')).toContain('treaty-of-gulistan');
    expect(await on('1828-02-21')).not.toContain('treaty-of-turkmenchay');
    expect(await on('1828-02-22')).toContain('treaty-of-turkmenchay');
    expect(await on('1828-02-22')).not.toContain('treaty-of-gulistan');
  });

  it('list --in-force-at shows the treaty columns', async () => {
    const out = await rif(['list', '--in-force-at', '1951', '--facts', dir, '--no-bundled']);
    expect(out.stdout).toBe('1940-05\t\t\tin-force-now\tin-force-now\n');
  });
});

describe('topics', () => {
  it('lists each topic with its meaning and how many facts carry it', async () => {
    const topics = await rifJson<{ topic: string; meaning: string; facts: number }[]>(['topics']);
    const nuclear = topics.find((t) => t.topic === 'nuclear')!;
    const list = await rifJson(['list', '--topic', 'nuclear']);
    expect(nuclear.meaning.length).toBeGreaterThan(10);
    expect(nuclear.facts).toBe(list.length);
  });
});

describe('user facts', () => {
  it('--facts adds a directory of user files in any layout; --no-bundled leaves the bundled ones out', async () => {
    const ids = (await rifJson(['list', '--facts', USER, '--no-bundled'])).map((r) => r['id']);
    expect(ids).toEqual(['test-border-commission', 'test-fishing-accord', 'test-smuggled-samovars']);
  });

  it('RIF_FACTS adds paths too', async () => {
    const ids = (await rifJson(['list', '--no-bundled'], { env: { RIF_FACTS: USER } })).map((r) => r['id']);
    expect(ids).toHaveLength(3);
  });

  it('user facts join the bundled ones', async () => {
    const bundled = await rifJson(['list']);
    const both = await rifJson(['list', '--facts', USER]);
    expect(both.length).toBe(bundled.length + 3);
  });

  it('a broken user file is skipped with a file:line:col warning, and the rest still load', async () => {
    const dir = tempFacts({
      'good.yaml': 'id: good\nkind: event\ntitle: Good\ndate: "1900"\nsummary: Fine.\nsources: [{ url: "https://example.org/g", publisher: P }]\n',
      'bad.yaml': 'id: bad\nkind: event\ntitle: Bad\ndate: "1900-13"\nsummary: Broken.\nsources: [{ url: "https://example.org/b", publisher: P }]\n',
    });
    const out = await rif(['list', '--facts', dir, '--no-bundled'], { cwd: dir });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('good');
    expect(out.stdout).not.toContain('bad');
    expect(out.stderr).toMatch(/^bad\.yaml:4:7 RIF009 "1900-13" has month 13/m);
    expect(out.stderr).toMatch(/^rif: warning: 1 problem in fact files, listed above \(--strict makes this an error\)$/m);
    expect((await rif(['list', '--facts', dir, '--no-bundled', '--strict'], { cwd: dir })).code).toBe(3);
  });

  it('an empty --facts directory is an error, not silence', async () => {
    const out = await rif(['list', '--facts', tempFacts({ 'notes.txt': 'hello' })]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no \.yaml fact files/);
  });
});

const fact = (id: string, title = `Title of ${id}`) =>
  `id: ${id}\nkind: event\ntitle: ${title}\ndate: "1900"\nsummary: Summary of ${id}.\nsources: [{ url: "https://example.org/${id}", publisher: P, title: T }]\n`;

describe('the progress bar', () => {
  // a clock that moves 200 ms at every look, so the bar is due at once
  const ticking = () => {
    let t = 0;
    return () => (t += 200);
  };
  const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.yaml`, fact(`fact-${i}`)]));

  it('is drawn on a terminal while files are parsed, and wiped', async () => {
    const out = await rif(['list', '--facts', tempFacts(many), '--no-bundled', '--no-cache'], { stderrTty: true, now: ticking() });
    expect(out.stderr).toMatch(/reading fact files \[#* *\] \d+\/20/);
    expect(out.stderr.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('is not drawn in a pipe', async () => {
    const out = await rif(['list', '--facts', tempFacts(many), '--no-bundled', '--no-cache'], { stderrTty: false, now: ticking() });
    expect(out.stderr).toBe('');
  });
});

describe('a search with more matches than it shows', () => {
  const list = Array.from({ length: 300 }, (_, i) => `- ${fact(`common-${i}`, `Common word ${i}`).replace(/\n(?=.)/g, '\n  ')}`).join('');
  const data = () => ['--facts', tempFacts({ 'many.yaml': list }), '--no-bundled', '--fields', 'id'];

  it('prints the best 60; on a terminal the count line follows them on stderr, with the real numbers', async () => {
    const out = await rif(['search', 'common', ...data(), '--format', 'plain'], { tty: true });
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(60);
    expect(out.stderr).toBe('rif: 300 facts match; showing the best 60 (--limit N for more, --all for every one)\n');
  });

  it('says nothing in a pipe', async () => {
    const out = await rif(['search', 'common', ...data()]);
    expect(out.stdout.trim().split('\n')).toHaveLength(60);
    expect(out.stderr).toBe('');
  });

  it.each([
    [['--limit', '200'], 200, 'showing the best 200'],
    [['--limit', '5'], 5, 'showing the best 5'],
    [['--all'], 300, undefined],
    [['--sort', 'date', '--limit', '7'], 7, 'showing the first 7 by date'],
  ])('%j prints %d', async (flags, n, line) => {
    const out = await rif(['search', 'common', ...data(), '--format', 'plain', ...flags], { tty: true });
    expect(out.stdout.trim().split('\n')).toHaveLength(n);
    expect(out.stderr).toBe(line ? `rif: 300 facts match; ${line} (--limit N for more, --all for every one)\n` : '');
  });

  it('--count prints only the number of matches; 0 and exit 1 when none', async () => {
    expect(await rif(['search', 'common', ...data(), '--count'])).toMatchObject({ code: 0, stdout: '300\n', stderr: '' });
    expect(await rif(['search', 'qqqzzz', ...data(), '--count'])).toMatchObject({ code: 1, stdout: '0\n', stderr: '' });
    expect(await rif(['search', 'common', ...data(), '--count', '--kind', 'treaty'])).toMatchObject({ code: 1, stdout: '0\n' });
  });

  it('--all and --limit together are a usage error', async () => {
    expect((await rif(['search', 'common', ...data(), '--all', '--limit', '3'])).code).toBe(2);
  });
});
