// rif config: where the config file is, what each setting is, and changing them: one at a time with set
// and unset (comments and the rest of the file kept), or all at once in an editor, checked afterwards.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command } from 'commander';
import { readConfig, SETTING_NAMES, settingFromWords, settingHelp, settingName, type ConfigRead, type SettingName } from '../config.js';
import { visible } from '../control.js';
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';

/** What applies when the file sets nothing; undefined where nothing does (no limit, no extra facts). */
const DEFAULTS: Readonly<Record<SettingName, string | undefined>> = Object.freeze({
  facts: undefined,
  format: 'table',
  limit: undefined,
  sort: 'date (relevance with a query)',
  pager: 'less -FRX (after RIF_PAGER and PAGER)',
  width: '80',
  cite_style: 'markdown',
  color: 'auto',
});

const SETTINGS_HELP = SETTING_NAMES.map((name) => `  ${name.padEnd(Math.max(...SETTING_NAMES.map((n) => n.length)) + 2)}${settingHelp(name)}`).join('\n');

/** The file every subcommand works on; a usage error when no home says where it is. */
function pathOf(io: Io): string {
  const path = io.config?.path;
  if (path === undefined) throw new UsageError('no config path: set RIF_CONFIG, XDG_CONFIG_HOME or HOME');
  return path;
}

/** A setting's value as text: paths one per line, false as false. */
function valueText(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [String(value)];
}

/** Every setting: name, value and where it comes from (the file, or the default), tab-separated. */
function listSettings(read: ConfigRead | undefined): string {
  const set = read?.error ? {} : ((read?.config ?? {}) as Record<string, unknown>);
  return SETTING_NAMES.map((name) => {
    const value = set[name];
    const fromFile = value !== undefined && !(name === 'facts' && Array.isArray(value) && !value.length);
    return `${name}\t${fromFile ? valueText(value).join(', ') : (DEFAULTS[name] ?? '')}\t${fromFile ? 'config file' : 'default'}\n`;
  }).join('');
}

/** The file as a YAML document that keeps its comments; a usage error when it cannot be read as one. */
async function documentOf(path: string) {
  const { isMap, parseDocument } = (await import('../facts/yaml-lib.js')).yaml();
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code})`);
  }
  const doc = parseDocument(text, { version: '1.2', schema: 'core' });
  if (doc.errors.length)
    throw new UsageError(`${path} is not YAML that rif can change (${doc.errors[0]!.message.split('\n')[0]}); fix it with rif config edit`);
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new UsageError(`${path} must map settings to values; fix it with rif config edit`);
  }
  return doc;
}

/** Writes the file whole or not at all: into a file beside it, renamed into place. */
function writeWhole(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const scratch = `${path}.rif-new`;
  writeFileSync(scratch, text);
  renameSync(scratch, path);
}

/** Reads the file back as every command will: a problem is a usage error naming the file, line and column. */
async function check(io: Io): Promise<void> {
  const read = await readConfig(io.env, io.cwd);
  if (read.error) throw read.error;
}

/** A comment of several lines, none longer than 100 columns. */
function comment(text: string): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= 100) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(`# ${word}`);
  }
  return lines;
}

/** A new config file: every setting explained and commented out, with its default or an example. */
const TEMPLATE = (): string =>
  [
    "# rif's config file: defaults that flags and environment variables override.",
    '# rif config get lists every setting with its value; rif config set NAME VALUE changes one.',
    '',
    ...SETTING_NAMES.flatMap((name) => [
      ...comment(settingHelp(name)),
      `# ${name}: ${DEFAULTS[name]?.split(' ')[0] ?? (name === 'facts' ? '[~/notes/facts]' : '50')}`,
      '',
    ]),
  ].join('\n');

