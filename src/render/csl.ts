// CSL-JSON, the citation data Zotero, pandoc (citeproc) and Mendeley import, and what rif's own CSL
// styles render from: an item for each fact (keyed by its id) and one per source (keyed by its key).
import { parsePartialDate } from '../dates.js';
import { fullTitle, isDescription, type Citation, type CitedFact, type CitedSource } from './cited-source.js';
import { renderJson } from './json.js';

interface CslDate {
  readonly 'date-parts': readonly (readonly number[])[];
}

/** The CSL variables rif fills; every name is in the CSL data schema. */
export interface CslItem {
  readonly id: string;
  readonly type: 'webpage' | 'entry-encyclopedia';
  readonly title?: string;
  readonly 'container-title'?: string;
  readonly publisher?: string;
  readonly version?: string;
  readonly language?: string;
  readonly issued?: CslDate;
  readonly accessed?: CslDate;
  readonly URL?: string;
  readonly note: string;
}

function cslDate(iso: string | null): CslDate | undefined {
  const date = iso ? parsePartialDate(iso) : undefined;
  if (!date) return undefined;
  return { 'date-parts': [[date.year, ...(date.month === undefined ? [] : [date.month]), ...(date.day === undefined ? [] : [date.day])]] };
}

/**
 * The language of a title in another script, so that styles which change the case of English titles
 * (Chicago, MLA, APA) leave it as written: CSL processors only recase titles in English.
 */
function scriptLanguage(title: string): string | undefined {
  if (/\p{Script=Cyrillic}/u.test(title)) return 'ru';
  if (/\p{Script=Arabic}/u.test(title)) return 'fa';
  return undefined;
}

/**
 * A title in square brackets describes the page (it shows no headline of its own): it is wrapped in
 * CSL's "nocase" span so that no style recases it, and rif's renderer prints it without quotation marks.
 */
const titleText = (title: string): string => (isDescription(title) ? `<span class="nocase">${title}</span>` : title);

/**
 * A page whose fact file gives no title is described, as APA and Chicago describe an untitled work: a
 * style given no title cites it by nothing ("reference with no printed form").
 */
function untitled(url: string): string {
  let host = url;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // fact files hold http(s) addresses (RIF014)
  }
  return `[Page at ${host}]`;
}

/**
 * A source is a `webpage`. Its publisher is the `container-title`, CSL's name for the site a page is on:
 * Zotero imports it as the Website Title and citeproc styles print it, while a webpage's `publisher` is
 * dropped by Zotero. `issued` is when the page was published, `accessed` when it was checked.
 */
function sourceItem(source: CitedSource): CslItem {
  const title = fullTitle(source) ?? untitled(source.url);
  const language = source.title === null ? undefined : scriptLanguage(source.title);
  const issued = cslDate(source.published);
  const accessed = cslDate(source.accessed);
  return {
    id: source.key,
    type: 'webpage',
    title: titleText(title),
    ...(source.publisher ? { 'container-title': source.publisher } : {}),
    ...(language ? { language } : {}),
    ...(issued ? { issued } : {}),
    ...(accessed ? { accessed } : {}),
    URL: source.url,
    note: source.note,
  };
}

/** A fact is an entry of the record, as an encyclopedia's article is: its title, rif with its version, and the date the record was issued. */
function factItem({ fact, sentence, sources, issued: date }: CitedFact, citation: Citation): CslItem {
  const issued = cslDate(date);
  return {
    id: fact.id,
    type: 'entry-encyclopedia',
    title: fact.title,
    'container-title': 'Russia–Iran facts',
    publisher: 'rif',
    version: citation.version,
    ...(issued ? { issued } : {}),
    note: `${sentence} Sources: ${sources.map((s) => s.key).join(', ')}.`,
  };
}

const factItems = (citation: Citation): CslItem[] => citation.facts.map((f) => factItem(f, citation));
export const sourceItems = (citation: Citation): CslItem[] => citation.sources.map(sourceItem);

export function renderCslJson(citation: Citation): string {
  return renderJson([...factItems(citation), ...sourceItems(citation)]);
}
