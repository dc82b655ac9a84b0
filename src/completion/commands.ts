// The parts of a commander program that the man page and the completion scripts are generated from,
// read the way `--help` reads them, so that neither can list what the help leaves out.
import type { Command } from 'commander';

/**
 * The subcommands `--help` lists, in its order. With `implicitHelp`, commander's own `help [command]`
 * too: it is a real command to complete, but the man page documents `--help` instead.
 */
export function visibleCommands(cmd: Command, implicitHelp: boolean): Command[] {
  const shown = cmd.createHelp().visibleCommands(cmd);
  return implicitHelp ? shown : shown.filter((sub) => cmd.commands.includes(sub));
}

/**
 * The command that a first word which names no command goes to (`rif shahed` is `rif search shahed`).
 * commander keeps it in a private field, with no accessor; commander is pinned, and the tests check
 * that this still finds `search`, so a change there fails a test rather than the user's Tab key.
 */
export function defaultCommand(program: Command): Command | undefined {
  const name: unknown = (program as unknown as { _defaultCommandName?: unknown })._defaultCommandName;
  return typeof name === 'string' ? program.commands.find((cmd) => cmd.name() === name) : undefined;
}

/** `rif cache clear` for the clear command: the names from the program down. */
export function commandPath(cmd: Command): string[] {
  const names: string[] = [];
  for (let at: Command | null = cmd; at?.parent; at = at.parent) names.unshift(at.name());
  return names;
}
