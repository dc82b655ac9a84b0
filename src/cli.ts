// Builds the command-line program and runs it: the only place where errors become exit codes.
import { Command, CommanderError } from 'commander';
import { readConfig, type ConfigRead } from './config.js';
import { visible } from './control.js';
import { EXIT, OutputError, RifError, UsageError } from './errors.js';
import type { Io, Output } from './io.js';
import { packageVersion } from './package.js';
import { BUNDLED_STORE_DIR } from './paths.js';
import { describeRecord, readRecordInfo } from './record.js';
import { runConfirmed } from './held.js';
import { paging } from './pager.js';
import { cacheCommand } from './commands/cache.js';
import { citeCommand } from './commands/cite.js';
import { completionCommand } from './commands/completion.js';
import { configCommand } from './commands/config.js';
import { pathsCommand } from './commands/paths.js';
import { schemaCommand } from './commands/schema.js';
import { statsCommand } from './commands/stats.js';
import { timelineCommand } from './commands/timeline.js';
import { listCommands } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { openCommand } from './commands/open.js';
import { pickCommand } from './commands/pick.js';
import { searchCommand } from './commands/search.js';
import { outputWidth } from './commands/output.js';
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

/** Builds a group's commands; `only`: the one of them that runs (a group may build just that one). */
type Build = (io: Io, done: (code: number) => void, only?: string) => Command[];

/** The commands, grouped as they are built; search comes first and is the default. */
const COMMANDS: readonly (readonly [readonly string[], Build])[] = [
  [['search'], (io, done) => [searchCommand(io, done)]],
  [['list', 'events', 'treaties', 'allegations'], listCommands],
  [['show'], (io, done) => [showCommand(io, done)]],
  [['topics'], (io, done) => [topicsCommand(io, done)]],
  [['validate'], (io, done) => [validateCommand(io, done)]],
  [['cache'], (io, done) => [cacheCommand(io, done)]],
  [['cite'], (io, done) => [citeCommand(io, done)]],
  [['open'], (io, done) => [openCommand(io, done)]],
  [['pick'], (io, done) => [pickCommand(io, done)]],
  [['new'], (io, done) => [newCommand(io, done)]],
  [['timeline'], (io, done) => [timelineCommand(io, done)]],
  [['stats'], (io, done) => [statsCommand(io, done)]],
  [['completion'], (io, done) => [completionCommand(io, done, () => programFor(io))]],
  [['config'], (io, done) => [configCommand(io, done)]],
  [['paths'], (io, done) => [pathsCommand(io, done)]],
  [['schema'], (io, done) => [schemaCommand(io, done)]],
];

/** Every command name, for telling a misspelt command from a search. */
const COMMAND_NAMES = COMMANDS.flatMap(([names]) => names);

/**
 * The program. When the first word names a command, only that command is built: building all of them
 * (some 200 options) is a tenth of a bundled look-up. Anything else (a bare query, --help, a typo)
 * gets every command.
 */
function buildProgram(io: Io, done: (code: number) => void, first: string | undefined, help: Help = { out: [], err: [] }): Command {
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

A flag given twice: a list flag (--topic, --kind, --status, --fields, --facts, --sources) adds to its
list; any other takes the last value (--limit 3 --limit 5 is --limit 5, --style apa --style mla is
mla), so a later flag overrides one an alias gives; two flags that disagree (--json --csv) are a
usage error.
${EXIT_CODES_HELP}`,
    );
  const output = {
    // help is fitted to the width once it is all written (printHelp)
    writeOut: (text: string) => void help.out.push(text),
    // help asked for by mistake (rif cache): on stderr
    writeErr: (text: string) => void help.err.push(text),
    getOutHelpWidth: () => helpWidth(io),
    getErrHelpWidth: () => helpWidth(io),
    // one line, however commander phrased it, never wrapped
    outputError: (text: string) =>
      io.stderr(
        `rif: ${visible(
          text
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )}${/unknown option '-[^-\s']{2,}'/.test(text) ? ' (to leave out a word, put the query after --: rif search -- drones -ukraine)' : ''}\n`,
      ),
  };
  const named = COMMANDS.find(([names]) => first !== undefined && names.includes(first));
  const commands = named ? named[1](io, done, first) : COMMANDS.flatMap(([, build]) => build(io, done));
  // subcommands (cache clear) too: errors and help must come back through io, never exit the process
  const configure = (cmd: Command): void => {
    cmd.option('--no-pager', 'print straight to the terminal, never through the pager');
    cmd.configureOutput(output).exitOverride().showSuggestionAfterError(true);
    cmd.commands.forEach(configure);
  };
  for (const cmd of commands) {
    configure(cmd);
    program.addCommand(cmd, cmd.name() === 'search' ? { isDefault: true } : {});
  }
  return program
    .option('--no-pager', 'print straight to the terminal, never through the pager')
    .configureOutput(output)
    .exitOverride()
    .showSuggestionAfterError(true);
}

