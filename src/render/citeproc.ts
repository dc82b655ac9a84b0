// Citations in a CSL style (Chicago, APA, MLA, or any style file) by citeproc-js, the processor Zotero
// uses: a note per fact for a note style, a parenthetical citation for an author-date style, then the
// bibliography; as Markdown (italics kept) or plain text.
import CSL from 'citeproc';
import type { CitePart } from './cite-styles.js';
import type { Citation } from './cited-source.js';
import { autolink, markdownText } from './cite-text.js';
import { sourceItems, type CslItem } from './csl.js';
import type { CslNode } from './csl-styles.js';

export type CslForm = 'markdown' | 'plain';

export interface CslStyle {
  /** the style, parsed (a packaged style) or as the XML text of a style file */
  readonly style: CslNode | string;
  /** the locale citeproc-js asks for */
  readonly locale: (lang: string) => CslNode;
  /** what the list of sources is called: Bibliography, References, Works Cited */
  readonly heading?: string;
}

/** HTML entities citeproc-js writes, back to text. */
const ENTITIES: Readonly<Record<string, string>> = Object.freeze({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' });
const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) =>
    name[0] === '#' ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1))) : (ENTITIES[name] ?? m),
  );

/** The inline HTML citeproc-js writes, as Markdown: italics, bold, super- and subscripts, links as autolinks. */
function htmlToMarkdown(html: string): string {
  const closers: string[] = [];
  let out = '';
  let link: string | undefined;
  for (const [, tag, text] of html.matchAll(/(<[^>]*>)|([^<]+)/g)) {
    if (text !== undefined) {
      if (link === undefined) out += markdownText(decode(text));
      continue;
    }
    const name = /^<\/?\s*([a-z]+)/i.exec(tag!)?.[1]?.toLowerCase() ?? '';
    if (tag!.startsWith('</')) {
      if (name === 'a' && link !== undefined) {
        out += autolink(link);
        link = undefined;
      } else if (name !== 'div' && name !== 'a') out += closers.pop() ?? '';
      continue;
    }
    if (name === 'a') link = decode(/href="([^"]*)"/.exec(tag!)?.[1] ?? '');
    else if (name === 'br') out += ' ';
    else if (name !== 'div') {
      const mark = name === 'i' || name === 'em' ? '*' : name === 'b' || name === 'strong' ? '**' : name === 'sup' ? '^' : name === 'sub' ? '~' : '';
      out += mark;
      closers.push(mark);
    }
  }
  return out.trim();
}

/** A description in brackets is not a title: the quotation marks or italics a style puts around titles come off. */
const unquoteDescriptions = (text: string): string => text.replace(/(?:“|‘|<i>)(\[[^\]]*\])([.,;:]?)(?:”|’|<\/i>)/g, '$1$2');

interface Engine {
  opt: { xclass: string; development_extensions: { wrap_url_and_doi: boolean } };
  setOutputFormat(format: string): void;
  updateItems(ids: readonly string[]): void;
  appendCitationCluster(cluster: object): [number, string, string][];
  makeBibliography(): [unknown, string[]] | false;
}

/**
 * The citation of each fact's sources, in the style, and its bibliography under a heading (a Markdown
 * heading in Markdown); `part` leaves out the bibliography, or prints it alone.
 */
export function renderCslCitation(citation: Citation, csl: CslStyle, form: CslForm, part: CitePart = 'all'): string {
  const items = new Map<string, CslItem>(sourceItems(citation).map((item) => [item.id, item]));
  const locales = new Map<string, CslNode>();
  const sys = {
    retrieveLocale: (lang: string) => locales.get(lang) ?? locales.set(lang, csl.locale(lang)).get(lang),
    retrieveItem: (id: string) => items.get(id),
  };
  const engine = new (CSL as { Engine: new (...args: unknown[]) => Engine }).Engine(sys, csl.style, 'en-US');
  engine.opt.development_extensions.wrap_url_and_doi = form === 'markdown';
  engine.setOutputFormat(form === 'markdown' ? 'html' : 'text');
  engine.updateItems([...items.keys()]);
  const note = engine.opt.xclass === 'note';
  const cites: string[] = [];
  citation.facts.forEach(({ sources }, i) => {
    const cluster = { citationItems: sources.map((s) => ({ id: s.key })), properties: { noteIndex: note ? i + 1 : 0 } };
    // a later cluster can change an earlier one (a short form, a disambiguation): every change comes back
    for (const [index, text] of engine.appendCitationCluster(cluster)) cites[index] = text;
  });
  const finish = (text: string): string => (form === 'markdown' ? htmlToMarkdown(unquoteDescriptions(text)) : unquoteDescriptions(text).trim());
  const bibliography = engine.makeBibliography();
  const entries = bibliography ? bibliography[1].map(finish) : [];
  const paragraphs = citation.facts.map(({ fact, sentence }, i) => {
    const text = form === 'markdown' ? markdownText(sentence) : sentence;
    if (note) return form === 'markdown' ? `${text}[^${fact.id}]` : `${text}[${i + 1}]`;
    // a parenthetical citation goes before the sentence's last stop
    return `${text.replace(/\.$/, '')} ${finish(cites[i]!)}.`;
  });
  const notes = note ? citation.facts.map(({ fact }, i) => `${form === 'markdown' ? `[^${fact.id}]:` : `[${i + 1}]`} ${finish(cites[i]!)}`) : [];
  const heading = csl.heading ?? (note ? 'Bibliography' : 'References');
  const blocks = [
    ...(part === 'bibliography' ? [] : [...paragraphs, ...(notes.length ? [notes.join('\n')] : [])]),
    ...(entries.length && part !== 'notes' ? [form === 'markdown' ? `# ${heading}` : heading, ...entries] : []),
  ];
  return `${blocks.join('\n\n')}\n`;
}