export function configCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('config')
    .description('the config file of defaults (RIF_CONFIG, $XDG_CONFIG_HOME/rif/config.yaml or ~/.config/rif/config.yaml)')
    .addHelpText(
      'after',
      `
Settings (flags and environment variables always win):
${SETTINGS_HELP}

A config path under facts that does not exist is reported as a warning naming the config file, and
the command goes on without it. A file that cannot be used (bad YAML, an unknown setting, a bad
value) stops the commands that read it with one line naming its line and column; rif config and
rif paths still work, so it can be fixed.

Examples:
  rif config set format json
  rif config set facts ~/notes/facts ./shared
  rif config set pager false
  rif config get
  rif config get width
  rif config unset format
  rif config edit
  rif config path`,
    );
  cmd
    .command('path')
    .description('print where the config file is read from (whether or not it exists yet)')
    .action(() => {
      io.stdout(`${pathOf(io)}\n`);
      done(EXIT.ok);
    });
  cmd
    .command('get')
    .description('print a setting (the default where the file sets none), or every setting with where it comes from')
    .argument('[name]', `one of ${SETTING_NAMES.join(', ')}`)
    .action((name: string | undefined) => {
      if (io.config?.error) throw io.config.error;
      if (name === undefined) {
        io.stdout(listSettings(io.config));
        return done(EXIT.ok);
      }
      const setting = settingName(name);
      const value = (io.config?.config as Record<string, unknown> | undefined)?.[setting];
      const shown = value === undefined || (Array.isArray(value) && !value.length) ? DEFAULTS[setting] : value;
      // nothing set and no default (limit, facts): nothing to print, as git config get
      if (shown === undefined) return done(EXIT.noMatch);
      io.stdout(
        valueText(shown)
          .map((line) => `${visible(line)}\n`)
          .join(''),
      );
      done(EXIT.ok);
    });
  cmd
    .command('set')
    .description('set a setting in the config file (creating it), keeping its comments and other settings')
    .argument('<name>', `one of ${SETTING_NAMES.join(', ')}`)
    .argument('<value...>', 'the value; facts takes several paths')
    .action(async (name: string, words: string[]) => {
      const path = pathOf(io);
      const setting = settingName(name);
      const value = settingFromWords(setting, words, dirname(path), io.env);
      const doc = await documentOf(path);
      doc.set(setting, value);
      writeWhole(path, String(doc));
      await check(io);
      done(EXIT.ok);
    });
  cmd
    .command('unset')
    .description('remove a setting from the config file, so that its default applies')
    .argument('<name>', `one of ${SETTING_NAMES.join(', ')}`)
    .action(async (name: string) => {
      const path = pathOf(io);
      const setting = settingName(name);
      const doc = await documentOf(path);
      if (doc.has(setting)) {
        doc.delete(setting);
        // the last setting gone, and no comment to keep: an empty file, not "{}"
        writeWhole(path, doc.toJS() && Object.keys(doc.toJS() as object).length === 0 && !/#/.test(String(doc)) ? '' : String(doc));
      }
      done(EXIT.ok);
    });
  cmd
    .command('edit')
    .description('open the config file in $VISUAL or $EDITOR (vi without them), creating it with every setting commented; checked when the editor exits')
    .action(async () => {
      const path = pathOf(io);
      if (!io.config?.exists) writeWhole(path, TEMPLATE());
      const editor = io.env['VISUAL'] || io.env['EDITOR'] || 'vi';
      if (!io.spawn) throw new UsageError(`no terminal to edit ${path} on; change it with rif config set`);
      // as git runs an editor: a command line of its own, with the file as its last argument
      const code = await io.spawn(['sh', '-c', `${editor} "$@"`, editor, path]);
      if (code === undefined) throw new UsageError(`could not start the editor (${editor}); set VISUAL or EDITOR`);
      if (code !== 0) throw new UsageError(`the editor (${editor}) exited with ${code}; ${path} was not checked`);
      const read = await readConfig(io.env, io.cwd);
      if (read.error) throw new UsageError(`${read.error.message}; run rif config edit again to fix it`);
      done(EXIT.ok);
    });
  return cmd;
}
