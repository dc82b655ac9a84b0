// rif new: a fact file to fill in, with every field of its kind explained, in the user's own fact folder.
import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Argument, Command } from 'commander';
import { displayPath, openFacts, userFactPaths, type DataOptions } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import { KINDS, type Kind } from '../facts/types.js';
import type { Io } from '../io.js';
import { BUNDLED_DIR, SCHEMA_DIR } from '../paths.js';
import { addDataOptions, todayOf } from './shared.js';

type NewOptions = DataOptions & { readonly dir?: string };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Whether a path holds a fact file (a folder with a .yaml or .yml file at any depth): an empty new folder does not load. */
function holdsFactFiles(path: string): boolean {
  if (!isFolder(path)) return /\.ya?ml$/.test(path);
  try {
    return readdirSync(path, { recursive: true }).some((name) => /\.ya?ml$/.test(String(name)));
  } catch {
    return true;
  }
}

/** Whether a folder is the bundled facts or inside them: rif never writes there. */
function inBundled(folder: string): boolean {
  try {
    const rel = relative(realpathSync(BUNDLED_DIR), realpathSync(folder));
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  } catch {
    return false;
  }
}

/** The folder to write to: --dir, else the first of the user's fact paths that is a folder. */
function targetFolder(kind: Kind, options: NewOptions, paths: readonly string[], io: Io): string {
  const cwd = io.cwd ?? '';
  const folder = options.dir !== undefined ? resolve(cwd, options.dir) : paths.map((p) => resolve(cwd, p)).find(isFolder);
  if (folder === undefined)
    throw new UsageError('no fact folder to write to: give --dir, or --facts, or set one in the config file (rif config set facts ~/notes/facts)');
  if (!isFolder(folder)) throw new UsageError(`${folder} is not a folder`);
  if (inBundled(folder)) throw new UsageError(`${folder} holds the facts bundled with rif, which rif never writes to; give a folder of your own`);
  // a folder in the bundled layout keeps each kind in a folder named after it
  return isFolder(join(folder, kind)) ? join(folder, kind) : folder;
}

export function newCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('new')
    .description('write a new fact file to fill in, with every field of its kind explained, into your own fact folder')
    .addArgument(new Argument('<kind>', 'event, treaty or allegation').choices(KINDS))
    .argument('[id]', 'its id, kebab-case and unique (default: new-<kind>-<today>)')
    .option('--dir <dir>', "write it here (default: the first of your fact folders: --facts, RIF_FACTS, the config file's facts)")
    .addHelpText(
      'after',
      `
The file holds every field of the kind, each with a comment saying what it holds; replace the values
in "<angle brackets>", delete the optional lines you do not need, and check it with rif validate. It
names the JSON Schema on its first line, so an editor with the YAML language server checks it as you
type, and today is its source's access date. In a folder with a subfolder named after the kind (the
bundled layout) it goes there. rif new never overwrites a file, never writes into the facts bundled
with rif, and refuses an id that a loaded fact already has. It prints the file's path.

Examples:
  rif new event tabriz-consulate-1830 --dir ~/notes/facts
  rif new treaty                       in the first of your fact folders
  $EDITOR "$(rif new allegation reported-deal-2026)"`,
    );
  addDataOptions(cmd);
  return cmd.action(async (kind: Kind, given: string | undefined, options: NewOptions) => {
    if (given !== undefined && !ID.test(given)) throw new UsageError(`"${given}" is not an id: use lower-case letters and digits joined by single hyphens`);
    const paths = userFactPaths(options, io);
    const folder = targetFolder(kind, options, paths, io);
    // the ids the record already has: a folder that holds no fact file yet (a new one) has none to add
    const store = await openFacts(
      options,
      io,
      paths.filter((p) => holdsFactFiles(resolve(io.cwd ?? '', p))),
    );
    const ids = new Set(await store.ids());
    const today = todayOf(io)();
    if (given !== undefined && ids.has(given)) throw new UsageError(`a loaded fact already has the id "${given}": choose another`);
    let id = given ?? `new-${kind}-${today}`;
    for (let n = 2; given === undefined && (ids.has(id) || existsSync(join(folder, `${id}.yaml`))); n++) id = `new-${kind}-${today}-${n}`;
    const file = join(folder, `${id}.yaml`);
    // the template loads only for rif new
    const { factTemplate } = await import('../facts/template.js');
    const text = factTemplate({ kind, id, today, schema: join(SCHEMA_DIR, 'fact.schema.json') });
    try {
      // wx: never over a file that is there, even one written since the check above
      writeFileSync(file, text, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new UsageError(`${displayPath(file, io.cwd)} exists already; rif new never overwrites a file`);
      throw new UsageError(`cannot write ${displayPath(file, io.cwd)}: ${code ?? String(error)}`);
    }
    io.stdout(`${displayPath(file, io.cwd)}\n`);
    done(EXIT.ok);
  });
}
