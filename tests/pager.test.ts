// The pager: on a terminal, output taller than the screen goes through RIF_PAGER, the config file's
// pager, PAGER or less -FRX; never in a pipe, never with --no-pager. Driven in-process with a stand-in
// for the program, and for real in tests/terminal.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pagerArgv, screenLines } from '../src/pager.js';
import { rif, tempDir } from './helpers.js';

/** A terminal 100 columns by 20 rows whose pager is recorded, not run. */
function terminal(env: Record<string, string> = {}, starts = true) {
  const runs: { argv: readonly string[]; input: string | undefined }[] = [];
  const spawn = (argv: readonly string[], input?: string) => {
    runs.push({ argv, input });
    return starts ? 0 : undefined;
  };
  return { runs, options: { tty: true, columns: 100, rows: 20, env: { NO_COLOR: '1', ...env }, spawn } };
}

describe('paging', () => {
  it('output taller than the screen goes to less -FRX, whole, and nothing else is printed', async () => {
    const { runs, options } = terminal();
    const out = await rif(['list'], options);
    expect([out.code, out.stdout]).toEqual([0, '']);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.argv).toEqual(['less', '-FRX']);
    expect(runs[0]!.input).toBe((await rif(['list'], { ...options, spawn: undefined })).stdout);
  });

  it('output that fits the screen is printed, with no pager', async () => {
    const { runs, options } = terminal();
    const out = await rif(['treaties', '--in', '1828'], options);
    expect(out.stdout).toContain('treaty-of-turkmenchay');
    expect(runs).toEqual([]);
  });

  it.each([
    ['--no-pager', ['list', '--no-pager'], {}],
    ['--no-pager before the command', ['--no-pager', 'list'], {}],
    ['RIF_PAGER empty', ['list'], { RIF_PAGER: '' }],
    ['PAGER=cat', ['list'], { PAGER: 'cat' }],
  ])('%s: no pager', async (_, argv, env) => {
    const { runs, options } = terminal(env);
    const out = await rif(argv, options);
    expect(out.stdout.split('\n').length).toBeGreaterThan(100);
    expect(runs).toEqual([]);
  });

  it('never in a pipe', async () => {
    const { runs, options } = terminal();
    await rif(['list'], { ...options, tty: false });
    expect(runs).toEqual([]);
  });

  it('a pager that cannot be started leaves the output to print as it would have', async () => {
    const { options } = terminal({}, false);
    expect((await rif(['list'], options)).stdout.split('\n').length).toBeGreaterThan(100);
  });

  it('RIF_PAGER, then the config file, then PAGER, then less -FRX; a command runs in sh', () => {
    expect(pagerArgv({ RIF_PAGER: 'most', PAGER: 'more' }, { pager: 'pg' })).toEqual(['sh', '-c', 'most']);
    expect(pagerArgv({ PAGER: 'more' }, { pager: 'pg -n' })).toEqual(['sh', '-c', 'pg -n']);
    expect(pagerArgv({ PAGER: 'more' }, {})).toEqual(['sh', '-c', 'more']);
    expect(pagerArgv({}, {})).toEqual(['less', '-FRX']);
    expect(pagerArgv({ PAGER: 'more' }, { pager: false })).toBeUndefined();
    expect(pagerArgv({ RIF_PAGER: 'cat' }, { pager: 'pg' })).toBeUndefined();
  });

  it('the config file pager: a command, or false for none', async () => {
    const home = tempDir();
    mkdirSync(join(home, 'rif'));
    writeFileSync(join(home, 'rif', 'config.yaml'), 'pager: more -d\n');
    const { runs, options } = terminal({ XDG_CONFIG_HOME: home });
    await rif(['list'], options);
    expect(runs[0]!.argv).toEqual(['sh', '-c', 'more -d']);
    writeFileSync(join(home, 'rif', 'config.yaml'), 'pager: false\n');
    await rif(['list'], options);
    expect(runs).toHaveLength(1);
  });

  it('counts the screen lines a text takes: long lines fold, colour takes no room', async () => {
    expect(await screenLines('a\nb\n', 80)).toBe(2);
    expect(await screenLines(`${'x'.repeat(81)}\n`, 80)).toBe(2);
    expect(await screenLines('\u001b[1mbold\u001b[22m\n\n', 80)).toBe(2);
  });
});
