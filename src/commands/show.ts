import { Command } from 'commander';
import { displayPath, openFacts, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import { rendererFor, type Format } from '../render/format.js';
import { hitRows } from '../render/hits.js';
import { FIELD_NAMES, RECORD_FIELDS } from '../render/record.js';
import type { Store } from '../store/store.js';
import { supportsHyperlinks } from '../render/hyperlink.js';
import type { DetailOptions } from '../render/detail.js';
import { addOutputOptions, outputFormat, outputLook, type OutputOptions } from './output.js';
import { expandStdin, resolveFacts } from './resolve.js';
import { addDataOptions } from './shared.js';

type ShowOptions = DataOptions & OutputOptions;

export function showCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('show')
    .description('facts in full: summary, dates, parties, provisions or status history, quotes, related facts, sources')
    .argument('<ids...>', 'fact ids (rif list shows them), titles or names that point to one fact, or - to read them from standard input')
    .addHelpText(
      'after',
      `
An argument that is not an id is searched for: the best match is shown when it clearly leads,
otherwise the candidates are listed with their ids. Each argument that names no fact is reported on
stderr and the others still print; the exit code is then 1. JSON is always an array, [] when nothing
was found. The card is the form for people; in a pipe it is plain text, unwrapped.

Examples:
  rif show treaty-of-turkmenchay
  rif show "treaty of gulistan"              a title instead of the id
  rif show treaty-of-gulistan treaty-of-turkmenchay
  rif show jcpoa-2015 --json | jq -r '.[0].sources[].url'
  rif list --topic caspian --fields id | rif show - --markdown > caspian.md
  rif show jcpoa-2015 --fields id,signed,parties --csv`,
    );
  addOutputOptions(addDataOptions(cmd), { fields: FIELD_NAMES, human: 'card' });
  return cmd.action(async (args: string[], options: ShowOptions) => {
    const format = outputFormat(options, io);
    const wanted = await expandStdin(args, io);
    const store = await openFacts(options, io, 'ids');
    const { indices, missing } = await resolveFacts(store, wanted, io);
    const facts = await store.facts(indices);
    io.stdout(await renderFacts(store, facts, format, options, io));
    done(missing ? EXIT.noMatch : EXIT.ok);
  });
}

/** Cards for people (on a terminal, wrapped to it; plain text in a pipe), Markdown sections, or the records in any other format. */
export async function renderFacts(store: Store, facts: readonly Fact[], format: Format, options: OutputOptions, io: Io): Promise<string> {
  const look = outputLook(options, io);
  if (!options.fields && (format === 'table' || format === 'plain' || format === 'markdown')) {
    if (!facts.length) return '';
    if (format === 'markdown') {
      const titles = await relatedTitles(store, facts);
      const { renderDetailMarkdown } = await import('../render/detail-markdown.js');
      return facts.map((fact) => renderDetailMarkdown(fact, titles)).join('\n');
    }
    const columns = format === 'table' ? look.width : 0;
    // the file as people read a path: relative to where they are, when it is under it
    const hyperlinks = format === 'table' && supportsHyperlinks(io.env, io.stdoutIsTTY);
    return renderCards(store, facts, { columns, chalk: look.chalk, hyperlinks }, io);
  }
  const hits = facts.map((fact) => ({ fact, score: 0, titleMatches: [] }));
  // every field of the record, where no --fields chooses: show prints facts in full
  const rows = hitRows(hits, { view: 'list', fields: options.fields ?? RECORD_FIELDS, withScore: false, chalk: look.chalk });
  return (await rendererFor(format))(rows, look);
}

/** The titles of the facts these facts name as related, by id. */
async function relatedTitles(store: Store, facts: readonly Fact[]): Promise<Map<string, string>> {
  const ids = await store.ids();
  const related = [...new Set(facts.flatMap((f) => f.related))].map((r) => ids.indexOf(r)).filter((i) => i >= 0);
  return new Map((await store.heads(related)).map((f) => [f.id, f.title]));
}

/** The show card of each fact, `columns` wide (0: unwrapped): what rif show prints on a terminal, and rif pick's preview. */
export async function renderCards(store: Store, facts: readonly Fact[], look: Omit<DetailOptions, 'titles'>, io: Io): Promise<string> {
  const titles = await relatedTitles(store, facts);
  // loaded on demand: JSON and every other command go without it (and without string-width)
  const { renderDetail } = await import('../render/detail.js');
  return facts.map((fact) => renderDetail({ ...fact, file: displayPath(fact.file, io.cwd) }, { ...look, titles })).join('\n');
}
