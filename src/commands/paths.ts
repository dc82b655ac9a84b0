import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { chalkFor, envFactPaths, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR } from '../paths.js';
import { cacheDir } from '../store/open-store.js';
import { describeRecord, readRecordInfo } from '../record.js';
import { namedRows, rendererFor } from '../render/format.js';
import { outputFormat, type OutputOptions } from './listing.js';
import { addDataOptions, addOutputOptions } from './shared.js';

type PathsOptions = DataOptions & ColorOptions & OutputOptions;

interface PathRecord {
  readonly name: string;
  readonly path: string | null;
  readonly note: string;
}

export function pathsCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('paths').description('the directories and files in use: bundled facts, your fact paths, the cache, the config file').addHelpText(
    'after',
    `
Examples:
  rif paths
  rif paths --facts ~/notes --json | jq -r '.[] | select(.name == "cache") | .path'`,
  );
  addOutputOptions(addDataOptions(cmd), false);
  return cmd.action(async (options: PathsOptions) => {
    const records = pathRecords(options, io);
    // a config file that cannot be used is reported in the listing, not thrown: this is how to find it
    const usable = io.config?.error ? { ...io, config: undefined } : io;
    const format = outputFormat(options, usable);
    const render = await rendererFor(format);
    const table = { columns: io.columns, chalk: chalkFor(options, usable) };
    io.stdout(render(namedRows(records, ['name', 'path', 'note'], (r) => [r.name, r.path ?? '', r.note], table)));
    done(EXIT.ok);
  });
}

/** Each path rif would use for a command given these data options, and where it comes from. */
function pathRecords(options: PathsOptions, io: Io): PathRecord[] {
  const there = (path: string) => (existsSync(path) ? '' : ', missing');
  const user = (from: string) => (path: string) => ({ name: 'user facts', path, note: `${from}${there(path)}` });
  const cache = options.cache === false ? undefined : cacheDir(io.env);
  const config = io.config;
  const record = readRecordInfo(BUNDLED_STORE_DIR);
  return [
    { name: 'bundled facts', path: BUNDLED_DIR, note: options.bundled === false ? 'left out (--no-bundled)' : 'YAML, read by rif validate' },
    {
      name: 'bundled store',
      path: BUNDLED_STORE_DIR,
      note: record ? `compiled by the build, read by every command: ${describeRecord(record)}` : 'missing: run npm run build',
    },
    ...(options.facts ?? []).map(user('--facts')),
    ...envFactPaths(io.env).map(user('RIF_FACTS')),
    ...(config?.error ? [] : (config?.config.facts ?? [])).map(user('config file')),
    {
      name: 'cache',
      path: cache ?? null,
      note: options.cache === false ? 'off (--no-cache)' : cache ? 'parsed user facts' : 'none: set XDG_CACHE_HOME or HOME',
    },
    {
      name: 'config',
      path: config?.path ?? null,
      note: config?.error
        ? `cannot be used: ${config.error.message}`
        : config?.unreadable
          ? `cannot be read (${config.unreadable}); defaults apply`
          : config?.exists
            ? 'read'
            : config?.path
              ? 'not there (defaults apply)'
              : 'none: set RIF_CONFIG, XDG_CONFIG_HOME or HOME',
    },
  ];
}
