import { Command } from 'commander';
import { chalkFor, openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT, NotFoundError } from '../errors.js';
import type { Io } from '../io.js';
import { renderDetail } from '../render/detail.js';
import { renderJson } from '../render/json.js';
import { toRecord } from '../render/record.js';
import { closest } from '../suggest.js';
import { addDataOptions } from './shared.js';

type ShowOptions = DataOptions & ColorOptions & { readonly json?: boolean };

export function showCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('show')
    .description('one fact in full: summary, dates, parties, provisions or status history, quotes, related facts, sources')
    .argument('<id>', 'the fact id (rif list shows them)')
    .option('--json', 'print the fact record as JSON')
    .addHelpText(
      'after',
      `
Examples:
  rif show treaty-of-turkmenchay
  rif show jcpoa-2015 --json | jq -r '.sources[].url'`,
    );
  addDataOptions(cmd);
  return cmd.action(async (id: string, options: ShowOptions) => {
    const store = await openFacts(options, io);
    const ids = await store.ids();
    const index = ids.indexOf(id.trim());
    if (index < 0) {
      const near = closest(id.trim(), ids, 5);
      throw new NotFoundError(`no fact with id "${id}"${near.length ? `; did you mean: ${near.join(', ')}` : ''}`);
    }
    const [fact] = await store.facts([index]);
    if (!fact) throw new NotFoundError(`no fact with id "${id}"`);
    if (options.json) {
      io.stdout(renderJson(toRecord({ fact, score: 0, titleMatches: [] }, false)));
    } else {
      const related = fact.related.map((r) => ids.indexOf(r)).filter((i) => i >= 0);
      const titles = new Map((await store.heads(related)).map((f) => [f.id, f.title]));
      io.stdout(renderDetail(fact, { columns: io.stdoutIsTTY ? io.columns : 0, chalk: chalkFor(options, io), titles }));
    }
    done(EXIT.ok);
  });
}
