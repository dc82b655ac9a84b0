// rif stats: the charts and lines on a fixed user directory (so snapshots do not move when the bundled
// corpus grows), the JSON document, and sums that must hold on the bundled corpus.
import { describe, expect, it } from 'vitest';
import type { Stats } from '../src/render/stats.js';
import { rif, tempFacts } from './helpers.js';

const SOURCE = 'sources: [{ url: "https://example.org/s", publisher: Test Archive }]';
const fact = (lines: string) => `${lines}\nsummary: "A fictional fact for the stats tests: ${/^id: (.+)$/m.exec(lines)![1]}."\n${SOURCE}\n`;

/** Seven facts from the 1790s to the 1820s, none in the 1810s: a gap the decades must show. */
const DIR = tempFacts({
  'rivalry.yaml': fact('id: test-rivalry\nkind: event\ntitle: Test rivalry\nstart: "1795"\ntopics: [diplomacy]'),
  'war.yaml': fact('id: test-war\nkind: event\ntitle: Test war\nstart: "1804-06"\nend: "1813-10-24"\ntopics: [war, territory]'),
  'raid.yaml': fact('id: test-raid\nkind: event\ntitle: Test raid\ndate: "1806"\ntopics: [war]'),
  'peace.yaml': fact('id: test-peace\nkind: treaty\ntitle: Test peace\nsigned: "1828-02-22"\ntopics: [territory, diplomacy, diplomacy]'),
  'visit.yaml': fact('id: test-visit\nkind: event\ntitle: Test visit\ndate: "1829"\ntopics: [diplomacy]'),
  'claim.yaml': fact('id: test-claim\nkind: allegation\ntitle: Test claim\nstart: "1826"\nstatus: disputed\nalleged_by: [A paper]\ntopics: [arms]'),
  'rumour.yaml': fact('id: test-rumour\nkind: allegation\ntitle: Test rumour\ndate: "1827"\nstatus: denied\nalleged_by: [A paper]\ntopics: [arms, war]'),
});
const USER = ['--facts', DIR, '--no-bundled'];
const PLAIN = { env: { NO_COLOR: '1' } };
const ANSI = /\u001b\[[0-9;]*m/g;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('rif stats on a user directory', () => {
  it('draws a bar chart per section on a terminal', async () => {
    const out = await rif(['stats', ...USER], { tty: true, columns: 60, ...PLAIN });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "7 facts

      by kind
        event       4  ███████████████████████████████████████████
        treaty      1  ██████████▊
        allegation  2  █████████████████████▌

      by topic
        diplomacy   3  ███████████████████████████████████████████
        war         3  ███████████████████████████████████████████
        arms        2  ████████████████████████████▋
        territory   2  ████████████████████████████▋

      by status
        alleged     0
        confirmed   0
        denied      1  ███████████████████████████████████████████
        disputed    1  ███████████████████████████████████████████

      by decade
        1790s       1  ██████████▊
        1800s       2  █████████████████████▌
        1810s       0
        1820s       4  ███████████████████████████████████████████

      A span counts in the decade it starts; a fact counts once
      under each of its topics.
      "
    `);
  });

  it('is the same text in colour', async () => {
    const plain = await rif(['stats', ...USER], { tty: true, columns: 60, ...PLAIN });
    const coloured = await rif(['stats', ...USER], { tty: true, columns: 60 });
    expect(coloured.stdout).toMatch(ANSI);
    expect(coloured.stdout.replace(ANSI, '')).toBe(plain.stdout);
  });

  it('prints stable tab-separated lines in a pipe', async () => {
    const out = await rif(['stats', ...USER]);
    expect(out.stdout).toMatchInlineSnapshot(`
      "total	facts	7
      kind	event	4
      kind	treaty	1
      kind	allegation	2
      topic	diplomacy	3
      topic	war	3
      topic	arms	2
      topic	territory	2
      status	alleged	0
      status	confirmed	0
      status	denied	1
      status	disputed	1
      decade	1790s	1
      decade	1800s	2
      decade	1810s	0
      decade	1820s	4
      "
    `);
  });

  it('prints one JSON document with --json', async () => {
    const out = await rif(['stats', ...USER, '--json']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "{
        "total": 7,
        "as_of": null,
        "kinds": {
          "event": 4,
          "treaty": 1,
          "allegation": 2
        },
        "topics": {
          "diplomacy": 3,
          "war": 3,
          "arms": 2,
          "territory": 2
        },
        "statuses": {
          "alleged": 0,
          "confirmed": 0,
          "denied": 1,
          "disputed": 1
        },
        "decades": {
          "1790s": 1,
          "1800s": 2,
          "1810s": 0,
          "1820s": 4
        }
      }
      "
    `);
  });

  it('applies the listing filters', async () => {
    const stats = JSON.parse((await rif(['stats', ...USER, '--topic', 'war', '--json'])).stdout) as Stats;
    expect(stats.total).toBe(3);
    expect(stats.kinds).toEqual({ event: 2, treaty: 0, allegation: 1 });
    expect(stats.decades).toEqual({ '1800s': 2, '1810s': 0, '1820s': 1 });
    expect(sum(stats.decades)).toBe(stats.total);
  });

  it('fills in empty decades from the start of the period asked for, not from a fact begun long before', async () => {
    const stats = JSON.parse((await rif(['stats', ...USER, '--in', '1820s', '--json'])).stdout) as Stats;
    expect(stats.decades).toEqual({ '1790s': 1, '1820s': 4 });
  });

  it.each([
    ['filters that match nothing', ['--in', '1700s'], /^rif: no facts match these filters\n$/],
    ['a query that matches nothing', ['qqqzzzxxx'], /^rif: no facts match "qqqzzzxxx"\n$/],
  ])('exits 1 with one line on %s', async (_, args, message) => {
    const out = await rif(['stats', ...USER, ...args]);
    expect([out.code, out.stdout]).toEqual([1, '']);
    expect(out.stderr).toMatch(message);
  });

  it('prints a document of zeros with --json when nothing matches, and exits 1', async () => {
    const out = await rif(['stats', ...USER, '--in', '1700s', '--json']);
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout)).toEqual({
      total: 0,
      as_of: null,
      kinds: { event: 0, treaty: 0, allegation: 0 },
      topics: {},
      statuses: { alleged: 0, confirmed: 0, denied: 0, disputed: 0 },
      decades: {},
    });
  });

  it('says so when there are no allegations to count', async () => {
    const out = await rif(['stats', ...USER, '--kind', 'event'], { tty: true, columns: 60, ...PLAIN });
    expect(out.stdout).toMatch(/^by status\n {2}no allegations$/m);
  });
});

