import { Command } from 'commander';
import { chalkFor, openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT, NotFoundError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import { renderJson } from '../render/json.js';
import { toRecord } from '../render/record.js';
import type { Store } from '../store/store.js';
import { addDataOptions, noSuchId } from './shared.js';

type ShowOptions = DataOptions & ColorOptions & { readonly json?: boolean };

/** How far the best title match must lead the next for `rif show <title>` to pick it without asking. */
const CLEAR_LEAD = 0.1;
/** How many candidates an ambiguous title lists. */
const CANDIDATES = 5;

export function showCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('show')
    .description('facts in full: summary, dates, parties, provisions or status history, quotes, related facts, sources')
    .argument('<ids...>', 'fact ids (rif list shows them), or a title or name when it points to one fact')
    .option('--json', 'print the fact record as JSON (an array of records for several ids)')
    .addHelpText(
      'after',
      `
An argument that is not an id is searched for: the best match is shown when it clearly leads,
otherwise the candidates are listed with their ids.

Examples:
  rif show treaty-of-turkmenchay
  rif show "treaty of gulistan"              a title instead of the id
  rif show treaty-of-gulistan treaty-of-turkmenchay
  rif show jcpoa-2015 --json | jq -r '.sources[].url'`,
    );
  addDataOptions(cmd);
  return cmd.action(async (args: string[], options: ShowOptions) => {
    const store = await openFacts(options, io);
    const ids = await store.ids();
    const indices: number[] = [];
    for (const arg of args) indices.push(await resolve(store, ids, arg.trim()));
    const facts = await store.facts(indices);
    if (options.json) {
      const records = facts.map((fact) => toRecord({ fact, score: 0, titleMatches: [] }, false));
      io.stdout(renderJson(records.length === 1 ? records[0] : records));
    } else {
      const cards = await Promise.all(facts.map((fact) => card(store, ids, fact, options, io)));
      io.stdout(cards.join('\n'));
    }
    done(EXIT.ok);
  });
}

/** The index of the fact an argument names: its id, or else the one title match that clearly leads. */
async function resolve(store: Store, ids: readonly string[], arg: string): Promise<number> {
  const exact = ids.indexOf(arg);
  if (exact >= 0) return exact;
  const { search } = await import('../search/rank.js');
  const { hits } = await search(store, arg);
  const [best, next] = hits;
  if (best && (!next || best.score - next.score >= CLEAR_LEAD)) return best.index;
  if (best) {
    const listed = hits.slice(0, CANDIDATES).map((h) => `${h.fact.id} (${h.fact.title})`);
    throw new NotFoundError(`"${arg}" matches several facts: ${listed.join('; ')}; give one id`);
  }
  throw noSuchId(arg, ids);
}

async function card(store: Store, ids: readonly string[], fact: Fact, options: ShowOptions, io: Io): Promise<string> {
  // loaded on demand: --json and every other command go without it (and without string-width)
  const { renderDetail } = await import('../render/detail.js');
  const related = fact.related.map((r) => ids.indexOf(r)).filter((i) => i >= 0);
  const titles = new Map((await store.heads(related)).map((f) => [f.id, f.title]));
  return renderDetail(fact, { columns: io.stdoutIsTTY ? io.columns : 0, chalk: chalkFor(options, io), titles });
}
