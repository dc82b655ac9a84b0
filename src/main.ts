// The process edge: real streams in, an exit code out. Everything else goes through run(argv, io).
import { run } from './cli.js';
import { EXIT, OutputError } from './errors.js';
import type { Io } from './io.js';

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    try {
      stream.write(text);
    } catch (error) {
      throw outputError(error);
    }
  };
}

function outputError(error: unknown): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  // A reader that goes away (rif list | head -1) is not an error: stop quietly.
  return code === 'EPIPE' ? new OutputError('output closed', true) : new OutputError(`cannot write output (${code ?? String(error)})`);
}

export function processIo(): Io {
  return {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns || 0 : 0,
    env: process.env,
    cwd: process.cwd(),
    now: () => performance.now(),
  };
}

export async function main(): Promise<void> {
  // Pipes report write errors later, as events.
  process.stdout.on('error', (error) => {
    const failure = outputError(error);
    if (!failure.quiet) process.stderr.write(`rif: ${failure.message}\n`);
    process.exit(failure.quiet ? EXIT.ok : failure.exitCode);
  });
  process.exitCode = await run(process.argv.slice(2), processIo());
}
