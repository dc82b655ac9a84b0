// The process edge: real streams in, an exit code out. Everything else goes through run(argv, io).
import { run } from './cli.js';
import type { Io } from './io.js';

export function processIo(): Io {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns || 0 : 0,
    env: process.env,
    cwd: process.cwd(),
  };
}

export async function main(): Promise<void> {
  // A reader that goes away (rif list | head -1) is not an error: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), processIo());
}
