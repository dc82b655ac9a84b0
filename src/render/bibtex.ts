// BibTeX: one @misc entry per source, read by BibTeX, biber and pandoc alike.
import type { CitedSource } from './cited-source.js';

/**
 * LaTeX's special characters as text. Braces become \textbraceleft{} and \textbraceright{}, not \{ and
 * \}: BibTeX counts every brace, escaped or not, to find where a field ends. Letters outside ASCII
 * (Persian, Cyrillic) are kept as they are: biber, pandoc and BibTeX with a UTF-8 LaTeX read them.
 */
const LATEX: Readonly<Record<string, string>> = Object.freeze({
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
});

/** Text as the value of a BibTeX field: on one line, LaTeX's special characters escaped. */
function latexText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}$&%#_^~]/g, (c) => LATEX[c]!);
}

/**
 * An address as a url field. biblatex and url.sty read it verbatim, so %, # and _ stay as they are;
 * only what would end the field or the line (braces, a backslash, spaces) is percent-encoded.
 */
const urlField = (url: string): string => url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/**
 * A web page is @misc: the one entry type every BibTeX style knows. The publisher goes in
 * `howpublished`, which standard styles print for @misc (they ignore `publisher` there); the title is
 * braced twice so that styles keep its capitals; what rif cites the page for goes in `annote`, which
 * bibliographies do not print.
 */
function entry(source: CitedSource): string {
  const fields: [string, string][] = [
    ...(source.title ? [['title', `{${latexText(source.title)}}`] as [string, string]] : []),
    ...(source.publisher ? [['howpublished', latexText(source.publisher)] as [string, string]] : []),
    ['url', urlField(source.url)],
    ['annote', latexText(source.note)],
  ];
  return `@misc{${source.key},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join('\n')}\n}\n`;
}

export function renderBibtex(sources: readonly CitedSource[]): string {
  return sources.map(entry).join('\n');
}
