// The terminal a full-screen program holds (rif pick): raw mode, the alternate screen, mouse wheel reports,
// and the promise that whatever happens (a key that quits, Ctrl-Z, SIGTERM, SIGHUP, a crash) the terminal
// is left as it was found. Loaded by main.ts only when a command asks for the terminal.
import { openSync, writeSync } from 'node:fs';
import { WriteStream } from 'node:tty';
import type { Terminal, TerminalEvents } from './io.js';

const CSI = '\x1b[';
/** the alternate screen, the cursor hidden, wheel reports (button events in SGR form: 1000 and 1006) */
const ENTER = `${CSI}?1049h${CSI}?25l${CSI}?1000h${CSI}?1006h`;
const LEAVE = `${CSI}?1006l${CSI}?1000l${CSI}?25h${CSI}?1049l`;

/** The exit codes of the signals that end rif while it holds the terminal: 128 + the signal's number. */
const ENDING = Object.freeze({ SIGINT: 130, SIGHUP: 129, SIGTERM: 143 } as const);

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // a terminal that has gone (SIGHUP) takes nothing more; a full non-blocking one is retried
      if (code !== 'EAGAIN' && code !== 'EINTR') return;
    }
  }
}

/**
 * Where to draw: standard output when it is the terminal, else (rif pick | …, $(rif pick)) standard error
 * when it is, else the process's controlling terminal, as fzf does; undefined when there is none.
 */
function screenStream(): { fd: number; stream: NodeJS.WriteStream } | undefined {
  if (process.stdout.isTTY) return { fd: 1, stream: process.stdout };
  if (process.stderr.isTTY) return { fd: 2, stream: process.stderr };
  try {
    const fd = openSync('/dev/tty', 'w');
    const stream = new WriteStream(fd);
    // Node tells only stdout and stderr of a new size; this stream measures itself again on SIGWINCH
    process.on('SIGWINCH', () => (stream as unknown as { _refreshSize?: () => void })._refreshSize?.());
    return { fd, stream };
  } catch {
    return undefined;
  }
}

/** The process's terminal: keys from standard input, which must be one, drawn on screenStream(); else undefined. */
export function processTerminal(): Terminal | undefined {
  const stdin = process.stdin;
  if (!stdin.isTTY) return undefined;
  const screen = screenStream();
  if (!screen) return undefined;
  const stdout = screen.stream;
  const write = (text: string) => writeAll(screen.fd, text);
  let events: TerminalEvents | undefined;
  let entered = false;

  const onData = (data: Buffer) => events?.input(data.toString('utf8'));
  const onResize = () => events?.resize();
  const ending = Object.entries(ENDING).map(([signal, code]) => {
    const handler = () => {
      restore();
      process.exit(code);
    };
    return [signal as NodeJS.Signals, handler] as const;
  });
  const onStop = () => suspend();
  let stopped = false;
  // while stopped nothing else keeps the process alive: without this it would end as soon as fg wakes it
  let alive: NodeJS.Timeout | undefined;
  const onContinue = () => {
    stopped = false;
    clearInterval(alive);
    if (!events) return;
    show();
    events.resumed();
  };

  /** raw mode and the screen on; stdin read */
  function show(): void {
    stdin.setRawMode(true);
    stdin.on('data', onData);
    stdin.resume();
    write(ENTER);
    entered = true;
  }
  /** the terminal as it was; safe to call twice, and from an exit handler (it writes synchronously) */
  function restore(): void {
    if (!entered) return;
    entered = false;
    stdin.off('data', onData);
    stdin.pause();
    try {
      stdin.setRawMode(false);
    } catch {
      // a terminal that has gone cannot be set
    }
    write(LEAVE);
  }
  function suspend(): void {
    if (stopped) return;
    stopped = true;
    restore();
    alive = setInterval(() => {}, 1 << 30);
    process.once('SIGCONT', onContinue);
    // SIGSTOP, which no handler catches (rif's own SIGTSTP handler is what brought it here): the shell
    // sees a stopped job, as after its own Ctrl-Z, and fg sends SIGCONT
    process.kill(process.pid, 'SIGSTOP');
  }

  return {
    size: () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 }),
    write,
    enter(given) {
      events = given;
      stdout.on('resize', onResize);
      for (const [signal, handler] of ending) process.on(signal, handler);
      process.on('SIGTSTP', onStop);
      // a crash, or anything else that ends the process, still leaves the terminal as it was
      process.on('exit', restore);
      show();
    },
    suspend,
    leave() {
      restore();
      events = undefined;
      stdout.off('resize', onResize);
      for (const [signal, handler] of ending) process.off(signal, handler);
      process.off('SIGTSTP', onStop);
      process.off('SIGCONT', onContinue);
      clearInterval(alive);
      process.off('exit', restore);
    },
  };
}
