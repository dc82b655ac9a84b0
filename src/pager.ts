// The pager: on a terminal, output taller than the screen goes through RIF_PAGER, else the config file's
// pager, else PAGER, else `less -FRX` (quit at once when it fits, keep colour, leave the text on the
// screen), as git chooses its pager. Never in a pipe, never with --no-pager; an empty command or `cat`
// means none. A pager that cannot be started leaves the output to print as it would have.
import type { Config } from './config.js';
import { textOf, type Io } from './io.js';

const DEFAULT_PAGER: readonly string[] = Object.freeze(['less', '-FRX']);
const NONE = new Set(['', 'cat']);

/** The program to page through, as argv: a command from the environment or the config runs in sh, as git runs it. */
export function pagerArgv(env: Io['env'], config: Pick<Config, 'pager'>): readonly string[] | undefined {
  const command = env['RIF_PAGER'] ?? (config.pager === false ? '' : config.pager) ?? env['PAGER'];
  if (command === undefined) return DEFAULT_PAGER;
  return NONE.has(command.trim()) ? undefined : ['sh', '-c', command];
}

/** Whether --no-pager is among the flags (not after `--`, where a query starts). */
const noPager = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--no-pager');
};

/** How many screen lines `text` takes on a terminal `columns` wide: long lines fold. */
export async function screenLines(text: string, columns: number): Promise<number> {
  const { width } = await import('./render/text.js');
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return lines.reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / Math.max(1, columns))), 0);
}

export interface Paging {
  /** the Io to run the command with: on a terminal, its output is held */
  readonly io: Io;
  /** prints what was held: through the pager when it is taller than the screen */
  readonly finish: () => Promise<void>;
}

/** Holds a command's output on a terminal, to page it when it is done if it does not fit. */
export function paging(argv: readonly string[], io: Io, config: Pick<Config, 'pager'>): Paging {
  const pager = io.stdoutIsTTY && io.spawn && io.rows && !noPager(argv) ? pagerArgv(io.env, config) : undefined;
  if (!pager) return { io, finish: () => Promise.resolve() };
  const held: string[] = [];
  // what goes to stderr after the output started (a count of what it shows) follows the output
  const after: string[] = [];
  return {
    io: { ...io, stdout: (text) => void held.push(textOf(text)), stderr: (text) => (held.length ? void after.push(text) : io.stderr(text)) },
    async finish() {
      const text = held.join('');
      if (text) {
        // a screen full scrolls the first line away once the prompt comes back: that is too tall
        if ((await screenLines(text, io.columns)) < io.rows!) io.stdout(text);
        else if ((await io.spawn!(pager, text)) === undefined) io.stdout(text);
      }
      for (const line of after) io.stderr(line);
    },
  };
}
