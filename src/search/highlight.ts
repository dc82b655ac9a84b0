// Pure: where a search matched in the titles of the rows a table shows, to mark them. A word of the title
// is marked when it is one of the index words the query matched (its parts too: "Shahed" in "Shahed-136").
import type { Hit } from '../facts/types.js';
import { hasCyrillic, romanize } from './cyrillic.js';
import { isAscii } from './normalize.js';
import { bare } from './words.js';

export function withTitleMatches<T extends Hit<{ readonly title: string }>>(hits: readonly T[], matched: ReadonlySet<string>): T[] {
  return hits.map((h) => ({ ...h, titleMatches: titleMatches(h.fact.title, matched) }));
}

function titleMatches(title: string, matched: ReadonlySet<string>): [number, number][] {
  // a Cyrillic title is matched in Latin letters, and marked where those letters came from
  const roman = !isAscii(title) && hasCyrillic(title) ? romanize(title) : undefined;
  const text = roman ? roman.text : title;
  const at = (i: number) => (roman ? roman.from[i]! : i);
  const out: [number, number][] = [];
  for (const word of text.matchAll(/[\p{L}\p{N}]+(?:[^\s\p{L}\p{N}]+[\p{L}\p{N}]+)*/gu)) {
    const start = word.index;
    if (matched.has(bare(word[0]))) {
      out.push([at(start), at(start + word[0].length - 1)]);
      continue;
    }
    for (const part of word[0].matchAll(/[\p{L}\p{N}]+/gu)) {
      if (matched.has(bare(part[0]))) out.push([at(start + part.index), at(start + part.index + part[0].length - 1)]);
    }
  }
  return out;
}
