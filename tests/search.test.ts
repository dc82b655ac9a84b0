import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../src/facts/load.js';
import { queryWords, search as searchStore, withTitleMatches } from '../src/search/index.js';
import { memoryStore } from '../src/store/store.js';
import { holdsWord, typoBudget } from '../src/search/words.js';
import { distance } from '../src/suggest.js';
import { ROOT } from './helpers.js';

const { facts, vocabulary } = loadFacts({ bundledDir: join(ROOT, 'facts'), includeBundled: true, userPaths: [] });
const store = memoryStore(facts, vocabulary, []);
const search = async (q: string) => (await searchStore(store, q)).hits;
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
    const hits = (await search('caspian'));
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) expect(h.score).toBeGreaterThanOrEqual(0);
    for (const h of hits) expect(h.score).toBeLessThanOrEqual(1);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it('a near-miss word is not a match: "shahed" does not find every fact naming a Shah', async () => {
    const ids = (await search('shahed')).map((h) => h.fact.id);
    expect(ids.every((id) => /drone|shahed|alabuga/.test(id) || facts.find((f) => f.id === id)!.aliases.join(' ').includes('Shahed'))).toBe(true);
  });

  it('marks where the title matched, for the rows a table shows', async () => {
    const [hit] = withTitleMatches((await search('gulistan')).filter((h) => h.fact.id === 'treaty-of-gulistan'), 'gulistan');
    expect(hit!.titleMatches.length).toBeGreaterThan(0);
    const [a, b] = hit!.titleMatches[0]!;
    expect(hit!.fact.title.slice(a, b + 1).toLowerCase()).toContain('gulistan');
  });

  it('a short word must match exactly: "lst" is not "Gulistan" with a typo', async () => {
    expect((await search('lst'))).toEqual([]);
    expect((await top('yak'))[0]).toBe('yak-130-delivery-2023');
  });

  it('nonsense finds nothing', async () => {
    expect((await search('qqqzzzxxx'))).toEqual([]);
  });
});

describe('a match must be a word of the text', () => {
  it.each([
    ['SCO summit in Astana', 'sco', 0, true],
    ['Moscow', 'sco', 0, false],
    ['Posolstvo Zhirovogo-Zasekina', 'lst', 0, false],
    ['Shahed-136', 'shahed', 0, true],
    ['S-300PMU-1', 's-300', 0, true],
    ['MiG-29 fighters', 'mig', 0, true],
    ['the scope of the ban', 'sco', 0, false],
    ['Turkmenchay', 'turkmen', 0, true],
    ['Bushehr plant', 'bushher', 1, true],
    ['Bushehr plant', 'bushher', 0, false],
    ['Mashhad', 'shahed', 1, false],
    ['Naser al-Din Shah', 'shahed', 1, false],
    ['Turkmenchay', 'turkmanchai', 2, true],
    ['Téhéran', 'teheran', 0, true],
  ])('%j holds %j with %d typos: %s', (text, word, typos, expected) => {
    expect(holdsWord(text, word, typos)).toBe(expected);
  });

  it('the typo budget grows with the word: none below 5 letters, 1, then 2 from 9', async () => {
    expect([4, 5, 8, 9].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });

  it('swapping two neighbouring letters is one edit', async () => {
    expect(distance('bushher', 'bushehr')).toBe(1);
    expect(distance('abc', 'abd')).toBe(1);
    expect(distance('', 'abc')).toBe(3);
  });

  it('a name found only among the actors is found', async () => {
    expect((await top('Nebenzia', 2)).sort()).toEqual(['snapback-sanctions-2025', 'un-arms-embargo-expiry-2020']);
  });

  it('a short word does not match inside a longer one: "SCO" is not "Moscow"', async () => {
    const text = (id: string) => JSON.stringify(facts.find((f) => f.id === id));
    for (const id of (await search('SCO')).map((h) => h.fact.id)) expect(text(id)).toMatch(/\bSCO\b/i);
  });
});

describe('query words', () => {
  it.each([
    ['What was the Shahed drone deal?', ['shahed', 'drone', 'deal']],
    ['us withdrawal from the nuclear deal', ['withdrawal', 'nuclear', 'deal']],
    ['the', ['the']],
    ['  S-300, ', ['s-300']],
    ['ك ي', ['ک', 'ی']],
  ])('%j → %j', (q, words) => {
    expect(queryWords(q)).toEqual(words);
  });
});
