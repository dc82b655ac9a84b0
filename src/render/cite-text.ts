// rif's own short references, in Markdown (a footnote per fact) and plain text (numbered references):
// publisher, “title” [English title], date published, date accessed, address.
import { humanDate } from './cite-dates.js';
import { isDescription, oneLine, type Citation, type CitedSource } from './cited-source.js';

/**
 * Text that Markdown must print as it is: its punctuation escaped where CommonMark would read it as
 * emphasis, a link, code, HTML, an entity or (at the start of a line) a heading, quote or list, and
 * where pandoc's Markdown would read math ($), superscript (^) or a citation (@).
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#~|$^@]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([-+=]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** An address as a CommonMark autolink, which takes any character but spaces, controls, "<" and ">". */
export const autolink = (url: string): string => `<${url.replace(/[\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;

/** The title as a short reference gives it: quoted, a description in brackets as it is, an English rendering after it. */
function titlePart(source: CitedSource): string | undefined {
  if (source.title === null) return undefined;
  const title = oneLine(source.title);
  return `${isDescription(title) ? title : `“${title}”`}${source.title_en ? ` [${oneLine(source.title_en)}]` : ''}`;
}

/** A source as a reference: publisher, “title”, published, accessed, address. */
function reference(source: CitedSource, text: (s: string) => string, address: (url: string) => string): string {
  const title = titlePart(source);
  return [
    ...(source.publisher ? [text(oneLine(source.publisher))] : []),
    ...(title ? [text(title)] : []),
    ...(source.published ? [humanDate(source.published)] : []),
    ...(source.accessed ? [`accessed ${humanDate(source.accessed)}`] : []),
    address(source.url),
  ].join(', ');
}

/** A paragraph per fact with one footnote of its own, [^<id>], which cites its sources. */
export function renderMarkdownCitation({ facts }: Citation): string {
  const paragraphs = facts.map(({ fact, sentence }) => `${markdownText(sentence)}[^${fact.id}]`);
  const notes = facts.map(({ fact, sources }) => `[^${fact.id}]: ${sources.map((s) => reference(s, markdownText, autolink)).join('; ')}.`);
  return `${[...paragraphs, notes.join('\n')].join('\n\n')}\n`;
}

/** A paragraph per fact with the numbers of its sources, then the numbered list, each source once. */
export function renderPlainCitation({ facts, sources }: Citation): string {
  const paragraphs = facts.map(
    ({ sentence, sources: own }) =>
      `${sentence} [${own
        .map((s) => s.number)
        .sort((a, b) => a - b)
        .join(', ')}]`,
  );
  const notes = sources.map(
    (s) =>
      `[${s.number}] ${reference(
        s,
        (t) => t,
        (url) => url,
      )}`,
  );
  return `${[...paragraphs, notes.join('\n')].join('\n\n')}\n`;
}
