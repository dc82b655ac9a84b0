import { Command } from 'commander';
import { displayPath } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { clearCache } from '../store/open-store.js';

export function cacheCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('cache').description('the cache of parsed user fact files ($XDG_CACHE_HOME/rif or ~/.cache/rif)').addHelpText(
    'after',
    `
The cache holds your own fact files (--facts, RIF_FACTS, the config file) after they are parsed. A
file counts as unchanged while its size, modification and change times, inode and device are all as
recorded: a changed file is parsed again on the next run, and the rest are read from the cache.
Every file of it is checked against a checksum before it is used; a damaged one is rebuilt. It is
never needed: --no-cache skips it, --verbose says what became of it, and clearing it is safe.

Examples:
  rif cache clear`,
  );
  cmd
    .command('clear')
    .description('delete the cache; the next run with your fact files parses them again')
    .action(() => {
      const dir = clearCache(io.env);
      io.stdout(dir ? `removed ${displayPath(dir, io.cwd)}\n` : 'no cache directory (set XDG_CACHE_HOME or HOME)\n');
      done(EXIT.ok);
    });
  return cmd;
}
