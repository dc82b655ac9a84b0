// What people see, exactly, at 60, 100 and 200 columns: a table, a card, a timeline and a chart, drawn on
// a pseudo-terminal (script) and, asked for with --format table, in a pipe. The facts are the fictional
// ones in tests/fixtures/screen, so the screens do not move when the bundled record grows.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin', 'rif.js');
const DATA = ['--facts', join(FIXTURES, 'screen'), '--no-bundled', '--no-cache'];
const WIDTHS = [60, 100, 200] as const;
const SCREENS = {
  table: ['list'],
  card: ['show', 'test-long-war-between-the-two-empires-1804'],
  timeline: ['timeline'],
  chart: ['stats'],
} as const;
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const env = {
  ...process.env,
  NO_COLOR: '1',
  TERM: 'xterm-256color',
  COLUMNS: undefined,
  RIF_PAGER: undefined,
  PAGER: undefined,
  XDG_CACHE_HOME: tempDir(),
  XDG_CONFIG_HOME: tempDir(),
};
const quote = (word: string) => `'${word.replace(/'/g, "'\\''")}'`;

/** rif on a terminal of `columns` (and rows enough that nothing is paged), as a user sees it. */
function onTerminal(columns: number, args: readonly string[]): string {
  const command = `stty cols ${columns} rows 500; node ${quote(BIN)} ${args.map(quote).join(' ')}`;
  const out = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(out.status).toBe(0);
  return out.stdout.replace(/\r/g, '');
}

/** rif in a pipe. */
function inPipe(args: readonly string[], extra: Record<string, string> = {}): string {
  const out = spawnSync('node', [BIN, ...args], { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8' });
  expect([out.status, out.stderr]).toEqual([0, '']);
  return out.stdout;
}

describe.runIf(hasScript).each(WIDTHS)('at %i columns', (width) => {
  it.each(Object.entries(SCREENS))('the %s on a terminal, exactly', async (name, args) => {
    const screen = onTerminal(width, [...args, ...DATA]);
    await expect(screen).toMatchFileSnapshot(`screens/${name}-${width}.txt`);
    // no line wider than the terminal; on a card a source's address, which is never broken, may be
    for (const line of screen.trimEnd().split('\n')) if (!/^ +https?:\/\//.test(line)) expect([...line].length, line).toBeLessThanOrEqual(width);
  });

  it.each(Object.entries(SCREENS))('the %s in a pipe with --format table --width, or COLUMNS, is the same text', (_, args) => {
    const screen = onTerminal(width, [...args, ...DATA]);
    expect(inPipe([...args, ...DATA, '--format', 'table', '--width', String(width)])).toBe(screen);
    expect(inPipe([...args, ...DATA, '--table'], { COLUMNS: String(width) })).toBe(screen);
  });
});

describe.runIf(hasScript)('the forms for people, and the form for pipes', () => {
  it('a table on a terminal is a grid from 100 columns, a line per row below', () => {
    expect(onTerminal(100, ['list', ...DATA])).toMatch(/^┌─/);
    expect(onTerminal(99, ['list', ...DATA])).toMatch(/^date {2,}kind {2,}id {2,}title\n─+ {2}─+ {2}─+ {2}─+\n/);
    expect(onTerminal(60, ['list', ...DATA, '--wrap'])).toMatch(/^┌─/);
    expect(onTerminal(200, ['list', ...DATA, '--no-wrap'])).toMatch(/^date {2,}kind {2,}id {2,}title\n/);
  });

  it('in a pipe the lines are the same at every width, and never drawn', () => {
    const lines = inPipe(['list', ...DATA]);
    for (const width of WIDTHS) expect(inPipe(['list', ...DATA], { COLUMNS: String(width) })).toBe(lines);
    expect(lines.split('\n')[0]).toBe(
      '1804-06/1813-10-24\tevent\ttest-long-war-between-the-two-empires-1804\tA long test war between the two empires over the khanates of the southern Caucasus',
    );
  });

  it('--color always colours the table in a pipe; without the colour it is the same text', () => {
    const plain = inPipe(['list', ...DATA, '--table', '--width', '100']);
    const coloured = inPipe(['list', ...DATA, '--table', '--width', '100', '--color', 'always']);
    expect(coloured).toMatch(/\u001b\[/);
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
  });

  it('a card keeps prose to 100 columns however wide the terminal', () => {
    const card = onTerminal(200, ['show', 'test-long-war-between-the-two-empires-1804', ...DATA]);
    const summary = card.split('\n').filter((l) => l.startsWith('  ') && /empires|wrap|wider|terminal/.test(l));
    expect(summary.length).toBeGreaterThan(2);
    for (const line of card.split('\n')) if (!/^ +https?:\/\//.test(line)) expect([...line].length).toBeLessThanOrEqual(100);
  });
});
