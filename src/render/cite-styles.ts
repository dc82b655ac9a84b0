// The citation styles: a module of their own, so that flags and the config file can name them without
// loading the citation renderer.
export const CITE_STYLES = Object.freeze(['markdown', 'plain', 'chicago-note', 'chicago', 'apa', 'mla', 'bibtex', 'biblatex', 'ris', 'csl-json'] as const);
export type CiteStyle = (typeof CITE_STYLES)[number];

/** The styles citeproc-js renders from a CSL style; they print as Markdown or as plain text. */
export const CSL_TEXT_STYLES = Object.freeze(['chicago-note', 'chicago', 'apa', 'mla'] as const);
export type CslTextStyle = (typeof CSL_TEXT_STYLES)[number];

/** The styles that are data for a reference manager or a bibliography tool, in one form each. */
export const DATA_STYLES = Object.freeze(['bibtex', 'biblatex', 'ris', 'csl-json'] as const);

/** What a citation in a CSL style prints: all of it, the text and its notes without the bibliography, or the bibliography alone. */
export type CitePart = 'all' | 'notes' | 'bibliography';
