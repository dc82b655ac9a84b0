// BibTeX (@misc, which every style knows) and biblatex (@online with url, urldate and date): an entry
// for each fact, keyed by its id, and one per source, keyed by its citation key.
import { parsePartialDate } from '../dates.js';
import { humanDate } from './cite-dates.js';
import { fullTitle, oneLine, type Citation, type CitedFact, type CitedSource } from './cited-source.js';

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

/** Text as the value of a field: on one line, LaTeX's special characters escaped. */
function latexText(text: string): string {
  return oneLine(text).replace(/[\\{}$&%#_^~]/g, (c) => LATEX[c]!);
}

/**
 * An address as a url field. biblatex and url.sty read it verbatim, so %, # and _ stay as they are;
 * only what would end the field or the line (braces, a backslash, spaces) is percent-encoded.
 */
const urlField = (url: string): string => url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

/** BibTeX's month macros, written without braces so that styles print the month in their own form. */
const MONTH_MACROS = Object.freeze(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);

type Field = readonly [name: string, value: string, bare?: boolean];

const field = (name: string, value: string | null | undefined, bare = false): Field[] => (value ? [[name, value, bare]] : []);

function entry(type: string, key: string, fields: readonly Field[]): string {
  return `@${type}{${key},\n${fields.map(([name, value, bare]) => `  ${name} = ${bare ? value : `{${value}}`},`).join('\n')}\n}\n`;
}

/** The title braced twice, so that styles keep its capitals. */
const titleField = (title: string | null): Field[] => field('title', title === null ? null : `{${latexText(title)}}`);

/** What a fact's entry says it is: the sentence, and the keys of the sources cited for it. */
const factNote = ({ sentence, sources }: CitedFact): string => `${sentence} Sources: ${sources.map((s) => s.key).join(', ')}.`;

/** The record as a publication: "rif 0.1.0, Russia–Iran facts". */
const recordName = (citation: Citation): string => `rif ${citation.version}, Russia–Iran facts`;

/**
 * A web page as @misc: the publisher in `howpublished`, which standard styles print for @misc (they
 * ignore `publisher` there); the year and month it was published; the access date in `note`, which
 * BibTeX styles print, and in `urldate`, which biblatex and pandoc read; what rif cites it for in
 * `annote`, which bibliographies do not print.
 */
function bibtexSource(source: CitedSource): string {
  const date = source.published ? parsePartialDate(source.published) : undefined;
  return entry('misc', source.key, [
    ...titleField(fullTitle(source)),
    ...field('howpublished', source.publisher && latexText(source.publisher)),
    ...field('year', date && String(date.year)),
    ...field('month', date?.month ? MONTH_MACROS[date.month - 1] : undefined, true),
    ['url', urlField(source.url)],
    ...field('urldate', source.accessed),
    ...field('note', source.accessed && `Accessed ${humanDate(source.accessed)}`),
    ['annote', latexText(source.note)],
  ]);
}

/** biblatex's @online: the publisher as `organization`, the English title in `titleaddon`, ISO dates in `date` and `urldate`. */
function biblatexSource(source: CitedSource): string {
  return entry('online', source.key, [
    ...titleField(source.title),
    ...field('titleaddon', source.title_en && `[${latexText(source.title_en)}]`),
    // a list field, which "and" would split: braced, it is one name
    ...field('organization', source.publisher && `{${latexText(source.publisher)}}`),
    ...field('date', source.published),
    ['url', urlField(source.url)],
    ...field('urldate', source.accessed),
    ['annotation', latexText(source.note)],
  ]);
}

function bibtexFact(cited: CitedFact, citation: Citation): string {
  const date = cited.issued ? parsePartialDate(cited.issued) : undefined;
  return entry('misc', cited.fact.id, [
    ...titleField(cited.fact.title),
    ['howpublished', latexText(recordName(citation))],
    ...field('year', date && String(date.year)),
    ...field('month', date?.month ? MONTH_MACROS[date.month - 1] : undefined, true),
    ['annote', latexText(factNote(cited))],
  ]);
}

function biblatexFact(cited: CitedFact, citation: Citation): string {
  return entry('misc', cited.fact.id, [
    ...titleField(cited.fact.title),
    ['organization', 'rif'],
    ['version', latexText(citation.version)],
    ['howpublished', latexText(recordName(citation))],
    ...field('date', cited.issued),
    ['annotation', latexText(factNote(cited))],
  ]);
}

export function renderBibtex(citation: Citation): string {
  return [...citation.facts.map((f) => bibtexFact(f, citation)), ...citation.sources.map(bibtexSource)].join('\n');
}

export function renderBiblatex(citation: Citation): string {
  return [...citation.facts.map((f) => biblatexFact(f, citation)), ...citation.sources.map(biblatexSource)].join('\n');
}
