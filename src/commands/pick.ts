// rif pick: a full-screen picker over the facts. Only the flags are here; the picker itself (and its
// terminal handling) loads when the command runs, so no other command pays for it.
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { CITE_STYLES } from '../render/cite-styles.js';
import { PRINTS, type PickOptions } from '../pick/options.js';
import { addCiteChoiceOptions } from './cite.js';
import { addDataOptions, addFilterOptions } from './shared.js';

const PICK_KEYS = `Keys:
  typing, Backspace, ←/→        edit the query; the list follows every key
  ↑/↓, Ctrl-P/Ctrl-N           move in the list (also the mouse wheel)
  PgUp/PgDn, Home/End          a page, the first, the last
  Shift-↑/Shift-↓              scroll the preview (the wheel over it too)
  Tab, Shift-Tab               mark a fact (several are printed together)
  Enter                        print the fact's id (--print chooses)
  Ctrl-Y                       print its citation (--style, else the config file's cite_style)
                               and copy it to the clipboard where the terminal allows (OSC 52)
  Ctrl-O                       open its first source in the browser, and print the address
  Ctrl-U, Ctrl-W               clear the query, delete a word
  Ctrl-Z                       suspend (fg to come back)
  Esc, Ctrl-C                  leave: nothing is printed, exit 130`;

export function pickCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('pick')
    .description('a full-screen picker: type to search, read the fact beside the list, print its id or citation')
    .argument('[query...]', 'the query to start with (the same search and query syntax as rif search)')
    .addOption(
      new Option('--print <what>', 'what Enter prints of the facts picked: id, json (the records), cite (a citation) or url (the first source)').choices(
        PRINTS,
      ),
    )
    .addOption(
      new Option('--style <style>', "the citation style of Ctrl-Y and --print cite (default: the config file's cite_style, else markdown)").choices(
        CITE_STYLES,
      ),
    )
    .addHelpText(
      'after',
      `
${PICK_KEYS}

The screen is drawn on the terminal and what is picked is printed to standard output once the screen is
gone, so rif pick composes: rif show $(rif pick), rif pick --print url | xargs curl -sI. It needs a
terminal: keys come from standard input; without one it says to use rif search and exits 2. Enter
with no fact listed exits 1.

Examples:
  rif pick
  rif pick turkmen --kind treaty
  rif pick --topic nuclear --print cite --style chicago-note >> notes.md
  rif show $(rif pick drones)`,
    );
  addFilterOptions(addCiteChoiceOptions(addDataOptions(cmd), io), io);
  const filters = typedFilters(cmd);
  return cmd.action(async (words: string[], options: PickOptions) => {
    const terminal = io.terminal ? await io.terminal() : undefined;
    if (!terminal) throw new UsageError('rif pick needs a terminal (keys from standard input, a screen to draw on); in a pipe or a script, use rif search');
    const { runPicker } = await import('../pick/run.js');
    done(await runPicker(terminal, words, options, io, filters()));
  });
}

/** The filters of the listing: the picker's status line shows those given. */
const FILTERS = new Set(['--from', '--to', '--in', '--topic', '--kind', '--actor', '--status', '--limit', '--no-limit', '--sort', '--reverse']);

/** Collects the filter flags given, as typed (commander tells each one's value before it parses it). */
function typedFilters(cmd: Command): () => string {
  const typed: string[] = [];
  for (const option of cmd.options) {
    if (!option.long || !FILTERS.has(option.long)) continue;
    const flag = option.long;
    cmd.on(`option:${option.name()}`, (value: unknown) => typed.push(typeof value === 'string' ? `${flag} ${value}` : flag));
  }
  return () => typed.join(' ');
}
