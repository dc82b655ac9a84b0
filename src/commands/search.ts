// rif search (also the default command): the listing, or with --cite the citation of the best result.
import { Command, Option } from 'commander';
import { visible } from '../control.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import { configOf } from '../config.js';
import { CITE_STYLES, type CiteStyle } from '../render/cite-styles.js';
import { FORMATS } from '../render/format.js';
import { addCiteChoiceOptions, printCitation, type CiteOptions } from './cite.js';
import { addCountOptions, runListing, selectHits, type ListingOptions } from './listing.js';
import { addOutputOptions } from './output.js';
import { addDataOptions, addFilterOptions } from './shared.js';
import { FIELD_NAMES } from '../render/record.js';

/** --cite alone is `true`: the config file's cite_style, else markdown */
type SearchOptions = ListingOptions & Pick<CiteOptions, 'sources' | 'maxSources' | 'accessed'> & { readonly cite?: CiteStyle | true };

export function searchCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('search')
    .description('search every text of the facts (titles, aliases, actors, summaries, provisions, notes, sources); best first')
    .argument('[query...]', 'words to search for: typos and other forms of a word are forgiven (see Query syntax below)')
    .addOption(
      new Option(
        '--cite [style]',
        "print the citation of the best result instead of the list (default style: the config file's cite_style, else markdown)",
      ).choices(CITE_STYLES),
    )
    .addHelpText(
      'after',
      `
Query syntax:
  "two words"          the words together, as written (quote the quotes in a shell: '"drone deal"')
  -word, -"two words"  leave out the facts that hold them (after --: rif search -- drones -ukraine)
  actor:NAME           the word among actors, parties, accusers, deniers, confirmers and speakers
  place:NAME           the word among places
  source:NAME          the word in a source's title or publisher
  kind:K status:S      filters, as --kind, --status, --topic and --in: kind:treaty, status:denied,
  topic:T year:Y       topic:nuclear, year:1828 or year:1820s; -kind:event leaves them out

Examples:
  rif search shahed
  rif search "drone deal" --json
  rif bushher                          # no command name: the same as rif search
  rif search when did russia hand over bushehr
  rif search treaty --from 1800 --to 1830 --kind treaty
  rif search 'actor:primakov kind:allegation'
  rif search 'drones -ukraine' --all
  rif search caspian --count           # how many facts match
  rif search turkmenchay --cite        # the best result as a Markdown citation
  rif search gulistan --cite=bibtex    # a style after --cite; write --cite last or with =
  rif search gulistan --cite chicago-note --sources 2`,
    );
  addCountOptions(addFilterOptions(addOutputOptions(addCiteChoiceOptions(addDataOptions(cmd), io), { fields: FIELD_NAMES, table: true }), io));
  return cmd.action(async (words: string[], options: SearchOptions) => {
    const style = options.cite === true ? (configOf(io.config).cite_style ?? 'markdown') : options.cite;
    done(style ? await citeBest(words, options, style, io) : await runListing('search', words, options, io));
  });
}

/** `search --cite`: the first result the list would show, cited; the id goes to stderr so the reader knows which. */
async function citeBest(words: readonly string[], options: SearchOptions, style: CiteStyle, io: Io): Promise<number> {
  const formats = ([...FORMATS, 'format', 'fields'] as const).filter((f) => options[f] !== undefined && options[f] !== false);
  if (formats.length)
    throw new UsageError(`--cite prints a citation, not a listing: drop ${formats.map((f) => `--${f}`).join(' and ')} (or use --cite csl-json)`);
  const { store, query, hits } = await selectHits('search', words, options, io, { format: 'plain', whole: true });
  const best = hits[0];
  if (!best) throw new NotFoundError(`no facts match "${query}"`);
  io.stderr(`rif: citing the best match: ${visible(best.fact.id)}\n`);
  // whole: true above, so the row holds the whole fact, sources and all
  await printCitation([best.fact as Fact], store, { style, form: 'markdown' }, options, io);
  return EXIT.ok;
}
