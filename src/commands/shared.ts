// The flags commands share, declared once.
import { Option, type Command } from 'commander';
import { NotFoundError } from '../errors.js';
import type { Io } from '../io.js';
import * as parse from '../options.js';
import { closest, distance } from '../suggest.js';

/**
 * The command a first word misspells: one edit away (two for words over five letters) and not a
 * command itself. `rif shwo x` is then a usage error with a suggestion, not a search for "shwo x";
 * `rif search shwo` still searches for the word.
 */
export function misspeltCommand(word: string | undefined, commands: readonly string[]): string | undefined {
  if (word === undefined || word.startsWith('-') || commands.includes(word)) return undefined;
  const w = word.toLowerCase();
  return closest(w, commands, 1).find((name) => distance(w, name) <= (w.length <= 5 ? 1 : 2));
}

/** The error for an id no loaded fact has, with the closest ids. */
export function noSuchId(id: string, ids: readonly string[]): NotFoundError {
  const near = closest(id, ids, 5);
  return new NotFoundError(`no fact with id "${id}"${near.length ? `; did you mean: ${near.join(', ')}` : ''}`);
}

export function addDataOptions(cmd: Command): Command {
  cmd
    .addOption(new Option('--facts <path>', 'also load facts from this file or directory (repeatable; RIF_FACTS adds more)').argParser(parse.collect))
    .option('--no-bundled', 'leave out the bundled facts')
    .option('--no-cache', 'parse your fact files afresh instead of using the cache (nothing is read from or written to it)')
    .option('--strict', 'exit 3 when any fact file has a problem, instead of skipping it')
    .option('--verbose', 'say on stderr how the facts were loaded: the cache entry used, updated or rebuilt, and why');
  return addColorOptions(addSizeOption(cmd));
}

export function addSizeOption(cmd: Command): Command {
  return cmd.addOption(
    new Option('--max-file-size <size>', 'refuse fact files larger than this (default 1M; e.g. 4M, 512K, bytes)').argParser(parse.parseSize),
  );
}

export function addColorOptions(cmd: Command): Command {
  return cmd.addOption(new Option('--color <when>', 'colour: auto, always or never').argParser(parse.parseColor)).option('--no-color', 'same as --color never');
}

/** Today's date from the Io, or where rif runs. */
export const todayOf = (io: Io) => (): string => io.today?.() ?? new Date().toISOString().slice(0, 10);

export function addFilterOptions(cmd: Command, io: Io): Command {
  const date = parse.dateParser(todayOf(io));
  return cmd
    .addOption(new Option('--from <date>', 'facts on or after this date (YYYY, YYYY-MM, YYYY-MM-DD or today)').argParser(date))
    .addOption(new Option('--to <date>', 'facts on or before this date (inclusive; today for the present)').argParser(date))
    .addOption(new Option('--in <period>', 'facts within a period: 2015, 2015-07, 1990s, 19th-century, today').argParser(parse.periodParser(todayOf(io))))
    .addOption(new Option('--topic <topic>', 'facts with any of these topics (repeatable or comma-separated)').argParser(parse.parseTopics))
    .addOption(new Option('--kind <kind>', 'event, treaty or allegation (repeatable or comma-separated)').argParser(parse.parseKinds))
    .option('--actor <name>', 'facts naming this actor (case-insensitive substring)')
    .addOption(new Option('--status <status>', 'allegations with this status: alleged, confirmed, denied, disputed').argParser(parse.parseStatuses))
    .addOption(new Option('--limit <n>', 'print at most n facts').argParser(parse.parseLimit))
    .option('--no-limit', "every fact that matches (undoes the config file's limit)")
    .addOption(new Option('--sort <key>', 'date, relevance or title (default: relevance with a query, else date)').argParser(parse.parseSort))
    .option('--reverse', 'reverse the order');
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  results printed
  1  nothing matched, or unknown id; rif open could not start a browser
  2  usage error (unknown flag, bad date, --from after --to, unknown topic, a
     --csl file that is no CSL style, rif new over a file or with an id taken)
  3  invalid fact data (with --strict)
  70 a bug in rif: the message says so and asks for a report
  74 output could not be written (a full disk)
  130 interrupted (Ctrl-C); output already started is finished first`;
