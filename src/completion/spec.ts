// What a completion script needs to know about rif, read from the commander program: every command,
// its flags, which flags take a value and what that value can be. The bash, zsh and fish scripts are
// each one rendering of this, so they offer the same things and follow the help as it changes.
import type { Argument, Command, Help, Option } from 'commander';
import { KINDS, STATUSES } from '../facts/types.js';
import { COLOR_MODES } from '../render/color.js';
import { FIELD_NAMES } from '../render/record.js';
import { SORT_KEYS } from '../sort.js';
import { commandPath, defaultCommand, visibleCommands } from './commands.js';

/** The values `rif completion --list` prints: they depend on the facts loaded, so scripts ask for them. */
export const LISTS = Object.freeze(['ids', 'topics', 'kinds', 'statuses'] as const);
export type ListName = (typeof LISTS)[number];

/** What a word in some position can be. */
export type Values =
  | { readonly type: 'none' } // free text: a query, a date, a number
  | { readonly type: 'words'; readonly words: readonly string[] }
  | { readonly type: 'list'; readonly list: ListName }
  | { readonly type: 'files' };

export interface Flag {
  /** every spelling: ['-h', '--help'] */
  readonly names: readonly string[];
  readonly description: string;
  /** undefined for a flag that takes no value */
  readonly value?: Values;
  /** the value's name in the help (`<topic>` → topic) */
  readonly valueName?: string;
  /** the value may be left out (`--cite [style]`) */
  readonly optional?: boolean;
}

interface Operand {
  readonly name: string;
  readonly values: Values;
}

export interface CommandSpec {
  /** the words from `rif` to this command: [] for rif itself, ['cache', 'clear'] */
  readonly path: readonly string[];
  readonly description: string;
  readonly flags: readonly Flag[];
  readonly subcommands: readonly { readonly name: string; readonly description: string }[];
  /** the positional words, in order; the last one repeats when `repeats` */
  readonly operands: readonly Operand[];
  readonly repeats: boolean;
}

export interface CompletionSpec {
  readonly name: string;
  /** rif itself first, then every command below it, depth first */
  readonly commands: readonly CommandSpec[];
  /** the path of the command a first word that is no command goes to (rif shahed → search) */
  readonly defaultPath?: readonly string[];
}

const NONE: Values = Object.freeze({ type: 'none' });
const FILES: Values = Object.freeze({ type: 'files' });
const words = (list: readonly string[]): Values => ({ type: 'words', words: list });

/**
 * Flags whose values are fixed but checked by a parser rather than declared as commander choices (so
 * that a wrong value gets a "did you mean"), and whose value names say nothing: the constants the
 * parsers check against.
 */
const BY_FLAG: Readonly<Record<string, Values>> = Object.freeze({
  '--color': words(COLOR_MODES),
  '--sort': words(SORT_KEYS),
  '--fields': words(FIELD_NAMES),
});

/**
 * By the name the help gives a value or an argument (`--topic <topic>`, `<ids...>`), so that commands
 * added later complete too. Kinds and statuses are fixed by the fact schema, so they are written into
 * the script rather than asked of rif, which would start Node on every Tab.
 */
const BY_NAME: Readonly<Record<string, Values>> = Object.freeze({
  id: { type: 'list', list: 'ids' },
  ids: { type: 'list', list: 'ids' },
  topic: { type: 'list', list: 'topics' },
  topics: { type: 'list', list: 'topics' },
  kind: words(KINDS),
  kinds: words(KINDS),
  status: words(STATUSES),
  statuses: words(STATUSES),
  path: FILES,
  paths: FILES,
  file: FILES,
  files: FILES,
  dir: FILES,
});

/** `--facts <path>` → path; `--color [when]` → when. */
function valueName(option: Option): string | undefined {
  return /[<[]([^>\]]*?)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1];
}

function flagOf(option: Option, help: Help): Flag {
  const names = [option.short, option.long].filter((n): n is string => n !== undefined);
  const description = help.optionDescription(option);
  if (!option.required && !option.optional) return { names, description };
  const name = valueName(option) ?? 'value';
  const value = option.argChoices ? words(option.argChoices) : (BY_FLAG[option.long ?? ''] ?? BY_NAME[name] ?? NONE);
  return { names, description, value, valueName: name, optional: option.optional };
}

function operandOf(argument: Argument, siblings: readonly string[]): Operand {
  const name = argument.name();
  // commander's `help [command]` takes the name of a command beside it
  const values = argument.argChoices ? words(argument.argChoices) : name === 'command' ? words(siblings) : (BY_NAME[name] ?? NONE);
  return { name, values };
}

// the path is passed down rather than read from parents: commander's own help command has none
function specOf(cmd: Command, path: readonly string[], siblings: readonly string[]): CommandSpec[] {
  const help = cmd.createHelp();
  const subs = visibleCommands(cmd, true);
  const names = subs.map((sub) => sub.name());
  const own: CommandSpec = {
    path,
    description: cmd.description(),
    flags: help.visibleOptions(cmd).map((option) => flagOf(option, help)),
    subcommands: subs.map((sub) => ({ name: sub.name(), description: help.subcommandDescription(sub) })),
    operands: cmd.registeredArguments.map((argument) => operandOf(argument, siblings)),
    repeats: cmd.registeredArguments.at(-1)?.variadic ?? false,
  };
  return [
    own,
    ...subs.flatMap((sub) =>
      specOf(
        sub,
        [...path, sub.name()],
        names.filter((n) => n !== 'help'),
      ),
    ),
  ];
}

export function completionSpec(program: Command): CompletionSpec {
  const fallback = defaultCommand(program);
  return { name: program.name(), commands: specOf(program, [], []), defaultPath: fallback ? commandPath(fallback) : undefined };
}
