import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../src/facts/load.js';
import { withTitleMatches } from '../src/search/highlight.js';
import { parseQuery } from '../src/search/query.js';
import { search as searchStore } from '../src/search/rank.js';
import { termsOf } from '../src/search/terms.js';
import { memoryStore } from '../src/store/store.js';
import { factsHolding, buildWordIndex, matchingWords } from '../src/search/word-index.js';
import { bare, typoBudget } from '../src/search/words.js';
import { distance } from '../src/suggest.js';
import { doc, ROOT } from './helpers.js';

const { facts, vocabulary } = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [], cwd: ROOT });
const store = memoryStore(facts, vocabulary, []);
const search = async (q: string) =>
  (await searchStore(store, parseQuery(q))).hits.map((h) => ({ ...h, fact: facts[h.index]!, titleMatches: [] as (readonly [number, number])[] }));
const top = async (q: string, n = 1) => (await search(q)).slice(0, n).map((h) => h.fact.id);

describe('search ranking on the bundled facts', () => {
  it.each([
    ['bushher', /bushehr/],
    ['turkmanchai', /^treaty-of-turkmenchay$/],
    ['torkamanchay', /^treaty-of-turkmenchay$/],
    ['golestan', /^treaty-of-gulistan$/],
    ['griboedov', /griboyedov/],
    ['Geran-2', /drone/],
    ['JCPOA', /^jcpoa-2015$/],
  ])('"%s" puts the right fact first', async (q, expected) => {
    expect((await top(q))[0]).toMatch(expected);
  });

  it('scores are between 0 and 1 and sorted best first', async () => {
    const hits = await search('caspian');
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('a near-miss word is not a match: "shahed" does not find every fact naming a Shah', async () => {
    const hits = await search('shahed');
    expect(hits.length).toBeGreaterThan(3);
    for (const { fact } of hits) expect(JSON.stringify(fact)).toMatch(/\bshahed/i);
  });

  it('marks where the title matched, for the rows a table shows', async () => {
    const { matchedWords } = await searchStore(store, parseQuery('gulistan'));
    const [hit] = withTitleMatches(
      (await search('gulistan')).filter((h) => h.fact.id === 'treaty-of-gulistan'),
      matchedWords,
    );
    expect(hit!.titleMatches.length).toBeGreaterThan(0);
    const [a, b] = hit!.titleMatches[0]!;
    expect(hit!.fact.title.slice(a, b + 1).toLowerCase()).toContain('gulistan');
  });

  it('a short word must match exactly: "lst" is not "Gulistan" with a typo', async () => {
    expect(await search('lst')).toEqual([]);
    expect((await top('yak'))[0]).toBe('yak-130-delivery-2023');
  });

  it('nonsense finds nothing', async () => {
    expect(await search('qqqzzzxxx')).toEqual([]);
  });
});

describe('a match must be a word of the text', () => {
  /** Whether a fact whose summary is `text` holds the query word, by the word index's rules. */
  const holds = (texts: string[], word: string) => {
    const index = buildWordIndex(texts.map((summary) => doc({ summary })));
    return [...factsHolding(index, matchingWords(index, bare(word))).keys()].sort();
  };

  it.each([
    ['SCO summit in Astana', 'sco', true],
    ['Moscow', 'sco', false],
    ['Posolstvo Zhirovogo-Zasekina', 'lst', false],
    ['Shahed-136', 'shahed', true],
    ['S-300PMU-1', 's-300', true],
    ['MiG-29 fighters', 'mig', true],
    ['the scope of the ban', 'sco', false],
    ['Turkmenchay', 'turkmen', true],
    ['Bushehr plant', 'bushher', true],
    ['Mashhad', 'shahed', false],
    ['Naser al-Din Shah', 'shahed', false],
    ['Turkmenchay', 'turkmanchai', true],
    ['Téhéran', 'teheran', true],
  ])('%j holds %j: %s', (text, word, expected) => {
    expect(holds([text], word)).toEqual(expected ? [0] : []);
  });

  it('a word is taken with typos only when no fact has it as typed', () => {
    expect(holds(['Bushehr plant', 'a bushher typo'], 'bushher')).toEqual([1]);
    expect(holds(['Bushehr plant', 'Isfahan'], 'bushher')).toEqual([0]);
  });

  it('the typo budget grows with the word: none below 5 letters, 1, then 2 from 9', () => {
    expect([4, 5, 8, 9].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });

  it('swapping two neighbouring letters is one edit', () => {
    expect(distance('bushher', 'bushehr')).toBe(1);
    expect(distance('abc', 'abd')).toBe(1);
    expect(distance('', 'abc')).toBe(3);
  });

  it('a name found only among the actors is found', async () => {
    expect(await top('Nebenzia', 10)).toEqual(expect.arrayContaining(['snapback-sanctions-2025', 'un-arms-embargo-expiry-2020']));
  });

  it('a short word does not match inside a longer one: "SCO" is not "Moscow"', async () => {
    const text = (id: string) => JSON.stringify(facts.find((f) => f.id === id));
    for (const id of (await search('SCO')).map((h) => h.fact.id)) expect(text(id)).toMatch(/\bSCO\b/i);
  });
});

describe('query words', () => {
  const index = buildWordIndex([doc()]);
  it.each([
    ['What was the Shahed drone deal?', ['shahed', 'drone', 'deal']],
    ['us withdrawal from the nuclear deal', ['us', 'withdrawal', 'nuclear', 'deal']],
    ['when did russia hand over bushehr', ['russia', 'hand', 'bushehr']],
    ['the', ['the']],
    ['  S-300, ', ['s-300']],
    ['ك ي', ['ک', 'ی']],
    ['20 million roubles', ['20 million', 'roubles']],
    ['$1.7 billion', ['1.7 billion']],
    ['Примаков', ['primakov']],
  ])('%j → %j', (q, words) => {
    expect(termsOf(index, parseQuery(q)).map((t) => t.text)).toEqual(words);
  });
});