describe('rif stats on the bundled corpus', () => {
  it('counts every fact the listing selects, and each section adds up', async () => {
    const stats = JSON.parse((await rif(['stats', '--json'])).stdout) as Stats;
    const listed = JSON.parse((await rif(['list', '--json'])).stdout) as unknown[];
    expect(stats.total).toBe(listed.length);
    expect(sum(stats.kinds)).toBe(stats.total);
    expect(sum(stats.decades)).toBe(stats.total);
    expect(sum(stats.statuses)).toBe(stats.kinds.allegation);
    expect(stats.as_of).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(Object.keys(stats)).toEqual(['total', 'as_of', 'kinds', 'topics', 'statuses', 'decades']);
  });

  it('answers "how busy was each decade" for a topic, empty decades included', async () => {
    const stats = JSON.parse((await rif(['stats', '--topic', 'nuclear', '--json'])).stdout) as Stats;
    expect(stats.topics['nuclear']).toBe(stats.total);
    const decades = Object.keys(stats.decades).map((d) => Number(d.slice(0, -1)));
    expect(decades.length).toBeGreaterThan(3);
    decades.forEach((d, i) => i > 0 && expect(d - decades[i - 1]!).toBe(10));
    const topics = Object.values(stats.topics);
    expect(topics).toEqual([...topics].sort((a, b) => b - a));
  });

  it('prints three tab-separated fields on every line in a pipe, with no colour', async () => {
    const lines = (await rif(['stats', '--in', '19th-century'])).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^total\tfacts\t\d+$/);
    // the date the bundled record is complete to, then counts
    expect(lines[1]).toMatch(/^record\tas_of\t\d{4}-\d\d-\d\d$/);
    for (const line of lines.slice(2)) expect(line).toMatch(/^(kind|topic|status|decade)\t[^\t]+\t\d+$/);
  });

  it.each([30, 60, 100])('fits a terminal %i columns wide', async (columns) => {
    const out = await rif(['stats'], { tty: true, columns });
    for (const line of out.stdout.replace(ANSI, '').split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
  });
});

