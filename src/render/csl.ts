// CSL-JSON, the citation data Zotero, pandoc (citeproc) and Mendeley import: one item per source.
import type { CitedSource } from './cited-source.js';
import { renderJson } from './json.js';

/** The CSL variables rif fills; every name is in the csl-data.json schema. */
interface CslItem {
  readonly id: string;
  readonly type: 'webpage';
  readonly title?: string;
  readonly 'container-title'?: string;
  readonly URL: string;
  readonly note: string;
}

/**
 * Every source is a `webpage`. The publisher is its `container-title`, CSL's name for the site a page
 * is on: Zotero imports it as the Website Title and citeproc styles print it, while a webpage's
 * `publisher` is dropped by Zotero. No `issued` or `accessed` date: the fact files record neither, and
 * the fact's own date is not when the page was published. `note` says what rif cites it for.
 */
function cslItem(source: CitedSource): CslItem {
  return {
    id: source.key,
    type: 'webpage',
    ...(source.title ? { title: source.title } : {}),
    ...(source.publisher ? { 'container-title': source.publisher } : {}),
    URL: source.url,
    note: source.note,
  };
}

export function renderCslJson(sources: readonly CitedSource[]): string {
  return renderJson(sources.map(cslItem));
}
