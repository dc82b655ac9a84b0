// The process edge: real streams in, an exit code out. Everything else goes through run(argv, io).
import { fstatSync, writeSync, writevSync } from 'node:fs';
import { run } from './cli.js';
import { EXIT, OutputError } from './errors.js';
import type { Io, Output } from './io.js';

/**
 * Whether fd is a terminal. A pipe or a file is told by fstat alone: asking process.stdout builds its
 * stream, and node:tty loads node:net, about 3 ms that a pipe into jq never needs.
 */
function isTerminal(fd: 1 | 2): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
}

/** Whether output went to a stream (a full non-blocking pipe) that may still be writing it. */
let streaming = false;

/** Parts written by one writev at most (Linux's IOV_MAX). */
const IOV_MAX = 1024;

/**
 * Writes to fd directly and whole: text, bytes, or bytes in parts, which go out together in one writev
 * (the bundled listings' records, never copied into one buffer first). Should the descriptor be
 * non-blocking (a parent may set that) and full, the rest goes through Node's stream, which waits for
 * the reader.
 */
function writer(fd: 1 | 2): (output: Output) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (output) => {
    if (fd === 1) finishBeforeInterrupt(() => stream);
    const parts = typeof output === 'string' ? [Buffer.from(output)] : output instanceof Uint8Array ? [output] : output;
    if (stream) return void parts.forEach((part) => stream!.write(part));
    // parts[at] is being written, `done` bytes of it are
    let at = 0;
    let done = 0;
    try {
      while (at < parts.length) {
        try {
          const batch = parts.slice(at, at + IOV_MAX);
          batch[0] = batch[0]!.subarray(done);
          let written = batch.length === 1 ? writeSync(fd, batch[0]) : writevSync(fd, batch);
          while (at < parts.length && written >= parts[at]!.length - done) {
            written -= parts[at]!.length - done;
            at++;
            done = 0;
          }
          done += written;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EINTR') throw error;
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw outputError(error);
      stream = fd === 1 ? process.stdout : process.stderr;
      streaming = true;
      watch(stream);
      stream.write(parts[at]!.subarray(done));
      parts.slice(at + 1).forEach((part) => stream!.write(part));
    }
  };
}

let holding = false;

/**
 * Ctrl-C ends rif at once (exit 130 from the shell) while it reads and searches. Once results start to
 * go out, it ends rif only after they are written whole, with exit 130: a script reading the JSON never
 * gets half a document. (A signal cannot interrupt the synchronous write; its handler runs after it,
 * or once a stream that took over has drained.)
 */
function finishBeforeInterrupt(stream: () => NodeJS.WriteStream | undefined): void {
  if (holding) return;
  holding = true;
  process.on('SIGINT', () => {
    const pending = stream();
    if (pending?.writableLength) pending.once('drain', () => process.exit(EXIT.interrupted));
    else process.exit(EXIT.interrupted);
  });
}

function outputError(error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  // A reader that goes away (rif list | head -1) is not an error: stop quietly.
  return code === 'EPIPE' ? new OutputError('output closed', true) : new OutputError(`cannot write output (${code ?? String(error)})`);
}

/** A stream reports write errors later, as events. */
function watch(stream: NodeJS.WriteStream): void {
  stream.on('error', (error) => {
    const failure = outputError(error);
    if (!failure.quiet) process.stderr.write(`rif: ${failure.message}\n`);
    process.exit(failure.quiet ? EXIT.ok : failure.exitCode);
  });
}

/** The working directory, or undefined when it was deleted (a relative path then cannot be used; see absolutePath). */
function workingDirectory(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

/** Today where rif runs, as a partial ISO date: the local calendar day, which is what people mean by today. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

/** All of standard input, as text. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs a program on the terminal and waits for it (the pager, the editor). While it runs, Ctrl-C is
 * its business: rif ignores the signal, so that it never leaves a pager behind on a terminal it no
 * longer waits for, and goes on once the program is gone.
 */
async function spawnOnTerminal(argv: readonly string[], input?: string): Promise<number | undefined> {
  const { spawn } = await import('node:child_process');
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    return await new Promise<number | undefined>((resolve) => {
      const child = spawn(argv[0]!, argv.slice(1), { stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'] });
      child.on('error', () => resolve(undefined));
      child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
      // a pager that quits before reading everything (q) closes the pipe: that is not an error
      child.stdin?.on('error', ignore);
      child.stdin?.end(input);
    });
  } finally {
    process.off('SIGINT', ignore);
  }
}

/** A program started on its own (a browser): detached, its output dropped, never waited for. */
async function launchInBackground(argv: readonly string[]): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  return new Promise<boolean>((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { detached: true, stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

export function processIo(): Io {
  const stdoutIsTTY = isTerminal(1);
  return {
    stdout: writer(1),
    stderr: writer(2),
    stdoutIsTTY,
    stderrIsTTY: isTerminal(2),
    columns: stdoutIsTTY ? process.stdout.columns || 0 : 0,
    rows: stdoutIsTTY ? process.stdout.rows || 0 : 0,
    env: process.env,
    cwd: workingDirectory(),
    now: () => performance.now(),
    today,
    readStdin,
    spawn: spawnOnTerminal,
    launch: launchInBackground,
    platform: process.platform,
    terminal: async () => (await import('./tty.js')).processTerminal(),
  };
}

export async function main(): Promise<void> {
  process.exitCode = await run(process.argv.slice(2), processIo());
  // a Ctrl-C that came while the results were written is handled once the event loop polls for it:
  // two turns make sure it polls at least once (one immediate alone may not), and cost no timer
  if (holding) await new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  // Everything printed is written, and what the run started (a pager, find, a parse worker) has ended:
  // ending here spares Node taking down what is left of the event loop and the heap (about 1 ms).
  // A stream that took over a full pipe is let drain first.
  if (!streaming) process.exit();
}
