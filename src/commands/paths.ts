import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { envFactPaths, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR, SCHEMA_DIR } from '../paths.js';
import { cacheDir } from '../cache-dir.js';
import { describeRecord, readRecordInfo } from '../record.js';
import { columnsOf, recordRows, rendererFor } from '../render/format.js';
import { addOutputOptions, outputFormat, outputLook, type OutputOptions } from './output.js';
import { addDataOptions } from './shared.js';

type PathsOptions = DataOptions & OutputOptions;

const FIELDS = Object.freeze(['name', 'path', 'note']);

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
  addOutputOptions(addDataOptions(cmd), { fields: FIELDS, table: true });
  return cmd.action(async (options: PathsOptions) => {
    const records = pathRecords(options, io);
    // a config file that cannot be used is reported in the listing, not thrown: this is how to find it
    const usable = io.config?.error ? { ...io, config: undefined } : io;
    const format = outputFormat(options, usable);
    const render = await rendererFor(format);
    const columns = columnsOf(options.fields ?? FIELDS, ['name', 'path']);
    io.stdout(render(recordRows(records, columns, { pick: options.fields !== undefined }), outputLook(options, usable)));
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
    {
      name: 'schemas',
      path: SCHEMA_DIR,
      note: existsSync(SCHEMA_DIR) ? 'JSON Schemas of a fact file and a record (rif schema)' : 'missing: run npm run build',
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
