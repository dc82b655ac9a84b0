// Pure: what only a fact's text tells about a match, for the best of the ranked facts: whether the
// query's words stand together in one field ("right to a Caspian navy" for "caspian navy right"), and
// whether the query names something of the fact: a title, alias, actor or place that begins with the
// query's words ("Reza Shah Pahlavi" for "reza shah", where "Mohammad Reza Shah" is another man), or
// that one word makes much of ("Treaty of Turkmenchay" for "turkmenchay").
import { CLOSE_FIELDS, type Doc } from './doc.js';
import { isAscii } from './normalize.js';
import { RANKING, SEARCH_FIELDS, STOPWORDS, type FieldName } from './options.js';
import { wordParts } from './chars.js';
import { wholeWords } from './words.js';

/** Fields whose values name a thing, and how much naming it counts. */
const NAMING: Readonly<Partial<Record<string, number>>> = Object.freeze({ title: 1, aliases: 1, actors: 0.8, places: 0.8 });

/** Each of the query's free words, in order, as the index words it matched: word → the bits of its terms. */
export interface TermWords {
  readonly count: number;
  readonly bits: ReadonlyMap<string, number>;
  /** the first characters of the words */
  readonly firsts: ReadonlySet<number>;
  /** the fields closeness reads for this many words (closenessFields) */
  readonly fields: ReadonlySet<FieldName>;
  /** for each term, a pattern of its words: whether lower-case text holds any of them */
  readonly held: readonly RegExp[];
}

export function termWords(terms: readonly ReadonlySet<string>[]): TermWords {
  const bits = new Map<string, number>();
  terms.forEach((words, t) => {
    for (const word of words) bits.set(word, (bits.get(word) ?? 0) | (1 << t));
  });
  const held = terms.map(
    (t) =>
      new RegExp(
        shortest([...t])
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|') || '(?!)',
      ),
  );
  return { count: terms.length, bits, firsts: new Set([...bits.keys()].map((w) => w.charCodeAt(0))), fields: closenessFields(terms.length), held };
}

/**
 * The words less those that begin with another of them: a text holds one of these exactly when it holds
 * one of all (a word of 10,000 facts began 456 others, each an alternative its pattern tried at every place).
 */
function shortest(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words.sort()) if (!out.length || !word.startsWith(out.at(-1)!)) out.push(word);
  return out;
}

/**
 * The fields closeness reads for a query of m free words: those whose words standing together count
 * (CLOSE_FIELDS: words together in a note or a source's title are said in passing), and of those, for
 * one word, the fields that name a thing.
 */
function closenessFields(m: number): ReadonlySet<FieldName> {
  return m > 1 ? CLOSE_FIELDS : new Set([...CLOSE_FIELDS].filter((name) => NAMING[name] !== undefined));
}

/**
 * Whether lower-case text holds the words of `count` terms or more, as text (a word of it cannot hold
 * more terms than that): each term's pattern runs as compiled code, where splitting the text would not.
 */
export function holdsTerms(text: string, held: readonly RegExp[], count: number): boolean {
  let found = 0;
  for (const pattern of held) if (pattern.test(text) && ++found === count) return true;
  return false;
}

/** What the text adds to a fact's score: up to RANKING.together + RANKING.names. */
export function closeness(doc: Doc, terms: TermWords): number {
  const m = terms.count;
  if (!m) return 0;
  let together = 0;
  let names = 0;
  for (const field of SEARCH_FIELDS) {
    if (!terms.fields.has(field.name)) continue;
    const naming = NAMING[field.name] ?? 0;
    const value = doc[field.name];
    for (const text of typeof value === 'string' ? [value] : value) {
      // a text that holds none of one word's forms, or the words of fewer than two terms of several, has
      // no position that counts (no two words together, nothing named): not split (most texts)
      const lower = isAscii(text) ? text.toLowerCase() : undefined;
      if (lower !== undefined && !holdsTerms(lower, terms.held, Math.min(m, 2))) continue;
      if (m === 1) {
        if (naming > 0) names = Math.max(names, naming * namedByOne(termsAt(text, terms)));
        continue;
      }
      // several words have many forms, and the texts are long: one pass over each text is quicker
      const bits = lower === undefined ? bitsAt(text, terms) : asciiBitsAt(lower, terms);
      if (naming > 0) names = Math.max(names, naming * namedBy(bits, m));
      together = Math.max(together, window(bits, m));
    }
  }
  // the id is the fact's subject in a word or three: holding the query there tells the fact that is about
  // it from one that names it too ("shahed-drone-deal-2022" and "eu-uk-sanctions-iranian-drones-2022")
  names = Math.min(1, names + RANKING.subject * subjectShare(doc.id, terms));
  return RANKING.together * together + RANKING.names * names;
}

