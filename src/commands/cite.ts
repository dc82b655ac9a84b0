// rif cite: a citation of facts and their sources, ready to paste into a document.
import { Command, Option } from 'commander';
import { configOf } from '../config.js';
import { openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT, UsageError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import { CITE_STYLES, type CiteStyle } from '../render/cite-styles.js';
import { expandStdin, resolveFacts } from './resolve.js';
import { addDataOptions } from './shared.js';

/** The citation styles and what each prints; `satisfies` makes the list complete. */
const STYLES = Object.freeze({
  markdown: 'a sentence per fact with footnotes [^id-n] (the default)',
  plain: 'a sentence per fact with numbered references [1]',
  bibtex: 'one @misc entry per source',
  'csl-json': 'one CSL-JSON item per source (Zotero, pandoc)',
} satisfies Record<CiteStyle, string>);

const STYLE_HELP = CITE_STYLES.map((s) => `  ${s.padEnd(9)} ${STYLES[s]}`).join('\n');

/** The output formats a citation comes in, each the style it names: --format json is CSL-JSON. */
const FORMAT_STYLES = Object.freeze({ markdown: 'markdown', plain: 'plain', json: 'csl-json' } as const satisfies Record<string, CiteStyle>);
type CiteFormat = keyof typeof FORMAT_STYLES;

type CiteOptions = DataOptions &
  ColorOptions & { readonly style?: CiteStyle; readonly format?: CiteFormat; readonly json?: boolean; readonly markdown?: boolean; readonly plain?: boolean };

/** Prints the citation of these facts: the one way both `rif cite` and `rif search --cite` print one. */
export async function printCitation(facts: readonly Fact[], style: CiteStyle, io: Io): Promise<void> {
  // loaded on demand, like the table renderer: every other run stays without it
  const { renderCitation } = await import('../render/cite.js');
  io.stdout(renderCitation(facts, style));
}

/** --style, or the style a format flag names (they must agree), else the config file's cite_style, else markdown. */
function citeStyle(options: CiteOptions, io: Io): CiteStyle {
  const formats = [...new Set([...(options.format ? [options.format] : []), ...(['json', 'markdown', 'plain'] as const).filter((f) => options[f])])];
  const asked = [...new Set([...(options.style ? [options.style] : []), ...formats.map((f) => FORMAT_STYLES[f])])];
  if (asked.length > 1) throw new UsageError(`choose one citation style, not ${asked.join(' and ')}`);
  return asked[0] ?? configOf(io.config).cite_style ?? 'markdown';
}

export function citeCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('cite')
    .description('a citation of facts and their sources, ready to paste: Markdown footnotes, plain text, BibTeX or CSL-JSON')
    .argument('<ids...>', 'fact ids, or titles and names that point to one fact (as rif show takes them), or - to read them from standard input')
    .addOption(
      new Option('--style <style>', "the citation style (see Styles below; default: the config file's cite_style, else markdown)").choices(CITE_STYLES),
    )
    .addOption(new Option('--format <format>', 'markdown, plain or json: the style of that name (json is csl-json)').choices(Object.keys(FORMAT_STYLES)))
    .option('--json', 'same as --style csl-json')
    .option('--markdown', 'same as --style markdown')
    .option('--plain', 'same as --style plain')
    .addHelpText(
      'after',
      `
Styles:
${STYLE_HELP}

A source cited by several facts is listed once. Allegations are never stated as fact: the sentence
quotes the claim and says who made it, who denied or confirmed it, and its status. Ids and titles
are found as rif show finds them; one that names no fact is reported on stderr, the others are
cited, and the exit code is 1.

Examples:
  rif cite treaty-of-turkmenchay
  rif cite gulistan                    a title or name, as rif show takes it
  rif cite treaty-of-gulistan treaty-of-turkmenchay --style plain
  rif cite iranian-drones-to-russia --style bibtex >> refs.bib
  rif cite jcpoa-2015 --json > refs.json
  rif list --topic caspian --fields id | rif cite -
  rif search shahed --cite             the best search result, cited`,
    );
  addDataOptions(cmd);
  return cmd.action(async (args: string[], options: CiteOptions) => {
    const style = citeStyle(options, io);
    const wanted = await expandStdin(args, io);
    const store = await openFacts(options, io);
    const { indices, missing } = await resolveFacts(store, wanted, io);
    const unique = [...new Set(indices)];
    if (unique.length) await printCitation(await store.facts(unique), style, io);
    else if (style === 'csl-json') io.stdout('[]\n');
    done(missing ? EXIT.noMatch : EXIT.ok);
  });
}
