// A run whose stores may be opened before they are known to be current: a cache entry of the user's facts
// is used while find still checks its files (the check takes 20 to 40 ms over 10,000 files, about what
// the command takes). Whatever the run writes waits for every such check; when one says the entry was
// stale, what was written is dropped and the run starts again, its stores then checked before use. No
// output, exit code or message of a run on stale facts is ever seen. Output that cannot be written when
// it is let go (the reader left) ends the run as a failed write would: the error is thrown to the caller
// once the checks are done, and the rest of the run's output is dropped.
import type { Io } from './io.js';

export async function runConfirmed(io: Io, once: (io: Io) => Promise<number>): Promise<number> {
  const held: (() => void)[] = [];
  const checks: Promise<void>[] = [];
  let waiting = 0;
  let stale = false;
  let failure: { readonly error: unknown } | undefined;
  const write = (out: () => void): void => {
    if (failure) return;
    if (waiting || stale) held.push(out);
    else out();
  };
  // standard input is read once, for both runs
  let stdin: Promise<string> | undefined;
  const readStdin = io.readStdin && (() => (stdin ??= io.readStdin!()));
  const confirmed: Io = {
    ...io,
    ...(readStdin ? { readStdin } : {}),
    stdout: (output) => write(() => io.stdout(output)),
    stderr: (text) => write(() => io.stderr(text)),
    confirm: (current) => {
      waiting++;
      checks.push(
        current.then(
          (ok) => settle(ok),
          () => settle(false),
        ),
      );
    },
  };
  const settle = (ok: boolean): void => {
    waiting--;
    if (!ok) stale = true;
    // what was held goes out in order once nothing is left to wait for, and the rest goes straight out
    if (waiting || stale) return;
    try {
      for (const out of held.splice(0)) out();
    } catch (error) {
      failure = { error };
    }
  };
  const code = await once(confirmed);
  await Promise.all(checks);
  if (failure) throw failure.error;
  if (!stale) return code;
  held.length = 0;
  return once(readStdin ? { ...io, readStdin } : io);
}
