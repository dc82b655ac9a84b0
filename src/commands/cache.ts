import { rmSync } from 'node:fs';
import { Command } from 'commander';
import { displayPath } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { cacheDir } from '../paths.js';

export function cacheCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('cache').description('the cache of parsed user fact files ($XDG_CACHE_HOME/rif or ~/.cache/rif)').addHelpText(
    'after',
    `
The cache holds your own fact files (--facts, RIF_FACTS) after they are parsed, keyed by each
file's path, size and modification time: a changed file is parsed again on the next run, and the
rest are read from the cache. It is never needed: --no-cache skips it, and clearing it is safe.

Examples:
  rif cache clear`,
  );
  cmd
    .command('clear')
    .description('delete the cache; the next run with your fact files parses them again')
    .action(() => {
      const dir = cacheDir(io.env);
      if (dir) rmSync(dir, { recursive: true, force: true });
      io.stdout(dir ? `removed ${displayPath(dir, io.cwd)}\n` : 'no cache directory (set XDG_CACHE_HOME or HOME)\n');
      done(EXIT.ok);
    });
  return cmd;
}
