// One contract for people and pipes: every printing command takes every format, --fields where records
// print, help fits the terminal, shorthand does not trap, dates take today, ids come from stdin.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visible } from '../src/control.js';
import { HEAD_FIELDS } from '../src/facts/head.js';
import { cellText } from '../src/render/cells.js';
import { FORMATS } from '../src/render/format.js';
import { FIELD_NAMES, type FactRecord } from '../src/render/record.js';
import { FIXTURES, ROOT, rif } from './helpers.js';

const SCREEN = ['--facts', join(FIXTURES, 'screen'), '--no-bundled', '--no-cache'];

describe('every format on every command that prints facts or counts', () => {
  const commands = [
    ['search', 'test', ...SCREEN],
    ['list', ...SCREEN],
    ['events', ...SCREEN],
    ['treaties', ...SCREEN],
    ['allegations', ...SCREEN],
    ['show', 'test-peace-of-the-river', ...SCREEN],
    ['timeline', ...SCREEN],
    ['stats', ...SCREEN],
    ['topics', ...SCREEN],
    ['paths'],
  ];
  it.each(commands.flatMap((argv) => FORMATS.map((format) => [argv.join(' ').split(' --')[0], format, argv] as const)))(
    'rif %s --format %s, the same as its short form',
    async (_, format, argv) => {
      const long = await rif([...argv, '--format', format]);
      expect([long.code, long.stderr]).toEqual([0, '']);
      expect(long.stdout.length).toBeGreaterThan(0);
      expect((await rif([...argv, `--${format}`])).stdout).toBe(long.stdout);
      if (format === 'json') expect(() => JSON.parse(long.stdout) as unknown).not.toThrow();
      if (format === 'ndjson') for (const line of long.stdout.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
      if (format === 'csv') expect(long.stdout).toMatch(/^[a-z_]+(,[a-z_]+)*\r\n/);
      if (format === 'tsv') expect(long.stdout).toMatch(/^[a-z_]+(\t[a-z_]+)*\n/);
    },
  );

  it('two formats that differ are a usage error; the same one twice is not', async () => {
    expect(await rif(['list', '--format', 'csv', '--json'])).toMatchObject({ code: 2, stderr: 'rif: choose one output format, not --csv and --json\n' });
    expect((await rif(['list', '--format', 'json', '--json', '--limit', '1'])).code).toBe(0);
  });

  it('TSV: a header, a line per record, lists as JSON arrays that split back', async () => {
    const out = await rif(['events', ...SCREEN, '--tsv', '--fields', 'id,topics,actors']);
    const [head, first] = out.stdout.split('\n');
    expect(head).toBe('id\ttopics\tactors');
    const [id, topics, actors] = first!.split('\t');
    expect([id, JSON.parse(topics!), JSON.parse(actors!)]).toEqual([
      'test-long-war-between-the-two-empires-1804',
      ['war', 'territory'],
      ['Test Empire of the North', 'Test Empire of the South', 'A general with a very long name indeed'],
    ]);
  });

  it('--fields on show, timeline, topics and paths', async () => {
    expect((await rif(['show', 'test-peace-of-the-river', ...SCREEN, '--fields', 'id,signed,parties', '--csv'])).stdout).toBe(
      'id,signed,parties\r\ntest-peace-of-the-river,1813-10-24,"[""Test Empire of the North"",""Test Empire of the South""]"\r\n',
    );
    expect((await rif(['timeline', ...SCREEN, '--fields', 'group,id', '--by', 'century', '--kind', 'treaty'])).stdout).toBe(
      '19th-century\ttest-peace-of-the-river\n19th-century\ttest-trade-charter\n20th-century\ttest-friendship-treaty\n',
    );
    expect((await rif(['topics', ...SCREEN, '--fields', 'facts,topic', '--csv'])).stdout).toMatch(/^facts,topic\r\n1,war\r\n3,territory\r\n/);
    expect((await rif(['paths', '--fields', 'name', '--plain'])).stdout).toMatch(/^bundled facts\nbundled store\nschemas\n/);
    expect((await rif(['topics', '--fields', 'id'])).stderr).toMatch(/unknown field "id"; use one of topic, meaning, facts/);
  });

  it('stats in every data form: the same rows', async () => {
    const tsv = (await rif(['stats', ...SCREEN, '--tsv'])).stdout;
    expect(tsv.split('\n').slice(0, 3)).toEqual(['section\tkey\tvalue', 'total\tfacts\t7', 'kind\tevent\t3']);
    expect((await rif(['stats', ...SCREEN, '--plain'])).stdout).toBe(tsv.split('\n').slice(1).join('\n'));
    const first = JSON.parse((await rif(['stats', ...SCREEN, '--ndjson'])).stdout.split('\n')[0]!) as unknown;
    expect(first).toEqual({ section: 'total', key: 'facts', value: 7 });
    expect((await rif(['stats', ...SCREEN, '--markdown'])).stdout).toMatch(/^\*\*7 facts\*\*\n\n\| kind \| facts \|\n\| --- \| ---: \|\n\| event \| 3 \|\n/);
  });

  it('show --markdown: a card to paste', async () => {
    const out = await rif(['show', 'test-peace-of-the-river', ...SCREEN, '--markdown']);
    expect(out.stdout).toMatch(/^## Test peace of the river\n\n\*treaty\* · `test-peace-of-the-river`\n\n- \*\*Date:\*\* 1813-10-24\n/);
    expect(out.stdout).toContain('### Provisions\n\n1. The southern empire gives up');
    expect(out.stdout).toContain('1. Example Archive — The peace of the river <https://example.org/screens/peace>');
  });
});

describe('show for scripts', () => {
  it('ids (and titles) from standard input with -, in a real pipe', () => {
    const out = spawnSync(
      'bash',
      ['-c', `printf 'treaty-of-gulistan\\n\\ntreaty of turkmenchay\\n' | node ${join(ROOT, 'bin', 'rif.js')} show - --fields id`],
      { encoding: 'utf8' },
    );
    expect([out.status, out.stdout, out.stderr]).toEqual([0, 'treaty-of-gulistan\ntreaty-of-turkmenchay\n', '']);
  });

  it('- with nothing on standard input is a usage error', async () => {
    expect(await rif(['show', '-'], { stdin: '\n \n' })).toMatchObject({ code: 2, stderr: 'rif: no ids on standard input: give one id (or title) per line\n' });
  });
});

describe('shorthand that does not trap', () => {
  it.each([
    [['lift', 'sanctions'], 'rif list sanctions'],
    [['states', 'caspian'], 'rif stats caspian'],
    [['event', '1828'], 'rif events 1828'],
    [['topic', 'nuclear'], 'rif topics nuclear'],
  ])('%j is a search (the whole query finds facts), with a line naming the command', async (argv, command) => {
    const out = await rif([...argv, '--fields', 'id']);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe((await rif(['search', ...argv, '--fields', 'id'])).stdout);
    expect(out.stderr).toContain(`rif: searched for "${argv.join(' ')}"; for the command, type ${command} --fields id\n`);
  });

  it.each([['version'], ['-v'], ['-V'], ['--version']])('%j prints the version, not a search', async (word) => {
    expect((await rif([word])).stdout).toMatch(/^rif \d+\.\d+\.\d+\nbundled record: \d+ facts, complete to \d{4}-\d\d-\d\d\n$/);
  });
});

describe('today', () => {
  it('--in-force-at today and --to today are the date rif runs on', async () => {
    const today = { today: '2026-03-01' };
    expect((await rif(['treaties', '--in-force-at', 'today', '--fields', 'id'], today)).stdout).toBe(
      (await rif(['treaties', '--in-force-at', '2026-03-01', '--fields', 'id'])).stdout,
    );
    expect((await rif(['list', '--to', 'TODAY', '--from', '2026', '--fields', 'id'], today)).stdout).toBe(
      (await rif(['list', '--to', '2026-03-01', '--from', '2026', '--fields', 'id'])).stdout,
    );
    expect((await rif(['list', '--to', 'tomorrow'])).stderr).toMatch(/"tomorrow" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD, or today/);
  });
});

describe('the cells of a listing are the cells of its JSON records', () => {
  // a listing's cells read their fields from the facts (or their heads) it printed, not from records made
  // for them: every field of every bundled fact, in both forms, is what the record's field gives
  it.each([
    ['every field (whole facts)', FIELD_NAMES.filter((f) => f !== 'score')],
    ['the fields a head holds', FIELD_NAMES.filter((f) => HEAD_FIELDS.has(f) && f !== 'score')],
  ])('%s', async (_, fields) => {
    const records = JSON.parse((await rif(['list', '--json'])).stdout) as FactRecord[];
    const oneLine = (text: string) => visible(text.replace(/[\t\r\n]+/g, ' '));
    for (const [format, human] of [
      ['tsv', false],
      ['markdown', true],
    ] as const) {
      const out = await rif(['list', '--format', format, '--fields', fields.join(',')]);
      const rows = out.stdout
        .trimEnd()
        .split('\n')
        .slice(format === 'tsv' ? 1 : 2);
      const expected = records.map((r) =>
        format === 'tsv'
          ? fields.map((f) => oneLine(cellText(r, f, human))).join('\t')
          : `| ${fields
              .map((f) =>
                oneLine(cellText(r, f, human))
                  .replace(/\\/g, '\\\\')
                  .replace(/\|/g, '\\|'),
              )
              .join(' | ')} |`,
      );
      expect(rows.length).toBeGreaterThan(300);
      expect(rows).toEqual(expected);
    }
  });
});

describe('help fits the terminal', () => {
  it.each([
    [60, 60],
    [100, 100],
    [200, 100],
  ])('at %i columns no line of any help is wider than %i', async (columns, widest) => {
    for (const command of ['', 'search', 'list', 'show', 'cite', 'timeline', 'stats', 'config', 'validate', 'schema']) {
      const out = await rif([...(command ? [command] : []), '--help'], { tty: true, columns });
      expect(out.code).toBe(0);
      for (const line of out.stdout.split('\n')) expect([...line].length, `${command}: ${line}`).toBeLessThanOrEqual(widest);
    }
  });

  it('in a pipe it fits COLUMNS, else 80', async () => {
    const wide = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
    expect(wide((await rif(['search', '--help'])).stdout)).toBeLessThanOrEqual(80);
    expect(wide((await rif(['search', '--help'], { env: { COLUMNS: '70' } })).stdout)).toBeLessThanOrEqual(70);
  });
});
