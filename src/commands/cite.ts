// rif cite: a citation of facts and their sources, ready to paste into a document.
import { Command, InvalidArgumentError, Option } from 'commander';
import { openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import * as parse from '../options.js';
import { packageVersion } from '../package.js';
import { BUNDLED_DIR, BUNDLED_STORE_DIR } from '../paths.js';
import { readRecordInfo } from '../record.js';
import { CITE_STYLES, CSL_TEXT_STYLES, type CiteStyle } from '../render/cite-styles.js';
import type { Store } from '../store/store.js';
import { CITE_FORMATS, citeChoice, type ChoiceFlags, type Choice } from './cite-choice.js';
import { expandStdin, resolveFacts } from './resolve.js';
import { addDataOptions, todayOf } from './shared.js';

/** The citation styles and what each prints; `satisfies` makes the list complete. */
const STYLES = Object.freeze({
  markdown: "a sentence per fact with a footnote [^id] of rif's short references (the default)",
  plain: 'a sentence per fact with numbered references [1]',
  'chicago-note': 'Chicago notes and bibliography (a full note per fact, by citeproc-js)',
  chicago: 'Chicago author-date: (Title 2001), then References',
  apa: 'APA 7th edition: (Title, 2001), then References',
  mla: 'MLA 9th edition: ("Title"), then Works Cited',
  bibtex: 'an @misc entry per fact and per source, for BibTeX',
  biblatex: 'an @online entry per source (url, urldate, date) and @misc per fact, for biber',
  ris: 'a record per fact and per source, for Zotero, EndNote and Mendeley',
  'csl-json': 'an item per fact and per source, for Zotero and pandoc --citeproc',
} satisfies Record<CiteStyle, string>);

/** Each style and what it prints, two spaces apart at least (the help and the man page read a list item so), however long the name. */
const STYLE_HELP = CITE_STYLES.map((s) => `  ${s.padEnd(Math.max(...CITE_STYLES.map((n) => n.length)) + 2)}${STYLES[s]}`).join('\n');

/** The default number of sources a citation uses of each fact: the first, which the fact files put best first. */
const DEFAULT_MAX_SOURCES = 2;

export type CiteOptions = DataOptions &
  ColorOptions &
  ChoiceFlags & {
    readonly sources?: readonly number[] | 'all';
    readonly maxSources?: number;
    readonly accessed?: string;
  };

/**
 * --sources: numbers from 1 as rif show numbers them, comma-separated, or all. Repeated, it adds to its
 * list as rif's other list flags do (--sources 1 --sources 3 is --sources 1,3); all anywhere is all.
 */
function parseSourceNumbers(value: string, previous: readonly number[] | 'all' = []): readonly number[] | 'all' {
  if (value.trim().toLowerCase() === 'all') return 'all';
  const numbers = value.split(',').map((n) => n.trim());
  if (!numbers.every((n) => /^\d+$/.test(n) && Number(n) >= 1)) throw new InvalidArgumentError(`"${value}" is not a list of source numbers (1,3) or all`);
  return previous === 'all' ? 'all' : [...new Set([...previous, ...numbers.map(Number)])];
}

/** The options of citing that `rif search --cite` takes too. */
export function addCiteChoiceOptions(cmd: Command, io: Io): Command {
  return cmd
    .addOption(
      new Option('--sources <list>', 'the sources to cite of each fact, by number as rif show numbers them (1,3; repeatable), or all').argParser(
        parseSourceNumbers,
      ),
    )
    .addOption(new Option('--max-sources <n>', `cite at most the first n sources of each fact (default ${DEFAULT_MAX_SOURCES})`).argParser(parse.parseLimit))
    .addOption(
      new Option('--accessed <date>', 'the access date of sources whose fact file gives none (YYYY-MM-DD, YYYY-MM or YYYY, or today)').argParser(
        parse.dateParser(todayOf(io)),
      ),
    )
    .option('--no-bibliography', 'a CSL style without its bibliography: the text and its notes, to add to a document')
    .option('--bibliography-only', "a CSL style's bibliography alone, under its heading: the end of a document")
    .option('--csl <file>', 'render with this CSL style file instead (an independent style from the CSL styles repository or Zotero)');
}

/** --sources numbers that a fact does not have are a usage error naming the fact. */
function checkNumbers(facts: readonly Fact[], numbers: readonly number[]): void {
  for (const fact of facts) {
    const over = numbers.filter((n) => n > fact.sources.length);
    if (over.length)
      throw new UsageError(`${fact.id} has ${fact.sources.length} source${fact.sources.length === 1 ? '' : 's'}: --sources ${over.join(',')} names none`);
  }
}

/** Prints the citation of these facts: the one way both `rif cite` and `rif search --cite` print one. */
export async function printCitation(
  facts: readonly Fact[],
  store: Store,
  choice: Choice,
  options: Pick<CiteOptions, 'sources' | 'maxSources' | 'accessed'>,
  io: Io,
): Promise<void> {
  if (options.sources !== undefined && options.maxSources !== undefined) throw new UsageError('choose --sources or --max-sources, not both');
  const numbers = options.sources === 'all' ? undefined : options.sources;
  if (numbers) checkNumbers(facts, numbers);
  // loaded on demand, like the table renderer: every other run stays without it
  const [{ renderCitation }, { recordKeys }] = await Promise.all([import('../render/cite.js'), import('../render/cite-keys.js')]);
  // keys are unique across the whole record, so every fact's sources are read
  const all = await store.facts(Array.from({ length: store.size }, (_, i) => i));
  const keys = recordKeys(
    all.filter((f) => f.file.startsWith(BUNDLED_DIR)),
    all.filter((f) => !f.file.startsWith(BUNDLED_DIR)),
  );
  const max = options.sources === 'all' ? Infinity : (options.maxSources ?? DEFAULT_MAX_SOURCES);
  const asOf = readRecordInfo(BUNDLED_STORE_DIR)?.as_of;
  const issued = new Map<string, string>();
  for (const fact of facts) {
    // a fact of the user's: the last time its sources were checked
    const checked = fact.file.startsWith(BUNDLED_DIR)
      ? undefined
      : fact.sources
          .map((s) => s.accessed ?? '')
          .sort()
          .at(-1);
    const date = checked || asOf;
    if (date) issued.set(fact.id, date);
  }
  io.stdout(
    await renderCitation(facts, {
      ...choice,
      choice: numbers ? { numbers } : { max },
      keys,
      issued,
      version: packageVersion(),
      ...(options.accessed ? { accessed: options.accessed } : {}),
    }),
  );
}

export function citeCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('cite')
    .description('a citation of facts and their sources, ready to paste: Chicago, APA, MLA, Markdown footnotes, BibTeX, biblatex, RIS or CSL-JSON')
    .argument('<ids...>', 'fact ids, or titles and names that point to one fact (as rif show takes them), or - to read them from standard input')
    .addOption(
      new Option('--style <style>', "the citation style (see Styles below; default: the config file's cite_style, else markdown)").choices(CITE_STYLES),
    )
    .addOption(
      new Option(
        '--format <format>',
        "markdown or plain: the form of the style's text (rif's own markdown and plain: one or the other); json: csl-json",
      ).choices(CITE_FORMATS),
    )
    .option('--json', 'same as --format json (csl-json)')
    .option('--markdown', 'same as --format markdown')
    .option('--plain', 'same as --format plain');
  addCiteChoiceOptions(cmd, io).addHelpText(
    'after',
    `
Styles:
${STYLE_HELP}

Each fact gets one sentence, cited to its first ${DEFAULT_MAX_SOURCES} sources (the best first) unless --sources or
--max-sources says otherwise. ${CSL_TEXT_STYLES.join(', ')} and --csl are rendered by citeproc-js, in Markdown
(the default) or with --plain as plain text, whether --style or the config file's cite_style names the
style. --no-bibliography leaves their bibliography out and --bibliography-only prints it alone, under
its heading, for a document written a citation at a time; in Markdown each citation starts and ends
with a blank line. --csl takes an independent CSL style file (at most 1 MB). A source's key is its publisher, a word of its title and
the year it was published (tass-resolution-2020, iranica-golestan), unique across the record; a fact's key is its id.
Allegations are never stated as fact: the sentence quotes the claim and says who made it, who denied
or confirmed it, and its status. Ids and titles are found as rif show finds them; one that names no
fact is reported on stderr, the others are cited, and the exit code is 1.

Examples:
  rif cite treaty-of-turkmenchay
  rif cite gulistan --style chicago-note       a Chicago footnote to paste
  rif cite gulistan --style chicago-note --no-bibliography >> essay.md
  rif cite treaty-of-gulistan treaty-of-turkmenchay --style apa --plain
  rif cite treaty-of-turkmenchay --sources 1,3 --style mla
  rif cite iranian-drones-to-russia --style biblatex >> refs.bib
  rif cite jcpoa-2015 --style ris > jcpoa.ris
  rif cite jcpoa-2015 --json > refs.json
  rif cite jcpoa-2015 --csl ~/styles/harvard-cite-them-right.csl
  rif list --topic caspian --fields id | rif cite - --style bibtex
  rif search shahed --cite chicago-note        the best search result, cited`,
  );
  addDataOptions(cmd);
  return cmd.action(async (args: string[], options: CiteOptions) => {
    // a bad style, format or style file is reported before any facts are read
    const choice = citeChoice(options, io);
    const wanted = await expandStdin(args, io);
    const store = await openFacts(options, io, 'ids');
    const { indices, missing } = await resolveFacts(store, wanted, io);
    const unique = [...new Set(indices)];
    if (unique.length) await printCitation(await store.facts(unique), store, choice, options, io);
    else if (choice.style === 'csl-json') io.stdout('[]\n');
    done(missing ? EXIT.noMatch : EXIT.ok);
  });
}
