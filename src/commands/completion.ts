// rif completion: shell completion scripts generated from the program itself, and the values that
// depend on the loaded facts, which the scripts ask for while the user presses Tab.
import { Argument, Command, Option } from 'commander';
import { completionSpec, LISTS, type CompletionSpec, type ListName } from '../completion/spec.js';
import { openFacts, type DataOptions } from '../context.js';
import { visible } from '../control.js';
import { EXIT, UsageError } from '../errors.js';
import { KINDS, STATUSES } from '../facts/types.js';
import type { Io } from '../io.js';
import * as parse from '../options.js';

/** The script generators, loaded only when a script is asked for. */
const SCRIPTS: Readonly<Record<string, () => Promise<(spec: CompletionSpec) => string>>> = Object.freeze({
  bash: async () => (await import('../completion/bash.js')).bashScript,
  zsh: async () => (await import('../completion/zsh.js')).zshScript,
  fish: async () => (await import('../completion/fish.js')).fishScript,
});

type CompletionOptions = DataOptions & { readonly list?: ListName };

async function listValues(list: ListName, options: DataOptions, io: Io): Promise<readonly string[]> {
  if (list === 'kinds') return KINDS;
  if (list === 'statuses') return STATUSES;
  // problems in fact files are for the commands that use the facts: printed here they would land in
  // the middle of the user's command line, so they go nowhere, and so does the progress bar
  const store = await openFacts({ ...options, strict: false }, { ...io, stderr: () => {}, stderrIsTTY: false }, 'ids');
  return list === 'ids' ? store.ids() : [...store.vocabulary.keys()];
}

/** `program` builds the whole program (every command), which the scripts are generated from. */
export function completionCommand(io: Io, done: (code: number) => void, program: () => Command): Command {
  const cmd = new Command('completion')
    .description('print a completion script for bash, zsh or fish: commands, flags, fact ids and topics')
    .addArgument(new Argument('[shell]', 'bash, zsh or fish').choices(Object.keys(SCRIPTS)))
    // what the scripts call at Tab time, kept out of the help: one value per line, from the same facts
    // that --facts, --no-bundled and RIF_FACTS give the command being completed
    .addOption(new Option('--list <values>').choices(LISTS).hideHelp())
    .addOption(new Option('--facts <path>').argParser(parse.collect).hideHelp())
    .addOption(new Option('--no-bundled').hideHelp())
    .addHelpText(
      'after',
      `
The script completes command names, flags, the fixed values of flags (--color, --kind, --status,
--sort, --format), file names after --facts, and asks rif for fact ids (after show and cite) and
topics (after --topic) from the facts it would load: the bundled ones, --facts and RIF_FACTS.

Examples:
  source <(rif completion bash)                                      bash, this shell only
  rif completion bash > ~/.local/share/bash-completion/completions/rif
  rif completion zsh > ~/.zfunc/_rif                                 zsh, with ~/.zfunc in $fpath
  rif completion fish > ~/.config/fish/completions/rif.fish`,
    );
  return cmd.action(async (shell: string | undefined, options: CompletionOptions) => {
    if (options.list && shell) throw new UsageError('give a shell or --list, not both');
    if (options.list) {
      const values = await listValues(options.list, options, io);
      io.stdout(values.map((value) => `${visible(value)}\n`).join(''));
    } else {
      const load = shell === undefined ? undefined : SCRIPTS[shell];
      if (!load) throw new UsageError(`name a shell: rif completion ${Object.keys(SCRIPTS).join('|')}`);
      io.stdout((await load())(completionSpec(program())));
    }
    done(EXIT.ok);
  });
}
