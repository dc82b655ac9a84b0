// Pure: what only a fact's text tells about a match, for the best of the ranked facts: whether the
// query's words stand together in one field ("right to a Caspian navy" for "caspian navy right"), and
// whether the query names something of the fact: a title, alias, actor or place that begins with the
// query's words ("Reza Shah Pahlavi" for "reza shah", where "Mohammad Reza Shah" is another man), or
// that one word makes much of ("Treaty of Turkmenchay" for "turkmenchay").
import type { Doc } from './doc.js';
import { RANKING, SEARCH_FIELDS, STOPWORDS } from './options.js';
import { splitWords } from './words.js';

/** Fields whose values name a thing, and how much naming it counts. */
const NAMING: Readonly<Partial<Record<string, number>>> = Object.freeze({ title: 1, aliases: 1, actors: 0.8, places: 0.8 });

/** Each of the query's free words, in order, as the index words it matched. */
export type TermWords = readonly ReadonlySet<string>[];

/** What the text adds to a fact's score: up to RANKING.together + RANKING.names. */
export function closeness(doc: Doc, terms: TermWords): number {
  const m = terms.length;
  if (!m) return 0;
  let together = 0;
  let names = 0;
  for (const field of SEARCH_FIELDS) {
    const value = doc[field.name];
    const naming = NAMING[field.name] ?? 0;
    for (const text of typeof value === 'string' ? [value] : value) {
      const positions = termsAt(text, terms);
      if (naming > 0) names = Math.max(names, naming * named(positions, m));
      if (m > 1) together = Math.max(together, window(positions, m));
    }
  }
  return RANKING.together * together + RANKING.names * names;
}

/**
 * How well a value is named by the query: several words name it when they begin it in order ("Reza Shah
 * Pahlavi"); one word names it by the share of the value it is ("Turkmenchay" is half of "Treaty of
 * Turkmenchay", a third of "Turkmenchay commercial treaty").
 */
function named(positions: readonly Position[], m: number): number {
  if (m > 1) return positions.length >= m && positions.slice(0, m).every((p, t) => p.terms.has(t)) ? 1 : 0;
  if (!positions.some((p) => p.terms.size)) return 0;
  return 1 / Math.max(1, positions.filter((p) => p.terms.size || !STOPWORDS.has(p.word)).length);
}

interface Position {
  readonly word: string;
  /** the terms the word stands for */
  readonly terms: Set<number>;
}

/** Each word of the text, with the terms it stands for. */
function termsAt(text: string, terms: TermWords): Position[] {
  return splitWords(text).whole.map((whole) => {
    const word = whole.toLowerCase();
    const parts = word.split(/[^\p{L}\p{N}]+/u);
    const held = new Set<number>();
    terms.forEach((words, t) => {
      if (words.has(word) || parts.some((p) => words.has(p))) held.add(t);
    });
    return { word, terms: held };
  });
}

/** The most of the m terms found within m + 2 neighbouring words, as a share: (k - 1) / (m - 1). */
function window(positions: readonly Position[], m: number): number {
  const width = m + 2;
  let best = 0;
  for (let start = 0; start < positions.length; start++) {
    if (!positions[start]!.terms.size) continue;
    const seen = new Set<number>();
    for (let k = start; k < Math.min(positions.length, start + width); k++) for (const t of positions[k]!.terms) seen.add(t);
    best = Math.max(best, seen.size);
  }
  return best > 1 ? (best - 1) / (m - 1) : 0;
}
