import { Command } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';

export function configCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('config')
    .description('the config file of defaults (RIF_CONFIG, $XDG_CONFIG_HOME/rif/config.yaml or ~/.config/rif/config.yaml)')
    .addHelpText(
      'after',
      `
The config file sets defaults that flags override:

  facts: [~/notes/facts, ./more]   fact files or directories, loaded after --facts and RIF_FACTS
                                   (~ is your home; a relative path is relative to the file)
  color: auto                      auto, always or never (--color, --no-color, NO_COLOR decide first)
  format: table                    the output of listings without a format flag: table (plain lines
                                   in a pipe), plain, json, ndjson, csv or markdown

Examples:
  rif config path
  $EDITOR "$(rif config path)"`,
    );
  cmd
    .command('path')
    .description('print where the config file is read from (whether or not it exists yet)')
    .action(() => {
      const path = io.config?.path;
      if (path === undefined) throw new UsageError('no config path: set RIF_CONFIG, XDG_CONFIG_HOME or HOME');
      io.stdout(`${path}\n`);
      done(EXIT.ok);
    });
  return cmd;
}
