// rif search (also the default command): the listing, or with --cite the citation of the best result.
import { Command, Option } from 'commander';
import { visible } from '../control.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import { CITE_STYLES, type CiteStyle } from '../render/cite-styles.js';
import { FORMATS } from '../render/format.js';
import { addCiteChoiceOptions, printCitation, type CiteOptions } from './cite.js';
import { CITE_FORMATS, citeChoice, type CiteFormat } from './cite-choice.js';
import { addCountOptions, runListing, selectHits, type ListingOptions } from './listing.js';
import { addOutputOptions } from './output.js';
import { addDataOptions, addFilterOptions } from './shared.js';
import { FIELD_NAMES } from '../render/record.js';

/** --cite alone is `true`: the config file's cite_style, else markdown */
type SearchOptions = ListingOptions &
  Pick<CiteOptions, 'sources' | 'maxSources' | 'accessed' | 'csl' | 'bibliography' | 'bibliographyOnly'> & { readonly cite?: CiteStyle | true };

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
  rif search gulistan --cite chicago-note --sources 2
  rif search gulistan --cite chicago --plain   # a CSL style as plain text
  rif search gulistan --csl my-style.csl       # a style file (--cite is implied)`,
    );
  addCountOptions(addFilterOptions(addOutputOptions(addCiteChoiceOptions(addDataOptions(cmd), io), { fields: FIELD_NAMES, table: true }), io));
  return cmd.action(async (words: string[], options: SearchOptions) => {
    const citing = options.cite !== undefined || options.csl !== undefined;
    if (!citing && (options.bibliography === false || options.bibliographyOnly))
      throw new UsageError(`--${options.bibliographyOnly ? 'bibliography-only' : 'no-bibliography'} goes with --cite`);
    done(citing ? await citeBest(words, options, io) : await runListing('search', words, options, io));
  });
}

/**
 * `search --cite` (or --csl): the first result the list would show, cited; the id goes to stderr so the
 * reader knows which. --markdown, --plain and --json are the citation's form, as rif cite takes them;
 * any other output flag belongs to the listing.
 */
async function citeBest(words: readonly string[], options: SearchOptions, io: Io): Promise<number> {
  const isForm = (f: unknown): f is CiteFormat => (CITE_FORMATS as readonly unknown[]).includes(f);
  const listing: string[] = ([...FORMATS, 'fields'] as const).filter((f) => options[f] !== undefined && options[f] !== false && !isForm(f));
  if (options.format !== undefined && !isForm(options.format)) listing.push('format');
  if (listing.length)
    throw new UsageError(
      `--cite prints a citation, not a listing: drop ${listing.map((f) => (f === 'format' ? `--format ${options.format}` : `--${f}`)).join(' and ')} (a citation takes --markdown, --plain or --json)`,
    );
  const choice = citeChoice(
    {
      ...(options.cite !== true && options.cite !== undefined ? { style: options.cite } : {}),
      ...(options.csl !== undefined ? { csl: options.csl } : {}),
      ...(isForm(options.format) ? { format: options.format } : {}),
      markdown: Boolean(options.markdown),
      plain: Boolean(options.plain),
      json: Boolean(options.json),
      ...(options.bibliography === false ? { bibliography: false } : {}),
      ...(options.bibliographyOnly ? { bibliographyOnly: true } : {}),
    },
    io,
  );
  const { store, query, hits } = await selectHits('search', words, options, io, { format: 'plain', whole: true });
  const best = hits[0];
  if (!best) throw new NotFoundError(`no facts match "${query}"`);
  io.stderr(`rif: citing the best match: ${visible(best.fact.id)}\n`);
  // whole: true above, so the row holds the whole fact, sources and all
  await printCitation([best.fact as Fact], store, choice, options, io);
  return EXIT.ok;
}