describe('rif stats --by', () => {
  it('one count instead of four, in every form', async () => {
    expect((await rif(['stats', ...USER, '--by', 'topic'])).stdout).toBe(
      'total\tfacts\t7\ntopic\tdiplomacy\t3\ntopic\twar\t3\ntopic\tarms\t2\ntopic\tterritory\t2\n',
    );
    expect(JSON.parse((await rif(['stats', ...USER, '--by', 'century', '--json'])).stdout)).toEqual({
      total: 7,
      as_of: null,
      by: 'century',
      counts: { '18th-century': 1, '19th-century': 6 },
    });
    expect((await rif(['stats', ...USER, '--by', 'kind', '--csv'])).stdout).toBe(
      'section,key,value\r\ntotal,facts,7\r\nkind,event,4\r\nkind,treaty,1\r\nkind,allegation,2\r\n',
    );
    expect((await rif(['stats', ...USER, '--by', 'status', '--markdown'])).stdout).toBe(
      '**7 facts**\n\n| status | facts |\n| --- | ---: |\n| alleged | 0 |\n| confirmed | 0 |\n| denied | 1 |\n| disputed | 1 |\n',
    );
  });

  it('years: a run of empty years is one line in the chart, every year in the data', async () => {
    const chart = await rif(['stats', ...USER, '--by', 'year'], { tty: true, columns: 60, ...PLAIN });
    expect(chart.stdout).toMatchInlineSnapshot(`
      "7 facts

      by year
        1795       1  ████████████████████████████████████████████
        1796–1803  0
        1804       1  ████████████████████████████████████████████
        1805       0
        1806       1  ████████████████████████████████████████████
        1807–1825  0
        1826       1  ████████████████████████████████████████████
        1827       1  ████████████████████████████████████████████
        1828       1  ████████████████████████████████████████████
        1829       1  ████████████████████████████████████████████

      A span counts in the year it starts; a range of years with
      no facts is one line.
      "
    `);
    const data = JSON.parse((await rif(['stats', ...USER, '--by', 'year', '--json'])).stdout) as { counts: Record<string, number> };
    expect(Object.keys(data.counts)).toHaveLength(1829 - 1795 + 1);
    expect(sum(data.counts)).toBe(7);
  });

  it('actors and places count a fact once under each; places are read from the whole facts', async () => {
    const places = JSON.parse((await rif(['stats', '--by', 'place', '--json'])).stdout) as { total: number; counts: Record<string, number> };
    expect(places.counts['Tehran']).toBeGreaterThan(50);
    const actors = JSON.parse((await rif(['stats', '--by', 'actor', '--json', '--topic', 'nuclear'])).stdout) as {
      total: number;
      counts: Record<string, number>;
    };
    expect(Math.max(...Object.values(actors.counts))).toBeLessThanOrEqual(actors.total);
    const [first, second] = Object.values(actors.counts);
    expect(first!).toBeGreaterThanOrEqual(second!);
  });

  it('the whole record: past 20 lines the decade chart of the four is drawn by century; the data keep every decade', async () => {
    const out = await rif(['stats', '--format', 'table', '--width', '80', '--color', 'never']);
    expect(out.stdout).not.toMatch(/^by decade$/m);
    const at = out.stdout.indexOf('\nby century\n') + 1;
    const centuries = out.stdout.slice(at, out.stdout.indexOf('\n\n', at));
    expect(
      centuries
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(/ +/)[0]),
    ).toEqual(['15th-century', '16th-century', '17th-century', '18th-century', '19th-century', '20th-century', '21st-century']);
    expect(out.stdout.replace(/\s+/g, ' ')).toContain('more than 20 lines of decades are drawn by century (--by decade draws each decade).');
    for (const form of [['--markdown'], ['--svg']]) {
      const drawn = (await rif(['stats', ...form])).stdout;
      expect(drawn).toMatch(/\b21st-century\b/);
      expect(drawn).not.toMatch(/\b1460s\b/);
    }
    const json = JSON.parse((await rif(['stats', '--json'])).stdout) as Stats;
    expect(Object.keys(json.decades).length).toBeGreaterThan(50);
    // asked for, every decade is drawn, each run of two or more empty ones one line
    const decades = (await rif(['stats', '--by', 'decade', '--format', 'table', '--width', '80'])).stdout;
    expect(decades).toMatch(/^ {2}1460s +1/m);
    expect(decades).toMatch(/^ {2}\d{4}s–\d{4}s +0$/m);
    expect(decades).not.toMatch(/(^ {2}\d{4}s +0\n){2}/m);
    // a few decades are drawn as decades
    expect((await rif(['stats', '--in', '19th-century', '--markdown'])).stdout).toContain('| decade | facts |');
  });

  it('two empty periods in a row are one line in the chart', async () => {
    const dir = tempFacts({
      'a.yaml': fact('id: test-a\nkind: event\ntitle: Test a\ndate: "1800"'),
      'b.yaml': fact('id: test-b\nkind: event\ntitle: Test b\ndate: "1803"'),
    });
    const out = await rif(['stats', '--facts', dir, '--no-bundled', '--by', 'year', '--markdown']);
    expect(out.stdout).toContain('| 1800 | 1 |\n| 1801–1802 | 0 |\n| 1803 | 1 |\n');
  });

  it('--top N keeps the N largest counts of topics, actors and places, in every form', async () => {
    const table = await rif(['stats', '--by', 'actor', '--top', '3', '--format', 'table', '--width', '80', '--color', 'never']);
    const all = Object.keys((JSON.parse((await rif(['stats', '--by', 'actor', '--json'])).stdout) as { counts: object }).counts).length;
    expect(table.stdout).toMatch(new RegExp(`^by actor\n(  .+ +\\d+ +\\S+\n){3}  and ${all - 3} more actors\n`, 'm'));
    const csv = (await rif(['stats', '--by', 'actor', '--top', '3', '--csv'])).stdout.trimEnd().split('\r\n');
    expect(csv.filter((l) => l.startsWith('actor,'))).toHaveLength(3);
    const json = JSON.parse((await rif(['stats', '--top', '2', '--json'])).stdout) as Stats;
    expect(Object.keys(json.topics)).toEqual(['diplomacy', 'nuclear']);
    expect(Object.keys(json.kinds)).toHaveLength(3);
    expect((await rif(['stats', '--by', 'topic', '--top', '1', '--markdown'])).stdout).toMatch(/\| diplomacy \| \d+ \|\n\nAnd \d+ more topics\.\n$/);
    // kinds are whole whatever --top says
    expect((await rif(['stats', '--by', 'kind', '--top', '1', '--csv'])).stdout.split('\r\n').filter((l) => l.startsWith('kind,'))).toHaveLength(3);
    const bad = await rif(['stats', '--top', '0']);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/^rif: option '--top <n>' argument '0' is invalid/);
  });

  it('an unknown key is a usage error with the list', async () => {
    const out = await rif(['stats', '--by', 'decades']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/use one of kind, topic, status, decade, century, year, actor, place \(did you mean "decade"\?\)/);
  });
});
