// Citation keys a writer can type: the publisher (or the site), a word of the title and the year the page
// was published, `iranica-turkmanchay-2004`, unique across the record. Each fact's key is its id.
import type { Fact, Source } from '../facts/types.js';

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

/** Words that say nothing about which page it is: articles, prepositions, and the record's own subjects. */
const DULL = new Set(
  'a an and as at by de del der des di du el for from in is it its la le les of on or over the to und with russia russian russians russo iran iranian iranians persia persian soviet ussr anglo treaty agreement relations history page says said say has have had will'.split(
    ' ',
  ),
);

/** Letters as ASCII: accents dropped (Golestān → golestan); other scripts drop out. */
const ascii = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, ' ');

const words = (text: string): string[] =>
  ascii(text)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);

/** Second-level labels under a country's domain (bbc.co.uk, thenews.com.pk): the name is the label before them. */
const SECOND_LEVEL = new Set(['ac', 'co', 'com', 'edu', 'gov', 'net', 'org']);

/** The site's own name in its address: iranicaonline.org → iranica, theguardian.com → guardian. */
function siteName(url: string): string {
  let host: string;
  try {
    host = new URL(url.trim()).hostname;
  } catch {
    return '';
  }
  const labels = host.replace(/^www\./, '').split('.');
  const cut = labels.length > 2 && SECOND_LEVEL.has(labels.at(-2)!) ? 3 : 2;
  const name = (labels.at(-cut) ?? labels[0] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return name
    .replace(/^the(?=.{5})/, '')
    .replace(/(?<=.{4})online$/, '')
    .slice(0, 20);
}

/**
 * Who published it, in one word: a publisher of one word (TASS, Wikipedia, Reuters) or one that starts
 * with initials (BBC News), else the site's name from its address (Encyclopaedia Iranica at
 * iranicaonline.org is "iranica", Radio Free Europe/Radio Liberty at rferl.org is "rferl").
 */
function publisherWord(source: Source): string {
  const name = words((source.publisher ?? '').replace(/\(.*?\)/g, '')).filter((w, i) => i > 0 || w.toLowerCase() !== 'the');
  if (name.length === 1 && name[0]!.length > 1) return name[0]!.toLowerCase().slice(0, 20);
  if (name.length > 1 && /^[A-Z]{3,}$/.test(name[0]!)) return name[0]!.toLowerCase();
  return siteName(source.url) || (name[0]?.toLowerCase() ?? '');
}

/** The first word of the title (its English rendering when it has one) that says which page it is. */
function titleWord(source: Source, publisher: string): string {
  const title = (source.title_en ?? source.title ?? '').replace(/[[\]]/g, ' ');
  return (
    words(title)
      .map((w) => w.toLowerCase())
      .find((w) => w.length > 2 && w !== publisher && !DULL.has(w) && !/^\d+$/.test(w)) ?? ''
  ).slice(0, 20);
}

/** The key before it is made unique: publisher, title word, year published. */
export function baseKey(source: Source): string {
  const year = /^-?\d{1,4}/.exec(source.published ?? '')?.[0] ?? '';
  const publisher = publisherWord(source);
  return [publisher, titleWord(source, publisher), year].filter(Boolean).join('-') || 'source';
}

/** The n-th (from 1) of several pages that share a base key: the first keeps it, then b, c, … (2004b; wikipedia-treaty-b). */
function suffixed(base: string, n: number): string {
  if (n === 1) return base;
  let letters = '';
  for (let i = n - 1; i > 0; i = Math.floor(i / 26)) letters = String.fromCharCode(97 + (i % 26)) + letters;
  return /\d$/.test(base) ? `${base}${letters}` : `${base}-${letters}`;
}

/**
 * The key of every page the record cites, keyed by page identity. Keys are unique across the record and
 * never equal a fact's id. Pages that share a base key are told apart in the order the record lists
 * them (the bundled facts first), so a page keeps its key whatever else is cited, on every run.
 */
export function recordKeys(facts: readonly Fact[]): Map<string, string> {
  const taken = new Set(facts.map((f) => f.id));
  const seen = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const source of facts.flatMap((f) => f.sources)) {
    const page = pageIdentity(source.url);
    if (keys.has(page)) continue;
    const base = baseKey(source);
    let n = seen.get(base) ?? 0;
    let key: string;
    do key = suffixed(base, ++n);
    while (taken.has(key));
    seen.set(base, n);
    taken.add(key);
    keys.set(page, key);
  }
  return keys;
}
