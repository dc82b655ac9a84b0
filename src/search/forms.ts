// Pure: the words of the index a query word stands for, each with how well it matches (RANKING). Beside
// the word as typed, as the start of a longer word, or with typos (matchingWords), a query word stands
// for its other English forms (the Porter2 stem: vote, votes, voted, voting; deliver, delivered,
// delivery), for romanized Russian with another ending (kaspiyskoe, kaspiyskaya), and for its common
// other romanizations (shakhed, shahed). A word found only with typos is scored by fuse.js.
import Fuse from 'fuse.js';
import { stem } from 'porter2';
import { QUERY_LIMITS, RANKING } from './options.js';
import { matchingWords, wordAt, wordsStarting, type WordIndex } from './word-index.js';
import { withinDistance } from '../suggest.js';
import { charSet, mayBeNear, nearWord, typoBudget } from './words.js';
import { isLetter } from './chars.js';

export interface WordMatch {
  /** the word's place in the index */
  readonly word: number;
  readonly quality: number;
}

/** At most this many words that begin like a stem are stemmed to compare: a stem of three letters begins many. */
const STEM_SCAN = 3000;

/**
 * Russian case endings, romanized: of adjectives (Каспийское, kaspiyskoye; Каспийская, kaspiyskaya) and
 * of nouns (море, more; моря, morya). A word that ends in one, after a consonant, stands for the words
 * with the same beginning and another of these endings.
 */
const ENDINGS: ReadonlySet<string> = new Set(
  'aya oye oe iye ie ye iy yy ij yj ogo ovo oy oj om ym im ikh ykh uyu oyu ymi imi a ya e i y u yu em yem ey ami yami akh yakh iya ii iyu'.split(' '),
);
const LONGEST_ENDING = 4;
const VOWEL = /[aeiouy]$/;
/** Other romanizations of a word: kh for h (Шахед is "shakhed"), zh for j, -iy, -yy and -ey at the end. */
const ROMANIZATIONS: readonly (readonly [RegExp, string])[] = [
  [/kh/g, 'h'],
  [/zh/g, 'j'],
  [/iy$/, 'y'],
  [/yy$/, 'y'],
  [/ey$/, 'ei'],
];

const isEnglishWord = (word: string): boolean => /^[a-z]+$/.test(word);

/** The words of the index a (bare) query word stands for, best match first per word. */
export function wordMatches(index: WordIndex, word: string): WordMatch[] {
  const found = new Map<number, number>();
  const add = (w: number, quality: number) => {
    if ((found.get(w) ?? 0) < quality) found.set(w, quality);
  };
  addMatching(index, word, 1, add);
  if (isEnglishWord(word)) addStems(index, word, add);
  if (isEnglishWord(word)) addEndings(index, word, add);
  if (word.length >= 4) {
    for (const [pattern, other] of ROMANIZATIONS) {
      const variant = word.replace(pattern, other);
      if (variant !== word) addMatching(index, variant, RANKING.ending, add);
    }
  }
  return [...found].map(([w, quality]) => ({ word: w, quality }));
}

/**
 * How close each of these index words (all within the typo budget of `word`) is to it, 0 to 1, as
 * fuse.js's Bitap match scores it: among words with as many typos, the one that keeps the query's
 * letters together and in place ranks first ("bushher": bushehr before busher's other neighbours).
 */
function fuzzyCloseness(texts: readonly string[], word: string): Float64Array {
  const closeness = new Float64Array(texts.length);
  const fuse = new Fuse(texts, { includeScore: true, threshold: 1, ignoreLocation: true, isCaseSensitive: true, shouldSort: false });
  for (const { refIndex, score } of fuse.search(word)) closeness[refIndex] = 1 - (score ?? 1);
  return closeness;
}

