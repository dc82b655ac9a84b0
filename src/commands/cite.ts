// rif cite: a citation of facts and their sources, ready to paste into a document.
import { Command, Option } from 'commander';
import { openFacts, type ColorOptions, type DataOptions } from '../context.js';
import { EXIT } from '../errors.js';
import type { Fact } from '../facts/types.js';
import type { Io } from '../io.js';
import type { CiteStyle } from '../render/cite.js';
import { addDataOptions, noSuchId } from './shared.js';

/** The citation styles and what each prints; `satisfies` makes the list complete. */
const STYLES = Object.freeze({
  markdown: 'a sentence per fact with footnotes [^id-n] (the default)',
  plain: 'a sentence per fact with numbered references [1]',
  bibtex: 'one @misc entry per source',
  'csl-json': 'one CSL-JSON item per source (Zotero, pandoc)',
} satisfies Record<CiteStyle, string>);

export const CITE_STYLES = Object.freeze(Object.keys(STYLES) as CiteStyle[]);

const STYLE_HELP = CITE_STYLES.map((s) => `  ${s.padEnd(9)} ${STYLES[s]}`).join('\n');

type CiteOptions = DataOptions & ColorOptions & { readonly style: CiteStyle };

/** Prints the citation of these facts: the one way both `rif cite` and `rif search --cite` print one. */
export async function printCitation(facts: readonly Fact[], style: CiteStyle, io: Io): Promise<void> {
  // loaded on demand, like the table renderer: every other run stays without it
  const { renderCitation } = await import('../render/cite.js');
  io.stdout(renderCitation(facts, style));
}

export function citeCommand(io: Io, done: (code: number) => void): Command {
  const cmd = new Command('cite')
    .description('a citation of facts and their sources, ready to paste: Markdown footnotes, plain text, BibTeX or CSL-JSON')
    .argument('<ids...>', 'fact ids (rif list shows them); several give one list of sources')
    .addOption(new Option('--style <style>', 'the citation style (see Styles below)').choices(CITE_STYLES).default('markdown'))
    .addHelpText(
      'after',
      `
Styles:
${STYLE_HELP}

A source cited by several facts is listed once. Allegations are never stated as fact: the sentence
quotes the claim and says who made it, who denied or confirmed it, and its status.

Examples:
  rif cite treaty-of-turkmenchay
  rif cite treaty-of-gulistan treaty-of-turkmenchay --style plain
  rif cite iranian-drones-to-russia --style bibtex >> refs.bib
  rif cite jcpoa-2015 --style csl-json > refs.json
  rif search shahed --cite             the best search result, cited`,
    );
  addDataOptions(cmd);
  return cmd.action(async (args: string[], options: CiteOptions) => {
    const store = await openFacts(options, io);
    const ids = await store.ids();
    const wanted = [...new Set(args.map((a) => a.trim()))];
    const indices = wanted.map((id) => {
      const index = ids.indexOf(id);
      if (index >= 0) return index;
      // ids only, no title search as in rif show: a citation must name the fact it means
      throw noSuchId(id, ids);
    });
    await printCitation(await store.facts(indices), options.style, io);
    done(EXIT.ok);
  });
}
