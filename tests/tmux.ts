// A real terminal for tests: tmux runs a shell of its own (a server of this test file's own: another file's
// server starting or stopping cannot get in the way), and the test types, presses keys and reads the screen.
import { spawnSync } from 'node:child_process';
import { afterEach, expect } from 'vitest';
import { tempDir } from './helpers.js';

const has = (program: string, flag: string) => spawnSync(program, [flag], { encoding: 'utf8' }).status === 0;
export const hasTmux = has('tmux', '-V');
export const hasLess = has('less', '--version');

let sessions = 0;
const opened: string[] = [];
const SOCKET = `rif-test-${process.pid}`;
export const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

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

export type Tmux = Awaited<ReturnType<typeof terminal>>;

/** A shell in tmux, `columns` by `rows`, with a plain prompt and an environment of its own (`env`: more variables). */
export async function terminal(columns: number, rows: number, env: Record<string, string> = {}) {
  const name = `rif-test-${process.pid}-${++sessions}`;
  opened.push(name);
  const more = Object.entries(env).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const shell = `env -i PATH=${JSON.stringify(process.env['PATH'] ?? '')} HOME=${tempDir()} TERM=xterm-256color LANG=C.UTF-8 XDG_CACHE_HOME=${tempDir()} XDG_CONFIG_HOME=${tempDir()} ${more.join(' ')} PS1='$ ' bash --norc --noprofile`;
  // the shell starts in a folder of its own, so files a test writes there (`> picked.txt`) stay out of the repository
  await newSession('-d', '-s', name, '-c', tempDir(), '-x', String(columns), '-y', String(rows), shell);
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
    name,
    type: (text: string) => tmux('send-keys', '-t', name, '-l', text),
    key: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    run: (command: string) => tmux('send-keys', '-t', name, '-l', `${command}\n`),
    screen,
    /** the screen with its escape codes (colours) */
    styled: () => tmux('capture-pane', '-p', '-e', '-t', name).stdout,
    /** whether the program in the pane has the alternate screen on */
    alternate: () => tmux('display-message', '-p', '-t', name, '#{alternate_on}').stdout.trim() === '1',
    resize: (x: number, y: number) => tmux('resize-window', '-t', name, '-x', String(x), '-y', String(y)),
    lastLine,
    until,
  };
}

afterEach(() => {
  for (const name of opened.splice(0)) tmux('kill-session', '-t', name);
});

/** The shell is back at its prompt after a run, and the terminal is as a shell leaves it (echo, canonical input). */
export async function cleanAfter(t: Tmux, marker: string): Promise<string> {
  const shown = await t.until((s) => new RegExp(`${marker} \\d+`).test(s));
  // a program killed or crashed without restoring would leave the terminal raw: no echo, no line editing
  t.run(
    'stty -a | grep -q -- " -icanon" && echo "line editing off" || echo "line editing on"; stty -a | grep -q -- " -echo " && echo "echo off" || echo "echo on"',
  );
  const settings = await t.until((s) => /^echo o(n|ff)$/m.test(s));
  expect(settings).toMatch(/^line editing on\necho on$/m);
  return shown;
}
