// The citation styles: a module of their own, so that flags and the config file can name them without
// loading the citation renderer.
export const CITE_STYLES = Object.freeze(['markdown', 'plain', 'bibtex', 'csl-json'] as const);
export type CiteStyle = (typeof CITE_STYLES)[number];
