// rif timeline: the drawn form on a fixed user directory (so snapshots do not move when the bundled
// corpus grows), the pipe, Markdown and JSON forms, the grouping rule, and the bundled corpus.
import { describe, expect, it } from 'vitest';
import { RECORD_FIELDS } from '../src/render/record.js';
import { chooseGrouping, groupOf } from '../src/render/timeline.js';
import { rif, tempFacts } from './helpers.js';

const SOURCE = 'sources: [{ url: "https://example.org/t", publisher: Test Archive }]';
const fact = (lines: string) => `${lines}\nsummary: "A fictional fact for the timeline tests: ${/^id: (.+)$/m.exec(lines)![1]}."\n${SOURCE}\n`;

/** Seven facts from 1804 to 1829: spans closed and open, treaties with and without a recorded end, allegations. */
const DIR = tempFacts({
  'war.yaml': fact('id: test-war\nkind: event\ntitle: Test war between the empires\nstart: "1804-06"\nend: "1813-10-24"\ntopics: [war, territory]'),
  'embassy.yaml': fact('id: test-embassy\nkind: event\ntitle: Test embassy to the Shah\ndate: "1817"\napproximate: true\ntopics: [diplomacy]'),
  'peace.yaml': fact(
    'id: test-peace\nkind: treaty\ntitle: Test peace treaty\nsigned: "1813-10-24"\nin_force: "1814-09-27"\nended: "1828-02-22"\ntopics: [territory, diplomacy]',
  ),
  'charter.yaml': fact('id: test-charter\nkind: treaty\ntitle: Test trade charter\nsigned: "1821-05"\ntopics: [trade]'),
  'friendship.yaml': fact(
    'id: test-friendship\nkind: treaty\ntitle: Test friendship treaty\nsigned: "1825-03-01"\nin_force_now: true\ntopics: [diplomacy, security]',
  ),
  'claim.yaml': fact(
    'id: test-claim\nkind: allegation\ntitle: Test claim of a secret arms deal\nstart: "1826"\nstatus: disputed\nalleged_by: [A newspaper]\ntopics: [arms]',
  ),
  'massacre.yaml': fact(
    'id: test-massacre\nkind: allegation\ntitle: Test claim about a massacre\ndate: "1829-02-11"\nstatus: alleged\nalleged_by: [A diplomat]\ntopics: [diplomacy]',
  ),
});
const USER = ['--facts', DIR, '--no-bundled'];
const PLAIN = { env: { NO_COLOR: '1' } };
const ANSI = /\u001b\[[0-9;]*m/g;

describe('rif timeline on a user directory', () => {
  it('draws groups, kind letters, dates, titles and bars on a shared axis', async () => {
    const out = await rif(['timeline', ...USER], { tty: true, columns: 100, ...PLAIN });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "                                                                    1800  1850  1900   1950  2000

      1800s  1 fact
        E 1804-06 – 1813-10-24  Test war between the empires              ██

      1810s  2 facts
        T 1813-10-24            Test peace treaty (in force 1814-09-27,    ███
                                ended 1828-02-22)
        E c. 1817               Test embassy to the Shah                    •

      1820s  4 facts
        T 1821-05               Test trade charter                          •
        T 1825-03-01            Test friendship treaty (in force now)        █████████████████████████▶
        A 1826 – present        Test claim of a secret arms deal             █████████████████████████▶
                                (disputed)
        A 1829-02-11            Test claim about a massacre (alleged)        •

      7 facts by decade
      E event, T treaty, A allegation
      █ span (a treaty's time in force), • one date, ▶ not ended or past the axis, ◀ began before it
      "
    `);
  });

  it('is the same text in colour, with the kinds told apart by colour as well', async () => {
    const plain = await rif(['timeline', ...USER], { tty: true, columns: 100, ...PLAIN });
    const coloured = await rif(['timeline', ...USER], { tty: true, columns: 100 });
    expect(coloured.stdout).toMatch(ANSI);
    expect(coloured.stdout.replace(ANSI, '')).toBe(plain.stdout);
    expect(coloured.stdout).toContain('\u001b[32m\u001b[1mT'); // treaties green
    expect(coloured.stdout).toContain('\u001b[35m\u001b[1mA'); // allegations magenta
  });

  it('cuts the axis to --from and --to, marking bars that run past its edges', async () => {
    const out = await rif(['timeline', ...USER, '--from', '1810', '--to', '1830'], { tty: true, columns: 100, ...PLAIN });
    expect(out.stdout).toMatchInlineSnapshot(`
      "                                                                    1810  1815   1820   1825   1830

      1800s  1 fact
        E 1804-06 – 1813-10-24  Test war between the empires              ◀█████

      1810s  2 facts
        T 1813-10-24            Test peace treaty (in force 1814-09-27,         ████████████████████
                                ended 1828-02-22)
        E c. 1817               Test embassy to the Shah                           •

      1820s  4 facts
        T 1821-05               Test trade charter                                       •
        T 1825-03-01            Test friendship treaty (in force now)                         ████████▶
        A 1826 – present        Test claim of a secret arms deal                                ██████▶
                                (disputed)
        A 1829-02-11            Test claim about a massacre (alleged)                               •

      7 facts by decade
      E event, T treaty, A allegation
      █ span (a treaty's time in force), • one date, ▶ not ended or past the axis, ◀ began before it
      "
    `);
  });

  it('puts titles under their dates, without bars, on a narrow terminal', async () => {
    const out = await rif(['timeline', ...USER, '--kind', 'event,treaty'], { tty: true, columns: 30, ...PLAIN });
    expect(out.stdout).toMatchInlineSnapshot(`
      "1800s  1 fact
        E 1804-06 – 1813-10-24
          Test war between the
          empires

      1810s  2 facts
        T 1813-10-24
          Test peace treaty (in
          force 1814-09-27, ended
          1828-02-22)
        E c. 1817
          Test embassy to the Shah

      1820s  2 facts
        T 1821-05
          Test trade charter
        T 1825-03-01
          Test friendship treaty (in
          force now)

      5 facts by decade
      E event, T treaty, A
      allegation
      "
    `);
  });

  it('prints stable tab-separated lines in a pipe', async () => {
    const out = await rif(['timeline', ...USER]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatchInlineSnapshot(`
      "1800s	event	1804-06/1813-10-24	1804-06/1813-10-24		test-war	Test war between the empires
      1810s	treaty	1813-10-24	1814-09-27/1828-02-22		test-peace	Test peace treaty
      1810s	event	1817~			test-embassy	Test embassy to the Shah
      1820s	treaty	1821-05			test-charter	Test trade charter
      1820s	treaty	1825-03-01	1825-03-01/..		test-friendship	Test friendship treaty
      1820s	allegation	1826/..	1826/..	disputed	test-claim	Test claim of a secret arms deal
      1820s	allegation	1829-02-11		alleged	test-massacre	Test claim about a massacre
      "
    `);
  });

  it('prints a nested Markdown list with --markdown', async () => {
    const out = await rif(['timeline', ...USER, '--markdown']);
    expect(out.stdout).toMatchInlineSnapshot(`
      "- **1800s**
        - 1804-06 – 1813-10-24: Test war between the empires (event)
      - **1810s**
        - 1813-10-24: Test peace treaty (treaty; in force 1814-09-27, ended 1828-02-22)
        - c. 1817: Test embassy to the Shah (event)
      - **1820s**
        - 1821-05: Test trade charter (treaty)
        - 1825-03-01: Test friendship treaty (treaty; in force now)
        - 1826 – present: Test claim of a secret arms deal (allegation; disputed)
        - 1829-02-11: Test claim about a massacre (allegation; alleged)
      "
    `);
  });

  it("prints each fact's record with its group and span with --json; --fields chooses", async () => {
    const records = JSON.parse((await rif(['timeline', ...USER, '--json', '--kind', 'treaty', '--by', 'decade'])).stdout) as Record<string, unknown>[];
    expect(records.map((r) => [r['group'], r['id'], r['span'], r['status']])).toEqual([
      ['1810s', 'test-peace', { start: '1814-09-27', end: '1828-02-22' }, null],
      ['1820s', 'test-charter', null, null],
      ['1820s', 'test-friendship', { start: '1825-03-01', end: null }, null],
    ]);
    expect(Object.keys(records[0]!)).toEqual([...RECORD_FIELDS, 'group', 'span']);
    const picked = JSON.parse(
      (await rif(['timeline', ...USER, '--json', '--kind', 'treaty', '--fields', 'group,span,id', '--limit', '1', '--by', 'decade'])).stdout,
    ) as unknown;
    expect(picked).toEqual([{ group: '1810s', span: { start: '1814-09-27', end: '1828-02-22' }, id: 'test-peace' }]);
  });

  it.each([
    ['year', ['1804', '1813', '1817', '1821', '1825', '1826', '1829']],
    ['decade', ['1800s', '1810s', '1820s']],
    ['century', ['19th-century']],
    ['DECADE', ['1800s', '1810s', '1820s']],
  ])('groups by --by %s', async (by, groups) => {
    const out = await rif(['timeline', ...USER, '--by', by]);
    expect([
      ...new Set(
        out.stdout
          .trimEnd()
          .split('\n')
          .map((line) => line.split('\t')[0]),
      ),
    ]).toEqual(groups);
  });

  it('applies the listing filters and orders newest first with --reverse', async () => {
    const out = await rif(['timeline', ...USER, '--kind', 'allegation', '--reverse']);
    expect(
      out.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[5]),
    ).toEqual(['test-massacre', 'test-claim']);
  });

  it.each([
    ['an unknown --by', ['--by', 'week'], 2, /^rif: .*'week' is invalid\. use one of century, decade, year\n$/],
    ['filters that match nothing', ['--in', '1700s'], 1, /^rif: no facts match these filters\n$/],
    ['a query that matches nothing', ['qqqzzzxxx'], 1, /^rif: no facts match "qqqzzzxxx"\n$/],
  ])('exits %s with one line', async (_, args, code, message) => {
    const out = await rif(['timeline', ...USER, ...args]);
    expect([out.code, out.stdout]).toEqual([code, '']);
    expect(out.stderr).toMatch(message);
  });

  it('prints [] with --json when nothing matches, and exits 1', async () => {
    const out = await rif(['timeline', ...USER, '--in', '1700s', '--json']);
    expect([out.code, out.stdout]).toEqual([1, '[]\n']);
  });
});

describe('the grouping rule: the finest that makes at most 16 groups, empty ones counted', () => {
  it.each([
    [[2015], 'year'],
    [[2000, 2015], 'year'],
    [[2000, 2016], 'decade'],
    [[1804, 1829], 'decade'],
    [[1800, 1959], 'decade'],
    [[1800, 1960], 'century'],
    [[1521, 2026], 'century'],
  ] as const)('%j → %s', (years, by) => {
    expect(chooseGrouping(years)).toBe(by);
  });

  it.each([
    [1828, 'year', '1828'],
    [1828, 'decade', '1820s'],
    [1828, 'century', '19th-century'],
    [1800, 'century', '19th-century'],
    [1899, 'century', '19th-century'],
    [2001, 'century', '21st-century'],
    [1150, 'century', '12th-century'],
    [1200, 'century', '13th-century'],
    [987, 'decade', '0980s'],
  ] as const)('%i by %s is %s, a period --in accepts', (year, by, group) => {
    expect(groupOf(year, by)).toBe(group);
  });
});

describe('rif timeline on the bundled corpus', () => {
  it('groups the whole record by century, in date order', async () => {
    const lines = (await rif(['timeline'])).stdout
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.length).toBeGreaterThan(150);
    for (const fields of lines) expect(fields).toHaveLength(7);
    expect(lines.every(([group]) => /^\d+(st|nd|rd|th)-century$/.test(group!))).toBe(true);
    const starts = lines.map(([, , date]) => date!.slice(0, 4));
    expect(starts).toEqual([...starts].sort());
  });

  it('groups a topic by decade and keeps every fact the listing selects', async () => {
    const timeline = (await rif(['timeline', '--topic', 'nuclear'])).stdout.trimEnd().split('\n');
    const list = (await rif(['list', '--topic', 'nuclear'])).stdout.trimEnd().split('\n');
    expect(timeline).toHaveLength(list.length);
    expect(timeline.every((line) => /^\d{3}0s\t/.test(line))).toBe(true);
  });

  it('fits the grouping to the period asked for, and lists facts begun before it where they began', async () => {
    const groups = (await rif(['timeline', '--in', '2015'])).stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t')[0]!);
    expect(groups.every((g) => /^\d{4}$/.test(g))).toBe(true);
    expect(groups).toContain('2015');
    expect(groups).toEqual([...groups].sort());
  });

  it('keeps the most relevant facts of a query with --limit, shown in date order', async () => {
    const lines = (await rif(['timeline', 'shahed', '--limit', '3'])).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const dates = lines.map((l) => l.split('\t')[2]!);
    expect(dates).toEqual([...dates].sort());
  });

  it('draws the Treaty of Turkmenchay running on past a 19th-century axis', async () => {
    const out = await rif(['timeline', '--in', '19th-century'], { tty: true, columns: 110, ...PLAIN });
    expect(out.stdout).toMatch(/^1820s {2}\d+ facts$/m);
    expect(out.stdout).toMatch(/^ {2}T 1828-02-22 +Treaty of Turkmenchay \(ended 1921-02-26\) +█+▶$/m);
  });

  it.each([40, 60, 80, 120])('fits a terminal %i columns wide', async (columns) => {
    const out = await rif(['timeline', '--in', '19th-century'], { tty: true, columns });
    for (const line of out.stdout.replace(ANSI, '').split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
  });

  it('has no colour and no bars in a pipe', async () => {
    const out = await rif(['timeline', '--topic', 'nuclear', '--color', 'never']);
    expect(out.stdout).not.toMatch(/[\u001b█•▶◀]/);
  });
});

describe('the axis', () => {
  /** The column each year label starts in, and the column each bar of one day starts in, on the line of its fact. */
  const layout = (text: string) => {
    const lines = text.split('\n');
    const labels = [...lines[0]!.matchAll(/\d{4}/g)].map((m) => ({ year: Number(m[0]), at: m.index }));
    return { lines, labels };
  };

  it('at 60 columns the titles take the room: no bars, no axis', async () => {
    const out = await rif(['timeline', '--table', '--width', '60', '--no-color']);
    expect(out.stdout).not.toMatch(/[█•]/);
    expect(out.stdout).toMatch(/^ {2}T 1828-02-22 +Treaty of Turkmenchay/m);
  });

  it.each([80, 100, 200])('at %i columns every label starts where its year begins, and no line is wider', async (columns) => {
    const out = await rif(['timeline', '--table', '--width', String(columns), '--no-color']);
    const { lines, labels } = layout(out.stdout);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
    expect(labels.length).toBeGreaterThanOrEqual(2);
    // the labels step evenly: each is as far from the next as its years say, to the column
    const perYear = (labels.at(-1)!.at - labels[0]!.at) / (labels.at(-1)!.year - labels[0]!.year);
    for (const { year, at } of labels) expect(Math.abs(at - (labels[0]!.at + (year - labels[0]!.year) * perYear))).toBeLessThan(1);
    // a point (one date) is drawn in the column of its year: the 1946 Qavam-Sadchikov agreement sits before the 2000 label
    const qavam = lines.find((l) => l.includes('T 1946-04-04'))!;
    const at = [...qavam].findIndex((c) => c === '•' || c === '█');
    const l2000 = labels.find((l) => l.year === 2000);
    if (l2000) expect(at).toBeLessThan(l2000.at);
    const step = labels[1]!.year - labels[0]!.year;
    const expected = labels[0]!.at + (1946 - labels[0]!.year) * perYear;
    expect(Math.abs(at - expected)).toBeLessThanOrEqual(Math.max(1, perYear * step * 0.1));
  });
});