/** The word as typed, as the start of longer words, or (when no word starts with it) with typos; each quality scaled by `scale`. */
function addMatching(index: WordIndex, word: string, scale: number, add: (w: number, quality: number) => void): void {
  const budget = typoBudget([...word].length);
  const typos: number[] = [];
  for (const w of matchingWords(index, word)) {
    const text = index.words.at(w)!;
    if (text === word) add(w, scale * RANKING.exact);
    else if (text.startsWith(word)) add(w, scale * RANKING.prefix);
    else typos.push(w);
  }
  if (!typos.length) return;
  const texts = typos.map((w) => index.words.at(w)!);
  const closeness = fuzzyCloseness(texts, word);
  typos.forEach((w, k) => {
    const tier = nearWord(word, texts[k]!, 1) || budget < 2 ? RANKING.oneTypo : RANKING.twoTypos;
    add(w, scale * tier * (1 - RANKING.fuzzySpread * (1 - closeness[k]!)));
  });
}

/** The words that differ from `word` only in a Russian case ending. */
function addEndings(index: WordIndex, word: string, add: (w: number, quality: number) => void): void {
  for (let k = 1; k <= LONGEST_ENDING && word.length - k >= QUERY_LIMITS.minStemLength; k++) {
    const base = word.slice(0, -k);
    if (!ENDINGS.has(word.slice(-k)) || VOWEL.test(base)) continue;
    for (const w of wordsStarting(index, base, STEM_SCAN)) {
      const text = index.words.at(w)!;
      if (text !== word && ENDINGS.has(text.slice(base.length))) add(w, RANKING.ending);
    }
  }
}

/**
 * The words with the same Porter2 stem (the stem found by the words that begin with it, less a final e
 * or i: vot- for vote, deliver- for deliveri), and with a stem that begins the other one.
 */
function addStems(index: WordIndex, word: string, add: (w: number, quality: number) => void): void {
  const own = stem(word);
  if (own.length < QUERY_LIMITS.minStemLength) return;
  const root = own.length > QUERY_LIMITS.minStemLength ? own.replace(/[ei]$/, '') : own;
  for (const w of wordsStarting(index, root, STEM_SCAN)) {
    const text = index.words.at(w)!;
    if (!isEnglishWord(text)) continue;
    const other = stem(text);
    if (other === own) add(w, RANKING.stem);
    else if ((own.length >= QUERY_LIMITS.minRelatedStem && other.startsWith(own)) || (other.length >= QUERY_LIMITS.minRelatedStem && own.startsWith(other))) {
      add(w, RANKING.relatedStem);
    }
  }
}

/**
 * A word written as two ("abbasmirza" for Abbas Mirza, "handover" for "hand over"): each way to cut it
 * into two words of the index, both at least three letters long.
 */
export function splitsOf(index: WordIndex, word: string): [number, number][] {
  const out: [number, number][] = [];
  if (!isEnglishWord(word) && !/^[a-z0-9]+$/.test(word)) return out;
  for (let k = 3; k <= word.length - 3; k++) {
    const a = wordAt(index, word.slice(0, k));
    const b = a >= 0 ? wordAt(index, word.slice(k)) : -1;
    if (b >= 0) out.push([a, b]);
  }
  return out;
}

/**
 * The words of the index nearest a word that matched nothing, for "did you mean": fewest typos first,
 * then the words most facts hold.
 */
export function nearestWords(index: WordIndex, word: string, max = 3): string[] {
  const budget = typoBudget([...word].length) + 1;
  const near: { text: string; d: number; facts: number }[] = [];
  const set = charSet(word);
  for (let i = 0; i < index.words.length; i++) {
    const text = index.words.at(i)!;
    if (text.length < 3 || !isLetter(text.codePointAt(0)!) || !mayBeNear(set, word.length, text, budget)) continue;
    for (let d = 1; d <= budget; d++) {
      if (withinDistance(word, text, d)) {
        near.push({ text, d, facts: index.starts[i + 1]! - index.starts[i]! });
        break;
      }
    }
  }
  near.sort((a, b) => a.d - b.d || b.facts - a.facts || (a.text < b.text ? -1 : 1));
  return near.slice(0, max).map((n) => n.text);
}
