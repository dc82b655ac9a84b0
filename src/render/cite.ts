// `rif cite`: one sentence per fact and its sources, in rif's own short references, a CSL style by
// citeproc-js, or the data reference managers import (BibTeX, biblatex, RIS, CSL-JSON).
import { visible } from '../control.js';
import { UsageError } from '../errors.js';
import type { Fact } from '../facts/types.js';
import { renderBiblatex, renderBibtex } from './bibtex.js';
import { collectCitation, type CollectOptions } from './cite-collect.js';
import type { CitePart, CiteStyle, CslTextStyle } from './cite-styles.js';
import { renderMarkdownCitation, renderPlainCitation } from './cite-text.js';
import type { CslForm } from './citeproc.js';
import { renderCslJson } from './csl.js';
import { CSL_STYLE_IDS, packagedLocale, packagedStyle } from './csl-styles.js';
import { renderRis } from './ris.js';

export interface CiteRequest extends CollectOptions {
  /** a style by name, or the XML text of a CSL style file (--csl) and the name it was given by */
  readonly style: CiteStyle | { readonly xml: string; readonly name: string };
  /** how a CSL style's text is written */
  readonly form: CslForm;
  /** what of a CSL style's citation is printed (all of it without one) */
  readonly part?: CitePart;
}

/** What a CSL style calls its list of sources. */
const HEADINGS: Readonly<Record<CslTextStyle, string>> = Object.freeze({
  'chicago-note': 'Bibliography',
  chicago: 'References',
  apa: 'References',
  mla: 'Works Cited',
});

/**
 * Markdown text with a blank line before and after it, so that citations, pictures and prose appended
 * to one file (rif cite … >> essay.md) each stay a paragraph of their own: without it a paragraph
 * written after a footnote's definition would continue the footnote.
 */
const apart = (text: string): string => `\n${text}\n`;

/**
 * A citation in a style from a file: what citeproc-js cannot render with it (an element it does not
 * know, a macro never defined), or renders as nothing, is a usage error naming the file, not a bug.
 */
function fromStyleFile(name: string, render: () => string): string {
  let text: string;
  try {
    text = render();
  } catch (error) {
    const said = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^citeproc-js error: /, '');
    throw new UsageError(`${visible(name)} is not a CSL style rif can use: citeproc-js says ${visible(said)}`);
  }
  const failed = /\[(NO_PRINTED_FORM|CSL STYLE ERROR[^\]]*)\]/.exec(text.replace(/\\/g, ''));
  if (failed) throw new UsageError(`${visible(name)} is not a CSL style rif can use: citeproc-js prints ${failed[0]} for these sources`);
  return text;
}

export async function renderCitation(facts: readonly Fact[], request: CiteRequest): Promise<string> {
  const citation = collectCitation(facts, request);
  const { style } = request;
  if (typeof style === 'object' || style in CSL_STYLE_IDS) {
    // citeproc-js is large: it loads only for a CSL style
    const { renderCslCitation } = await import('./citeproc.js');
    const csl =
      typeof style === 'object'
        ? { style: style.xml, locale: packagedLocale }
        : { style: packagedStyle(style as CslTextStyle), locale: packagedLocale, heading: HEADINGS[style as CslTextStyle] };
    const text =
      typeof style === 'object'
        ? fromStyleFile(style.name, () => renderCslCitation(citation, csl, request.form, request.part))
        : renderCslCitation(citation, csl, request.form, request.part);
    return request.form === 'markdown' ? apart(visible(text)) : visible(text);
  }
  switch (style) {
    case 'markdown':
      return apart(visible(renderMarkdownCitation(citation)));
    case 'plain':
      return visible(renderPlainCitation(citation));
    case 'bibtex':
      return visible(renderBibtex(citation));
    case 'biblatex':
      return visible(renderBiblatex(citation));
    case 'ris':
      // its own control characters escaped: its line ends are CRLF
      return renderRis(citation);
    default:
      return renderCslJson(citation);
  }
}
