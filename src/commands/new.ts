// rif new: a fact file to fill in, with every field of its kind explained, in the user's own fact folder.
import { readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Argument, Command } from 'commander';
import { displayPath, openFacts, userFactPaths, type DataOptions } from '../context.js';
import { visible } from '../control.js';
import { EXIT, UsageError } from '../errors.js';
import { KINDS, type Kind } from '../facts/types.js';
import type { Io } from '../io.js';
import { BUNDLED_DIR, PACKAGE_DIR, SCHEMA_DIR } from '../paths.js';
import { addDataOptions, todayOf } from './shared.js';

type NewOptions = DataOptions & { readonly dir?: string };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What is at a path: a folder, something else, or nothing. */
function kindOf(path: string): 'folder' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** Whether a path holds a fact file (a folder with a .yaml or .yml file at any depth): an empty new folder does not load. */
function holdsFactFiles(path: string): boolean {
  if (kindOf(path) !== 'folder') return /\.ya?ml$/.test(path) && kindOf(path) === 'other';
  try {
    return readdirSync(path, { recursive: true }).some((name) => /\.ya?ml$/.test(String(name)));
  } catch {
    return true;
  }
}

/** Whether a folder is rif's own package folder or inside it (the bundled facts, dist/, bin/): rif never writes there. */
function inPackage(folder: string): boolean {
  try {
    const rel = relative(realpathSync(PACKAGE_DIR), realpathSync(folder));
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  } catch {
    return false;
  }
}

/** The folder to write to: --dir, else the first of the user's fact paths that is a folder. */
function targetFolder(options: NewOptions, paths: readonly string[], io: Io): string {
  const cwd = io.cwd ?? '';
  const given = options.dir !== undefined ? resolve(cwd, options.dir) : paths.map((p) => resolve(cwd, p)).find((p) => kindOf(p) === 'folder');
  if (given === undefined)
    throw new UsageError(
      paths.length
        ? `none of your fact paths is a folder (${paths.map(visible).join(', ')}); give one with --dir`
        : 'no fact folder to write to: give --dir, or --facts, or set one in the config file (rif config set facts ~/notes/facts)',
    );
  const found = kindOf(given);
  if (found === 'missing') throw new UsageError(`${visible(given)} does not exist; create the folder first (mkdir -p)`);
  if (found === 'other') throw new UsageError(`${visible(given)} is not a folder`);
  if (inPackage(given))
    throw new UsageError(`${visible(given)} is inside rif's own package (${visible(PACKAGE_DIR)}), which rif never writes to; give a folder of your own`);
  return given;
}

/**
 * The ids a new fact must not take: the bundled facts', whatever --no-bundled says (the file would one
 * day meet them), and those of every entry in the user's fact paths and in the folder written to, read
 * by the exact loader so that a fact still being filled in (a template with its placeholders, which
 * does not load) keeps its id too. Problems in those files are rif validate's to report, not rif new's.
 */
async function takenIds(root: string, paths: readonly string[], options: NewOptions, io: Io): Promise<{ ids: Set<string>; keys: Set<string> }> {
  const bundled = await openFacts({ ...options, bundled: true }, io, 'ids', []);
  const ids = new Set(await bundled.ids());
  // a fact's citation key is its id: one that is a bundled source's key would cite as that source
  const { recordKeys } = await import('../render/cite-keys.js');
  const keys = new Set(recordKeys(await bundled.facts(Array.from({ length: bundled.size }, (_, i) => i))).values());
  const mine = [root, ...paths.map((p) => resolve(io.cwd ?? '', p))].filter(holdsFactFiles);
  if (mine.length) {
    const { loadFacts } = await import('../facts/load.js');
    const here = loadFacts({ bundledDir: BUNDLED_DIR, includeBundled: false, userPaths: mine, cwd: io.cwd, maxFileBytes: options.maxFileSize });
    for (const { id } of [...here.facts, ...here.partial.map((p) => p.fact)]) if (typeof id === 'string') ids.add(id);
  }
  return { ids, keys };
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
bundled layout) it goes there. rif new never overwrites a file, never writes inside rif's own package
(the bundled facts among them), and refuses an id that the bundled facts, your fact folders or the
folder it writes to already hold (with --no-bundled too), or that is the citation key of a bundled
source (a fact is cited by its id). It prints the file's path.

Examples:
  rif new event tabriz-consulate-1830 --dir ~/notes/facts
  rif new treaty                       in the first of your fact folders
  $EDITOR "$(rif new allegation reported-deal-2026)"`,
    );
  addDataOptions(cmd);
  return cmd.action(async (kind: Kind, given: string | undefined, options: NewOptions) => {
    if (given !== undefined && !ID.test(given))
      throw new UsageError(`"${visible(given)}" is not an id: use lower-case letters and digits joined by single hyphens`);
    const paths = userFactPaths(options, io);
    const root = targetFolder(options, paths, io);
    // a folder in the bundled layout keeps each kind in a folder named after it
    const folder = kindOf(join(root, kind)) === 'folder' ? join(root, kind) : root;
    const { ids, keys } = await takenIds(root, paths, options, io);
    const today = todayOf(io)();
    if (given !== undefined && ids.has(given)) throw new UsageError(`a fact already has the id "${given}" (the bundled facts or your own): choose another`);
    if (given !== undefined && keys.has(given))
      throw new UsageError(`"${given}" is the citation key of a bundled source, and a fact is cited by its id: choose another`);
    let id = given ?? `new-${kind}-${today}`;
    for (let n = 2; given === undefined && (ids.has(id) || kindOf(join(folder, `${id}.yaml`)) !== 'missing'); n++) id = `new-${kind}-${today}-${n}`;
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
    try {
      io.stdout(`${displayPath(file, io.cwd)}\n`);
    } catch (error) {
      // the path is how a script learns of the file ($EDITOR "$(rif new …)"): unprinted, it is not left behind
      rmSync(file, { force: true });
      throw error;
    }
    done(EXIT.ok);
  });
}
