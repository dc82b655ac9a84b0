// Every error the user is meant to see: a stable code, an exit code and one line of text.
// Anything else reaching cli.ts is a bug and is reported as one.

export const EXIT = Object.freeze({
  ok: 0,
  noMatch: 1,
  usage: 2,
  data: 3,
  output: 74,
  interrupted: 130,
  bug: 70,
} as const);

export class RifError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags, arguments or paths: exit 2. */
export class UsageError extends RifError {
  constructor(message: string) {
    super(message, 'usage', EXIT.usage);
  }
}

/** Fact data that fails validation where it must not (--strict): exit 3. */
export class DataError extends RifError {
  constructor(message: string) {
    super(message, 'data', EXIT.data);
  }
}

/** An unknown id, or nothing matched: exit 1. */
export class NotFoundError extends RifError {
  constructor(message: string) {
    super(message, 'not-found', EXIT.noMatch);
  }
}

/** Output could not be written (a full disk, a closed pipe): exit 74. `quiet` when the reader simply left. */
export class OutputError extends RifError {
  constructor(
    message: string,
    readonly quiet = false,
  ) {
    super(message, 'output', EXIT.output);
  }
}
