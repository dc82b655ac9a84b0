// A command may run on a cache entry whose check is still running (store/open.ts): its output is held
// until the check resolves, then written as it came, or, when the entry proved stale, dropped so that
// the command can run again on fresh facts.
import type { Io } from './io.js';

export interface Speculation {
  /** `given`, with its output held from the moment a check is taken */
  readonly io: Io;
  /** Waits for the checks taken: true once the held output is written, false when it was dropped. */
  settle(): Promise<boolean>;
}

export function speculation(given: Io): Speculation {
  const checks: Promise<boolean>[] = [];
  const held: (() => void)[] = [];
  // what went out before a check was taken cannot be taken back: then no check is taken
  let written = false;
  const hold = (write: (text: string) => void) => (text: string) => {
    if (checks.length) held.push(() => write(text));
    else {
      written = true;
      write(text);
    }
  };
  return {
    io: {
      ...given,
      stdout: hold(given.stdout),
      stderr: hold(given.stderr),
      speculate(fresh) {
        if (written) return false;
        checks.push(fresh);
        return true;
      },
    },
    async settle() {
      if (!(await Promise.all(checks)).every(Boolean)) return false;
      for (const write of held) write();
      return true;
    },
  };
}