/** Help reads best no wider than this, however wide the terminal. */
const HELP_WIDTH = 100;

/** Help is no wider than the terminal (or COLUMNS, or the config file's width, or 80), and at most HELP_WIDTH. */
const helpWidth = (io: Io): number => Math.min(outputWidth({}, io), HELP_WIDTH);

/** Help text commander wrote, for stdout and for stderr. */
interface Help {
  readonly out: string[];
  readonly err: string[];
}

/** Prints the help commander wrote, fitted to the width: the fitting (and string-width) loads only for help. */
async function printHelp(help: Help, io: Io): Promise<void> {
  if (!help.out.length && !help.err.length) return;
  const { fitHelp } = await import('./render/help.js');
  if (help.out.length) io.stdout(fitHelp(help.out.join(''), helpWidth(io)));
  if (help.err.length) io.stderr(fitHelp(help.err.join(''), helpWidth(io)));
}

/** The whole program with every command, for what is generated from it (the man page, completion scripts). */
export function programFor(io: Io): Command {
  return buildProgram(io, () => {}, undefined);
}

/** Runs rif with `argv` (without node and the script) against `io`; resolves to the exit code. */
export async function run(argv: readonly string[], given: Io): Promise<number> {
  let config: ConfigRead;
  try {
    config = given.config ?? (await readConfig(given.env, given.cwd));
  } catch (error) {
    return failed(error, given);
  }
  if (config.unreadable) given.stderr(`rif: warning: cannot read the config file ${visible(config.path ?? '')} (${config.unreadable}); using the defaults\n`);
  // on a terminal, output taller than the screen goes to a pager once the command is done
  const paged = paging(argv, { ...given, config }, config.config);
  let code: number;
  try {
    code = await runConfirmed(paged.io, (io) => runOnce(argv, io));
  } catch (error) {
    // output held for a check, which could not be written once let go
    code = failed(error, paged.io);
  }
  await paged.finish();
  return code;
}

/**
 * A first word one edit from a command's name (`rif lift sanctions`) is a search first: when the search
 * finds facts they print, with a line on stderr naming the command it may have meant. Only when the
 * whole query finds nothing (or cannot be read as a search) is the word taken as a misspelt command:
 * a usage error that names both readings.
 */
async function searchOrCommand(argv: readonly string[], io: Io, command: string): Promise<number> {
  const out: Output[] = [];
  const err: string[] = [];
  const code = await runOnce(argv, { ...io, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) }, false);
  const [word, ...rest] = argv;
  const meant = visible(['rif', command, ...rest].join(' '));
  // the words before the first flag: what the search took as its query
  const flag = argv.findIndex((a) => a.startsWith('-'));
  const query = visible((flag < 0 ? argv : argv.slice(0, flag)).join(' '));
  if (code === EXIT.ok) {
    out.forEach(io.stdout);
    err.forEach(io.stderr);
    io.stderr(`rif: searched for "${query}"; for the command, type ${meant}\n`);
    return code;
  }
  throw new UsageError(`unknown command "${word}", and no facts match "${query}"; did you mean ${meant}?`);
}

async function runOnce(argv: readonly string[], io: Io, shorthand = true): Promise<number> {
  let code: number = EXIT.ok;
  const help: Help = { out: [], err: [] };
  try {
    if (argv[0] !== undefined && VERSION_WORDS.has(argv[0])) {
      io.stdout(versionText());
      return EXIT.ok;
    }
    const typo = shorthand ? misspeltCommand(argv[0], COMMAND_NAMES) : undefined;
    if (typo) return await searchOrCommand(argv, io, typo);
    const program = buildProgram(io, (c) => (code = c), argv[0], help);
    if (argv.length === 0) help.out.push(program.helpInformation());
    else await program.parseAsync([...argv], { from: 'user' });
    await printHelp(help, io);
    return code;
  } catch (error) {
    await printHelp(help, io);
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
