// Everything a command may touch of the outside world. Only main.ts builds one from `process`.
import type { ConfigRead } from './config.js';

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  /** a progress bar is drawn only on a terminal */
  readonly stderrIsTTY: boolean;
  /** terminal width in columns; 0 when unknown or not a terminal */
  readonly columns: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** the working directory; undefined when it no longer exists */
  readonly cwd: string | undefined;
  /** milliseconds, for pacing the progress bar */
  readonly now: () => number;
  /** the config file as run() read it (see config.ts); absent means none */
  readonly config?: ConfigRead;
}
