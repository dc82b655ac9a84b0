// The pager on a real terminal: tmux runs a shell, rif pages through less -FRX, and the keys a person
// presses (q, Ctrl-C) leave the terminal as it was. Skips, saying why, without tmux or less.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const BIN = join(ROOT, 'bin', 'rif.js');
const has = (program: string, flag: string) => spawnSync(program, [flag], { encoding: 'utf8' }).status === 0;
const ready = has('tmux', '-V') && has('less', '--version');

let sessions = 0;
const opened: string[] = [];
// a tmux server of this file's own: another file's server starting or stopping cannot get in the way
const SOCKET = `rif-test-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

/** Starts a session; a server that is still stopping (the last session just closed) refuses it once in a while. */
async function newSession(...args: string[]): Promise<void> {
  let started = tmux('new-session', ...args);
  for (let i = 0; i < 20 && started.status !== 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    started = tmux('new-session', ...args);
  }
  expect(started.stderr).toBe('');
  expect(started.status).toBe(0);
}

/** A shell in tmux, `columns` by `rows`, with a plain prompt and an environment of its own. */
async function terminal(columns: number, rows: number) {
  const name = `rif-test-${process.pid}-${++sessions}`;
  opened.push(name);
  const env = `env -i PATH=${JSON.stringify(process.env['PATH'] ?? '')} HOME=${tempDir()} TERM=xterm-256color LANG=C.UTF-8 XDG_CACHE_HOME=${tempDir()} XDG_CONFIG_HOME=${tempDir()} PS1='$ ' bash --norc --noprofile`;
  await newSession('-d', '-s', name, '-x', String(columns), '-y', String(rows), env);
  tmux('set-option', '-t', name, 'status', 'off');
  const screen = () => tmux('capture-pane', '-p', '-t', name).stdout.replace(/\s+$/, '');
  const lastLine = () => screen().split('\n').at(-1) ?? '';
  /** waits until the screen satisfies `done`, at most 10 s */
  const until = async (done: (screen: string) => boolean): Promise<string> => {
    for (let i = 0; i < 100; i++) {
      if (done(screen())) return screen();
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the screen never got there:\n${screen()}`);
  };
  return {
    type: (text: string) => tmux('send-keys', '-t', name, '-l', text),
    key: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    run: (command: string) => tmux('send-keys', '-t', name, '-l', `${command}\n`),
    screen,
    lastLine,
    until,
  };
}

afterEach(() => {
  for (const name of opened.splice(0)) tmux('kill-session', '-t', name);
});

/** The shell is back at its prompt after a run, and the terminal is as a shell leaves it (echo, canonical input). */
async function cleanAfter(t: Awaited<ReturnType<typeof terminal>>, marker: string): Promise<string> {
  const shown = await t.until((s) => s.includes(`${marker} 0`) || new RegExp(`${marker} \\d+`).test(s));
  // a pager or a program killed under it would leave the terminal raw: no echo, no line editing
  t.run(
    'stty -a | grep -q -- " -icanon" && echo "line editing off" || echo "line editing on"; stty -a | grep -q -- " -echo " && echo "echo off" || echo "echo on"',
  );
  const settings = await t.until((s) => /^echo o(n|ff)$/m.test(s));
  expect(settings).toMatch(/^line editing on\necho on$/m);
  return shown;
}

describe.runIf(ready)('the pager on a terminal', () => {
  it('output taller than the screen opens less; q quits it and leaves the text and a clean terminal', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; node ${BIN} list; echo "exit $?"`);
    await t.until((s) => s.split('\n').at(-1) === ':');
    expect(t.screen()).toMatch(/^id {2,}title\n─+ {2}─+\n/);
    t.type('q');
    const shown = await cleanAfter(t, 'exit');
    expect(shown).toMatch(/exit 0/);
    // -X: what was on the screen stays there
    expect(shown).toMatch(/muscovy-safavid-relations-begin|godunov-embassy-to-shah-abbas/);
  });

  it('Ctrl-C while the pager is open does not leave less behind: q still quits, and the terminal is clean', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; node ${BIN} list; echo "exit $?"`);
    await t.until((s) => s.split('\n').at(-1) === ':');
    t.key('C-c');
    await new Promise((r) => setTimeout(r, 300));
    // less is still there, waiting: rif did not quit under it
    expect(t.lastLine()).toMatch(/^:?$/);
    t.type('q');
    expect(await cleanAfter(t, 'exit')).toMatch(/exit 0/);
  });

  it('output that fits is printed without a pager; --no-pager prints everything straight', async () => {
    const t = await terminal(100, 40);
    t.run(`clear; node ${BIN} treaties --in 1828; echo "short $?"`);
    expect(await cleanAfter(t, 'short')).toMatch(/treaty-of-turkmenchay[\s\S]*short 0/);
    t.run(`clear; node ${BIN} list --no-pager; echo "straight $?"`);
    // no pager's prompt: the list ran past, to its last fact, and the shell is back
    expect(await cleanAfter(t, 'straight')).toMatch(/\n.*20\d\d[\s\S]*\nstraight 0/);
  });

  it('PAGER names the pager, run by sh', async () => {
    const t = await terminal(80, 24);
    t.run(`clear; PAGER='head -3' node ${BIN} list; echo "paged $?"`);
    const shown = await cleanAfter(t, 'paged');
    expect(shown.split('\n').slice(0, 4).join('\n')).toMatch(/^id {2,}title\n─+.*\n.*\npaged 0$/);
  });
});

describe.skipIf(ready)('the pager on a terminal', () => {
  it('skipped: tmux or less is not installed here', () => {});
});
