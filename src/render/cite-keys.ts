// Citation keys a writer can type: the publisher (or the site), a word of the title and the year the page
// was published, `tass-resolution-2020`, unique across the record. Each fact's key is its id.
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

/** Words that never say which page it is: articles, prepositions, the boilerplate of page titles. */
const STOP = new Set(
  'a an and as at by de del der des di du el for from in is it its la le les of on or over the to und with page says said say has have had will full text'.split(
    ' ',
  ),
);

/** The record's own subjects: a title word only when the title has no other (A History of Persia → history). */
const SUBJECT = new Set('russia russian russians russo iran iranian iranians persia persian soviet ussr anglo treaty agreement relations history'.split(' '));

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

function pathOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url.trim()).pathname).replace(/\.[a-z]{2,5}$/i, '');
  } catch {
    return '';
  }
}

/** The words of the title (its English rendering when it has one) that may say which page it is, in order. */
function titleWords(source: Source, publisher: string): string[] {
  // a page without a title is named by its address's path (example.org/photos → photos)
  const title = (source.title_en ?? source.title ?? pathOf(source.url)).replace(/[[\]]/g, ' ');
  return [
    ...new Set(
      words(title)
        .map((w) => w.toLowerCase().slice(0, 20))
        .filter((w) => !STOP.has(w) && w !== publisher && (w.length > 2 || /^\d+$/.test(w))),
    ),
  ];
}

/** The word of the title a key takes: the first that is no number and not one of the record's subjects, else the first that is no number. */
function titleWord(source: Source, publisher: string): string {
  const candidates = titleWords(source, publisher).filter((w) => !/^\d+$/.test(w));
  return candidates.find((w) => !SUBJECT.has(w)) ?? candidates[0] ?? '';
}

const yearOf = (source: Source): string => /^-?\d{1,4}/.exec(source.published ?? '')?.[0] ?? '';

/** The key before it is made unique: publisher, title word, year published. */
export function baseKey(source: Source): string {
  const publisher = publisherWord(source);
  return [publisher, titleWord(source, publisher), yearOf(source)].filter(Boolean).join('-') || 'source';
}

/**
 * Pages that share a base key, told apart by a further word of each one's title, the one the fewest
 * of the others have (wikipedia-united-1737 and wikipedia-united-withdrawal; state-telegram-93), before
 * the year. A page whose title has no such word keeps the base key.
 */
function distinguished(group: readonly Source[]): string[] {
  const titles = group.map((source) => titleWords(source, publisherWord(source)));
  return group.map((source, i) => {
    const publisher = publisherWord(source);
    const first = titleWord(source, publisher);
    // the word the fewest of the others have (the first of those): a resolution's number over "nations"
    const shared = (w: string) => titles.filter((other, j) => j !== i && other.includes(w)).length;
    const extra = titles[i]!.filter((w) => w !== first && w !== yearOf(source) && shared(w) < group.length - 1).sort((a, b) => shared(a) - shared(b))[0];
    return extra ? [publisher, first, extra, yearOf(source)].filter(Boolean).join('-') : baseKey(source);
  });
}

/** The n-th (from 1) of several pages that share a base key: the first keeps it, then b, c, … (2004b; wikipedia-treaty-b). */
function suffixed(base: string, n: number): string {
  if (n === 1) return base;
  let letters = '';
  for (let i = n - 1; i > 0; i = Math.floor(i / 26)) letters = String.fromCharCode(97 + (i % 26)) + letters;
  return /\d$/.test(base) ? `${base}${letters}` : `${base}-${letters}`;
}

/** Keys for pages, none of them in `taken`; pages that still share one get letters in the order of their addresses. */
function assignKeys(pages: ReadonlyMap<string, Source>, taken: Set<string>, keys: Map<string, string>): void {
  const groups = new Map<string, string[]>();
  for (const [page, source] of pages) groups.set(baseKey(source), [...(groups.get(baseKey(source)) ?? []), page]);
  const wanted = new Map<string, string[]>();
  for (const [base, members] of groups) {
    const named = members.length > 1 ? distinguished(members.map((p) => pages.get(p)!)) : [base];
    members.forEach((page, i) => wanted.set(named[i]!, [...(wanted.get(named[i]!) ?? []), page]));
  }
  for (const [key, members] of wanted) {
    let n = 0;
    for (const page of [...members].sort()) {
      let candidate: string;
      do candidate = suffixed(key, ++n);
      while (taken.has(candidate) || (wanted.has(candidate) && candidate !== key));
      taken.add(candidate);
      keys.set(page, candidate);
    }
  }
}

/** The pages of these facts, by page identity, each once (the first fact to cite a page gives its text). */
function pagesOf(facts: readonly Fact[], except: ReadonlyMap<string, string>): Map<string, Source> {
  const pages = new Map<string, Source>();
  for (const source of facts.flatMap((f) => f.sources)) {
    const page = pageIdentity(source.url);
    if (!pages.has(page) && !except.has(page)) pages.set(page, source);
  }
  return pages;
}

/**
 * The key of every page the record cites, keyed by page identity. Keys are unique across the record and
 * never equal a fact's id. The bundled facts' pages are keyed first, from the bundled record alone, so
 * that no fact of the user's (nor its id) ever changes them; the user's pages then take keys the
 * bundled ones and every fact id leave free. Pages that share a key after a further title word are
 * told apart by letters in the order of their addresses, not of the files, so a key is the same on
 * every run of the same record whatever is cited.
 */
export function recordKeys(bundled: readonly Fact[], own: readonly Fact[] = []): Map<string, string> {
  const keys = new Map<string, string>();
  const taken = new Set(bundled.map((f) => f.id));
  assignKeys(pagesOf(bundled, keys), taken, keys);
  for (const fact of own) taken.add(fact.id);
  assignKeys(pagesOf(own, keys), taken, keys);
  return keys;
}
