// `rif cite`: one sentence per fact and its sources, in rif's own short references, a CSL style by
// citeproc-js, or the data reference managers import (BibTeX, biblatex, RIS, CSL-JSON).
import { visible } from '../control.js';
import type { Fact } from '../facts/types.js';
import { renderBiblatex, renderBibtex } from './bibtex.js';
import { collectCitation, type CollectOptions } from './cite-collect.js';
import type { CiteStyle, CslTextStyle } from './cite-styles.js';
import { renderMarkdownCitation, renderPlainCitation } from './cite-text.js';
import type { CslForm } from './citeproc.js';
import { renderCslJson } from './csl.js';
import { CSL_STYLE_IDS, packagedLocale, packagedStyle } from './csl-styles.js';
import { renderRis } from './ris.js';

export interface CiteRequest extends CollectOptions {
  /** a style by name, or the XML text of a CSL style file (--csl) */
  readonly style: CiteStyle | { readonly xml: string };
  /** how a CSL style's text is written */
  readonly form: CslForm;
}

/** What a CSL style calls its list of sources. */
const HEADINGS: Readonly<Record<CslTextStyle, string>> = Object.freeze({
  'chicago-note': 'Bibliography',
  chicago: 'References',
  apa: 'References',
  mla: 'Works Cited',
});

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
    return visible(renderCslCitation(citation, csl, request.form));
  }
  switch (style) {
    case 'markdown':
      return visible(renderMarkdownCitation(citation));
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
