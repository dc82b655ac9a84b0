// Builds the command-line program and runs it: the only place where errors become exit codes.
import { Command, CommanderError } from 'commander';
import { readConfig } from './config.js';
import { visible } from './control.js';
import { EXIT, OutputError, RifError, UsageError } from './errors.js';
import type { Io } from './io.js';
import { packageVersion } from './package.js';
import { BUNDLED_STORE_DIR } from './paths.js';
import { describeRecord, readRecordInfo } from './record.js';
import { cacheCommand } from './commands/cache.js';
import { citeCommand } from './commands/cite.js';
import { completionCommand } from './commands/completion.js';
import { configCommand } from './commands/config.js';
import { pathsCommand } from './commands/paths.js';
import { statsCommand } from './commands/stats.js';
import { timelineCommand } from './commands/timeline.js';
import { listCommands } from './commands/list.js';
import { searchCommand } from './commands/search.js';
import { EXIT_CODES_HELP, misspeltCommand } from './commands/shared.js';
import { showCommand } from './commands/show.js';
import { topicsCommand } from './commands/topics.js';
import { validateCommand } from './commands/validate.js';

const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.help']);

/** `rif --version`, `-V`, `-v` and `rif version` all print the version and what the bundled record holds. */
const VERSION_WORDS = new Set(['--version', '-V', '-v', 'version']);

function versionText(): string {
  const record = readRecordInfo(BUNDLED_STORE_DIR);
  return `rif ${packageVersion()}\n${record ? `bundled record: ${describeRecord(record)}` : 'bundled record: not compiled (run npm run build)'}\n`;
}

type Build = (io: Io, done: (code: number) => void) => Command[];

/** The commands, grouped as they are built; search comes first and is the default. */
const COMMANDS: readonly (readonly [readonly string[], Build])[] = [
  [['search'], (io, done) => [searchCommand(io, done)]],
  [['list', 'events', 'treaties', 'allegations'], listCommands],
  [['show'], (io, done) => [showCommand(io, done)]],
  [['topics'], (io, done) => [topicsCommand(io, done)]],
  [['validate'], (io, done) => [validateCommand(io, done)]],
  [['cache'], (io, done) => [cacheCommand(io, done)]],
  [['cite'], (io, done) => [citeCommand(io, done)]],
  [['timeline'], (io, done) => [timelineCommand(io, done)]],
  [['stats'], (io, done) => [statsCommand(io, done)]],
  [['completion'], (io, done) => [completionCommand(io, done, () => programFor(io))]],
  [['config'], (io, done) => [configCommand(io, done)]],
  [['paths'], (io, done) => [pathsCommand(io, done)]],
];

/** Every command name, for telling a misspelt command from a search. */
const COMMAND_NAMES = COMMANDS.flatMap(([names]) => names);

/**
 * The program. When the first word names a command, only that command is built: building all of them
 * (some 200 options) is a tenth of a bundled look-up. Anything else (a bare query, --help, a typo)
 * gets every command.
 */
function buildProgram(io: Io, done: (code: number) => void, first: string | undefined): Command {
  const program = new Command('rif')
    .description('Russia–Iran fact explorer: search, filter and read a sourced record of Russia–Iran relations')
    .option('-V, --version', 'print the version, the number of bundled facts and the date the record is complete to')
    .helpOption('-h, --help', 'show help')
    .addHelpText(
      'after',
      `
Examples:
  rif search shahed                    fuzzy search (the command name may be left out: rif shahed)
  rif treaties --from 1800 --to 1830   treaties signed in a date range
  rif show treaty-of-turkmenchay       one fact in full
  rif list --topic nuclear --json      JSON for scripts
  rif validate ~/my-facts              check your own fact files
${EXIT_CODES_HELP}`,
    );
  const output = {
    writeOut: (text: string) => io.stdout(text),
    writeErr: (text: string) => io.stderr(text),
    // one line, however commander phrased it
    outputError: (text: string, write: (s: string) => void) =>
      write(
        `rif: ${visible(
          text
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )}\n`,
      ),
  };
  const named = COMMANDS.find(([names]) => first !== undefined && names.includes(first));
  const commands = (named ? [named] : COMMANDS).flatMap(([, build]) => build(io, done));
  // subcommands (cache clear) too: errors and help must come back through io, never exit the process
  const configure = (cmd: Command): void => {
    cmd.configureOutput(output).exitOverride().showSuggestionAfterError(true);
    cmd.commands.forEach(configure);
  };
  for (const cmd of commands) {
    configure(cmd);
    program.addCommand(cmd, cmd.name() === 'search' ? { isDefault: true } : {});
  }
  return program.configureOutput(output).exitOverride().showSuggestionAfterError(true);
}

/** The whole program with every command, for what is generated from it (the man page, completion scripts). */
export function programFor(io: Io): Command {
  return buildProgram(io, () => {}, undefined);
}

/** Runs rif with `argv` (without node and the script) against `io`; resolves to the exit code. */
export async function run(argv: readonly string[], given: Io): Promise<number> {
  let code: number = EXIT.ok;
  let io = given;
  try {
    io = { ...given, config: given.config ?? (await readConfig(given.env, given.cwd)) };
    if (io.config?.unreadable)
      io.stderr(`rif: warning: cannot read the config file ${visible(io.config.path ?? '')} (${io.config.unreadable}); using the defaults\n`);
    if (argv[0] !== undefined && VERSION_WORDS.has(argv[0])) {
      io.stdout(versionText());
      return EXIT.ok;
    }
    const typo = misspeltCommand(argv[0], COMMAND_NAMES);
    if (typo) throw new UsageError(`unknown command "${argv[0]}"; did you mean "rif ${typo}"? (to search for the word: rif search ${argv[0]})`);
    const program = buildProgram(io, (c) => (code = c), argv[0]);
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return EXIT.ok;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return failed(error, io);
  }
}

/** The exit code for what a run threw, and the one line on stderr that says why (a bug also gets its stack). */
function failed(error: unknown, io: Io): number {
  if (error instanceof CommanderError) return CLEAN_EXITS.has(error.code) ? EXIT.ok : EXIT.usage;
  if (error instanceof OutputError && error.quiet) return EXIT.ok;
  if (error instanceof RifError) {
    io.stderr(`rif: ${visible(error.message)}\n`);
    return error.exitCode;
  }
  io.stderr(`rif: internal error; this is a bug, please report it:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.bug;
}
