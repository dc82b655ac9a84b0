// `rif cite`: one sentence per fact and its sources, merged into one list, in four styles.
import { visible } from '../control.js';
import { parsePartialDate } from '../dates.js';
import type { Fact, FactDate, Source } from '../facts/types.js';
import { hasher, type Hash } from '../store/hash.js';
import { renderBibtex } from './bibtex.js';
import type { CitedSource } from './cited-source.js';
import { renderCslJson } from './csl.js';

import type { CiteStyle } from './cite-styles.js';

interface CitedFact {
  readonly fact: Fact;
  readonly sentence: string;
  /** its sources in its own order, each once */
  readonly sources: readonly CitedSource[];
}

interface Citation {
  readonly facts: readonly CitedFact[];
  /** every source once, in order of first citation */
  readonly sources: readonly CitedSource[];
}

export function renderCitation(facts: readonly Fact[], style: CiteStyle): string {
  const citation = collectCitation(facts, hasher());
  switch (style) {
    case 'markdown':
      return visible(renderMarkdownCitation(citation));
    case 'plain':
      return visible(renderPlainCitation(citation));
    case 'bibtex':
      return visible(renderBibtex(citation.sources));
    case 'csl-json':
      return renderCslJson(citation.sources);
  }
}

const MONTHS = Object.freeze(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** A partial ISO date as people write it, at its own precision: 1828, February 1828, 22 February 1828. */
export function humanDate(iso: string): string {
  const date = parsePartialDate(iso);
  // fact dates are checked when loaded; anything else is printed as it came
  if (!date) return iso;
  const month = date.month === undefined ? '' : `${MONTHS[date.month - 1]} `;
  return `${date.day === undefined ? '' : `${date.day} `}${month}${date.year}`;
}

/** A fact's date in words: "c. 1521", "June 1804 – 24 October 1813", "since November 2022". */
export function datePhrase(date: FactDate): string {
  const circa = date.approximate ? 'c. ' : '';
  if (date.end === null) return `since ${circa}${humanDate(date.start)}`;
  if (date.end === date.start) return `${circa}${humanDate(date.start)}`;
  return `${circa}${humanDate(date.start)} – ${humanDate(date.end)}`;
}

/** "A", "A and B", "A, B and C". */
const listed = (items: readonly string[]): string => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** Fact text on one line: titles and names may be folded YAML. A final period stays: it may end "U.S.". */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The sentence that states a fact, from its own fields: the title (the fact files write it as a neutral
 * headline) with the date, never the summary, whose first sentence often leans on the next ("This
 * was…") or leaves the date out. An allegation's title is quoted, never asserted, and the sentence says
 * who made it, who denied or confirmed it, and its status.
 */
function citationSentence(fact: Fact): string {
  return oneLine(sentenceOf(fact));
}

function sentenceOf(fact: Fact): string {
  const title = oneLine(fact.title);
  switch (fact.kind) {
    case 'event':
      return `${title}, ${datePhrase(fact.date)}.`;
    case 'treaty': {
      const circa = fact.date.approximate ? 'c. ' : '';
      const parts = [`${title}${fact.parties.length > 1 ? ` between ${listed(fact.parties)}` : ''}`, `signed ${circa}${humanDate(fact.signed)}`];
      if (fact.in_force) parts.push(`in force from ${humanDate(fact.in_force)}`);
      if (fact.ended) parts.push(`ended ${humanDate(fact.ended)}`);
      return `${parts.join(', ')}.`;
    }
    case 'allegation': {
      const who = [
        ...(fact.alleged_by.length ? [`alleged by ${listed(fact.alleged_by)}`] : []),
        ...(fact.denied_by.length ? [`denied by ${listed(fact.denied_by)}`] : []),
        ...(fact.confirmed_by.length ? [`confirmed by ${listed(fact.confirmed_by)}`] : []),
        `status: ${fact.status}`,
      ];
      return `Allegation, ${datePhrase(fact.date)}: “${title}”, ${who.join('; ')}.`;
    }
  }
}

/**
 * What makes two addresses the same page: the scheme, a leading "www." and a trailing slash do not
 * count, and the WHATWG parser writes the host in lower case and the path percent-encoded, so a page
 * written with Persian letters and the same page copied percent-encoded are one source.
 */
export function pageIdentity(url: string): string {
  try {
    const u = new URL(url.trim());
    return `${u.host.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${u.search}${u.hash}`;
  } catch {
    // fact files hold only http(s) addresses (RIF014); anything else is compared as written
    return url.trim();
  }
}

/**
 * The BibTeX key and CSL id of a page: its host, then the first 8 hex digits of the SHA-1 of its
 * identity. It depends on the address alone, so a source keeps its key whatever else is cited, and
 * anyone can recompute it. Letters, digits and hyphens only: safe in BibTeX, pandoc and LaTeX.
 */
function sourceKey(url: string, hash: Hash): string {
  const identity = pageIdentity(url);
  const host = identity
    .split('/')[0]!
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `${host || 'source'}-${hash(identity).slice(0, 8)}`;
}

/** The facts with their sentences and sources, each source once across all of them. */
function collectCitation(facts: readonly Fact[], hash: Hash): Citation {
  const byPage = new Map<string, { source: Source; label: string; citedFor: string[] }>();
  const cited = facts.map((fact) => {
    const sentence = citationSentence(fact);
    const pages = new Set<string>();
    fact.sources.forEach((source, n) => {
      const page = pageIdentity(source.url);
      if (pages.has(page)) return;
      pages.add(page);
      const entry = byPage.get(page) ?? { source, label: `${fact.id}-${n + 1}`, citedFor: [] };
      byPage.set(page, entry);
      entry.citedFor.push(`rif ${fact.id}: ${sentence}`);
    });
    return { fact, sentence, pages: [...pages] };
  });
  const sources = new Map<string, CitedSource>();
  for (const [page, { source, label, citedFor }] of byPage) {
    const url = source.url.trim();
    sources.set(page, { ...source, url, key: sourceKey(url, hash), label, number: sources.size + 1, note: citedFor.join(' ') });
  }
  return {
    facts: cited.map(({ fact, sentence, pages }) => ({ fact, sentence, sources: pages.map((p) => sources.get(p)!) })),
    sources: [...sources.values()],
  };
}

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
const autolink = (url: string): string => `<${url.replace(/[\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;

/** A source as a reference: publisher, “title”, address. */
const reference = (source: CitedSource, text: (s: string) => string, address: (url: string) => string): string =>
  [...(source.publisher ? [text(oneLine(source.publisher))] : []), ...(source.title ? [`“${text(oneLine(source.title))}”`] : []), address(source.url)].join(
    ', ',
  );

function renderMarkdownCitation({ facts, sources }: Citation): string {
  const paragraphs = facts.map(({ sentence, sources: own }) => `${markdownText(sentence)}${own.map((s) => `[^${s.label}]`).join('')}`);
  const notes = sources.map((s) => `[^${s.label}]: ${reference(s, markdownText, autolink)}`);
  return `${[...paragraphs, notes.join('\n')].join('\n\n')}\n`;
}

function renderPlainCitation({ facts, sources }: Citation): string {
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