/**
 * The share of the words of an id (its year and other numbers aside) that the query's words stand for,
 * when it holds every one of them ("shah-visit-to-ussr-1965" is not the subject of "reza shah").
 */
function subjectShare(id: string, terms: TermWords): number {
  const words = id.split('-').filter((w) => !DIGITS.test(w) && !STOPWORDS.has(w));
  let held = 0;
  let count = 0;
  for (const word of words) {
    const bits = terms.bits.get(word) ?? 0;
    held |= bits;
    if (bits) count++;
  }
  return held === 2 ** terms.count - 1 ? count / words.length : 0;
}

const DIGITS = /^\d+$/;

/**
 * How well a value is named by the query: several words name it when they begin it in order ("Reza Shah
 * Pahlavi"); one word names it by the share of the value it is ("Turkmenchay" is half of "Treaty of
 * Turkmenchay", a third of "Turkmenchay commercial treaty").
 */
function namedBy(bits: readonly number[], m: number): number {
  return bits.length >= m && bits.slice(0, m).every((b, t) => b & (1 << t)) ? 1 : 0;
}

function namedByOne(positions: readonly Position[]): number {
  // a word that is one part of a name ("shahed" of "Shahed-136") names that share of it
  const share = Math.max(0, ...positions.map((p) => p.share));
  if (!share) return 0;
  return share / Math.max(1, positions.filter((p) => p.terms || !STOPWORDS.has(p.word)).length);
}

export interface Position {
  readonly word: string;
  /** the bits of the terms the word stands for */
  readonly terms: number;
  /** how much of the word they stand for: 1 for the word, 0.5 for "shahed" in "shahed-136" */
  readonly share: number;
}

/** Each word of the text, with the bits of the terms it stands for (its parts' too: "shahed" in "shahed-136"). */
export function termsAt(text: string, terms: TermWords): Position[] {
  return wholeWords(text).map((word) => {
    const whole = terms.bits.get(word) ?? 0;
    if (!PARTED.test(word)) return { word, terms: whole, share: whole ? 1 : 0 };
    // a query word that begins "shahed-136" as "shahed" holds the part, not the whole
    const parts = wordParts(word);
    let held = whole;
    let count = 0;
    for (const part of parts) {
      const bits = terms.bits.get(part) ?? 0;
      held |= bits;
      if (bits) count++;
    }
    return { word, terms: held, share: whole && !count ? 1 : count / parts.length };
  });
}

const PARTED = /[^a-z0-9]/;

/**
 * The words of lower-case ASCII text as wholeWords finds them: each run without spaces, less the marks
 * at its ends. Cut by V8's compiled patterns rather than a loop over the characters, which runs
 * interpreted in a run as short as rif's: summaries, quotes and provisions are long.
 */
const SPACES = /\s+/;
const EDGE_MARKS = /^[^a-z0-9]+|[^a-z0-9]+$/g;
const ASCII_MARKS = /[^a-z0-9]+/;

/**
 * The bits of each word of the text, as termsAt gives them, for a query of several words. A word is
 * looked up only when a query word begins with its first letter.
 */
export function bitsAt(text: string, terms: TermWords): number[] {
  return isAscii(text) ? asciiBitsAt(text.toLowerCase(), terms) : termsAt(text, terms).map((p) => p.terms);
}

/** bitsAt of lower-case ASCII text. */
function asciiBitsAt(text: string, terms: TermWords): number[] {
  const lookUp = (word: string): number => (terms.firsts.has(word.charCodeAt(0)) ? (terms.bits.get(word) ?? 0) : 0);
  const out: number[] = [];
  for (const run of text.split(SPACES)) {
    // most words are letters and digits alone: no marks to take off, no parts
    if (!PARTED.test(run)) {
      if (run) out.push(lookUp(run));
      continue;
    }
    const word = run.replace(EDGE_MARKS, '');
    if (!word) continue;
    let held = lookUp(word);
    // its parts too ("shahed" of "shahed-136")
    if (PARTED.test(word)) for (const part of word.split(ASCII_MARKS)) held |= lookUp(part);
    out.push(held);
  }
  return out;
}

/** The most of the m terms found within m + 2 neighbouring words, as a share: (k - 1) / (m - 1). */
function window(bits: readonly number[], m: number): number {
  const width = m + 2;
  let best = 0;
  for (let start = 0; start < bits.length; start++) {
    if (!bits[start]) continue;
    let seen = 0;
    for (let k = start; k < Math.min(bits.length, start + width); k++) seen |= bits[k]!;
    best = Math.max(best, bitCount(seen));
  }
  return best > 1 ? (best - 1) / (m - 1) : 0;
}

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}
