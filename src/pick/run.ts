// rif pick's run: the facts opened once, the picker on the terminal, then what was picked printed to
// standard output once the screen is gone. Every output is made by the code of the command that prints
// it alone: the card by rif show's, citations by rif cite's, the browser by rif open's.
import { configOf } from '../config.js';
import { checkedFirst, openFacts } from '../context.js';
import { EXIT, NotFoundError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import { textOf, type Io, type Terminal } from '../io.js';
import { colorLevel, makeChalk } from '../render/color.js';
import { printCitation } from '../commands/cite.js';
import { citeChoice } from '../commands/cite-choice.js';
import { openInBrowser } from '../commands/open.js';
import type { PickOptions } from './options.js';
import { renderCards, renderFacts } from '../commands/show.js';
import type { Store } from '../store/store.js';
import { finder } from './find.js';
import { pick } from './session.js';

/** Past this many bytes a citation is not offered to the clipboard: terminals cap what OSC 52 carries. */
const CLIPBOARD_MAX = 74_000;

export async function runPicker(term: Terminal, words: readonly string[], options: PickOptions, io: Io, filters: string): Promise<number> {
  // the screen is drawn as the picker goes: the facts are checked before it starts
  const store = await openFacts(options, checkedFirst(io), 'search');
  // the screen is a terminal even when standard output is a pipe ($(rif pick)): colour follows --color and NO_COLOR
  const mode = options.color === false ? 'never' : (options.color ?? configOf(io.config).color ?? 'auto');
  const chalk = makeChalk(colorLevel(mode, io.env, true));
  const find = finder(store, options, io);
  const query = words.join(' ').trim();
  // the flags and the query given are read before the screen opens: a mistake is one line and exit 2
  await find(query, true);
  const card = async (index: number, width: number) =>
    (await renderCards(store, await store.facts([index]), { columns: width, chalk, hyperlinks: false }, io)).split('\n');
  const outcome = await pick(term, { query, find, card, chalk, filters });
  if (outcome.action === 'quit') return EXIT.interrupted;
  if (outcome.action === 'none') throw new NotFoundError('no fact was listed to pick');
  const facts = await store.facts(outcome.indices);
  if (outcome.action === 'open') {
    const url = firstSource(facts[0]!);
    if (!url) throw new NotFoundError(`${facts[0]!.id} has no source to open`);
    await openInBrowser(url, io);
    io.stdout(`${url}\n`);
    return EXIT.ok;
  }
  if (outcome.action === 'cite') {
    const text = await citation(store, facts, options, io);
    if (copyable(io.env) && Buffer.byteLength(text) <= CLIPBOARD_MAX) term.write(`\x1b]52;c;${Buffer.from(text).toString('base64')}\x07`);
    io.stdout(text);
    return EXIT.ok;
  }
  const print = options.print ?? 'id';
  if (print === 'id') io.stdout(facts.map((f) => `${f.id}\n`).join(''));
  else if (print === 'url') io.stdout(facts.map((f) => `${firstSource(f)}\n`).join(''));
  else if (print === 'json') io.stdout(await renderFacts(store, facts, 'json', {}, io));
  else io.stdout(await citation(store, facts, options, io));
  return EXIT.ok;
}

const firstSource = (fact: Fact): string => fact.sources[0]?.url.trim() ?? '';

/** The citation of these facts, as rif cite prints it in the chosen style (--style, else the config file's). */
async function citation(store: Store, facts: readonly Fact[], options: PickOptions, io: Io): Promise<string> {
  const out: string[] = [];
  // chosen as rif cite chooses: --style, else the config file's cite_style (in its form), else markdown
  const choice = citeChoice({ style: options.style }, io);
  await printCitation(facts, store, choice, options, { ...io, stdout: (text) => void out.push(textOf(text)) });
  return out.join('');
}

/** OSC 52 is sent where a terminal may take it: not on a dumb terminal or the Linux console, which would show it. */
const copyable = (env: Io['env']): boolean => env['TERM'] !== undefined && env['TERM'] !== 'dumb' && env['TERM'] !== 'linux';
