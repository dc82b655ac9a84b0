// Everything a command may touch of the outside world. Only main.ts builds one from `process`.
import type { ConfigRead } from './config.js';

/**
 * What a command prints: text, or UTF-8 bytes printed as they are, or such bytes in parts printed one
 * after the other (JSON the build compiled: 1.8 MB for rif list --json, never copied into one buffer).
 */
export type Output = string | Uint8Array | readonly Uint8Array[];

export interface Io {
  readonly stdout: (output: Output) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  /** a progress bar is drawn only on a terminal */
  readonly stderrIsTTY: boolean;
  /** terminal width in columns; 0 when unknown or not a terminal */
  readonly columns: number;
  /** terminal height in rows; 0 when unknown or not a terminal (then nothing is paged) */
  readonly rows?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** the working directory; undefined when it no longer exists */
  readonly cwd: string | undefined;
  /** milliseconds, for pacing the progress bar */
  readonly now: () => number;
  /** today's date where rif runs, YYYY-MM-DD (`--to today`) */
  readonly today?: () => string;
  /** all of standard input (`rif show -`); absent when there is none to read */
  readonly readStdin?: () => Promise<string>;
  /**
   * Runs a program on the terminal (a pager, an editor) and waits for it: `input` is written to its
   * standard input, which is otherwise the terminal's. Resolves to its exit code, or undefined when it
   * could not be started.
   */
  readonly spawn?: (argv: readonly string[], input?: string) => Promise<number | undefined>;
  /**
   * Starts a program in the background and does not wait for it (a web browser): resolves to true once
   * it started, false when it could not be.
   */
  readonly launch?: (argv: readonly string[]) => Promise<boolean>;
  /** the operating system, as Node names it (linux, darwin, win32): which program opens an address */
  readonly platform?: string;
  /** the config file as run() read it (see config.ts); absent means none */
  readonly config?: ConfigRead;
  /**
   * The terminal for a full-screen program (rif pick), when standard input and output are both one;
   * undefined otherwise. Loaded on demand: no other command pays for it.
   */
  readonly terminal?: () => Promise<Terminal | undefined>;
  /**
   * Told of a check still running on a store the run reads (a cache entry opened while find looks at its
   * files): the run's output waits for it, and when it says the store was stale the run starts again
   * (held.ts). Absent: stores are checked before they are used.
   */
  readonly confirm?: (current: Promise<boolean>) => void;
}

/** What a full-screen program is told of: keys and mouse reports as the terminal sent them, a new size, a return from Ctrl-Z. */
export interface TerminalEvents {
  readonly input: (data: string) => void;
  readonly resize: () => void;
  readonly resumed: () => void;
}

/** The terminal held whole: raw input, the alternate screen, its size. */
export interface Terminal {
  readonly size: () => { readonly columns: number; readonly rows: number };
  /** written at once, whole */
  readonly write: (text: string) => void;
  /** raw mode, the alternate screen, mouse wheel reports; events go to `events` until leave() */
  readonly enter: (events: TerminalEvents) => void;
  /** Ctrl-Z: the terminal restored and rif stopped as a shell job; after fg it is entered again and told resumed() */
  readonly suspend: () => void;
  /** the terminal as it was: raw mode off, mouse reports off, the cursor shown, the alternate screen left */
  readonly leave: () => void;
}

/** What was written to stdout, as text. */
export const textOf = (output: Output): string =>
  typeof output === 'string' ? output : new TextDecoder().decode(output instanceof Uint8Array ? output : Buffer.concat(output));
