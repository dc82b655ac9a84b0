// Drives run(argv, io) in-process and captures what a user would see.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli.js';
import { textOf, type Io } from '../src/io.js';
import type { Doc } from '../src/search/doc.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeTerminal {
  tty?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** stderr is a terminal (the progress bar draws only then) */
  stderrTty?: boolean;
  now?: () => number;
  /** terminal height (the pager pages output taller than this) */
  rows?: number;
  /** what standard input holds (rif show -) */
  stdin?: string;
  /** today's date, YYYY-MM-DD */
  today?: string;
  /** stands in for a program rif runs on the terminal (the pager, an editor): gets its argv and input, returns its exit code */
  spawn?: (argv: readonly string[], input?: string) => number | undefined;
}

export async function rif(argv: string[], terminal: FakeTerminal = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => void (stdout += textOf(t)),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: terminal.tty ?? false,
    stderrIsTTY: terminal.stderrTty ?? false,
    columns: terminal.columns ?? (terminal.tty ? 100 : 0),
    env: terminal.env ?? {},
    cwd: terminal.cwd ?? ROOT,
    now: terminal.now ?? (() => performance.now()),
    rows: terminal.rows ?? 0,
    ...(terminal.stdin === undefined ? {} : { readStdin: () => Promise.resolve(terminal.stdin!) }),
    ...(terminal.today === undefined ? {} : { today: () => terminal.today! }),
    ...(terminal.spawn === undefined ? {} : { spawn: (argv: readonly string[], input?: string) => Promise.resolve(terminal.spawn!(argv, input)) }),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export async function rifJson<T = Record<string, unknown>[]>(argv: string[], terminal: FakeTerminal = {}): Promise<T> {
  const out = await rif([...argv, '--json'], terminal);
  return JSON.parse(out.stdout) as T;
}

/** A fresh, empty directory for a test's cache ($XDG_CACHE_HOME). */
export function tempDir(prefix = 'rif-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary directory holding the given files (path → text). */
export function tempFacts(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rif-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** A search document with every field empty but those given. */
export const doc = (over: Partial<Doc> = {}): Doc => ({
  id: 'x',
  title: '',
  aliases: [],
  actors: [],
  places: [],
  years: '',
  topics: [],
  summary: '',
  quotes: [],
  provisions: [],
  notes: [],
  sources: [],
  ...over,
});
