// rif open: a fact's source in the web browser.
import { Command, InvalidArgumentError } from 'commander';
import { checkedFirst, openFacts, type DataOptions } from '../context.js';
import { visible } from '../control.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { resolveFacts } from './resolve.js';
import { addDataOptions } from './shared.js';

/** A source number as typed, without leading zeros: a number too large for a double still reads as typed in the message. */
function parseNumber(value: string): string {
  const digits = value.trim().replace(/^0+(?=\d)/, '');
  if (!/^\d+$/.test(digits) || digits === '0') throw new InvalidArgumentError(`"${value}" is not a source number (1 for the first)`);
  return digits;
}

/**
 * A command's words as a shell reads them, for BROWSER: quotes ('…', "…") and backslashes group and
 * escape, so that `prog '%s'` and `"/opt/My Browser/run" %s` work as in sensible-browser and Python's
 * webbrowser (which read it with shlex).
 */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
    } else if (quote === '"') {
      // inside double quotes a backslash escapes only what the shell lets it: " \ $ `
      if (c === '"') quote = undefined;
      else if (c === '\\' && /["\\$`]/.test(command[i + 1] ?? '')) word += command[++i]!;
      else word += c;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < command.length) word = (word ?? '') + command[++i];
    else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/**
 * The programs that may open an address, in the order to try them. BROWSER, as sensible-browser and
 * Python's webbrowser read it: commands separated by ":", each given the address in place of %s or
 * after its words. Without it, the system's own opener: open on macOS, start on Windows, xdg-open elsewhere.
 */
export function browserCommands(url: string, env: Io['env'], platform: string | undefined): string[][] {
  const listed = (env['BROWSER'] ?? '')
    .split(platform === 'win32' ? ';' : ':')
    .map((c) => c.trim())
    .filter(Boolean);
  if (listed.length)
    return listed.map(shellWords).map((words) => (words.some((w) => w.includes('%s')) ? words.map((w) => w.replace(/%s/g, url)) : [...words, url]));
  if (platform === 'darwin') return [['open', url]];
  // start is a command of cmd.exe; its first quoted argument is a window title
  if (platform === 'win32') return [['cmd', '/c', 'start', '""', url]];
  return [['xdg-open', url]];
}

export function openCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('open')
    .description("open a fact's source in the web browser (BROWSER, else xdg-open, open or start)")
    .argument('<id>', 'a fact id, or a title or name that points to one fact (as rif show takes it)')
    .argument('[n]', 'which source, numbered as rif show numbers them (default 1, the first)', parseNumber)
    .addHelpText(
      'after',
      `
The address is handed to the program in BROWSER (commands separated by ":", each read into words
as a shell reads them, %s standing for the address), else to the system's opener: xdg-open on Linux and the BSDs, open on macOS, start on
Windows. rif prints the address on stderr once a browser has it, and does not wait for the browser;
a browser that cannot be started is one line naming the address, exit 1.

Examples:
  rif open treaty-of-turkmenchay          its first source
  rif open gulistan 2                     the second source of the Treaty of Gulistan
  BROWSER=w3m rif open jcpoa-2015`,
    );
  addDataOptions(cmd);
  return cmd.action(async (id: string, n: string | undefined, options: DataOptions) => {
    // a browser is opened: the facts are checked before it starts
    const store = await openFacts(options, checkedFirst(io), 'ids');
    const { indices } = await resolveFacts(store, [id.trim()], io);
    if (!indices.length) return done(EXIT.noMatch);
    const [fact] = await store.facts(indices);
    const number = n ?? '1';
    const source = fact!.sources[Number(number) - 1];
    if (!source) throw new UsageError(`${fact!.id} has ${fact!.sources.length} source${fact!.sources.length === 1 ? '' : 's'}; there is no source ${number}`);
    await openInBrowser(source.url.trim(), io);
    done(EXIT.ok);
  });
}

/** Hands `url` to the first browser that starts (rif open, and Ctrl-O in rif pick); says so on stderr once one has it. */
export async function openInBrowser(url: string, io: Io): Promise<void> {
  const failed = `could not start a browser for ${visible(url)} (${io.env['BROWSER'] ? `BROWSER is ${visible(io.env['BROWSER'])}` : 'set BROWSER to one'})`;
  if (!io.launch) throw new NotFoundError(failed);
  for (const argv of browserCommands(url, io.env, io.platform))
    if (await io.launch(argv)) {
      // said once a browser has it: a failure is one line, the address in it
      io.stderr(`rif: opening ${visible(url)}\n`);
      return;
    }
  throw new NotFoundError(failed);
}
